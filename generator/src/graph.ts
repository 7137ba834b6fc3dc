// The dependency graph as a Mermaid flowchart: stages as subgraphs, components
// as nodes, "needs" as edges. Node IDs come from catalog keys, labels go through
// the Mermaid label encoder.
import type { Catalog } from '../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../schemas/plan.ts';
import { mermaidLabel } from './encode.ts';

export interface Stage {
  id: string;
  title: string;
  tool: 'terraform' | 'helmfile';
  dir: string;
  /** Stage whose state must exist before this one can be planned. */
  upstream?: string;
  /**
   * The stage's state holds generated credentials (passwords, client secrets). Such a stage is
   * never planned on pull requests (a plan reads the state), and the plan identity must not be
   * able to read its state: the identity policies deny every stage marked here.
   */
  holdsSecrets?: boolean;
}

/** Pull requests plan a stage only when its state holds no secret. */
export const planOnPullRequest = (s: Stage): boolean => !s.holdsSecrets;

export function stagesFor(plan: ResolvedPlan): Stage[] {
  const stages: Stage[] = [
    { id: '10-network', title: 'Network and DNS', tool: 'terraform', dir: 'stacks/10-network' },
    // On RKE2 the cluster join token is a random_password in this state (rke2-aws-tf), and
    // refreshing its S3 copy needs a read the plan identity must not have.
    { id: '20-cluster', title: 'Kubernetes cluster', tool: 'terraform', dir: 'stacks/20-cluster', upstream: '10-network', holdsSecrets: plan.kubernetes.distribution === 'rke2' },
  ];
  if (plan.components.length > 0) {
    // Everything a release reads before it starts (namespaces, generated credentials,
    // workload-identity objects) exists before stage 30: no release waits on a later stage.
    stages.push(
      { id: '25-prerequisites', title: 'Cluster prerequisites: namespaces, generated credentials, workload-identity objects', tool: 'terraform', dir: 'stacks/25-prerequisites', upstream: '20-cluster', holdsSecrets: true },
      { id: '30-platform', title: 'Platform components', tool: 'helmfile', dir: 'platform' },
    );
  }
  if (plan.components.includes('keycloak')) {
    stages.push({ id: '40-config', title: 'Single sign-on wiring', tool: 'terraform', dir: 'stacks/40-config', upstream: '25-prerequisites', holdsSecrets: true });
  }
  return stages;
}

export function planGraph(plan: ResolvedPlan, catalog: Catalog, costs?: Record<string, number>): string {
  const cloud = catalog.clouds[plan.cloud.provider]!;
  const k8s = plan.kubernetes.distribution === 'managed' ? cloud.managedKubernetes : 'RKE2';
  const money = (key: string) => (costs?.[key] !== undefined ? ` · $${Math.round(costs[key]!)}/mo` : '');
  const out: string[] = ['flowchart LR'];
  out.push(`  subgraph s10[${mermaidLabel('10 network · Terraform')}]`, `    network[${mermaidLabel(`${cloud.name} network ${plan.network.cidr}, ${plan.network.zones} zones`)}]`, '  end');
  out.push(`  subgraph s20[${mermaidLabel('20 cluster · Terraform')}]`, `    cluster[${mermaidLabel(`${k8s} ${plan.kubernetes.version}${money('platform')}`)}]`, '  end');
  if (plan.components.length > 0) {
    out.push(`  subgraph s25[${mermaidLabel('25 prerequisites · Terraform')}]`, `    prerequisites[${mermaidLabel('Namespaces, generated credentials')}]`, '  end');
    out.push(`  subgraph s30[${mermaidLabel('30 platform · Helm')}]`);
    for (const key of plan.components) out.push(`    ${key}[${mermaidLabel(`${catalog.components[key]!.name}${money(key)}`)}]`);
    out.push('  end');
  }
  if (plan.components.includes('keycloak')) {
    out.push(`  subgraph s40[${mermaidLabel('40 config · Terraform')}]`, `    config[${mermaidLabel('SSO clients and realm')}]`, '  end');
  }
  out.push('  network --> cluster');
  if (plan.components.length > 0) out.push('  cluster --> prerequisites');
  for (const key of plan.components) {
    const reqs = catalog.components[key]!.requires.filter((r) => plan.components.includes(r));
    if (reqs.length === 0) out.push(`  prerequisites --> ${key}`);
    for (const r of reqs) out.push(`  ${r} --> ${key}`);
  }
  if (plan.components.includes('keycloak')) {
    out.push('  keycloak --> config');
    for (const key of plan.components) if (catalog.components[key]!.sso) out.push(`  ${key} --> config`);
  }
  return `${out.join('\n')}\n`;
}
