// Health checks against a real platform double on 127.0.0.1 (tests/runtime/health-platform.ts):
// real HTTPS with certificates made here, a real DNS server, and recording stand-ins for
// kubectl/helm/aws on PATH (no cluster can run here).
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { healthChecks, parseHealthConfig, renderHealthMarkdown, runHealth, type HealthReport } from '../../generator/runtime/health/index.ts';
import { requireTool } from '../support/tools.ts';
import { healthReportJsonSchema } from '../../schemas/health-report.ts';
import { hasOpenssl } from '../support/tls-certs.ts';
import { generatedPipeline, startPlatform, type Platform } from './health-platform.ts';

const ok = requireTool('openssl', hasOpenssl);
function compileSchema() {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync('schemas/health-report.schema.json', 'utf8')));
}
const byId = (r: HealthReport, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${r.checks.map((x) => x.id).join(', ')}`);
  return c;
};

describe.skipIf(!ok)('health checks, healthy platform (stand-in kubectl/helm/aws on PATH)', () => {
  let p: Platform;
  let report: HealthReport;
  beforeAll(async () => {
    p = await startPlatform();
    report = await runHealth(p.pipeline, p.deps());
  });
  afterAll(() => p?.close());

  it('passes every check', () => {
    const notPassing = report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.reason}`);
    expect(notPassing).toEqual([]);
    expect(report.status).toBe('pass');
  });

  it('covers every kind of check the pipeline asks for', () => {
    const ids = report.checks.map((c) => c.id);
    for (const id of [
      'cloud-credentials',
      'state-backend',
      'cluster-api',
      'nodes',
      'system-pods',
      'helm-releases',
      'gateway-address',
      'endpoint:keycloak-realm',
      'endpoint:keycloak-ready',
      'endpoint:vault-health',
      'endpoint:harbor-health',
      'endpoint:grafana-health',
      'workload:envoy-gateway',
      'oidc:vault',
      'oidc:harbor',
      'oidc:grafana',
    ])
      expect(ids).toContain(id);
    for (const h of p.pipeline.healthContext.hosts) expect(ids).toEqual(expect.arrayContaining([`dns:${h.host}`, `tls:${h.host}`]));
  });

  it('validates against schemas/health-report.schema.json', () => {
    const validate = compileSchema();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, status: 'ok' })).toBe(false);
  });

  it('asked the real DNS server and the stand-ins what a production run would', () => {
    expect(p.dns.queries).toEqual(expect.arrayContaining(p.pipeline.healthContext.hosts.map((h: { host: string }) => h.host)));
    const calls = p.standins.calls().map((c) => `${c.tool} ${c.args}`);
    expect(calls).toContain('kubectl get --raw /readyz');
    expect(calls).toContain('helm list --all-namespaces --all --output json');
    expect(calls).toContain(`aws s3api head-bucket --bucket ${p.pipeline.stateBucket} --region ${p.pipeline.region}`);
  });

  it('renders Markdown with a row per check', () => {
    const md = renderHealthMarkdown(report);
    expect(md).toMatch(/^## Health: ✅ healthy/);
    expect(md).toContain('0 not run;');
    expect(md).not.toContain('Not run (');
    expect(md.split('\n').filter((l) => l.startsWith('| ✅'))).toHaveLength(report.checks.length);
  });
});

