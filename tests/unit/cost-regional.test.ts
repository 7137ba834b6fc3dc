// Every region priced as itself (issue 10): a line item is priced from the plan's region where
// the catalog holds a sourced figure, from a single price the source gives every region, or
// else from the cloud's reference region and marked `borrowedFrom`, never silently. The
// figures are held against the regional price compilation copied into
// tests/fixtures/prices/regional-prices.json (facts only; see tests/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError } from '../../blueprints/catalog.ts';
import { readBlueprintFiles } from '../../blueprints/load-node.ts';
import { priceFor, priceItems, type RegionalPrice } from '../../blueprints/prices.ts';
import { main, type Io } from '../../generator/src/cli.ts';
import { compareClouds, equivalentInstance } from '../../generator/src/compare.ts';
import { borrowedSummary, estimateCost, HOURS_PER_MONTH, type CostReport } from '../../generator/src/cost.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import type { Catalog, CloudBlueprint, CloudId, PriceItem } from '../../schemas/blueprint.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import type { ResolvedPlan } from '../../schemas/plan.ts';
import { loadExample } from '../generated/examples.ts';

interface FactItem { lineItem: string; region: string; usd: number; source: string; singlePrice?: true }
interface CloudFacts {
  referenceRegion: string;
  regions: string[];
  exampleNode: { lineItem: string; seoulRegion: string; seoulHourly: number; referenceRegion: string; referenceHourly: number };
  items: FactItem[];
  notFound: { lineItem: string; region: string }[];
}
const FACTS = JSON.parse(readFileSync(new URL('../fixtures/prices/regional-prices.json', import.meta.url), 'utf8')) as { clouds: Record<CloudId, CloudFacts> };

const opts = nodeGenerateOptions();
const { catalog } = opts;
const CLOUDS: CloudId[] = ['aws', 'azure', 'gcp'];
const EXAMPLE: Record<CloudId, string> = { aws: 'aws-medium', azure: 'azure-medium', gcp: 'gcp-medium' };
/** Catalog sources that carry a reference-region figure over from before regional prices (no citable figure was compiled). */
const CARRIED = /^opsta-reference-/;
const round2 = (n: number) => Math.round(n * 100) / 100;

function resolved(name: string): ResolvedPlan {
  const v = validatePlanText(loadExample(name).text, catalog);
  if (!v.ok) throw new Error(`${name}: ${JSON.stringify(v.problems)}`);
  return v.resolved;
}

