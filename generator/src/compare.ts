// The same plan priced on every cloud in the catalog: each node pool is mapped
// to the instance type, cheapest in the target region, with at least the same vCPU
// and memory, and the region to the one in the same city (else the cloud's reference
// region). Each cloud is priced at its own regional prices, with borrowed lines marked
// in its report. Every substitution is reported so the comparison can be checked.
import type { Catalog, CloudBlueprint, CloudId } from '../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../schemas/plan.ts';
import { priceFor } from '../../blueprints/prices.ts';
import { estimateCost, type CostReport } from './cost.ts';

export interface CloudComparison {
  cloud: CloudId;
  region: string;
  choices: string[];
  /** Why this cloud cannot run the plan as given (e.g. RKE2 not offered), if so. */
  unavailable?: string;
  report?: CostReport;
}

/** "Asia Pacific (Seoul)" → "seoul"; "Korea Central (Seoul)" → "seoul". */
function city(name: string): string {
  const m = /\(([^)]+)\)/.exec(name);
  return (m ? m[1]! : name).trim().toLowerCase();
}

/** The cheapest instance type in `region` (default: the reference region) with at least this vCPU and memory (else the largest). */
export function equivalentInstance(cloud: CloudBlueprint, vcpu: number, memoryGiB: number, region = cloud.priceRegion) {
  const fits = cloud.instanceTypes.filter((t) => t.vcpu >= vcpu && t.memoryGiB >= memoryGiB);
  const pool = fits.length ? fits : [...cloud.instanceTypes].sort((a, b) => b.vcpu - a.vcpu).slice(0, 1);
  const usd = (id: string) => priceFor(cloud, `instance:${id}`, region).usd;
  return [...pool].sort((a, b) => usd(a.id) - usd(b.id) || a.vcpu - b.vcpu || a.id.localeCompare(b.id))[0]!;
}

export function compareClouds(plan: ResolvedPlan, catalog: Catalog): CloudComparison[] {
  const source = catalog.clouds[plan.cloud.provider]!;
  const sourceRegion = source.regions.find((r) => r.id === plan.cloud.region)!;
  const out: CloudComparison[] = [];
  for (const target of Object.values(catalog.clouds)) {
    if (!target) continue;
    const choices: string[] = [];
    const region = target.regions.find((r) => city(r.name) === city(sourceRegion.name)) ?? target.regions.find((r) => r.id === target.priceRegion) ?? target.regions[0]!;
    if (target.id !== source.id) choices.push(`region ${sourceRegion.id} → ${region.id} (${region.name})`);
    if (!target.distributions.includes(plan.kubernetes.distribution)) {
      out.push({ cloud: target.id, region: region.id, choices, unavailable: target.unsupportedDistributions[plan.kubernetes.distribution] ?? `${plan.kubernetes.distribution} is not offered` });
      continue;
    }
    const nodePools = plan.kubernetes.nodePools.map((p) => {
      if (target.id === source.id) return p;
      const from = source.instanceTypes.find((t) => t.id === p.instanceType)!;
      const to = equivalentInstance(target, from.vcpu, from.memoryGiB, region.id);
      choices.push(`pool ${p.name}: ${from.id} (${from.vcpu} vCPU / ${from.memoryGiB} GiB) → ${to.id} (${to.vcpu} vCPU / ${to.memoryGiB} GiB)`);
      return { ...p, instanceType: to.id };
    });
    const zones = region.zones.slice(0, plan.network.zones);
    // NAT layout is how the target cloud builds egress (GCP's Cloud NAT is one regional gateway), not a plan choice.
    const natGateways = target.id === source.id ? plan.network.natGateways : target.profiles[plan.profile].natGateways;
    if (natGateways !== plan.network.natGateways) choices.push(`NAT: ${natGateways === 'single' ? 'one shared gateway' : 'one gateway per zone'} (${target.name}'s ${plan.profile} profile)`);
    const translated: ResolvedPlan = {
      ...plan,
      cloud: { ...plan.cloud, provider: target.id, region: region.id, zones },
      network: { ...plan.network, zones: zones.length, natGateways },
      kubernetes: { ...plan.kubernetes, nodePools },
    };
    out.push({ cloud: target.id, region: region.id, choices, report: estimateCost(translated, catalog) });
  }
  return out;
}
