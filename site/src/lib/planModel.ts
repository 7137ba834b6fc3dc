// The planner's state logic, free of React: the plan draft (plan-shaped, possibly invalid),
// cloud switching, profile defaults, component toggling with dependency closure.
import { dependents, requiredClosure } from '../../../blueprints/catalog.ts';
import type { Catalog, CloudId, Profile } from '../../../schemas/blueprint.ts';
import { demand } from '../../../schemas/plan.ts';
import type { Locale } from '../i18n/locale.ts';

/** What the toggle messages need of a language (English by default). */
type ToggleText = Pick<Locale, 't' | 'tp' | 'list' | 'componentName'>;

export interface NodePoolDraft {
  name: string;
  instanceType: string;
  min: number;
  max: number;
  diskGiB: number;
}

/** What the form edits. Same paths as the plan, so schema errors land on the right field. */
export interface PlanDraft {
  apiVersion: 'opsta.dev/v1';
  kind: 'Plan';
  metadata: { name: string; environment: string; description?: string };
  cloud: { provider: string; region: string } & Record<string, unknown>;
  profile: Profile;
  network: { cidr: string; zones?: number };
  kubernetes: { distribution: 'managed' | 'rke2'; version?: string; nodePools?: NodePoolDraft[] };
  dns: { domain: string; zone: 'create' | 'existing' };
  tls: { issuer: 'letsencrypt' | 'letsencrypt-staging' | 'selfsigned'; email?: string };
  components: Record<string, { enabled: boolean; realm?: string }>;
  github: {
    owner: string;
    repo: string;
    ownerId?: number;
    repoId?: number;
    baseBranch: string;
    environment?: string;
    reviewers: string[];
  };
  budget?: { monthlyUsd?: number };
}

export function cloudIds(catalog: Catalog): CloudId[] {
  return (['aws', 'azure', 'gcp'] as const).filter((id) => catalog.clouds[id]);
}

/**
 * Account fields start empty: a made-up account ID would aim the generated repository at an
 * account that is not the user's. The schema calls an empty one "missing" and says where to
 * find the value; cost and graph do not depend on it (see forEstimate).
 */
export function accountFor(catalog: Catalog, cloud: CloudId, previous?: Record<string, unknown>): Record<string, string> {
  const fields = catalog.clouds[cloud]!.accountFields;
  return Object.fromEntries(fields.map((f) => [f, typeof previous?.[f] === 'string' ? (previous[f] as string) : '']));
}

/** Placeholders the schema refuses (so they can never be generated from), used only to price and graph a plan whose account and repository fields are not filled in yet. */
const ESTIMATE_STAND_INS: Record<string, string> = {
  accountId: '000000000000',
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  tenantId: '00000000-0000-0000-0000-000000000000',
  projectId: 'my-project',
};
const REPOSITORY_STAND_IN = { owner: 'owner', repo: 'repo' };

/** A provider named by a user's plan is a cloud only if the catalog has it as its own key (`__proto__`, `toString` are not). */
const isCatalogCloud = (catalog: Catalog, provider: unknown): provider is CloudId =>
  typeof provider === 'string' && Object.hasOwn(catalog.clouds, provider) && catalog.clouds[provider as CloudId] !== undefined;

/**
 * The plan with its account fields and GitHub repository replaced by stand-ins, for cost and the
 * graph only (neither reads them): validate it with `allowPlaceholders`, and never generate from it.
 */
export function forEstimate(plan: Record<string, unknown>, catalog: Catalog): Record<string, unknown> {
  const cloud = plan.cloud as Record<string, unknown> | undefined;
  const provider = cloud?.provider as CloudId | undefined;
  if (!cloud || !isCatalogCloud(catalog, provider)) return plan;
  const account = Object.fromEntries(catalog.clouds[provider]!.accountFields.map((f) => [f, ESTIMATE_STAND_INS[f] ?? '']));
  const github = plan.github && typeof plan.github === 'object' ? { github: { ...(plan.github as Record<string, unknown>), ...REPOSITORY_STAND_IN } } : {};
  return { ...plan, cloud: { ...cloud, [provider]: account }, ...github };
}

