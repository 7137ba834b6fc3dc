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
    const schema = JSON.parse(readFileSync('schemas/health-report.schema.json', 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
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
    expect(md).toMatch(/^## Health: ✅ pass/);
    expect(md.split('\n').filter((l) => l.startsWith('| ✅'))).toHaveLength(report.checks.length);
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
