// The plan: the one contract between the planner, the CLI, the generator and the
// generated repository. Built from the catalog so that regions, versions,
// instance types and components offered are exactly those the catalog holds.
import { z } from 'zod';
import { CLOUDS, PROFILES, type Catalog, type CloudBlueprint, type CloudId, type Profile } from './blueprint.ts';
import { formatCidr, isPrivate, layoutSubnets, parseCidr } from './net.ts';
import { quote } from './quote.ts';

export const API_VERSION = 'opsta.dev/v1';

// Every free-text value ends up in HCL, YAML, Markdown or a workflow. Patterns are
// strict allow-lists so that nothing with quotes, newlines, `${` or `{{` can pass;
// the encoders make output inert anyway, these rules make bad input fail early.
const IDENT = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const FQDN = new RegExp(`^(?=.{4,253}$)(?:${DNS_LABEL}\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`);
const GH_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GH_REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
const GH_USER = GH_OWNER;
const GH_BRANCH = /^(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)[A-Za-z0-9][A-Za-z0-9._/-]{0,99}(?<![/.])$/;
const GH_ENV = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const NODE_POOL = /^[a-z][a-z0-9]{0,10}$/;
const REALM = /^[a-z][a-z0-9-]{0,35}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A GitHub Actions runner label (self-hosted labels allow letters, digits, ".", "_", "-").
const RUNNER_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const pattern = (re: RegExp, what: string) => z.string().regex(re, { error: `must be ${what}` });

const NodePoolSchema = z.strictObject({
  name: pattern(NODE_POOL, '1-11 lowercase letters or digits, starting with a letter (e.g. "system")'),
  instanceType: z.string().min(1).max(40),
  min: z.number().int().min(1).max(100),
  max: z.number().int().min(1).max(100),
  diskGiB: z.number().int().min(20).max(2000).default(100),
});

/** Options a component takes besides `enabled`. Components not listed here take only `enabled`. */
const COMPONENT_OPTIONS: Record<string, z.ZodRawShape> = {
  keycloak: { realm: pattern(REALM, 'a lowercase realm name (letters, digits, "-"), e.g. "acme"').optional() },
  gateway: { controller: z.enum(['envoy-gateway']).default('envoy-gateway') },
};

/**
 * Who may reach the Kubernetes API. Omitted, it keeps the earlier behaviour (managed: a public
 * endpoint open to any address, IAM in front; RKE2: the internal load balancer) and the README
 * says so; written out, every choice is explicit (see crossFieldIssues for the rules).
 */
const ApiAccessSchema = z.strictObject({
  mode: z.enum(['public', 'private'], { error: 'must be "public" (an internet endpoint restricted to allowedCidrs) or "private" (reachable only inside the network)' }),
  allowedCidrs: z
    .array(z.string())
    .min(1, { error: 'needs at least one network; leave allowedCidrs out of a private plan to allow the platform network only' })
    .max(20, { error: 'takes at most 20 networks' })
    .optional(),
  runner: pattern(RUNNER_LABEL, 'a GitHub Actions runner label (letters, digits, ".", "_", "-"), e.g. "opsta-vpc"').optional(),
});

/**
 * The cloud account fields: their format, where to find the value, and the placeholder values
 * documentation and tutorials use (a plan aimed at one of those would deploy into an account
 * that is not the user's). The planner shows `format` and `where` as the field's hint; the
 * schema's messages say the same, so `opsta validate` and the planner agree word for word.
 */
export const ACCOUNT_FIELDS = {
  accountId: {
    label: 'AWS account ID',
    format: 'the 12-digit AWS account ID',
    where: 'the account menu at the top right of the AWS console, or `aws sts get-caller-identity --query Account --output text`',
    pattern: /^\d{12}$/,
    // AWS documentation's example accounts, and one digit repeated (000000000000, 111111111111, …).
    placeholder: (v: string) => ['123456789012', '111122223333', '444455556666', '777788889999'].includes(v) || /^(\d)\1{11}$/.test(v),
  },
  subscriptionId: {
    label: 'Azure subscription ID',
    format: 'a lowercase subscription GUID',
    where: 'Subscriptions in the Azure portal, or `az account show --query id --output tsv`',
    pattern: UUID,
    placeholder: (v: string) => isPlaceholderGuid(v),
  },
  tenantId: {
    label: 'Azure tenant ID',
    format: 'a lowercase tenant GUID',
    where: 'Microsoft Entra ID, Overview, in the Azure portal, or `az account show --query tenantId --output tsv`',
    pattern: UUID,
    placeholder: (v: string) => isPlaceholderGuid(v),
  },
  projectId: {
    label: 'GCP project ID',
    format: 'a GCP project ID (6-30 lowercase letters, digits, "-")',
    where: 'the project picker of the Google Cloud console (the ID column), or `gcloud config get-value project`',
    pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    placeholder: (v: string) => /^(my|your|example|sample|demo|placeholder)-(gcp-)?project(-id)?$/.test(v) || /^project-id$/.test(v) || v === 'acme-platform',
  },
} as const satisfies Record<string, { label: string; format: string; where: string; pattern: RegExp; placeholder: (v: string) => boolean }>;

