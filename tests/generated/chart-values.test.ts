// Check 1 of issue 7: every key of every generated platform/values/*.yaml is one the chart
// reads at its pinned version (tests/fixtures/charts/, facts from the charts' sources). Helm
// ignores an unknown key without a word (Vault's `server.httpRoute` rendered no route at all),
// so these tests are what notices one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { checkChartValues, loadChartFacts, type ChartFacts } from '../support/chart-values.ts';
import { chartName, helmfileReleases } from '../support/helmfile.ts';
import { planVariants } from '../support/plan-variants.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

const { catalog } = nodeGenerateOptions();
const FACTS = loadChartFacts();

/**
 * Charts whose values are NOT checked, by chart name, each with the reason. A chart that is
 * neither here nor in the facts fails the test: a chart is never passed silently.
 */
const UNCHECKED: Record<string, string> = {
  'teleport-cluster':
    'no facts: the teleport-cluster 18.7.6 chart source (gravitational/teleport) could not be obtained for the reference data; its keys were checked by hand against older chart versions',
  'aws-cloud-controller-manager': 'no facts collected (RKE2-on-AWS cluster release from generator/src/clouds/aws.ts; the reference data covers the platform charts only)',
  'aws-ebs-csi-driver': 'no facts collected (RKE2-on-AWS cluster release from generator/src/clouds/aws.ts; the reference data covers the platform charts only)',
};

/**
 * Pins whose facts were read at another version, with the reason. The facts' `pinned` still
 * has to equal the pin; a new gap has to be added here deliberately.
 */
const VERSION_GAPS: Record<string, string> = {
  'gateway-helm@v1.9.1': 'v1.9.1 could not be obtained; the facts describe v1.9.0 (the newest tag available)',
};

/** Chart releases the catalog pins (each component's blueprint.json). */
const BLUEPRINT_PINS = Object.values(catalog.components).flatMap((c) =>
  c.releases.filter((r) => !r.chart.startsWith('./')).map((r) => ({ chart: r.chart, version: r.version!, key: `${r.chart}@${r.version!}` })),
);

/** Findings for every values file of one generated repository (releases as its helmfile lists them). */
function checkRepository(files: Record<string, string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of helmfileReleases(files)) {
    const chart = chartName(r);
    if (!chart) continue;
    for (const v of r.values) {
      const path = `platform/${v}`;
      seen.add(path);
      const text = files[path];
      if (text === undefined) {
        out.push(`${path}: release ${r.name} names this values file, but it is not generated`);
        continue;
      }
      const key = `${chart}@${r.version}`;
      const facts = FACTS.get(key);
      if (!facts) {
        if (!(chart in UNCHECKED)) out.push(`${path}: no chart facts for ${key} in tests/fixtures/charts/ and ${chart} is not in UNCHECKED`);
        continue;
      }
      const [doc] = parseYaml(text, path);
      for (const f of checkChartValues(doc, facts)) out.push(`${path}: ${f.path}: ${f.message}`);
    }
  }
  for (const p of Object.keys(files)) if (p.startsWith('platform/values/') && !seen.has(p)) out.push(`${p}: no release in platform/helmfile.yaml uses it`);
  return out;
}

describe('chart facts fixtures', () => {
  it('exist for every pinned chart, or the chart is listed as unchecked with a reason', () => {
    const missing = BLUEPRINT_PINS.filter((p) => !FACTS.has(p.key) && !(p.chart in UNCHECKED)).map((p) => p.key);
    expect(missing, 'add facts to tests/fixtures/charts/ (tests/fixtures/README.md says how)').toEqual([]);
  });

  it('are for the version each blueprint pins (a pin bump without refreshed facts fails)', () => {
    const pins = new Set(BLUEPRINT_PINS.map((p) => p.key));
    const stale = [...FACTS.keys()].filter((k) => !pins.has(k));
    expect(stale, 'facts for a version no blueprint pins: refresh them for the new pin (tests/fixtures/README.md)').toEqual([]);
    for (const [key, facts] of FACTS) {
      if (facts.version !== facts.pinned) expect(VERSION_GAPS[key], `${key}: the facts describe ${facts.version}; list the gap in VERSION_GAPS with the reason, or refresh them`).toBeDefined();
    }
  });

  it('unchecked charts really have no facts (a stale allow-list entry fails)', () => {
    const charted = new Set([...FACTS.values()].map((f) => f.chart));
    for (const chart of Object.keys(UNCHECKED)) expect(charted.has(chart), `${chart} has facts now: remove it from UNCHECKED`).toBe(false);
  });
});

