// Monthly cost of a resolved plan: per component and per resource kind, each line priced
// from the plan's region where the catalog holds a sourced figure for it, else from the
// cloud's reference region and marked borrowed; every line names its source and date.
import { priceFor, type RegionalPrice } from '../../blueprints/prices.ts';
import type { Catalog, CloudBlueprint, PriceItem, PriceSource } from '../../schemas/blueprint.ts';
import { demand, type ResolvedPlan } from '../../schemas/plan.ts';

export const HOURS_PER_MONTH = 730;

/** Root disk of each RKE2 server, GiB: stage 20 sets it (rke2_server_disk_gib) and this bills it. */
export const RKE2_SERVER_DISK_GIB = 50;

export type ResourceKind = 'control-plane' | 'nodes' | 'disks' | 'nat' | 'load-balancers' | 'kms' | 'object-storage';

export interface CostLine {
  /** Component key, or `platform` for what the cluster itself costs. */
  owner: string;
  kind: ResourceKind;
  description: string;
  monthlyUsd: number;
  /** Catalog line items priced (several when node pools of different types share the line). */
  items: PriceItem[];
  /** What the price is for, in the source's terms. */
  price: string;
  /** Region whose figure prices the line, or `all` for a single price the source gives every region. */
  pricedIn: string;
  /** The reference region whose price is used because the plan's region has no sourced figure. */
  borrowedFrom?: string;
  /** Source title(s); the ids index `CostReport.sources`. */
  source: string;
  sourceIds: string[];
  /** The date the source states, else the date it was read. */
  date: string;
  /** A secondary source, or a figure derived rather than read. */
  approximate: boolean;
}

/** A price source as the report lists it: once, with its dates. */
export interface CostSource {
  id: string;
  title: string;
  url?: string;
  class: PriceSource['class'];
  /** The date the source states, if it states one. */
  dated?: string;
  read: string;
}

/**
 * What the report bills, in the terms the generated configuration uses, so a test can hold
 * each figure against the Terraform that sets it (tests/generated/cost-config.test.ts).
 * Node pools and disks are priced at the pool's minimum size, which is its desired size.
 */
export type Billed =
  | { item: 'nodes'; pool: string; instanceType: string; count: number }
  | { item: 'node-disks'; pool: string; count: number; diskGiB: number }
  | { item: 'load-balancers'; owner: string; count: number }
  | { item: 'object-storage'; owner: string; gib: number };