export function componentOrder(catalog: Catalog): string[] {
  return Object.values(catalog.components)
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
    .map((c) => c.key);
}

export function enabledKeys(draft: Pick<PlanDraft, 'components'>, catalog: Catalog): string[] {
  return componentOrder(catalog).filter((k) => draft.components?.[k]?.enabled);
}

export function defaultDraft(catalog: Catalog, cloudId: CloudId = cloudIds(catalog)[0]!): PlanDraft {
  const cloud = catalog.clouds[cloudId]!;
  const draft: PlanDraft = {
    apiVersion: 'opsta.dev/v1',
    kind: 'Plan',
    metadata: { name: 'acme-prod', environment: 'prod', description: '' },
    cloud: { provider: cloudId, region: cloud.regions[0]!.id, [cloudId]: accountFor(catalog, cloudId) },
    profile: 'medium',
    network: { cidr: '10.40.0.0/16' },
    kubernetes: { distribution: 'managed', version: cloud.defaultKubernetesVersion },
    dns: { domain: 'platform.acme.example', zone: 'create' },
    tls: { issuer: 'letsencrypt', email: 'ops@acme.example' },
    components: Object.fromEntries(componentOrder(catalog).map((k) => [k, { enabled: false }])),
    // Empty like the account fields: the repository named here is the one the cloud roles trust.
    github: { owner: '', repo: '', baseBranch: 'main', environment: '', reviewers: [] },
    budget: {},
  };
  return applyProfile(draft, catalog, 'medium');
}

/** Switch cloud: keep what carries over, reset what is cloud-specific (region, account, version, instance types). */
export function setCloud(draft: PlanDraft, catalog: Catalog, cloudId: CloudId, region?: string): PlanDraft {
  const cloud = catalog.clouds[cloudId]!;
  const sameCloud = draft.cloud.provider === cloudId;
  const next: PlanDraft = {
    ...draft,
    cloud: {
      provider: cloudId,
      region: region ?? (sameCloud ? draft.cloud.region : cloud.regions[0]!.id),
      [cloudId]: accountFor(catalog, cloudId, sameCloud ? (draft.cloud[cloudId] as Record<string, unknown>) : undefined),
    },
  };
  if (sameCloud) {
    const zones = cloud.regions.find((r) => r.id === next.cloud.region)?.zones.length ?? 3;
    if (next.network.zones !== undefined && next.network.zones > zones) next.network = { ...next.network, zones };
    return next;
  }
  const dist = cloud.distributions.includes(draft.kubernetes.distribution) ? draft.kubernetes.distribution : cloud.distributions[0]!;
  next.kubernetes = { distribution: dist, version: cloud.defaultKubernetesVersion };
  return applyProfile(next, catalog, draft.profile);
}

/** Profile defaults: zones and a node pool sized for the enabled components. */
export function applyProfile(draft: PlanDraft, catalog: Catalog, profile: Profile): PlanDraft {
  const cloud = catalog.clouds[draft.cloud.provider as CloudId]!;
  const p = cloud.profiles[profile];
  const region = cloud.regions.find((r) => r.id === draft.cloud.region) ?? cloud.regions[0]!;
  const need = demand(enabledKeys(draft, catalog), profile, catalog);
  const t = cloud.instanceTypes.find((i) => i.id === p.nodePool.instanceType)!;
  const min = Math.max(p.nodePool.min, Math.ceil(need.cpu / t.vcpu), Math.ceil(need.memoryGiB / t.memoryGiB));
  return {
    ...draft,
    profile,
    network: { ...draft.network, zones: Math.min(p.zones, region.zones.length) },
    kubernetes: { ...draft.kubernetes, nodePools: [{ ...p.nodePool, min, max: Math.max(p.nodePool.max, min * 2) }] },
  };
}

export type ToggleResult =
  | { kind: 'done'; draft: PlanDraft; autoEnabled: string[]; disabled: string[] }
  | { kind: 'confirm'; key: string; dependents: string[] };

