import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError, dependents, requiredClosure } from '../../blueprints/catalog.ts';
import { readBlueprintFiles } from '../../blueprints/load-node.ts';
import { validatePlan } from '../../schemas/validate.ts';

const files = readBlueprintFiles();
const catalog = buildCatalog(files);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('catalog', () => {
  it('loads every blueprint folder', () => {
    expect(Object.keys(catalog.components).sort()).toEqual(['argocd', 'certManager', 'externalDns', 'gateway', 'harbor', 'keycloak', 'monitoring', 'teleport', 'vault']);
    expect(catalog.clouds.aws?.regions.map((r) => r.id)).toContain('ap-northeast-2');
  });

  it('offers Seoul on every cloud it holds', () => {
    const seoul = { aws: 'ap-northeast-2', azure: 'koreacentral', gcp: 'asia-northeast3' } as const;
    for (const [id, cloud] of Object.entries(catalog.clouds)) expect(cloud!.regions.map((r) => r.id)).toContain(seoul[id as keyof typeof seoul]);
  });

  it('has a source and a date for every price, and no ingress-nginx or Bitnami chart', () => {
    for (const cloud of Object.values(catalog.clouds)) {
      for (const s of Object.values(cloud!.priceSources)) {
        expect(s.title.length).toBeGreaterThan(10);
        expect(s.read).toMatch(/^20\d\d-\d\d/);
      }
    }
    const charts = Object.values(catalog.components).flatMap((c) => c.releases.map((r) => `${r.repository ?? ''} ${r.chart}`));
    expect(charts.join('\n')).not.toMatch(/ingress-nginx|bitnami/i);
  });

  it('rejects a blueprint with a typo, naming the file and field', () => {
    const bad = clone(files);
    (bad['components/vault/blueprint.json'] as Record<string, unknown>).requirez = ['gateway'];
    expect(() => buildCatalog(bad)).toThrow(/components\/vault\/blueprint\.json: .*requirez/);
  });

  it('rejects dependency cycles, unknown dependencies and missing templates', () => {
    const cyc = clone(files);
    (cyc['components/certManager/blueprint.json'] as { requires: string[] }).requires = ['vault'];
    expect(() => buildCatalog(cyc)).toThrow(CatalogError);
    expect(() => buildCatalog(cyc)).toThrow(/cycle/);
    const unknown = clone(files);
    (unknown['components/vault/blueprint.json'] as { requires: string[] }).requires = ['consul'];
    expect(() => buildCatalog(unknown)).toThrow(/unknown component consul/);
    const noTpl = clone(files);
    delete noTpl['components/vault/values.yaml.njk'];
    expect(() => buildCatalog(noTpl)).toThrow(/missing template/);
  });

  it('adding a component folder adds it to the plan schema', () => {
    const more = clone(files);
    more['components/linkerd/blueprint.json'] = { ...clone(files['components/externalDns/blueprint.json'] as object), key: 'linkerd', name: 'Linkerd' };
    more['components/linkerd/values.yaml.njk'] = 'x: 1\n';
    const c = buildCatalog(more);
    const plan = {
      apiVersion: 'opsta.dev/v1', kind: 'Plan', metadata: { name: 'acme', environment: 'prod' },
      cloud: { provider: 'aws', region: 'us-east-1', aws: { accountId: '482916037251' } },
      dns: { domain: 'acme.example' }, tls: { issuer: 'selfsigned' },
      components: { linkerd: { enabled: true }, gateway: { enabled: true }, certManager: { enabled: true } },
      github: { owner: 'acme', repo: 'platform' },
    };
    expect(validatePlan(plan, c).ok).toBe(true);
    expect(validatePlan(plan, catalog).ok).toBe(false);
  });

  it('computes what a component needs and who needs it', () => {
    expect(requiredClosure(catalog, 'harbor').sort()).toEqual(['certManager', 'gateway']);
    expect(dependents(catalog, 'certManager', ['gateway', 'certManager', 'harbor']).sort()).toEqual(['gateway', 'harbor']);
  });
});
