// The cost report's English prose (line descriptions and notes, written by
// generator/src/cost.ts, which the CLI prints as is) recognised by shape, so the planner can show
// it in another language. A text no rule recognises is shown in English.
// tests/site/i18n-cost.test.ts checks every line and note of the example plans is recognised.
import { format, type Params } from './t.ts';

export const COST_RULES = {
  controlPlane: { re: /^(.+) control plane$/, params: ['kubernetes'] },
  rke2Servers: { re: /^RKE2 servers: (\d+) × (\S+)$/, params: ['count', 'type'] },
  rke2Disks: { re: /^RKE2 servers: (\d+) × (\d+) GiB root disks$/, params: ['count', 'gib'] },
  rke2Lb: { re: /^RKE2 control-plane load balancer \(traffic not included\)$/, params: [] },
  poolDisks: { re: /^node pool (\S+): (\d+) × (\d+) GiB root disks$/, params: ['pool', 'count', 'gib'] },
  nodeShare: { re: /^([\d.]+) vCPU \/ ([\d.]+) GiB requested: its share of node cost$/, params: ['cpu', 'memory'] },
  nodeRest: { re: /^nodes \((.+)\) not requested by components: system pods and headroom$/, params: ['pools'] },
  nat: { re: /^(\d+) NAT gateways? \(data processing not included\)$/, params: ['count'] },
  volumes: { re: /^(\d+) GiB persistent volumes$/, params: ['gib'] },
  loadBalancers: { re: /^(\d+) load balancers? \(traffic not included\)$/, params: ['count'] },
  kms: { re: /^(\d+) KMS keys?$/, params: ['count'] },
  objectStorage: { re: /^(\d+) GiB object storage \(requests not included\)$/, params: ['gib'] },
  backups: { re: /^(\d+) GiB backups, (\d+) days kept \(requests not included\)$/, params: ['gib', 'days'] },
  notePrices: { re: /^Prices are on-demand list prices in USD for (\S+), or a single price the source gives for every region\.$/, params: ['region'] },
  notePricesBorrowed: {
    re: /^Prices are on-demand list prices in USD for (\S+) where a sourced \S+ figure exists\. (\d+) line items? \((.+)\) (?:has|have) no sourced price in \S+ and uses? (\S+)'s, marked "borrowed from \S+"; the \S+ price may differ\.$/,
    params: ['region', 'count', 'items', 'reference'],
  },
  noteUsage: { re: /^Usage-based charges \(traffic, NAT data processing, requests\) are not included\.$/, params: [] },
  noteNodes: {
    re: /^Node pools are priced at their minimum size; components request ([\d.]+) vCPU \/ ([\d.]+) GiB, and node cost is shared out by vCPU requested\.$/,
    params: ['cpu', 'memory'],
  },
} as const satisfies Record<string, { re: RegExp; params: readonly string[] }>;

export type CostRule = keyof typeof COST_RULES;

/** Which rule a text matches, with its values. */
export function matchCostText(text: string): { rule: CostRule; params: Params } | undefined {
  for (const [rule, { re, params }] of Object.entries(COST_RULES) as [CostRule, (typeof COST_RULES)[CostRule]][]) {
    const m = re.exec(text);
    if (m) return { rule, params: Object.fromEntries(params.map((p, i) => [p, m[i + 1] ?? ''])) };
  }
  return undefined;
}

/** The text in the language of `templates` (a language's costText), or as written. */
export function localizeCostText(text: string, templates: Partial<Record<CostRule, string>>): string {
  const m = matchCostText(text);
  const template = m && templates[m.rule];
  return m && template ? format(template, m.params) : text;
}