export type AccountField = keyof typeof ACCOUNT_FIELDS;

/** The all-zero GUID, one hex digit repeated, and the 12345678-1234-… pattern tutorials use. */
function isPlaceholderGuid(v: string): boolean {
  const hex = v.replace(/-/g, '');
  return /^([0-9a-f])\1{31}$/.test(hex) || /^12345678-?1234-?1234-?1234-?123456789012$/.test(v) || /^0{8}-0{4}-0{4}-0{4}-0{11}[0-9a-f]$/.test(v);
}

/** Same text for an empty, malformed or placeholder value: what it must be and where to find it. */
export function accountMessage(field: AccountField, kind: 'missing' | 'format' | 'placeholder'): string {
  const f = ACCOUNT_FIELDS[field];
  const find = `find it in ${f.where}`;
  if (kind === 'missing') return `is missing: enter ${f.format}; ${find}`;
  if (kind === 'placeholder') return `is a placeholder from documentation or an example, not your account: enter ${f.format}; ${find}`;
  return `must be ${f.format}; ${find}`;
}

/**
 * The GitHub repository the generated code goes to. Its `owner/repo` is the OIDC subject the
 * bootstrap lets assume the cloud roles, so a value copied from an example would let another
 * party's workflows sign in to the user's cloud. Same shape as ACCOUNT_FIELDS: the planner shows
 * `format` and `where` as the hint, and the schema's messages say the same.
 */
export const GITHUB_FIELDS = {
  owner: {
    format: 'the GitHub user or organization that owns the repository for the generated code (OWNER in github.com/OWNER/REPO)',
  },
  repo: {
    format: 'the name of the GitHub repository for the generated code (REPO in github.com/OWNER/REPO)',
  },
} as const satisfies Record<string, { format: string }>;

/** Where both GitHub fields are found: the repository must exist (empty is fine) before publishing. */
export const GITHUB_WHERE = "the repository's address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it";

export type GithubField = keyof typeof GITHUB_FIELDS;

/**
 * Names tutorials and templates write for "your organization" and "your repository"
 * (my-org/my-repo, owner/repo, your-org/…, GitHub's own octo-org/octo-repo). GitHub names are
 * case-insensitive, so these are compared in lower case.
 */
const PLACEHOLDER_OWNER = /^(?:your-.*|(?:(?:my|example|sample|demo|placeholder)-?)?(?:github-?)?(?:org|organi[sz]ation|user|user-?name|owner|account|company|team|name)(?:-?name)?|example|octo-?org|octocat)$/;
const PLACEHOLDER_REPO = /^(?:your-.*|(?:(?:my|example|sample|demo|placeholder)-?)?(?:repo|repository)(?:-?name)?|octo-?repo)$/;
/** The repositories of this project's examples (examples/*.plan.yaml) and earlier planner defaults. */
const EXAMPLE_REPOSITORIES = new Set(['acme/acme-platform', 'globex/globex-platform']);

/** Which GitHub fields name a placeholder or example repository, and how. */
export function githubPlaceholders(owner: string, repo: string): { field: GithubField; kind: 'placeholder' | 'example' }[] {
  const o = owner.toLowerCase();
  const r = repo.toLowerCase();
  const out: { field: GithubField; kind: 'placeholder' | 'example' }[] = [];
  if (PLACEHOLDER_OWNER.test(o)) out.push({ field: 'owner', kind: 'placeholder' });
  if (PLACEHOLDER_REPO.test(r)) out.push({ field: 'repo', kind: 'placeholder' });
  if (out.length === 0 && EXAMPLE_REPOSITORIES.has(`${o}/${r}`)) out.push({ field: 'owner', kind: 'example' });
  return out;
}

/**
 * The fields of a plan that hold a placeholder or example value (account IDs, the GitHub
 * repository): empty for any plan that validates without the example marker. The generator
 * writes the marker into the repository's opsta.plan.yaml when this is not empty, so the plan
 * it writes says what the plan it read said, and validates as that one did.
 */