describe('every values key is one the chart reads', () => {
  for (const name of exampleNames()) {
    it(`examples/${name}`, () => {
      const files = generatedExample(name);
      expect(Object.keys(files).some((p) => p.startsWith('platform/values/'))).toBe(true);
      const findings = checkRepository(files);
      expect(findings, findings.join('\n')).toEqual([]);
    });
  }

  it('random plan variants (every cloud, profile, component set, issuer, distribution)', () => {
    for (const v of planVariants(40)) {
      const findings = checkRepository(v.files);
      expect(findings, `${v.label}\n${findings.join('\n')}`).toEqual([]);
    }
  });
});

describe('the checker fails on the faults it exists for', () => {
  const vault = FACTS.get('vault@0.34.1') as ChartFacts;

  it('the old Vault route keys (server.httpRoute, hosts) are unknown', () => {
    const old = parseYaml(['server:', '  httpRoute:', '    enabled: true', '    hosts:', '      - vault.example.com', ''].join('\n'))[0];
    const findings = checkChartValues(old, vault);
    expect(findings.map((f) => f.path)).toEqual(['server.httpRoute']);
    expect(findings[0]!.message).toMatch(/did you mean "httproute"\? Helm keys are case-sensitive/);
    const halfFixed = checkChartValues({ server: { httproute: { enabled: true, hosts: ['vault.example.com'] } } }, vault);
    expect(halfFixed.map((f) => f.path)).toEqual(['server.httproute.hosts']);
    expect(checkChartValues({ server: { httproute: { enabled: true, hostnames: ['vault.example.com'] } } }, vault)).toEqual([]);
  });

  it('the generated Vault values, with the keys renamed back, fail', () => {
    const text = generatedExample('aws-large-all')['platform/values/vault.yaml']!;
    expect(checkChartValues(parseYaml(text)[0], vault)).toEqual([]);
    const broken = text.replace('  httproute:', '  httpRoute:').replace('    hostnames:', '    hosts:');
    expect(broken).not.toBe(text);
    expect(checkChartValues(parseYaml(broken)[0], vault).map((f) => f.path)).toEqual(['server.httpRoute']);
  });

  it('a map where the chart has a scalar, and a scalar where it has a map', () => {
    const f = checkChartValues({ server: { dataStorage: { size: { gi: 10 } }, ha: 'yes' } }, vault);
    expect(f.map((x) => x.path).sort()).toEqual(['server.dataStorage.size', 'server.ha']);
  });

  it('keys under an open map are accepted, keys beside it are not', () => {
    expect(checkChartValues({ server: { extraLabels: { anything: 'x' }, serviceAccount: { annotations: { 'a.b/c': 'd' } } } }, vault)).toEqual([]);
    expect(checkChartValues({ server: { serviceAccount: { annotationz: {} } } }, vault).map((x) => x.path)).toEqual(['server.serviceAccount.annotationz']);
  });

  it('a key the schema of a closed map does not name (cert-manager top level)', () => {
    const cm = FACTS.get('cert-manager@v1.21.1')!;
    expect(checkChartValues({ replicaCount: 2, replicas: 2 }, cm).map((x) => x.path)).toEqual(['replicas']);
  });

  it('a described ranged-map entry is checked (Grafana route "main"), a new entry is free', () => {
    const kps = FACTS.get('kube-prometheus-stack@88.5.3')!;
    expect(checkChartValues({ grafana: { route: { main: { enabled: true, hostname: ['x'] } } } }, kps).map((x) => x.path)).toEqual(['grafana.route.main.hostname']);
    expect(checkChartValues({ grafana: { route: { extra: { anything: true } } } }, kps)).toEqual([]);
  });

  it('the facts file itself is what the fixtures hold (not a copy edited by hand)', () => {
    // Every facts file names the upstream source it was read from, so it can be re-derived.
    for (const [key, facts] of FACTS) {
      const raw = JSON.parse(readFileSync(new URL(`../fixtures/charts/${facts.chart}@${facts.pinned}.json`, import.meta.url), 'utf8')) as { source?: { repo?: string; tag?: string; commit?: string } };
      expect(raw.source?.repo && raw.source.tag && raw.source.commit, `${key}: source {repo, tag, commit}`).toBeTruthy();
    }
  });
});