/**
 * Turn a component on (with everything it needs) or off. Turning off something enabled
 * components need returns `confirm` unless `force`, in which case the dependents go off too.
 */
export function toggleComponent(draft: PlanDraft, catalog: Catalog, key: string, on: boolean, force = false): ToggleResult {
  const components = { ...draft.components };
  const set = (k: string, enabled: boolean) => (components[k] = { ...(components[k] ?? {}), enabled });
  if (on) {
    const autoEnabled = requiredClosure(catalog, key).filter((d) => !components[d]?.enabled);
    for (const d of autoEnabled) set(d, true);
    set(key, true);
    return { kind: 'done', draft: { ...draft, components }, autoEnabled, disabled: [] };
  }
  const deps = dependents(catalog, key, enabledKeys(draft, catalog));
  if (deps.length > 0 && !force) return { kind: 'confirm', key, dependents: deps };
  for (const d of deps) set(d, false);
  set(key, false);
  return { kind: 'done', draft: { ...draft, components }, autoEnabled: [], disabled: deps };
}

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** e.g. "Harbor needs cert-manager and Gateway API (Envoy Gateway): turned on." */
export function autoEnableMessage(key: string, autoEnabled: string[], L: ToggleText): string {
  const name = L.componentName(key);
  if (autoEnabled.length === 0) return L.t('toggle.on', { name });
  return L.t('toggle.onWith', { name, names: L.list(autoEnabled.map(L.componentName)) });
}

export function disableMessage(key: string, disabled: string[], L: ToggleText): string {
  const name = L.componentName(key);
  if (disabled.length === 0) return L.t('toggle.off', { name });
  return L.tp('toggle.offWith', disabled.length, { name, names: L.list(disabled.map(L.componentName)) });
}

/**
 * The plan object to validate: drops empty optional values the form keeps as '' or NaN,
 * so "not set" and "set to nothing" mean the same thing.
 */
export function draftToPlan(draft: PlanDraft): Record<string, unknown> {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const c = clean(x);
        if (c === undefined) continue;
        out[k] = c;
      }
      return out;
    }
    if (v === '' || (typeof v === 'number' && Number.isNaN(v))) return undefined;
    return v;
  };
  const plan = clean(draft) as Record<string, unknown> & { budget?: Record<string, unknown>; components?: Record<string, Record<string, unknown>> };
  if (plan.budget && Object.keys(plan.budget).length === 0) delete plan.budget;
  // No node pools in the form means "the profile's default pool" (as in a plan without nodePools).
  const k8s = plan.kubernetes as { nodePools?: unknown[] } | undefined;
  if (k8s && Array.isArray(k8s.nodePools) && k8s.nodePools.length === 0) delete k8s.nodePools;
  // Required strings the user emptied stay '' so the schema reports them on their field.
  const keepEmpty = (obj: Record<string, unknown> | undefined, src: Record<string, unknown> | undefined, keys: string[]) => {
    if (!obj || !src) return;
    for (const k of keys) if (src[k] === '') obj[k] = '';
  };
  keepEmpty(plan.metadata as Record<string, unknown>, draft.metadata as unknown as Record<string, unknown>, ['name', 'environment']);
  keepEmpty(plan.dns as Record<string, unknown>, draft.dns as unknown as Record<string, unknown>, ['domain']);
  keepEmpty(plan.github as Record<string, unknown>, draft.github as unknown as Record<string, unknown>, ['owner', 'repo', 'baseBranch']);
  keepEmpty(plan.network as Record<string, unknown>, draft.network as unknown as Record<string, unknown>, ['cidr']);
  const provider = draft.cloud?.provider;
  if (provider) keepEmpty(plan.cloud as Record<string, unknown>, draft.cloud as Record<string, unknown>, []);
  if (provider && plan.cloud && draft.cloud[provider]) {
    const acc = draft.cloud[provider] as Record<string, unknown>;
    const out = ((plan.cloud as Record<string, unknown>)[provider] ??= {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(acc)) if (v === '') out[k] = '';
  }
  (plan.kubernetes as { nodePools?: Record<string, unknown>[] } | undefined)?.nodePools?.forEach((p, i) => {
    if (draft.kubernetes.nodePools?.[i]?.name === '') p.name = '';
    if (draft.kubernetes.nodePools?.[i]?.instanceType === '') p.instanceType = '';
  });
  return plan;
}