export function placeholderFields(plan: Pick<PlanInput, 'cloud' | 'github'>): string[] {
  const out: string[] = [];
  const cloud = plan.cloud as Record<string, unknown>;
  const section = cloud[String(cloud.provider)];
  for (const [field, value] of Object.entries(typeof section === 'object' && section !== null ? section : {})) {
    if (Object.hasOwn(ACCOUNT_FIELDS, field) && typeof value === 'string' && ACCOUNT_FIELDS[field as AccountField].placeholder(value)) out.push(`cloud.${String(cloud.provider)}.${field}`);
  }
  for (const p of githubPlaceholders(plan.github.owner, plan.github.repo)) out.push(`github.${p.field}`);
  return out;
}

/**
 * Same text for an empty or placeholder value, and for an example repository (reported on
 * github.owner): what it must be, where to find it, and why it matters.
 */
export function githubMessage(field: GithubField, kind: 'missing' | 'placeholder' | 'example'): string {
  const enter = `enter ${GITHUB_FIELDS[field].format}; find it in ${GITHUB_WHERE}`;
  if (kind === 'missing') return `is missing: ${enter}`;
  const why = 'the cloud roles trust the workflows of the repository github.owner/github.repo names';
  if (kind === 'example') return `together with github.repo names the repository of an Opsta example, not yours: ${why}, so ${enter}`;
  return `is a placeholder from documentation or an example, not your repository: ${why}, so ${enter}`;
}

function githubNameSchema(field: GithubField, re: RegExp, what: string) {
  const missing = githubMessage(field, 'missing');
  return z
    .string({ error: (iss) => (iss.input === undefined ? missing : undefined) })
    .regex(re, { error: (iss) => (iss.input === '' ? missing : `must be ${what}`) });
}

export interface PlanSchemaOptions {
  /**
   * Accept the known placeholder account values (documentation account IDs, the all-zero GUID).
   * Only for this repository's example plans, which say so with the marker comment
   * `# opsta: example-placeholders` (see schemas/plan-yaml.ts).
   */
  allowPlaceholders?: boolean;
}

function accountSchema(field: AccountField, options: PlanSchemaOptions) {
  const f = ACCOUNT_FIELDS[field];
  const base = z
    // An absent field is "missing" too; other wrong types fall through to the friendly error map (YAML quoting hints).
    .string({ error: (iss) => (iss.input === undefined ? accountMessage(field, 'missing') : undefined) })
    .regex(f.pattern, { error: (iss) => accountMessage(field, iss.input === '' ? 'missing' : 'format') });
  return options.allowPlaceholders ? base : base.refine((v) => !f.placeholder(v), { error: accountMessage(field, 'placeholder') });
}

function cloudSchema(cloud: CloudBlueprint, options: PlanSchemaOptions) {
  const regions = cloud.regions.map((r) => r.id) as [string, ...string[]];
  const accounts = {
    aws: z.strictObject({ accountId: accountSchema('accountId', options) }),
    azure: z.strictObject({
      subscriptionId: accountSchema('subscriptionId', options),
      tenantId: accountSchema('tenantId', options),
    }),
    gcp: z.strictObject({ projectId: accountSchema('projectId', options) }),
  } as const;
  return z.strictObject({
    provider: z.literal(cloud.id),
    region: z.enum(regions, { error: `must be one of the ${cloud.name} regions in the catalog: ${regions.join(', ')}` }),
    [cloud.id]: accounts[cloud.id],
  });
}

