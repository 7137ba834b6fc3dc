data "terraform_remote_state" "network" {
  backend = "s3"

  config = {
    bucket = var.state_bucket
    key    = "stacks/10-network.tfstate"
    region = var.region
  }
}

locals {
  vpc_id          = data.terraform_remote_state.network.outputs.vpc_id
  private_subnets = data.terraform_remote_state.network.outputs.private_subnets
  zone_id         = data.terraform_remote_state.network.outputs.zone_id
}

################################################################################
# EKS (terraform-aws-modules/eks v21: inputs lost their cluster_ prefix)
################################################################################

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.19.0"

  name               = var.name
  kubernetes_version = var.kubernetes_version

  vpc_id     = local.vpc_id
  subnet_ids = local.private_subnets

  # The API is reachable from the runners that apply the platform; restrict
  # endpoint_public_access_cidrs further if your runners have fixed egress.
  endpoint_public_access  = true
  endpoint_private_access = true
  authentication_mode     = "API"
  enable_irsa             = true

  # Access entries instead of aws-auth: the apply role administers the
  # cluster, the plan role may only read (helmfile diff on pull requests).
  access_entries = {
    apply = {
      principal_arn = var.apply_role_arn
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
    plan = {
      principal_arn = var.plan_role_arn
      policy_associations = {
        view = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }

  addons = {
    coredns                = {}
    kube-proxy             = {}
    eks-pod-identity-agent = { before_compute = true }
    vpc-cni                = { before_compute = true }
    aws-ebs-csi-driver     = {}
  }

  eks_managed_node_groups = {
    for name, pool in var.node_pools : name => {
      instance_types = [pool.instance_type]
      min_size       = pool.min
      max_size       = pool.max
      desired_size   = pool.min
      disk_size      = pool.disk_gib
      labels         = { "opsta.dev/pool" = name }

      iam_role_additional_policies = {
        ebs_csi = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
      }
    }
  }

  tags = var.tags
}

locals {
  node_role_name = values(module.eks.eks_managed_node_groups)[0].iam_role_name
}

################################################################################
# Vault auto-unseal key: Vault starts sealed and unseals itself with this key,
# so no unseal key share ever exists outside KMS.
################################################################################

module "vault_kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Vault auto-unseal for ${var.name}"
  aliases                 = ["${var.name}/vault-unseal"]
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = var.tags
}

data "aws_iam_policy_document" "vault_unseal" {
  statement {
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
    resources = [module.vault_kms.key_arn]
  }
}

################################################################################
# Harbor registry storage
################################################################################

resource "aws_s3_bucket" "registry" {
  bucket = var.registry_bucket
}

resource "aws_s3_bucket_public_access_block" "registry" {
  bucket = aws_s3_bucket.registry.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "registry" {
  bucket = aws_s3_bucket.registry.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

data "aws_iam_policy_document" "registry" {
  statement {
    actions   = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [aws_s3_bucket.registry.arn]
  }

  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.registry.arn}/*"]
  }
}

# The Harbor chart does not create an annotated service account for the
# registry, so the node role carries this narrow bucket policy.
resource "aws_iam_role_policy" "registry" {
  name   = "${var.name}-harbor-registry"
  role   = local.node_role_name
  policy = data.aws_iam_policy_document.registry.json
}

################################################################################
# Route 53 access for external-dns records and cert-manager DNS-01 challenges
################################################################################

data "aws_iam_policy_document" "dns" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"]
    resources = ["arn:aws:route53:::hostedzone/${local.zone_id}"]
  }

  statement {
    actions   = ["route53:GetChange"]
    resources = ["arn:aws:route53:::change/*"]
  }

  statement {
    actions   = ["route53:ListHostedZones", "route53:ListHostedZonesByName"]
    resources = ["*"]
  }
}

module "external_dns_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-external-dns"
  use_name_prefix    = false
  enable_oidc        = true
  oidc_provider_urls = [module.eks.oidc_provider]
  oidc_subjects      = ["system:serviceaccount:external-dns:external-dns"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.dns.json]
  tags                           = var.tags
}

module "cert_manager_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-cert-manager"
  use_name_prefix    = false
  enable_oidc        = true
  oidc_provider_urls = [module.eks.oidc_provider]
  oidc_subjects      = ["system:serviceaccount:cert-manager:cert-manager"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.dns.json]
  tags                           = var.tags
}

module "vault_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-vault"
  use_name_prefix    = false
  enable_oidc        = true
  oidc_provider_urls = [module.eks.oidc_provider]
  oidc_subjects      = ["system:serviceaccount:vault:vault"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.vault_unseal.json]
  tags                           = var.tags
}