async function opsta(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  const code = await main(argv, io);
  return { code, out, err };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/**
 * Every region × line item of every cloud, held against the catalog's raw figures: a region's
 * own figure must price it as that region; else a single price for every region; else the
 * reference region's figure with `borrowedFrom` set. Returns what is wrong (empty when sound).
 */
function unmarkedFallbacks(cat: Catalog, lookup: (c: CloudBlueprint, item: PriceItem, region: string) => RegionalPrice): string[] {
  const out: string[] = [];
  for (const cloud of Object.values(cat.clouds)) {
    const ref = cloud!.priceRegion;
    const raw = (item: string, region: string) => cloud!.prices.find((e) => e.item === item && e.usd[region] !== undefined)?.usd[region];
    for (const region of cloud!.regions.map((r) => r.id)) {
      for (const item of priceItems(cloud!)) {
        const p = lookup(cloud!, item, region);
        const at = `${cloud!.id} ${region} ${item}`;
        const own = raw(item, region);
        const all = raw(item, 'all');
        if (own !== undefined) {
          if (p.pricedIn !== region || p.borrowedFrom || p.usd !== own) out.push(`${at}: has its own figure ${own} but is priced ${JSON.stringify({ pricedIn: p.pricedIn, borrowedFrom: p.borrowedFrom, usd: p.usd })}`);
        } else if (all !== undefined) {
          if (p.pricedIn !== 'all' || p.borrowedFrom || p.usd !== all) out.push(`${at}: has one price for every region (${all}) but is priced ${JSON.stringify({ pricedIn: p.pricedIn, borrowedFrom: p.borrowedFrom, usd: p.usd })}`);
        } else if (p.borrowedFrom !== ref || p.pricedIn !== ref || p.usd !== raw(item, ref)) {
          out.push(`${at}: no figure of its own, so it must be borrowed from ${ref} at ${raw(item, ref)}, got ${JSON.stringify({ pricedIn: p.pricedIn, borrowedFrom: p.borrowedFrom, usd: p.usd })}`);
        }
      }
    }
  }
  return out;
}

describe('regional prices in the catalog', () => {
  it('are the compiled regional figures: each compiled figure prices its region, and each catalog figure is a compiled one', () => {
    for (const id of CLOUDS) {
      const cloud = catalog.clouds[id]!;
      const facts = FACTS.clouds[id];
      expect(cloud.priceRegion).toBe(facts.referenceRegion);
      const types = new Set(cloud.instanceTypes.map((t) => `instance:${t.id}`));
      // Every instance type of the catalog is compiled for every compiled region.
      for (const t of types) for (const r of facts.regions) expect(facts.items.some((i) => i.lineItem === t && i.region === r), `${id} ${t} ${r} in the compilation`).toBe(true);
      for (const f of facts.items) {
        if (f.lineItem.startsWith('instance:') && !types.has(f.lineItem)) continue;
        const p = priceFor(cloud, f.lineItem as PriceItem, f.region);
        expect({ at: `${id} ${f.lineItem} ${f.region}`, usd: p.usd, borrowed: p.borrowedFrom, pricedIn: p.pricedIn === 'all' ? f.singlePrice === true : p.pricedIn === f.region })
          .toEqual({ at: `${id} ${f.lineItem} ${f.region}`, usd: f.usd, borrowed: undefined, pricedIn: true });
      }
      for (const e of cloud.prices) {
        for (const [region, usd] of Object.entries(e.usd)) {
          const at = `${id} ${e.item} ${region} (${e.source})`;
          if (CARRIED.test(e.source)) {
            // Carried over only where the compilation found no figure for the reference region (or the same one).
            expect(region, at).toBe(cloud.priceRegion);
            const compiled = facts.items.find((i) => i.lineItem === e.item && i.region === region);
            expect(compiled === undefined || compiled.usd === usd, `${at}: the compilation has ${compiled?.usd}`).toBe(true);
            continue;
          }
          const rows = facts.items.filter((i) => i.lineItem === e.item && i.source === e.source && (region === 'all' ? i.singlePrice : i.region === region));
          expect(rows.length, at).toBeGreaterThan(0);
          for (const r of rows) expect(r.usd, at).toBe(usd);
        }
      }
    }
  });

  it('every region × line item (each instance type included) has its own figure or is reported borrowed from the reference region', () => {
    expect(unmarkedFallbacks(catalog, priceFor)).toEqual([]);
    // The same through the estimator: a plan in each region on each instance type.
    for (const id of CLOUDS) {
      const cloud = catalog.clouds[id]!;
      const base = resolved(EXAMPLE[id]);
      for (const region of cloud.regions.map((r) => r.id)) {
        for (const t of cloud.instanceTypes) {
          const plan: ResolvedPlan = { ...base, cloud: { ...base.cloud, region }, kubernetes: { ...base.kubernetes, nodePools: base.kubernetes.nodePools.map((p) => ({ ...p, instanceType: t.id })) } };
          const report = estimateCost(plan, catalog);
          const own = cloud.prices.some((e) => e.item === `instance:${t.id}` && e.usd[region] !== undefined);
          for (const l of report.lines.filter((x) => x.kind === 'nodes')) {
            expect({ at: `${id} ${region} ${t.id}`, borrowedFrom: l.borrowedFrom, pricedIn: l.pricedIn }).toEqual({ at: `${id} ${region} ${t.id}`, borrowedFrom: own ? undefined : cloud.priceRegion, pricedIn: own ? region : cloud.priceRegion });
          }
          expect(report.borrowed.some((b) => b.item === `instance:${t.id}`)).toBe(!own);
        }
      }
    }
  });

  it('the no-silent-fallback check fails on a lookup that falls back without saying so, or says so wrongly', () => {
    const silent = (c: CloudBlueprint, item: PriceItem, region: string) => {
      const { borrowedFrom: _dropped, ...p } = priceFor(c, item, region);
      return { ...p, pricedIn: region };
    };
    expect(unmarkedFallbacks(catalog, silent).join('\n')).toMatch(/aws ap-northeast-2 natGateway: no figure of its own, so it must be borrowed from us-east-1/);
    const alwaysReference = (c: CloudBlueprint, item: PriceItem) => priceFor(c, item, c.priceRegion);
    expect(unmarkedFallbacks(catalog, alwaysReference).join('\n')).toMatch(/aws ap-northeast-2 instance:m6i\.xlarge: has its own figure 0\.236/);
  });
});

describe('Seoul priced as Seoul', () => {
  it.each(CLOUDS)('%s: the example prices its nodes at the sourced Seoul rate, not the reference region\'s', (id) => {
    const facts = FACTS.clouds[id].exampleNode;
    const plan = resolved(EXAMPLE[id]);
    expect(plan.cloud.region).toBe(facts.seoulRegion);
    const pools = plan.kubernetes.nodePools;
    expect(pools.map((p) => `instance:${p.instanceType}`)).toEqual([facts.lineItem]);
    const report = estimateCost(plan, catalog);
    const nodes = report.byKind.find((k) => k.kind === 'nodes')!.monthlyUsd;
    const count = pools[0]!.min;
    expect(Math.abs(nodes - round2(facts.seoulHourly * HOURS_PER_MONTH * count))).toBeLessThanOrEqual(0.01 * (report.lines.filter((l) => l.kind === 'nodes').length));
    expect(nodes).toBeGreaterThan(round2(facts.referenceHourly * HOURS_PER_MONTH * count) * 1.2);
    for (const l of report.lines.filter((x) => x.kind === 'nodes')) {
      expect(l.pricedIn).toBe(facts.seoulRegion);
      expect(l.borrowedFrom).toBeUndefined();
      expect(l.items).toEqual([facts.lineItem]);
    }
  });

  it('the figures: aws-medium 3 × m6i.xlarge at $0.236/h, azure-medium 3 × Standard_D4s_v5 at $0.236/h, gcp-medium 3 × e2-standard-4 at $0.17193144/h', () => {
    const nodes = (name: string) => estimateCost(resolved(name), catalog).byKind.find((k) => k.kind === 'nodes')!.monthlyUsd;
    expect(nodes('aws-medium')).toBeCloseTo(3 * 0.236 * 730, 1);
    expect(nodes('azure-medium')).toBeCloseTo(3 * 0.236 * 730, 1);
    expect(nodes('gcp-medium')).toBeCloseTo(3 * 0.17193144 * 730, 1);
  });

  it('a line item with no Seoul figure is borrowed from the reference region, at its price', () => {
    const aws = estimateCost(resolved('aws-medium'), catalog);
    const facts = FACTS.clouds.aws;
    expect(facts.notFound).toContainEqual({ lineItem: 'natGateway', region: 'ap-northeast-2' });
    const nat = aws.lines.find((l) => l.kind === 'nat')!;
    expect(nat.borrowedFrom).toBe('us-east-1');
    expect(nat.pricedIn).toBe('us-east-1');
    const usEast = facts.items.find((i) => i.lineItem === 'natGateway' && i.region === 'us-east-1')!.usd;
    expect(nat.monthlyUsd).toBe(round2(usEast * HOURS_PER_MONTH * 3));
    expect(aws.borrowed.map((b) => [b.item, b.from])).toEqual([['diskGiB', 'us-east-1'], ['natGateway', 'us-east-1'], ['loadBalancer', 'us-east-1']]);
    // Seoul S3 has a (secondary) figure of its own; EKS and KMS have one price for every region.
    expect(aws.lines.find((l) => l.kind === 'object-storage')).toMatchObject({ pricedIn: 'ap-northeast-2', approximate: true });
    expect(aws.lines.find((l) => l.kind === 'control-plane')).toMatchObject({ pricedIn: 'all' });
    expect(aws.lines.find((l) => l.kind === 'control-plane')!.borrowedFrom).toBeUndefined();
    expect(aws.notes.join('\n')).not.toMatch(/priced the same/);
    // Counted in lines, as the line table marks them: five disk lines, the NAT, the load balancer.
    const marked = aws.lines.filter((l) => l.borrowedFrom);
    expect(aws.borrowedLines).toBe(marked.length);
    expect(aws.borrowed.map((b) => [b.item, b.lines])).toEqual([['diskGiB', marked.filter((l) => l.kind === 'disks').length], ['natGateway', 1], ['loadBalancer', 1]]);
    expect(aws.borrowed[0]!.lines).toBe(5);
    expect(borrowedSummary(aws)).toBe('7 line items (disks ×5, NAT gateway, load balancer)');
    expect(aws.notes[0]).toContain("7 line items (disks ×5, NAT gateway, load balancer) have no sourced price in ap-northeast-2 and use us-east-1's, marked \"borrowed from us-east-1\"");
    // One borrowed line is said in the singular.
    const one = borrowedSummary({ borrowed: [{ ...aws.borrowed[1]! }], borrowedLines: 1 });
    expect(one).toBe('1 line item (NAT gateway)');
    // A region the compilation does not cover borrows every regional item, and says so per line.
    const mumbai = estimateCost({ ...resolved('aws-medium'), cloud: { ...resolved('aws-medium').cloud, region: 'ap-south-1' } }, catalog);
    for (const l of mumbai.lines) expect(l.borrowedFrom, l.description).toBe(l.pricedIn === 'all' ? undefined : 'us-east-1');
  });

  it('the report lists each source once with title, URL and dates, and every line names sources in that list', () => {
    for (const id of CLOUDS) {
      const r: CostReport = estimateCost(resolved(EXAMPLE[id]), catalog);
      const ids = r.sources.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of r.lines) for (const s of l.sourceIds) expect(ids).toContain(s);
      for (const s of r.sources) {
        expect(s.read).toMatch(/^\d{4}-\d{2}/);
        if (!CARRIED.test(s.id)) expect(s.url, s.id).toMatch(/^https:\/\//);
      }
    }
  });
});

describe('opsta cost, --json, --compare and the generated README show borrowed lines', () => {
  it('opsta cost examples/aws-medium.plan.yaml: m6i nodes at the Seoul rate, NAT, disks and load balancer borrowed from us-east-1', async () => {
    const r = await opsta('cost', 'examples/aws-medium.plan.yaml');
    expect(r.code, r.err).toBe(0);
    const items = r.out.slice(r.out.indexOf('Line items'), r.out.indexOf('Prices:')).split('\n');
    const nodes = items.find((l) => l.includes('nodes (3 × m6i.xlarge)'))!;
    expect(nodes).not.toMatch(/borrowed/);
    expect(r.out).toContain('Line items (priced in ap-northeast-2 unless marked):');
    expect(items.find((l) => l.includes('NAT gateways'))).toMatch(/\$98\.55 .*\[borrowed from us-east-1/);
    // One marker per borrowed line (five disk lines, NAT, the load balancer), none on an instance line.
    const borrowedLines = estimateCost(resolved('aws-medium'), catalog).lines.filter((l) => l.borrowedFrom);
    expect(borrowedLines.map((l) => l.kind).sort()).toEqual(['disks', 'disks', 'disks', 'disks', 'disks', 'load-balancers', 'nat']);
    expect(items.filter((l) => /borrowed from us-east-1/.test(l)).length).toBe(borrowedLines.length);
    expect(items.filter((l) => /borrowed/.test(l) && /share of node cost|nodes \(/.test(l))).toEqual([]);
    const prices = r.out.slice(r.out.indexOf('Prices:')).split('\n').filter((l) => l.startsWith('  - '));
    expect(prices.some((l) => l.includes('SkyPilot') && l.includes('<https://github.com/skypilot-org/skypilot-catalog/blob/'))).toBe(true);
    expect(r.out).not.toMatch(/priced the same|\(approximate\)\n/);

    const json = JSON.parse((await opsta('cost', 'examples/aws-medium.plan.yaml', '--json')).out) as CostReport;
    expect(json.lines.filter((l) => l.kind === 'nat').map((l) => l.borrowedFrom)).toEqual(['us-east-1']);
    expect(json.lines.filter((l) => l.kind === 'nodes').every((l) => l.borrowedFrom === undefined && l.pricedIn === 'ap-northeast-2')).toBe(true);
    expect(json.sources.map((s) => s.id)).toContain('aws-skypilot-catalog');
    expect(json).not.toHaveProperty('approximate');
  });

  it('--compare prices each cloud at its own regional prices and lists what each borrows', async () => {
    const cmp = compareClouds(resolved('aws-medium'), catalog);
    const azure = cmp.find((c) => c.cloud === 'azure')!;
    expect(azure.region).toBe('koreacentral');
    const azNodes = azure.report!.lines.filter((l) => l.kind === 'nodes');
    expect(azNodes.every((l) => l.pricedIn === 'koreacentral' && !l.borrowedFrom)).toBe(true);
    expect(azure.report!.byKind.find((k) => k.kind === 'nodes')!.monthlyUsd).toBeCloseTo(3 * 0.236 * 730, 1);
    expect(azure.report!.borrowed.map((b) => b.item).sort()).toEqual(['diskGiB', 'kmsKey', 'objectStorageGiB']);
    const text = (await opsta('cost', 'examples/aws-medium.plan.yaml', '--compare')).out;
    expect(text).toContain(`  borrowed from eastus: ${borrowedSummary(azure.report!)}`);
    expect(borrowedSummary(azure.report!)).toMatch(/^\d+ line items \(disks ×\d+, KMS key, object storage\)$/);
    expect(azure.report!.borrowedLines).toBe(azure.report!.lines.filter((l) => l.borrowedFrom).length);
    expect(text).toContain('  borrowed from us-east-1: 7 line items (disks ×5, NAT gateway, load balancer)');
    expect(text).toMatch(/^\s+Total .*\*/m);
    expect(text).not.toMatch(/approximate/);
  });

  it('equivalentInstance chooses by the price in the target region, not the reference region', () => {
    const cat = clone(catalog) as Catalog;
    const aws = cat.clouds.aws!;
    // In a made-up Seoul, m7i.xlarge is the cheapest 4 vCPU / 16 GiB type; in us-east-1 it is not.
    const m7i = aws.prices.find((e) => e.item === 'instance:m7i.xlarge')!;
    m7i.usd['ap-northeast-2'] = 0.01;
    expect(equivalentInstance(aws, 4, 16, 'ap-northeast-2').id).toBe('m7i.xlarge');
    expect(equivalentInstance(aws, 4, 16, 'us-east-1').id).not.toBe('m7i.xlarge');
  });

  it('the generated README marks borrowed lines and lists the sources; no "priced the same" note', () => {
    for (const [name, ref, borrowed] of [['aws-medium', 'us-east-1', 'NAT gateway'], ['gcp-medium', 'us-central1', 'load balancer'], ['azure-medium', 'eastus', 'object storage']] as const) {
      const v = validatePlanText(loadExample(name).text, catalog);
      if (!v.ok) throw new Error(name);
      const readme = generateRepository(v.plan, v.resolved, opts)['README.md']!;
      // trimBlocks takes the line break after a block tag that ends a line: no heading may be glued to the text before it.
      const lines = readme.split('\n');
      lines.forEach((l, i) => i > 0 && /^#{2,} /.test(l) && expect(lines[i - 1], `${name}: before "${l}"`).toBe(''));
      const cost = readme.slice(readme.indexOf('## Monthly cost'), readme.indexOf('</details>', readme.indexOf('## Monthly cost')));
      expect(cost, name).toContain(`marked **borrowed from ${ref}** below`);
      expect(cost, name).toContain(borrowed);
      // The lead paragraph counts borrowed lines as the note and --compare do.
      const report = estimateCost(v.resolved, catalog);
      expect(cost, name).toContain(`; ${borrowedSummary(report)} ha${report.borrowedLines === 1 ? 's' : 've'} no sourced ${v.resolved.cloud.region} price, so`);
      // One list item per source, each on its own line, then a blank line before the disclosure.
      const list = cost.slice(cost.indexOf('Price sources:\n\n') + 'Price sources:\n\n'.length, cost.indexOf('<details>'));
      expect(list.endsWith('\n\n'), name).toBe(true);
      const items = list.trimEnd().split('\n');
      expect(items, name).toHaveLength(report.sources.length);
      items.forEach((item, i) => {
        const s = report.sources[i]!;
        expect(item, name).toMatch(/^- .+: (dated \d{4}(-\d\d)*|undated), read \d{4}-\d\d(-\d\d)?(, <https:\/\/[^>]+>)?$/);
        expect(item, `${name} ${s.id}`).toContain(`: ${s.dated ? `dated ${s.dated}` : 'undated'}, read ${s.read}`);
        expect(item.endsWith(s.url ? `, <${s.url}>` : `read ${s.read}`), `${name} ${s.id}`).toBe(true);
      });
      expect(cost, name).toMatch(new RegExp(`\\| \\*\\*borrowed from ${ref}\\*\\* \\|`));
      expect(cost, name).toMatch(/\n- .+: (dated \d{4}(-\d\d)*|undated), read \d{4}-\d\d/);
      expect(cost, name).not.toMatch(/priced the same|\*\*approximate\*\*/);
      // Node lines are priced in Seoul.
      for (const row of cost.split('\n').filter((l) => l.includes('share of node cost'))) expect(row, name).toContain(`| ${v.resolved.cloud.region} |`);
    }
  });
});

describe('the catalog refuses price data that would price a line silently or wrongly', () => {
  const files = readBlueprintFiles();
  const cloudJson = (f: Record<string, unknown>) => f['clouds/aws/cloud.json'] as { prices: { item: string; source: string; usd: Record<string, number> }[]; priceSources: Record<string, { url?: string }> };
  const refuses = (mutate: (c: ReturnType<typeof cloudJson>) => void, message: RegExp) => {
    const bad = clone(files);
    mutate(cloudJson(bad));
    expect(() => buildCatalog(bad)).toThrow(CatalogError);
    expect(() => buildCatalog(bad)).toThrow(message);
  };

  it('loads as committed', () => expect(() => buildCatalog(files)).not.toThrow());
  it('a line item without a reference-region figure (nothing to borrow)', () =>
    refuses((c) => delete c.prices.find((e) => e.item === 'instance:m6i.xlarge')!.usd['us-east-1'], /clouds\/aws\/cloud\.json: instance:m6i\.xlarge has no price for the reference region us-east-1/));
  it('a region key that is not a region (a typo would be borrowed silently)', () =>
    refuses((c) => (c.prices.find((e) => e.item === 'instance:m6i.xlarge')!.usd['ap-northeast2'] = 0.2), /"ap-northeast2" is not a region of this cloud/));
  it('a source that is not listed', () => refuses((c) => (c.prices[0]!.source = 'nowhere'), /source "nowhere" is not in priceSources/));
  it('two figures for one item and region', () =>
    refuses((c) => c.prices.push({ ...clone(c.prices.find((e) => e.item === 'natGateway')!), usd: { 'us-east-1': 0.05 } }), /natGateway\): a second figure for us-east-1/));
  it('a source no price uses', () => refuses((c) => (c.priceSources['stale-source'] = { ...clone(Object.values(c.priceSources)[0]!) }), /priceSources\.stale-source is not used/));
  it('a price for an instance type the catalog does not offer', () =>
    refuses((c) => c.prices.push({ ...clone(c.prices[0]!), item: 'instance:x9.huge' }), /\(instance:x9\.huge\): not a line item of this cloud/));
  it('a source URL that would break the README autolink', () =>
    refuses((c) => (Object.values(c.priceSources)[0]!.url = 'https://example.com/a b>'), /priceSources\..*url/));
});
