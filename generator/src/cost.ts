// Monthly cost of a resolved plan: per component and per resource kind, each
// line traceable to a catalog price with its source and date.
import type { Catalog, CloudBlueprint, Price } from '../../schemas/blueprint.ts';
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
  source: string;
  date: string;
  approximate: boolean;
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
  priceRegion: string;
  /** True when any line is an approximation, or the region is priced at another region's list prices. */
  approximate: boolean;
  lines: CostLine[];
  billed: Billed[];
  byComponent: { owner: string; name: string; monthlyUsd: number }[];
  byKind: { kind: ResourceKind; monthlyUsd: number }[];
  totalUsd: number;
  budget?: { monthlyUsd: number; remainingUsd: number; over: boolean };
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function monthly(p: Price, quantity: number): number {
  return p.unit === 'hour' ? p.usd * HOURS_PER_MONTH * quantity : p.usd * quantity;
}

function line(owner: string, kind: ResourceKind, description: string, p: Price, quantity: number): CostLine {
  return { owner, kind, description, monthlyUsd: round2(monthly(p, quantity)), source: p.source, date: p.date, approximate: p.approximate };
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
  const P = cloud.prices;

  if (plan.kubernetes.distribution === 'managed') {
    lines.push(line('platform', 'control-plane', `${cloud.managedKubernetes} control plane`, P.controlPlane, 1));
  } else {
    const { count } = cloud.rke2Servers;
    const s = instance(cloud, cloud.rke2Servers.instanceType);
    lines.push(line('platform', 'control-plane', `RKE2 servers: ${count} × ${s.id}`, s.price, count));
    lines.push(line('platform', 'disks', `RKE2 servers: ${count} × ${RKE2_SERVER_DISK_GIB} GiB root disks`, P.diskGiB, count * RKE2_SERVER_DISK_GIB));
    lines.push(line('platform', 'load-balancers', 'RKE2 control-plane load balancer (traffic not included)', P.loadBalancer, 1));
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
  let nodeSource: Price | undefined;
  let nodeApprox = false;
  for (const pool of plan.kubernetes.nodePools) {
    const t = instance(cloud, pool.instanceType);
    nodeTotal += monthly(t.price, pool.min);
    nodeSource ??= t.price;
    nodeApprox ||= t.price.approximate;
    lines.push(line('platform', 'disks', `node pool ${pool.name}: ${pool.min} × ${pool.diskGiB} GiB root disks`, P.diskGiB, pool.min * pool.diskGiB));
    billed.push(
      { item: 'nodes', pool: pool.name, instanceType: pool.instanceType, count: pool.min },
      { item: 'node-disks', pool: pool.name, count: pool.min, diskGiB: pool.diskGiB },
    );
  }
  const nodeLine = (owner: string, description: string, usd: number): CostLine => ({
    owner, kind: 'nodes', description, monthlyUsd: round2(usd), source: nodeSource!.source, date: nodeSource!.date, approximate: nodeApprox,
  });
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
  lines.push(line('platform', 'nat', `${nats} NAT gateway${nats > 1 ? 's' : ''} (data processing not included)`, P.natGateway, nats));

  for (const key of plan.components) {
    const c = catalog.components[key]!;
    const d = c.costDrivers;
    if (d.diskGiB) lines.push(line(key, 'disks', `${d.diskGiB[plan.profile]} GiB persistent volumes`, P.diskGiB, d.diskGiB[plan.profile]));
    if (d.loadBalancers) {
      lines.push(line(key, 'load-balancers', `${d.loadBalancers} load balancer${d.loadBalancers > 1 ? 's' : ''} (traffic not included)`, P.loadBalancer, d.loadBalancers));
      billed.push({ item: 'load-balancers', owner: key, count: d.loadBalancers });
    }
    if (d.kmsKeys) lines.push(line(key, 'kms', `${d.kmsKeys} KMS key${d.kmsKeys > 1 ? 's' : ''}`, P.kmsKey, d.kmsKeys));
    if (d.objectStorageGiB) {
      lines.push(line(key, 'object-storage', `${d.objectStorageGiB[plan.profile]} GiB object storage (requests not included)`, P.objectStorageGiB, d.objectStorageGiB[plan.profile]));
      billed.push({ item: 'object-storage', owner: key, gib: d.objectStorageGiB[plan.profile] });
    }
    if (d.backupStorageGiB && plan.backups.enabled) {
      const gib = d.backupStorageGiB[plan.profile];
      lines.push(line(key, 'object-storage', `${gib} GiB backups, ${plan.backups.retentionDays} days kept (requests not included)`, P.objectStorageGiB, gib));
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
  const regionDiffers = plan.cloud.region !== cloud.priceRegion;
  const notes = [
    `Prices are on-demand list prices in USD for ${cloud.priceRegion}${regionDiffers ? `; ${plan.cloud.region} is priced the same, so treat the figures as approximate` : ''}.`,
    'Usage-based charges (traffic, NAT data processing, requests) are not included.',
    `Node pools are priced at their minimum size; components request ${need.cpu.toFixed(1)} vCPU / ${need.memoryGiB.toFixed(1)} GiB, and node cost is shared out by vCPU requested.`,
  ];
  return {
    cloud: cloud.name,
    region: plan.cloud.region,
    priceRegion: cloud.priceRegion,
    approximate: regionDiffers || lines.some((l) => l.approximate),
    lines,
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