/**
 * A plan (imported, or restored from the URL) as a draft the form can edit. Only fills
 * what the schema would default anyway, so the plan means the same thing afterwards.
 */
export function planToDraft(plan: unknown, catalog: Catalog): PlanDraft | undefined {
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return undefined;
  const p = plan as Partial<PlanDraft> & { $schema?: unknown };
  const provider = p.cloud?.provider;
  if (!isCatalogCloud(catalog, provider)) return undefined;
  const { $schema: _s, ...rest } = p;
  const components: PlanDraft['components'] = Object.fromEntries(componentOrder(catalog).map((k) => [k, { enabled: false }]));
  // Defined, not assigned: an imported `__proto__` key stays an own (unknown, reported) key instead of
  // replacing the object's prototype; other unknown keys are kept so validation names them.
  for (const [k, v] of Object.entries((p.components ?? {}) as Record<string, { enabled?: boolean }>)) {
    Object.defineProperty(components, k, { value: { ...v, enabled: Boolean(v?.enabled) }, enumerable: true, writable: true, configurable: true });
  }
  return {
    ...(rest as PlanDraft),
    apiVersion: 'opsta.dev/v1',
    kind: 'Plan',
    cloud: { ...p.cloud, [provider]: { ...Object.fromEntries(catalog.clouds[provider as CloudId]!.accountFields.map((f) => [f, ''])), ...((p.cloud![provider] as object) ?? {}) } } as PlanDraft['cloud'],
    metadata: { name: '', environment: '', ...(p.metadata ?? {}) },
    profile: p.profile ?? 'medium',
    network: { cidr: '10.40.0.0/16', ...(p.network ?? {}) },
    kubernetes: { distribution: 'managed', ...(p.kubernetes ?? {}) },
    dns: { domain: '', zone: 'create', ...(p.dns ?? {}) },
    tls: { issuer: 'letsencrypt', ...(p.tls ?? {}) },
    components,
    github: { owner: '', repo: '', baseBranch: 'main', reviewers: [], ...(p.github ?? {}) },
    budget: p.budget ?? {},
  };
}

/**
 * After a toggle: if the node pools no longer cover what the enabled components request,
 * grow the first pool's minimum (never shrink what the user set).
 */
export function fitPools(draft: PlanDraft, catalog: Catalog): PlanDraft {
  const cloud = isCatalogCloud(catalog, draft.cloud.provider) ? catalog.clouds[draft.cloud.provider] : undefined;
  const pools = draft.kubernetes.nodePools;
  if (!cloud || !pools || pools.length === 0) return draft;
  const need = demand(enabledKeys(draft, catalog), draft.profile, catalog);
  const type = (id: string) => cloud.instanceTypes.find((t) => t.id === id);
  if (pools.some((p) => !type(p.instanceType) || !Number.isFinite(p.min))) return draft;
  const have = pools.reduce((a, p) => ({ cpu: a.cpu + type(p.instanceType)!.vcpu * p.min, mem: a.mem + type(p.instanceType)!.memoryGiB * p.min }), { cpu: 0, mem: 0 });
  if (have.cpu >= need.cpu && have.mem >= need.memoryGiB) return draft;
  const first = pools[0]!;
  const t = type(first.instanceType)!;
  const restCpu = have.cpu - t.vcpu * first.min;
  const restMem = have.mem - t.memoryGiB * first.min;
  const min = Math.min(100, Math.max(first.min, Math.ceil((need.cpu - restCpu) / t.vcpu), Math.ceil((need.memoryGiB - restMem) / t.memoryGiB)));
  const max = Math.max(first.max, min);
  return { ...draft, kubernetes: { ...draft.kubernetes, nodePools: [{ ...first, min, max }, ...pools.slice(1)] } };
}