export interface CostReport {
  cloud: string;
  region: string;
  /** The cloud's reference region: where a line item with no figure for `region` is priced. */
  referenceRegion: string;
  lines: CostLine[];
  /** Catalog items priced at the reference region's figure, once each, with how many lines use it so. */
  borrowed: { item: PriceItem; label: string; price: string; from: string; lines: number }[];
  /** How many lines are borrowed (a line of several items counts once). */
  borrowedLines: number;
  /** Every source a line uses, in order of first use. */
  sources: CostSource[];
  billed: Billed[];
  byComponent: { owner: string; name: string; monthlyUsd: number }[];
  byKind: { kind: ResourceKind; monthlyUsd: number }[];
  totalUsd: number;
  budget?: { monthlyUsd: number; remainingUsd: number; over: boolean };
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const ITEM_LABELS: Record<string, string> = {
  controlPlane: 'control plane',
  natGateway: 'NAT gateway',
  loadBalancer: 'load balancer',
  diskGiB: 'disks',
  kmsKey: 'KMS key',
  objectStorageGiB: 'object storage',
};

/** A line item as people say it: `natGateway` → "NAT gateway", `instance:m6i.xlarge` → "m6i.xlarge". */
export function itemLabel(item: PriceItem): string {
  return item.startsWith('instance:') ? item.slice('instance:'.length) : (ITEM_LABELS[item] ?? item);
}

/**
 * The borrowed lines counted, with what each is: "7 line items (disks ×5, NAT gateway, load
 * balancer)". The note, `--compare` and the README say it alike; items are counted in lines, as
 * the line table marks them, not once per catalog item.
 */
export function borrowedSummary(r: Pick<CostReport, 'borrowed' | 'borrowedLines'>): string {
  const items = r.borrowed.map((b) => `${b.label}${b.lines > 1 ? ` ×${b.lines}` : ''}`).join(', ');
  return `${r.borrowedLines} line item${r.borrowedLines === 1 ? '' : 's'} (${items})`;
}

function monthly(p: RegionalPrice, quantity: number): number {
  return p.unit === 'hour' ? p.usd * HOURS_PER_MONTH * quantity : p.usd * quantity;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A line priced by one or more figures (node lines mix the pools' instance types). */
function pricedLine(owner: string, kind: ResourceKind, description: string, usd: number, prices: RegionalPrice[]): CostLine {
  const borrowed = prices.find((p) => p.borrowedFrom);
  return {
    owner,
    kind,
    description,
    monthlyUsd: round2(usd),
    items: unique(prices.map((p) => p.item)),
    price: unique(prices.map((p) => p.description)).join('; '),
    pricedIn: unique(prices.map((p) => p.pricedIn)).join(', '),
    ...(borrowed ? { borrowedFrom: borrowed.borrowedFrom } : {}),
    source: unique(prices.map((p) => p.source.title)).join('; '),
    sourceIds: unique(prices.map((p) => p.sourceId)),
    date: unique(prices.map((p) => p.date)).join(', '),
    approximate: prices.some((p) => p.approximate),
  };
}

function line(owner: string, kind: ResourceKind, description: string, p: RegionalPrice, quantity: number): CostLine {
  return pricedLine(owner, kind, description, monthly(p, quantity), [p]);
}

function instance(cloud: CloudBlueprint, id: string) {
  const t = cloud.instanceTypes.find((i) => i.id === id);
  if (!t) throw new Error(`instance type ${id} is not in the ${cloud.name} catalog`);
  return t;
}

export function estimateCost(plan: ResolvedPlan, catalog: Catalog): CostReport {
  const cloud = catalog.clouds[plan.cloud.provider]!;
  const lines: CostLine[] = [];
  const billed: Billed[] = [];
  const region = plan.cloud.region;
  const P = (item: PriceItem) => priceFor(cloud, item, region);
  const instancePrice = (id: string) => P(`instance:${instance(cloud, id).id}`);

  if (plan.kubernetes.distribution === 'managed') {
    lines.push(line('platform', 'control-plane', `${cloud.managedKubernetes} control plane`, P('controlPlane'), 1));
  } else {
    const { count } = cloud.rke2Servers;
    const s = instance(cloud, cloud.rke2Servers.instanceType);
    lines.push(line('platform', 'control-plane', `RKE2 servers: ${count} × ${s.id}`, instancePrice(s.id), count));
    lines.push(line('platform', 'disks', `RKE2 servers: ${count} × ${RKE2_SERVER_DISK_GIB} GiB root disks`, P('diskGiB'), count * RKE2_SERVER_DISK_GIB));
    lines.push(line('platform', 'load-balancers', 'RKE2 control-plane load balancer (traffic not included)', P('loadBalancer'), 1));
    billed.push(
      { item: 'nodes', pool: 'rke2-servers', instanceType: s.id, count },
      { item: 'node-disks', pool: 'rke2-servers', count, diskGiB: RKE2_SERVER_DISK_GIB },
      { item: 'load-balancers', owner: 'platform', count: 1 },
    );
  }

  const need = demand(plan.components, plan.profile, catalog);
  // Node cost is shared out by the vCPU each component requests; the remainder
  // (system pods and headroom) stays with the platform.
  let nodeTotal = 0;
  const nodePrices: RegionalPrice[] = [];
  for (const pool of plan.kubernetes.nodePools) {
    const price = instancePrice(pool.instanceType);
    nodeTotal += monthly(price, pool.min);
    nodePrices.push(price);
    lines.push(line('platform', 'disks', `node pool ${pool.name}: ${pool.min} × ${pool.diskGiB} GiB root disks`, P('diskGiB'), pool.min * pool.diskGiB));
    billed.push(
      { item: 'nodes', pool: pool.name, instanceType: pool.instanceType, count: pool.min },
      { item: 'node-disks', pool: pool.name, count: pool.min, diskGiB: pool.diskGiB },
    );
  }
  const nodeLine = (owner: string, description: string, usd: number): CostLine => pricedLine(owner, 'nodes', description, usd, nodePrices);
  const capacityCpu = plan.kubernetes.nodePools.reduce((a, p) => a + instance(cloud, p.instanceType).vcpu * p.min, 0);
  let allocated = 0;
  for (const key of plan.components) {
    const r = catalog.components[key]!.resources[plan.profile];
    const share = round2((Math.min(r.cpu, capacityCpu) / capacityCpu) * nodeTotal);
    allocated += share;
    lines.push(nodeLine(key, `${r.cpu} vCPU / ${r.memoryGiB} GiB requested: its share of node cost`, share));
  }
  const pools = plan.kubernetes.nodePools.map((p) => `${p.min} × ${p.instanceType}`).join(' + ');
  lines.push(nodeLine('platform', `nodes (${pools}) not requested by components: system pods and headroom`, Math.max(0, nodeTotal - allocated)));

  const nats = plan.network.natGateways === 'single' ? 1 : plan.network.zones;
  lines.push(line('platform', 'nat', `${nats} NAT gateway${nats > 1 ? 's' : ''} (data processing not included)`, P('natGateway'), nats));

  for (const key of plan.components) {
    const c = catalog.components[key]!;
    const d = c.costDrivers;
    if (d.diskGiB) lines.push(line(key, 'disks', `${d.diskGiB[plan.profile]} GiB persistent volumes`, P('diskGiB'), d.diskGiB[plan.profile]));
    if (d.loadBalancers) {
      lines.push(line(key, 'load-balancers', `${d.loadBalancers} load balancer${d.loadBalancers > 1 ? 's' : ''} (traffic not included)`, P('loadBalancer'), d.loadBalancers));
      billed.push({ item: 'load-balancers', owner: key, count: d.loadBalancers });
    }
    if (d.kmsKeys) lines.push(line(key, 'kms', `${d.kmsKeys} KMS key${d.kmsKeys > 1 ? 's' : ''}`, P('kmsKey'), d.kmsKeys));
    if (d.objectStorageGiB) {
      lines.push(line(key, 'object-storage', `${d.objectStorageGiB[plan.profile]} GiB object storage (requests not included)`, P('objectStorageGiB'), d.objectStorageGiB[plan.profile]));
      billed.push({ item: 'object-storage', owner: key, gib: d.objectStorageGiB[plan.profile] });
    }
    if (d.backupStorageGiB && plan.backups.enabled) {
      const gib = d.backupStorageGiB[plan.profile];
      lines.push(line(key, 'object-storage', `${gib} GiB backups, ${plan.backups.retentionDays} days kept (requests not included)`, P('objectStorageGiB'), gib));
      billed.push({ item: 'object-storage', owner: key, gib });
    }
  }

  const totalUsd = round2(lines.reduce((a, l) => a + l.monthlyUsd, 0));
  const owners = ['platform', ...plan.components];
  const byComponent = owners.map((o) => ({
    owner: o,
    name: o === 'platform' ? 'Cluster and network' : catalog.components[o]!.name,
    monthlyUsd: round2(lines.filter((l) => l.owner === o).reduce((a, l) => a + l.monthlyUsd, 0)),
  }));
  const kinds: ResourceKind[] = ['control-plane', 'nodes', 'disks', 'nat', 'load-balancers', 'kms', 'object-storage'];
  const byKind = kinds
    .map((k) => ({ kind: k, monthlyUsd: round2(lines.filter((l) => l.kind === k).reduce((a, l) => a + l.monthlyUsd, 0)) }))
    .filter((k) => k.monthlyUsd > 0);
  const ref = cloud.priceRegion;
  const borrowed: CostReport['borrowed'] = [];
  const borrowedLines = lines.filter((l) => l.borrowedFrom);
  for (const l of borrowedLines) {
    for (const item of l.items) {
      const p = P(item);
      if (!p.borrowedFrom) continue;
      const known = borrowed.find((b) => b.item === item);
      if (known) known.lines++;
      else borrowed.push({ item, label: itemLabel(item), price: p.description, from: p.borrowedFrom, lines: 1 });
    }
  }
  const summary = { borrowed, borrowedLines: borrowedLines.length };
  const sources: CostSource[] = [];
  for (const id of unique(lines.flatMap((l) => l.sourceIds))) {
    const s = cloud.priceSources[id]!;
    sources.push({ id, title: s.title, ...(s.url ? { url: s.url } : {}), class: s.class, ...(s.date ? { dated: s.date } : {}), read: s.read });
  }
  const notes = [
    borrowed.length === 0
      ? `Prices are on-demand list prices in USD for ${region}, or a single price the source gives for every region.`
      : `Prices are on-demand list prices in USD for ${region} where a sourced ${region} figure exists. ${borrowedSummary(summary)} ${summary.borrowedLines === 1 ? 'has' : 'have'} no sourced price in ${region} and use${summary.borrowedLines === 1 ? 's' : ''} ${ref}'s, marked "borrowed from ${ref}"; the ${region} price may differ.`,
    'Usage-based charges (traffic, NAT data processing, requests) are not included.',
    `Node pools are priced at their minimum size; components request ${need.cpu.toFixed(1)} vCPU / ${need.memoryGiB.toFixed(1)} GiB, and node cost is shared out by vCPU requested.`,
  ];
  return {
    cloud: cloud.name,
    region,
    referenceRegion: ref,
    lines,
    borrowed,
    borrowedLines: borrowedLines.length,
    sources,
    billed,
    byComponent,
    byKind,
    totalUsd,
    ...(plan.budget
      ? { budget: { monthlyUsd: plan.budget.monthlyUsd, remainingUsd: round2(plan.budget.monthlyUsd - totalUsd), over: totalUsd > plan.budget.monthlyUsd } }
      : {}),
    notes,
  };
}