export function createPlanSchema(catalog: Catalog, options: PlanSchemaOptions = {}) {
  const clouds = CLOUDS.flatMap((id) => (catalog.clouds[id] ? [catalog.clouds[id]] : []));
  if (clouds.length === 0) throw new Error('catalog has no cloud blueprints');
  const cloudMembers = clouds.map((c) => cloudSchema(c, options));
  const componentShape = Object.fromEntries(
    Object.keys(catalog.components)
      .sort()
      .map((key) => [key, z.strictObject({ enabled: z.boolean(), ...(COMPONENT_OPTIONS[key] ?? {}) }).optional()]),
  );

  const base = z.strictObject({
    $schema: z.string().optional(),
    apiVersion: z.literal(API_VERSION, { error: `must be "${API_VERSION}"` }),
    kind: z.literal('Plan', { error: 'must be "Plan"' }),
    metadata: z.strictObject({
      name: pattern(IDENT, '2-32 lowercase letters, digits or "-", starting with a letter (e.g. "acme-prod")'),
      environment: pattern(/^[a-z][a-z0-9]{0,9}$/, '1-10 lowercase letters or digits, starting with a letter (e.g. "prod")'),
      description: z.string().max(200).regex(/^[^\p{C}]*$/u, { error: 'must not contain control characters or line breaks' }).optional(),
    }),
    cloud: cloudMembers.length === 1 ? cloudMembers[0]! : z.discriminatedUnion('provider', cloudMembers as never),
    profile: z.enum(PROFILES).default('medium'),
    network: z
      .strictObject({
        cidr: z.string().default('10.40.0.0/16'),
        zones: z.number().int().min(1).max(3).optional(),
      })
      .default({ cidr: '10.40.0.0/16' }),
    kubernetes: z
      .strictObject({
        distribution: z.enum(['managed', 'rke2']).default('managed'),
        version: z.string().optional(),
        nodePools: z.array(NodePoolSchema).min(1).max(5).optional(),
        apiAccess: ApiAccessSchema.optional(),
      })
      .default({ distribution: 'managed' }),
    dns: z.strictObject({
      domain: pattern(FQDN, 'a lowercase fully qualified domain name such as "platform.acme.example"'),
      zone: z.enum(['create', 'existing']).default('create'),
    }),
    tls: z
      .strictObject({
        issuer: z.enum(['letsencrypt', 'letsencrypt-staging', 'selfsigned']).default('letsencrypt'),
        email: z.email({ error: 'must be a valid email address for ACME registration, e.g. "ops@acme.example"' }).max(254).optional(),
      })
      .default({ issuer: 'letsencrypt' }),
    components: z.strictObject(componentShape).default({}),
    github: z.strictObject({
      owner: githubNameSchema('owner', GH_OWNER, 'a GitHub user or organization name'),
      repo: githubNameSchema('repo', GH_REPO, 'a GitHub repository name (letters, digits, ".", "-", "_")'),
      ownerId: z.number().int().positive().optional(),
      repoId: z.number().int().positive().optional(),
      subjectFormat: z.enum(['auto', 'legacy', 'immutable']).default('auto'),
      baseBranch: pattern(GH_BRANCH, 'a branch name such as "main"').default('main'),
      environment: pattern(GH_ENV, 'a GitHub environment name (letters, digits, "-", "_")').optional(),
      reviewers: z
        .array(pattern(GH_USER, 'a GitHub username'))
        .max(6, { error: 'GitHub environments allow at most 6 required reviewers' })
        .default([])
        .describe('Code owners and required reviewers. Leave it empty only for a draft: without reviewers no CODEOWNERS file is generated and nothing requires review.'),
    }).superRefine((g, ctx) => {
      if (options.allowPlaceholders) return;
      for (const { field, kind } of githubPlaceholders(g.owner, g.repo)) ctx.addIssue({ code: 'custom', path: [field], message: githubMessage(field, kind) });
    }),
    budget: z.strictObject({ monthlyUsd: z.number().positive().max(10_000_000) }).optional(),
    // Keycloak's database backed up to object storage (CloudNativePG base backups + WAL).
    // On by default in the large profile; see resolveBackups.
    backups: z
      .strictObject({
        enabled: z.boolean().optional(),
        retentionDays: z.number().int().min(7, { error: 'must be at least 7 days (one weekly base backup must survive)' }).max(365).default(30),
      })
      .optional(),
  });

  return base.superRefine((plan, ctx) => {
    for (const issue of crossFieldIssues(plan as PlanInput, catalog)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

export type PlanSchema = ReturnType<typeof createPlanSchema>;
export type PlanInput = z.output<PlanSchema> & { cloud: { provider: CloudId; region: string } };

export interface ResolvedNodePool {
  name: string;
  instanceType: string;
  min: number;
  max: number;
  diskGiB: number;
}

export interface ResolvedApiAccess {
  mode: 'public' | 'private';
  /** Networks that may reach the API: the endpoint's allow-list (public) or the runners' networks (private). */
  allowedCidrs: string[];
  /** True when the public endpoint accepts any address (0.0.0.0/0). */
  open: boolean;
  /** Whether the plan spelled apiAccess out (the README warns about the implicit default). */
  explicit: boolean;
  /** `runs-on` label for the workflow jobs that may reach the API; unset means GitHub-hosted. */
  runner?: string;
}

/** The plan with every profile-driven default filled in: what templates and cost see. */
export interface ResolvedPlan {
  name: string;
  environment: string;
  description?: string;
  cloud: { provider: CloudId; region: string; zones: string[]; account: Record<string, string> };
  profile: Profile;
  network: { cidr: string; zones: number; privateSubnets: string[]; publicSubnets: string[]; natGateways: 'single' | 'per-zone' };
  kubernetes: { distribution: 'managed' | 'rke2'; version: string; nodePools: ResolvedNodePool[]; apiAccess: ResolvedApiAccess };
  dns: { domain: string; zone: 'create' | 'existing' };
  tls: { issuer: 'letsencrypt' | 'letsencrypt-staging' | 'selfsigned'; email?: string };
  /** Enabled component keys, in catalog order. */
  components: string[];
  componentOptions: Record<string, Record<string, unknown>>;
  github: {
    owner: string;
    repo: string;
    ownerId?: number;
    repoId?: number;
    subjectFormat: 'legacy' | 'immutable';
    baseBranch: string;
    environment: string;
    reviewers: string[];
  };
  budget?: { monthlyUsd: number };
  /** Whether Keycloak's database is backed up to a bucket stage 20 creates, and for how long. */
  backups: { enabled: boolean; retentionDays: number };
}

interface Issue {
  path: (string | number)[];
  message: string;
}

export function enabledComponents(plan: Pick<PlanInput, 'components'>, catalog: Catalog): string[] {
  return Object.values(catalog.components)
    .filter((c) => (plan.components as Record<string, { enabled: boolean } | undefined>)[c.key]?.enabled)
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
    .map((c) => c.key);
}

/** vCPU and GiB that the enabled components request at a profile, plus the cluster's own system pods. */
export function demand(components: string[], profile: Profile, catalog: Catalog): { cpu: number; memoryGiB: number } {
  const SYSTEM = { small: { cpu: 1, memoryGiB: 2 }, medium: { cpu: 1.5, memoryGiB: 3 }, large: { cpu: 2, memoryGiB: 4 } }[profile];
  return components.reduce(
    (acc, key) => {
      const r = catalog.components[key]!.resources[profile];
      return { cpu: acc.cpu + r.cpu, memoryGiB: acc.memoryGiB + r.memoryGiB };
    },
    { ...SYSTEM },
  );
}

export function supply(pools: ResolvedNodePool[], cloud: CloudBlueprint): { cpu: number; memoryGiB: number } {
  return pools.reduce(
    (acc, p) => {
      const t = cloud.instanceTypes.find((i) => i.id === p.instanceType);
      return t ? { cpu: acc.cpu + t.vcpu * p.min, memoryGiB: acc.memoryGiB + t.memoryGiB * p.min } : acc;
    },
    { cpu: 0, memoryGiB: 0 },
  );
}

/** Profile default node pool, grown until it covers the enabled components. */
function defaultNodePools(cloud: CloudBlueprint, profile: Profile, need: { cpu: number; memoryGiB: number }): ResolvedNodePool[] {
  const d = cloud.profiles[profile].nodePool;
  const t = cloud.instanceTypes.find((i) => i.id === d.instanceType)!;
  const min = Math.max(d.min, Math.ceil(need.cpu / t.vcpu), Math.ceil(need.memoryGiB / t.memoryGiB));
  return [{ ...d, min, max: Math.max(d.max, min * 2) }];
}

export function githubSubjectFormat(g: PlanInput['github']): 'legacy' | 'immutable' {
  if (g.subjectFormat !== 'auto') return g.subjectFormat;
  return g.ownerId !== undefined && g.repoId !== undefined ? 'immutable' : 'legacy';
}

export function resolvePlan(plan: PlanInput, catalog: Catalog): ResolvedPlan {
  const cloud = catalog.clouds[plan.cloud.provider]!;
  const profile = plan.profile;
  const region = cloud.regions.find((r) => r.id === plan.cloud.region)!;
  const zones = Math.min(plan.network.zones ?? cloud.profiles[profile].zones, region.zones.length);
  const components = enabledComponents(plan, catalog);
  const need = demand(components, profile, catalog);
  const nodePools = plan.kubernetes.nodePools?.map((p) => ({ ...p, diskGiB: p.diskGiB ?? 100 })) ?? defaultNodePools(cloud, profile, need);
  const layout = layoutSubnets(parseCidr(plan.network.cidr)!, zones);
  const componentOptions: Record<string, Record<string, unknown>> = {};
  for (const key of components) {
    const { enabled: _enabled, ...opts } = (plan.components as Record<string, Record<string, unknown>>)[key]!;
    componentOptions[key] = opts;
  }
  if (components.includes('keycloak') && componentOptions.keycloak!.realm === undefined) componentOptions.keycloak!.realm = plan.metadata.name;
  const cloudSection = plan.cloud as unknown as Record<string, Record<string, string>>;
  return {
    name: plan.metadata.name,
    environment: plan.metadata.environment,
    ...(plan.metadata.description !== undefined ? { description: plan.metadata.description } : {}),
    cloud: { provider: plan.cloud.provider, region: region.id, zones: region.zones.slice(0, zones), account: { ...cloudSection[plan.cloud.provider]! } },
    profile,
    network: {
      cidr: plan.network.cidr,
      zones,
      privateSubnets: layout.private.map(formatCidr),
      publicSubnets: layout.public.map(formatCidr),
      natGateways: cloud.profiles[profile].natGateways,
    },
    kubernetes: {
      distribution: plan.kubernetes.distribution,
      version: plan.kubernetes.version ?? cloud.defaultKubernetesVersion,
      nodePools,
      apiAccess: resolveApiAccess(plan),
    },
    dns: { domain: plan.dns.domain, zone: plan.dns.zone },
    tls: { issuer: plan.tls.issuer, ...(plan.tls.email !== undefined ? { email: plan.tls.email } : {}) },
    components,
    componentOptions,
    github: {
      owner: plan.github.owner,
      repo: plan.github.repo,
      ...(plan.github.ownerId !== undefined ? { ownerId: plan.github.ownerId } : {}),
      ...(plan.github.repoId !== undefined ? { repoId: plan.github.repoId } : {}),
      subjectFormat: githubSubjectFormat(plan.github),
      baseBranch: plan.github.baseBranch,
      environment: plan.github.environment ?? plan.metadata.environment,
      reviewers: plan.github.reviewers,
    },
    ...(plan.budget ? { budget: plan.budget } : {}),
    backups: resolveBackups(plan, components),
  };
}

/**
 * Backups cover Keycloak's CloudNativePG database, through the cluster's workload
 * identity (so not on RKE2, which has none). Default: on in the large profile.
 */
function resolveBackups(plan: PlanInput, components: string[]): ResolvedPlan['backups'] {
  const possible = components.includes('keycloak') && plan.kubernetes.distribution === 'managed';
  const enabled = possible && (plan.backups?.enabled ?? plan.profile === 'large');
  return { enabled, retentionDays: plan.backups?.retentionDays ?? 30 };
}

const ANYWHERE = '0.0.0.0/0';

/** API access with its defaults: see ApiAccessSchema; valid plans only (crossFieldIssues ran). */
export function resolveApiAccess(plan: Pick<PlanInput, 'kubernetes' | 'network'>): ResolvedApiAccess {
  const a = plan.kubernetes.apiAccess;
  const rke2 = plan.kubernetes.distribution === 'rke2';
  const canonical = (cidrs: string[]) => [...new Set(cidrs.map((c) => formatCidr(parseCidr(c)!)))];
  const mode = a?.mode ?? (rke2 ? 'private' : 'public');
  let allowedCidrs = a?.allowedCidrs ? canonical(a.allowedCidrs) : mode === 'public' ? [ANYWHERE] : [plan.network.cidr];
  // rke2-aws-tf's control-plane load balancer also carries node registration (port 9345) with the
  // same allow-list, so the platform network must always be on it.
  if (rke2 && !allowedCidrs.includes(plan.network.cidr)) allowedCidrs = [plan.network.cidr, ...allowedCidrs];
  return {
    mode,
    allowedCidrs,
    open: mode === 'public' && allowedCidrs.includes(ANYWHERE),
    explicit: a !== undefined,
    ...(a?.runner !== undefined ? { runner: a.runner } : {}),
  };
}

function apiAccessIssues(plan: PlanInput, cloud: CloudBlueprint): Issue[] {
  const a = plan.kubernetes.apiAccess;
  if (!a) return [];
  const at = (...rest: (string | number)[]) => ['kubernetes', 'apiAccess', ...rest];
  const issues: Issue[] = [];
  a.allowedCidrs?.forEach((text, i) => {
    const c = parseCidr(text);
    if (!c) issues.push({ path: at('allowedCidrs', i), message: `"${text}" is not an IPv4 network in CIDR form with no host bits set, e.g. "203.0.113.0/24"` });
    else if (a.mode === 'private' && !isPrivate(c)) {
      issues.push({ path: at('allowedCidrs', i), message: `"${text}" is not a private range: a private API is reached only from inside the network (your runners' subnets), so list RFC 1918 ranges` });
    }
  });
  if (a.mode === 'public' && a.allowedCidrs === undefined) {
    issues.push({
      path: at('allowedCidrs'),
      message: 'is required with mode "public": list the networks that may reach the Kubernetes API (your runners\' and administrators\' egress), or write ["0.0.0.0/0"] to accept an API open to the internet',
    });
  }
  if (a.mode === 'private' && a.runner === undefined) {
    issues.push({ path: at('runner'), message: 'is required with mode "private": GitHub-hosted runners cannot reach a private API; name the label of self-hosted runners inside the network (see the generated README)' });
  }
  if (plan.kubernetes.distribution === 'rke2' && a.mode === 'public') {
    issues.push({
      path: at('mode'),
      message: 'RKE2 keeps its API on the internal load balancer: nodes register through the same load balancer and its allow-list, so a public one would route them through the NAT gateways; use "private" with a runner in the network',
    });
  }
  if (cloud.id === 'azure' && a.mode === 'private' && a.allowedCidrs !== undefined) {
    issues.push({ path: at('allowedCidrs'), message: 'does not apply to a private AKS cluster: its API is reachable from the virtual network and networks peered with it (restrict those with NSGs); leave allowedCidrs out' });
  }
  return issues;
}

/**
 * What needs an AWS identity of its own, and why. RKE2 here has no pod identity (no IRSA
 * webhook, no Pod Identity agent): the only credentials a pod could use are the shared
 * agent node role's, which any pod on any agent can reach. Putting these permissions there
 * would let every pod rewrite the zone, decrypt Vault's root key or alter the image store.
 */
const NEEDS_POD_IDENTITY: Record<string, string> = {
  externalDns: 'Route 53 write access for its records',
  vault: 'KMS decrypt on the auto-unseal key',
  harbor: 'read/write on the registry bucket',
};

function rke2WorkloadIdentityIssues(plan: PlanInput, enabled: string[], catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  for (const key of enabled) {
    const need = NEEDS_POD_IDENTITY[key];
    if (!need) continue;
    issues.push({
      path: ['components', key, 'enabled'],
      message: `${catalog.components[key]!.name} needs ${need}, and RKE2 on AWS has no pod identity here (only the agent node role every pod shares): use distribution "managed", or turn ${catalog.components[key]!.name} off`,
    });
  }
  if (enabled.includes('certManager') && plan.tls.issuer !== 'selfsigned') {
    issues.push({
      path: ['tls', 'issuer'],
      message: `Let's Encrypt certificates are issued through Route 53 DNS-01, which needs a pod identity RKE2 on AWS does not have here (only the agent node role every pod shares): use issuer "selfsigned", or distribution "managed"`,
    });
  }
  return issues;
}

const fmtNum = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function crossFieldIssues(plan: PlanInput, catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const cloud = catalog.clouds[plan.cloud.provider];
  if (!cloud) return issues;

  const cidr = parseCidr(plan.network.cidr);
  if (!cidr) {
    issues.push({ path: ['network', 'cidr'], message: `${quote(plan.network.cidr)} is not an IPv4 network in CIDR form with no host bits set, e.g. "10.40.0.0/16"` });
  } else if (!isPrivate(cidr)) {
    issues.push({ path: ['network', 'cidr'], message: 'must be a private (RFC 1918) range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' });
  } else if (cidr.prefix < 16 || cidr.prefix > 22) {
    issues.push({ path: ['network', 'cidr'], message: `prefix /${cidr.prefix} is out of range: use /16 to /22 (e.g. "10.40.0.0/16") so every zone gets room for nodes and pods` });
  }

  const region = cloud.regions.find((r) => r.id === plan.cloud.region);
  if (region && plan.network.zones !== undefined && plan.network.zones > region.zones.length) {
    issues.push({ path: ['network', 'zones'], message: `${region.id} offers ${region.zones.length} zones; use at most ${region.zones.length}` });
  }

  const dist = plan.kubernetes.distribution;
  if (!cloud.distributions.includes(dist)) {
    issues.push({ path: ['kubernetes', 'distribution'], message: (Object.hasOwn(cloud.unsupportedDistributions, dist) ? cloud.unsupportedDistributions[dist] : undefined) ?? `${quote(dist)} is not offered on ${cloud.name}; use "managed"` });
  }
  const version = plan.kubernetes.version;
  if (version !== undefined && !cloud.kubernetesVersions.includes(version)) {
    issues.push({ path: ['kubernetes', 'version'], message: `must be one of ${cloud.kubernetesVersions.map((v) => `"${v}"`).join(', ')} on ${cloud.name}` });
  }

  const pools = plan.kubernetes.nodePools ?? [];
  const seen = new Set<string>();
  pools.forEach((p, i) => {
    if (seen.has(p.name)) issues.push({ path: ['kubernetes', 'nodePools', i, 'name'], message: `${quote(p.name)} is used by another node pool; names must be unique` });
    seen.add(p.name);
    if (!cloud.instanceTypes.some((t) => t.id === p.instanceType)) {
      const family = p.instanceType.split(/[._-]/)[0] ?? '';
      const near = cloud.instanceTypes.filter((t) => t.id.startsWith(family)).map((t) => t.id);
      const offer = (near.length ? near : cloud.instanceTypes.map((t) => t.id)).slice(0, 8).join(', ');
      issues.push({ path: ['kubernetes', 'nodePools', i, 'instanceType'], message: `${quote(p.instanceType)} is not a ${cloud.name} instance type in the catalog; try one of: ${offer}` });
    }
    if (p.min > p.max) issues.push({ path: ['kubernetes', 'nodePools', i, 'max'], message: `max (${p.max}) must be at least min (${p.min})` });
  });

  const enabled = enabledComponents(plan, catalog);
  for (const key of enabled) {
    for (const dep of catalog.components[key]!.requires) {
      if (!enabled.includes(dep)) {
        const c = catalog.components[key]!;
        const d = catalog.components[dep]!;
        issues.push({ path: ['components', dep], message: `${c.name} needs ${d.name}: set components.${dep}.enabled to true (or turn ${c.name} off)` });
      }
    }
  }

  if (plan.kubernetes.nodePools && pools.every((p) => cloud.instanceTypes.some((t) => t.id === p.instanceType))) {
    const need = demand(enabled, plan.profile, catalog);
    const have = supply(pools.map((p) => ({ ...p, diskGiB: p.diskGiB ?? 100 })), cloud);
    if (have.cpu < need.cpu || have.memoryGiB < need.memoryGiB) {
      issues.push({
        path: ['kubernetes', 'nodePools'],
        message: `components need ${fmtNum(need.cpu)} vCPU / ${fmtNum(need.memoryGiB)} GiB at the ${plan.profile} profile, pools give ${fmtNum(have.cpu)} vCPU / ${fmtNum(have.memoryGiB)} GiB at their minimum size: raise min, pick a larger instance type, or turn components off`,
      });
    }
  }

  const g = plan.github;
  if (g.subjectFormat === 'immutable') {
    for (const key of ['ownerId', 'repoId'] as const) {
      if (g[key] === undefined) {
        issues.push({ path: ['github', key], message: `is required when subjectFormat is "immutable" (the OIDC subject names the numeric owner and repository IDs)${GH_OWNER.test(g.owner) && GH_REPO.test(g.repo) ? `; gh api repos/${g.owner}/${g.repo} --jq '.owner.id, .id' prints them` : ''}` });
      }
    }
  }

  if (plan.backups?.enabled === true) {
    if (!enabled.includes('keycloak')) {
      issues.push({ path: ['backups', 'enabled'], message: "backs up Keycloak's database, and Keycloak is off: set components.keycloak.enabled to true, or remove backups.enabled" });
    } else if (plan.kubernetes.distribution === 'rke2') {
      issues.push({
        path: ['backups', 'enabled'],
        message: 'needs a workload identity for the backup bucket, and RKE2 has none here (only the shared node role): use distribution "managed", or set backups.enabled to false',
      });
    }
  }

  issues.push(...apiAccessIssues(plan, cloud));

  if (dist === 'rke2' && cloud.distributions.includes('rke2')) issues.push(...rke2WorkloadIdentityIssues(plan, enabled, catalog));

  if (plan.tls.issuer !== 'selfsigned' && plan.tls.email === undefined) {
    issues.push({ path: ['tls', 'email'], message: "is required for Let's Encrypt (expiry notices go there); set an address or use issuer: selfsigned" });
  }
  // Grafana, Argo CD, Harbor, Vault and stage 40's providers verify sso.<domain>'s certificate
  // against public roots; no private CA bundle is distributed to them, so an untrusted issuer
  // would break every SSO login and stage 40 itself (review M13).
  if (plan.tls.issuer !== 'letsencrypt' && enabled.includes('keycloak')) {
    issues.push({
      path: ['tls', 'issuer'],
      message: `cannot be ${plan.tls.issuer} with Keycloak on: every SSO client (Grafana, Argo CD, Harbor, Vault, and stage 40) verifies the Keycloak certificate against public roots, which ${plan.tls.issuer === 'selfsigned' ? 'a self-signed' : "a Let's Encrypt staging"} certificate fails; use issuer: letsencrypt, or turn Keycloak off`,
    });
  }
  return issues;
}
