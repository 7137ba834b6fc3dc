// The catalog's own contract: every blueprint folder is checked against these
// schemas when it is loaded, so a typo in catalog data fails loudly at load time
// instead of producing a subtly wrong plan or price.
import { z } from 'zod';

export const PROFILES = ['small', 'medium', 'large'] as const;
export type Profile = (typeof PROFILES)[number];

export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type CloudId = (typeof CLOUDS)[number];

const perProfile = <T extends z.ZodType>(t: T) => z.strictObject({ small: t, medium: t, large: t });

/** A date as a source states it: a year, a month or a day. */
const SourceDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * Where prices come from. `primary` is vendor price data (a machine-readable extract of the
 * vendor's price list or API, or the vendor's own pricing page); `secondary` is a third party
 * quoting the price, so its figures are marked approximate.
 */
export const PriceSourceSchema = z.strictObject({
  title: z.string().min(3),
  /** Printed as a Markdown autolink in generated READMEs, so no spaces, quotes or angle brackets. */
  url: z.string().regex(/^https:\/\/[^\s<>"'`]+$/, 'an https:// URL without spaces, quotes or angle brackets').optional(),
  class: z.enum(['primary', 'secondary']),
  /** The date the source itself states; absent when it states none. */
  date: SourceDateSchema.optional(),
  /** When the figures were read from the source. */
  read: SourceDateSchema,
  note: z.string().optional(),
});
export type PriceSource = z.infer<typeof PriceSourceSchema>;

/** The line items the estimator prices: one per catalog instance type, and the rest by name. */
export const PRICE_ITEMS = ['controlPlane', 'natGateway', 'loadBalancer', 'diskGiB', 'kmsKey', 'objectStorageGiB'] as const;
export type PriceItem = (typeof PRICE_ITEMS)[number] | `instance:${string}`;

/** Key of a price that applies to every region: the source publishes one price and no regional table. */
export const ALL_REGIONS = 'all';

/**
 * One line item's prices from one source, per region (`all` when the source publishes a
 * single price for every region). A region with no figure is priced at the cloud's
 * `priceRegion` and the cost line says so (borrowed), never silently.
 */
export const PriceEntrySchema = z.strictObject({
  item: z.union([z.enum(PRICE_ITEMS), z.templateLiteral(['instance:', z.string().min(1)])]),
  unit: z.enum(['hour', 'month', 'gib-month']),
  /** What is priced, in the source's terms (product, tier, what is left out). */
  description: z.string().min(3),
  /** Key into the cloud's `priceSources`. */
  source: z.string().min(1),
  /** USD per unit, by region id. */
  usd: z.record(z.string(), z.number().nonnegative()).refine((m) => Object.keys(m).length > 0, 'at least one region'),
  /** True for a figure derived from the source (e.g. a per-GiB rate from a disk tier), not read as is. */
  approximate: z.boolean().default(false),
  note: z.string().optional(),
});
export type PriceEntry = z.infer<typeof PriceEntrySchema>;

export const InstanceTypeSchema = z.strictObject({
  id: z.string(),
  family: z.string(),
  vcpu: z.number().positive(),
  memoryGiB: z.number().positive(),
});
export type InstanceType = z.infer<typeof InstanceTypeSchema>;

export const RegionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  zones: z.array(z.string()).min(1),
  /**
   * False for a region without availability zones (Azure koreasouth): it is listed
   * with one zone, meaning one fault domain, and zonal settings are left unset.
   */
  availabilityZones: z.boolean().default(true),
});
export type Region = z.infer<typeof RegionSchema>;

const NodePoolDefaultSchema = z.strictObject({
  name: z.string(),
  instanceType: z.string(),
  min: z.number().int().positive(),
  max: z.number().int().positive(),
  diskGiB: z.number().int().positive(),
});

export const CloudBlueprintSchema = z.strictObject({
  id: z.enum(CLOUDS),
  name: z.string(),
  managedKubernetes: z.string(),
  accountFields: z.array(z.string()),
  distributions: z.array(z.enum(['managed', 'rke2'])).min(1),
  /** Why a distribution is not offered on this cloud, shown as the validation message. */
  unsupportedDistributions: z.record(z.string(), z.string()).default({}),
  kubernetesVersions: z.array(z.string().regex(/^1\.\d+$/)).min(1),
  defaultKubernetesVersion: z.string(),
  /**
   * Reference region: every line item has a price here (or one for all regions), and a region
   * with no sourced figure for an item is priced at this region's and marked borrowed.
   */
  priceRegion: z.string(),
  regions: z.array(RegionSchema).min(1),
  instanceTypes: z.array(InstanceTypeSchema).min(1),
  /** Price sources by id, each with title, URL and dates. */
  priceSources: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), PriceSourceSchema),
  prices: z.array(PriceEntrySchema).min(1),
  /** rke2 runs its own control plane on these servers instead of paying a managed fee. */
  rke2Servers: z.strictObject({ count: z.number().int().positive(), instanceType: z.string() }),
  profiles: perProfile(
    z.strictObject({
      zones: z.number().int().min(1).max(3),
      /** How many NAT gateways: one per zone for resilience, or one shared to save cost. */
      natGateways: z.enum(['single', 'per-zone']),
      nodePool: NodePoolDefaultSchema,
    }),
  ),
});
export type CloudBlueprint = z.infer<typeof CloudBlueprintSchema>;