// A scheduled run in no environment: no cloud variables, no KUBECONFIG, no HOME, nothing else.
describe.skipIf(!ok)('health checks in a job with no cloud identity and no kubeconfig', () => {
  let p: Platform;
  let report: HealthReport;
  const NEEDS_IDENTITY = ['cloud-credentials', 'state-backend'];
  beforeAll(async () => {
    p = await startPlatform();
    report = await runHealth(p.pipeline, p.deps({ env: { PATH: p.standins.env.PATH } }));
  });
  afterAll(() => p?.close());

  it('runs no check that needs them: each says why, and no cloud CLI, kubectl or helm is called', () => {
    const skipped = report.checks.filter((c) => c.status === 'skipped');
    // Every workload and every in-cluster service endpoint the pipeline lists goes through the API server.
    const inCluster = (p.pipeline.health as { name: string; workload?: string; service?: string }[]).flatMap((e) => (e.workload ? [`workload:${e.name}`] : e.service ? [`endpoint:${e.name}`] : []));
    expect(inCluster).toEqual(expect.arrayContaining(['workload:envoy-gateway', 'endpoint:keycloak-ready']));
    const cluster = ['cluster-api', 'nodes', 'system-pods', 'helm-releases', 'gateway-address', ...inCluster];
    expect(skipped.map((c) => c.id).sort()).toEqual([...NEEDS_IDENTITY, ...cluster].sort());
    for (const id of NEEDS_IDENTITY) expect(byId(report, id).reason).toMatch(/^not run: no cloud identity in this job \(none of AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, /);
    for (const id of cluster) expect(byId(report, id).reason).toBe('not run: no kubeconfig in this job (KUBECONFIG is not set and there is no ~/.kube/config)');
    expect(p.standins.calls()).toEqual([]);
  });

  it('still runs every public check in full: DNS, certificates, endpoints on public hosts, OIDC wiring', () => {
    const publicChecks = report.checks.filter((c) => ['dns', 'tls', 'oidc'].includes(c.category) || (c.category === 'endpoint' && c.id !== 'endpoint:keycloak-ready'));
    expect(publicChecks.length).toBeGreaterThanOrEqual(2 * p.pipeline.healthContext.hosts.length + 3);
    expect(publicChecks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.reason}`)).toEqual([]);
    expect(p.dns.queries).toEqual(expect.arrayContaining(p.pipeline.healthContext.hosts.map((h: { host: string }) => h.host)));
  });

  it('is "partial": nothing failed, not everything was checked; the counts add up', () => {
    expect(report.status).toBe('partial');
    expect(report.counts).toEqual({
      pass: report.checks.filter((c) => c.status === 'pass').length,
      warn: 0,
      fail: 0,
      skipped: report.checks.filter((c) => c.status === 'skipped').length,
    });
    expect(report.counts.pass + report.counts.skipped).toBe(report.checks.length);
  });

  it('validates against the schema; a skipped check without a reason or an unknown status does not', () => {
    const validate = compileSchema();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const [first, ...rest] = report.checks;
    expect(validate({ ...report, checks: [{ ...first, status: 'not-run' }, ...rest] })).toBe(false);
    const { reason: _, ...noReason } = byId(report, 'nodes');
    expect(validate({ ...report, checks: [noReason, ...rest] })).toBe(false);
    expect(validate({ ...report, counts: { pass: 1, warn: 0, fail: 0 } })).toBe(false);
  });

  it('says in the Markdown what was not run and why, once, above the table; those rows come last', () => {
    const md = renderHealthMarkdown(report);
    expect(md).toMatch(/^## Health: ◐ partially checked/);
    expect(md).toContain(`${report.counts.skipped} not run;`);
    // Escaped for Markdown like every reason: \( \_ \~.
    const plain = (l: string) => l.replace(/\\(.)/g, '$1');
    const line = md.split('\n').find((l) => l.startsWith('Not run ('));
    expect(plain(line ?? '')).toMatch(/^Not run \((\d+)\): no cloud identity in this job \(none of AWS_ACCESS_KEY_ID, [^)]*\); no kubeconfig in this job \(KUBECONFIG is not set and there is no ~\/\.kube\/config\)\.$/);
    expect(line).toContain(`Not run (${report.counts.skipped})`);
    expect(md.indexOf(line!)).toBeLessThan(md.indexOf('| Status |'));
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Status'));
    const firstSkipped = rows.findIndex((l) => l.startsWith('| ⏭️ not run'));
    expect(rows.slice(firstSkipped).every((l) => l.startsWith('| ⏭️ not run'))).toBe(true);
    expect(rows.length - firstSkipped).toBe(report.counts.skipped);
  });
});

describe.skipIf(!ok)('health checks with an identity whose checks fail', () => {
  let p: Platform;
  afterAll(() => p?.close());
  it('fails: an identity that is present but cannot reach the state is a failure, not "not run"', async () => {
    p = await startPlatform();
    const args = `s3api head-bucket --bucket ${p.pipeline.stateBucket} --region ${p.pipeline.region}`;
    p.standins.answer('aws', { [args]: { code: 254, stderr: 'An error occurred (403) when calling the HeadBucket operation: Forbidden' } });
    const r = await runHealth(p.pipeline, p.deps());
    expect(byId(r, 'state-backend')).toMatchObject({ status: 'fail', reason: expect.stringContaining('Forbidden') });
    expect(r.counts.skipped).toBe(0);
    expect(r.status).toBe('fail');
  });
});

describe("every example's generated pipeline.json is a health configuration", () => {
  for (const f of readdirSync('examples').filter((x) => x.endsWith('.plan.yaml'))) {
    it(f, () => {
      const pipeline = generatedPipeline(`examples/${f}`);
      const cfg = parseHealthConfig(pipeline);
      const names = healthChecks(cfg).map((c) => c.id);
      // One DNS and one TLS check per public host, one OIDC check per SSO client, every release expected.
      for (const h of cfg.hosts) expect(names).toEqual(expect.arrayContaining([`dns:${h.host}`, `tls:${h.host}`]));
      expect(cfg.nodePools.length).toBeGreaterThan(0);
      expect(cfg.releases.length).toBeGreaterThan(0);
      expect(cfg.tlsIssuer).toMatch(/^(letsencrypt|letsencrypt-staging|selfsigned)$/);
      if (cfg.oidc) {
        expect(cfg.oidc.issuer).toMatch(/^https:\/\/sso\.[a-z0-9.-]+\/realms\/[a-z0-9-]+$/);
        for (const c of cfg.oidc.clients) expect(names).toContain(`oidc:${c.clientId}`);
      }
    });
  }
});

it('schemas/health-report.schema.json is exported from schemas/health-report.ts (npm run schemas)', () => {
  expect(readFileSync('schemas/health-report.schema.json', 'utf8')).toBe(healthReportJsonSchema());
});