const ResourcesSchema = z.strictObject({ cpu: z.number().nonnegative(), memoryGiB: z.number().nonnegative() });

export const HealthCheckSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Path on `https://<hostname>.<domain>`; absent for in-cluster checks. */
  path: z.string().startsWith('/').optional(),
  /** In-cluster check: a Deployment/StatefulSet that must be Available/Ready. */
  workload: z.string().regex(/^(deployment|statefulset|daemonset)\/[a-z0-9-]+$/).optional(),
  /** In-cluster HTTP endpoint `<service>:<port>` (with `path`), reached through the API server's service proxy: for endpoints the gateway does not route (Keycloak's management port). */
  service: z.string().regex(/^[a-z][a-z0-9-]*:[0-9]{1,5}$/).optional(),
  expect: z.array(z.number().int()).min(1).optional(),
  source: z.string(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const ReleaseSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  chart: z.string(),
  /** Helm repository URL, or an `oci://` registry path; absent for a folder of plain manifests (chart `./manifests/<name>`). */
  repository: z.string().regex(/^(https|oci):\/\//).optional(),
  /** Short name helmfile knows the repository by (`<repositoryName>/<chart>`). */
  repositoryName: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  version: z.string().optional(),
  /** Template in this component's folder, rendered with the plan context: Helm values, or the manifests for a manifests release. */
  values: z.string().regex(/^[a-z0-9.-]+\.yaml\.njk$/),
  /** Commands helmfile runs before syncing this release (e.g. installing an operator's CRDs from a pinned tag). */
  presync: z.array(z.strictObject({ command: z.enum(['kubectl']), args: z.array(z.string()) })).default([]),
  /** Releases (by `name`) within the platform that must be installed first. */
  needs: z.array(z.string()).default([]),
  /** Clouds the release is installed on; absent means every cloud (a `needs` on a release left out is dropped). */
  clouds: z.array(z.enum(CLOUDS)).min(1).optional(),
  /** Installed only when the plan turns this on (`backups`: `backups.enabled`); a `needs` on a release left out is dropped. */
  when: z.enum(['backups']).optional(),
});

export const ComponentBlueprintSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  name: z.string(),
  description: z.string().max(120),
  category: z.enum(['networking', 'security', 'identity', 'registry', 'observability', 'delivery', 'access']),
  requires: z.array(z.string()).default([]),
  namespace: z.string().regex(/^[a-z][a-z0-9-]*$/),
  releases: z.array(ReleaseSchema).min(1),
  /** Sub-domain under `dns.domain` (e.g. `vault` → vault.platform.acme.example). */
  hostname: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  resources: perProfile(ResourcesSchema),
  costDrivers: z
    .strictObject({
      diskGiB: perProfile(z.number().nonnegative()).optional(),
      objectStorageGiB: perProfile(z.number().nonnegative()).optional(),
      /** Object storage the component's backups take (billed only when the plan's backups are on). */
      backupStorageGiB: perProfile(z.number().nonnegative()).optional(),
      loadBalancers: z.number().int().nonnegative().optional(),
      kmsKeys: z.number().int().nonnegative().optional(),
    })
    .default({}),
  health: z.array(HealthCheckSchema).default([]),
  /** Keycloak OIDC client wired by the config stage when Keycloak is on. */
  sso: z.strictObject({ clientId: z.string().regex(/^[a-z][a-z0-9-]*$/), redirectPath: z.string().startsWith('/') }).optional(),
  order: z.number().int(),
});
export type ComponentBlueprint = z.infer<typeof ComponentBlueprintSchema>;

export interface Catalog {
  /** Only clouds with a blueprint folder can be planned. */
  clouds: Partial<Record<CloudId, CloudBlueprint>>;
  components: Record<string, ComponentBlueprint>;
  /** Template sources of component folders, keyed `components/<key>/<file>`. */
  componentTemplates: Record<string, string>;
}
