// The pure core: a validated plan in, the generated repository out as a map of
// path → contents. No filesystem, no network, no clock: the same plan gives
// byte-identical files in Node and in the browser.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import yaml from 'js-yaml';
import { z } from 'zod';
import type { Catalog, CloudId, ComponentBlueprint } from '../../schemas/blueprint.ts';
import { placeholderFields, type PlanInput, type PlanSchemaOptions, type ResolvedPlan } from '../../schemas/plan.ts';
import { EXAMPLE_PLACEHOLDERS_MARKER } from '../../schemas/plan-yaml.ts';
import { formatProblems, planSchemaFor, validatePlan } from '../../schemas/validate.ts';
import { ACTIONS, TOOL_VERSIONS } from './actions.ts';
import { aws } from './clouds/aws.ts';
import { azure } from './clouds/azure.ts';
import { gcp } from './clouds/gcp.ts';
import { oidcSubjects, type CloudModule } from './clouds/types.ts';
import { PREREQUISITE_SECRETS } from './clouds/prerequisites-stage.ts';
import { estimateCost } from './cost.ts';
import { planGraph, planOnPullRequest, stagesFor } from './graph.ts';
import { hclString } from './encode.ts';
import { createRenderer, type TemplateSet } from './render.ts';
import { RUNTIME_VERSION } from '../runtime/version.ts';

/** Where the runtime bundle lives in a generated repository (workflows run `node .opsta/opsta.mjs`). */
export const RUNTIME_PATH = '.opsta/opsta.mjs';

export const GENERATOR_VERSION = '0.1.0';

const CLOUD_MODULES: Partial<Record<CloudId, CloudModule>> = { aws, azure, gcp };

export type GeneratedFiles = Record<string, string>;

export interface GenerateOptions {
  catalog: Catalog;
  /** Generator templates keyed by path under generator/templates (e.g. `aws/versions.tf.njk`). */
  templates: TemplateSet;
  /** The executor runtime bundle (generator/runtime-dist/opsta.mjs), written as .opsta/opsta.mjs; the edges read it. */
  runtime: string;
}

export class PlanError extends Error {
  override name = 'PlanError';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`the plan is invalid:\n${formatProblems(problems)}`);
  }
}

/**
 * Validate and generate. Throws PlanError, with every problem, before producing anything.
 * `schema` as validatePlan takes it (`allowPlaceholders` for a plan parsed from an example).
 */
export function generateFromInput(input: unknown, opts: GenerateOptions, schema: PlanSchemaOptions = {}): GeneratedFiles {
  const v = validatePlan(input, opts.catalog, undefined, schema);
  if (!v.ok) throw new PlanError(v.problems);
  return generateRepository(v.plan, v.resolved, opts);
}

// Compiled templates are reused across generations: the planner regenerates on every edit.
const renderers = new WeakMap<TemplateSet, WeakMap<Catalog, ReturnType<typeof createRenderer>>>();
function rendererFor(templates: TemplateSet, catalog: Catalog) {
  let byCatalog = renderers.get(templates);
  if (!byCatalog) renderers.set(templates, (byCatalog = new WeakMap()));
  let r = byCatalog.get(catalog);
  if (!r) byCatalog.set(catalog, (r = createRenderer({ ...templates, ...catalog.componentTemplates })));
  return r;
}

const sha = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

export function canonicalPlanYaml(plan: PlanInput): string {
  const { $schema: _ignored, ...rest } = plan as PlanInput & { $schema?: string };
  return yaml.dump(rest, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' });
}

interface Release {
  name: string;
  namespace: string;
  chart: string;
  repository?: { name: string; url: string };
  version?: string;
  needs: string[];
  valuesFile: string;
  presync: { command: string; args: string[] }[];
  component: string;
  /** Set for the cluster's own releases: the generator template their values (or manifests) come from. */
  template?: string;
}

/** Each Helm repository once, in release order; helmfile takes OCI registries without the scheme. */
function helmRepositories(releases: Release[]) {
  const byUrl = new Map<string, { name: string; url: string; oci: boolean }>();
  for (const { repository: r } of releases) {
    if (r && !byUrl.has(r.url)) byUrl.set(r.url, { name: r.name, url: r.url.replace(/^oci:\/\//, ''), oci: r.url.startsWith('oci://') });
  }
  return [...byUrl.values()];
}

/** The cluster's own releases (cloud controller, CSI driver, default StorageClass), in install order. */
function clusterReleasesFor(plan: ResolvedPlan, cloudModule: CloudModule): Release[] {
  return (cloudModule.clusterReleases?.(plan) ?? []).map((r) => ({
    name: r.name,
    namespace: r.namespace,
    chart: r.chart.startsWith('./') ? r.chart : `${r.repository!.name}/${r.chart}`,
    ...(r.repository ? { repository: r.repository } : {}),
    ...(r.version ? { version: r.version } : {}),
    needs: [...r.needs].sort(),
    valuesFile: r.chart.startsWith('./') ? '' : `values/${r.name}.yaml`,
    presync: [],
    component: 'cluster',
    template: r.template,
  }));
}

function releasesFor(plan: ResolvedPlan, catalog: Catalog, cloudModule: CloudModule): Release[] {
  const cluster = clusterReleasesFor(plan, cloudModule);
  const clusterIds = cluster.map((r) => `${r.namespace}/${r.name}`);
  const byComponent = new Map<string, Release[]>();
  for (const key of plan.components) {
    const c = catalog.components[key]!;
    const onCloud = c.releases.filter((r) => (!r.clouds || r.clouds.includes(plan.cloud.provider)) && (r.when !== 'backups' || plan.backups.enabled));
    const kept = new Set(onCloud.map((r) => r.name));
    byComponent.set(
      key,
      onCloud.map((r) => ({
        name: r.name,
        namespace: c.namespace,
        chart: r.chart.startsWith('./') ? r.chart : `${r.repositoryName!}/${r.chart}`,
        ...(r.repository ? { repository: { name: r.repositoryName!, url: r.repository } } : {}),
        ...(r.version ? { version: r.version } : {}),
        needs: r.needs.filter((n) => kept.has(n)).map((n) => `${c.namespace}/${n}`),
        valuesFile: r.chart.startsWith('./') ? '' : `values/${r.name}.yaml`,
        presync: r.presync,
        component: key,
      })),
    );
  }
  // A component's releases wait for every release of the components it requires.
  for (const key of plan.components) {
    const deps = catalog.components[key]!.requires.flatMap((d) => byComponent.get(d) ?? []);
    for (const r of byComponent.get(key)!) r.needs = [...new Set([...deps.map((d) => `${d.namespace}/${d.name}`), ...r.needs])].sort();
  }
  // Every component waits for the cluster's own releases: nodes initialised, volumes provisionable.
  const components = plan.components.flatMap((k) => byComponent.get(k)!);
  for (const r of components) r.needs = [...new Set([...clusterIds, ...r.needs])].sort();
  return [...cluster, ...components];
}

const jsonSchemaCache = new WeakMap<Catalog, string>();
export function planJsonSchema(catalog: Catalog): string {
  let s = jsonSchemaCache.get(catalog);
  if (!s) {
    const schema = z.toJSONSchema(planSchemaFor(catalog), { io: 'input', unrepresentable: 'any' });
    s = `${JSON.stringify({ ...schema, $id: 'https://opsta.dev/schemas/plan.schema.json', title: 'Opsta plan' }, null, 2)}\n`;
    jsonSchemaCache.set(catalog, s);
  }
  return s;
}

export function generateRepository(planInput: PlanInput, plan: ResolvedPlan, opts: GenerateOptions): GeneratedFiles {
  const { catalog } = opts;
  const cloudModule = CLOUD_MODULES[plan.cloud.provider];
  if (!cloudModule) throw new PlanError([{ path: 'cloud.provider', message: `generation for ${plan.cloud.provider} is not available yet` }]);
  const render = rendererFor(opts.templates, catalog);
  const cloud = catalog.clouds[plan.cloud.provider]!;
  const names = cloudModule.names(plan);
  const stacks = cloudModule.stacks(plan, catalog, names);
  const stages = stagesFor(plan);
  const cost = estimateCost(plan, catalog);
  const costByOwner = Object.fromEntries(cost.byComponent.map((c) => [c.owner, c.monthlyUsd]));
  const graph = planGraph(plan, catalog, costByOwner);
  const components: ComponentBlueprint[] = plan.components.map((k) => catalog.components[k]!);
  const host = (key: string) => `${catalog.components[key]!.hostname}.${plan.dns.domain}`;
  const releases = releasesFor(plan, catalog, cloudModule);
  const health = components.flatMap((c) =>
    c.health.map((h) => ({
      component: c.key,
      name: h.name,
      ...(h.path && !h.service ? { url: `https://${host(c.key)}${h.path.replace('{realm}', String(plan.componentOptions.keycloak?.realm ?? ''))}`, expect: h.expect ?? [200] } : {}),
      ...(h.service ? { namespace: c.namespace, service: h.service, path: h.path ?? '/', expect: h.expect ?? [200] } : {}),
      ...(h.workload ? { namespace: c.namespace, workload: h.workload } : {}),
    })),
  );
  const healthContext = healthContextFor(plan, catalog, components, releases, host);
  const pipeline = {
    cloud: plan.cloud.provider,
    region: plan.cloud.region,
    cluster: names.cluster,
    distribution: plan.kubernetes.distribution,
    stateBucket: names.stateBucket,
    environment: plan.github.environment,
    stages: stages.map((s) => ({ id: s.id, tool: s.tool, dir: s.dir, planOnPullRequest: planOnPullRequest(s), ...(s.upstream ? { upstream: s.upstream } : {}) })),
    health,
    healthContext,
  };
  const ctx = {
    plan,
    cloud,
    names,
    stages,
    // For `{% if "25-prerequisites" in stageIds %}`: nunjucks' selectattr takes no test, so
    // `selectattr("id", "equalto", …)` keeps every stage with an id and is always true.
    stageIds: stages.map((s) => s.id),
    stacks,
    cost,
    graph,
    components,
    releases,
    helmRepositories: helmRepositories(releases),
    health,
    host,
    subjects: oidcSubjects(plan),
    actions: ACTIONS,
    tools: TOOL_VERSIONS,
    pipelineVars: cloudModule.pipeline,
    bootstrapTemplate: cloudModule.bootstrapTemplate,
    platform: cloudModule.platformContext(plan, names),
    generatorVersion: GENERATOR_VERSION,
    catalog,
    // Names of the Secrets stage 25 creates, for the values templates that read them.
    prerequisites: { secrets: PREREQUISITE_SECRETS },
    ...componentContext(plan, host, cloudModule.platformContext(plan, names)),
  };

  const files: GeneratedFiles = {};
  const put = (path: string, text: string) => {
    if (!/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/.test(path)) throw new Error(`refusing unsafe output path ${path}`);
    if (path in files) throw new Error(`two templates write ${path}`);
    files[path] = text;
  };

  for (const s of stacks) {
    for (const [file, template] of Object.entries(s.files)) put(`${s.dir}/${file}`, render(template, { ...ctx, ...s.context }));
    put(`${s.dir}/terraform.tfvars.json`, `${JSON.stringify(s.tfvars, null, 2)}\n`);
  }

  if (releases.length > 0) {
    put('platform/helmfile.yaml', render('platform/helmfile.yaml.njk', ctx));
    for (const r of releases) {
      if (r.template) {
        put(r.valuesFile ? `platform/${r.valuesFile}` : `platform/manifests/${r.name}/${r.name}.yaml`, render(r.template, ctx));
        continue;
      }
      const c = catalog.components[r.component]!;
      const spec = c.releases.find((x) => x.name === r.name)!;
      const text = render(`components/${c.key}/${spec.values}`, { ...ctx, component: c, options: plan.componentOptions[c.key] ?? {} });
      put(r.valuesFile ? `platform/${r.valuesFile}` : `platform/manifests/${r.name}/${r.name}.yaml`, text);
    }
  }

  // The executor: plan on pull requests, apply on merge, health, drift and a gated destroy (docs/runtime.md).
  for (const wf of ['plan', 'apply', 'health', 'drift', 'destroy']) put(`.github/workflows/${wf}.yml`, render(`workflows/${wf}.yml.njk`, ctx));
  // No reviewers, no CODEOWNERS: a file without owners would look like review is required when it is not (the README says so).
  if (plan.github.reviewers.length > 0) put('.github/CODEOWNERS', render('common/CODEOWNERS.njk', ctx));
  put('renovate.json', `${JSON.stringify(renovateConfig(), null, 2)}\n`);
  put('.gitignore', render('common/gitignore.njk', ctx));
  // A plan with placeholder or example values validated only under the example marker; the plan
  // written here keeps it (and says why), so the repository's own plan validates as this one did.
  const placeholders = placeholderFields(planInput);
  const marker = placeholders.length > 0 ? `${EXAMPLE_PLACEHOLDERS_MARKER}\n# ${placeholders.join(', ')} hold placeholder values: replace them with your own and delete the line above.\n` : '';
  put('opsta.plan.yaml', `# yaml-language-server: $schema=.opsta/plan.schema.json\n${marker}${canonicalPlanYaml(planInput)}`);
  put('.opsta/plan.schema.json', planJsonSchema(catalog));
  put('.opsta/pipeline.json', `${JSON.stringify(pipeline, null, 2)}\n`);
  // The executor's runtime, byte for byte the committed bundle, and the cost estimate its budget check reads (docs/runtime.md).
  put(RUNTIME_PATH, opts.runtime);
  put('.opsta/cost.json', `${JSON.stringify(cost, null, 2)}\n`);
  put('README.md', render('common/README.md.njk', ctx));

  const manifest = {
    generator: { name: 'opsta', version: GENERATOR_VERSION },
    runtime: { path: RUNTIME_PATH, version: RUNTIME_VERSION, sha256: sha(opts.runtime) },
    planSha256: sha(files['opsta.plan.yaml']!),
    files: Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((p) => [p, sha(files[p]!)]),
    ),
  };
  put('.opsta/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

  return Object.fromEntries(Object.keys(files).sort().map((p) => [p, files[p]!]));
}

/**
 * What the runtime's health checks compare the live platform against (generator/runtime/health):
 * nodes expected, releases expected, the hosts whose DNS and certificates must be right, the
 * Gateway whose address DNS must point at, and each SSO client's expected wiring to the realm.
 */
function healthContextFor(plan: ResolvedPlan, catalog: Catalog, components: ComponentBlueprint[], releases: Release[], host: (k: string) => string) {
  const realm = plan.componentOptions.keycloak?.realm;
  const issuer = plan.components.includes('keycloak') ? `https://${host('keycloak')}/realms/${String(realm)}` : undefined;
  return {
    domain: plan.dns.domain,
    // Staging and self-signed certificates are untrusted by design: the TLS check warns instead of failing.
    tlsIssuer: plan.tls.issuer,
    nodePools: plan.kubernetes.nodePools.map((p) => ({ name: p.name, min: p.min, max: p.max })),
    namespaces: [...new Set(['kube-system', ...releases.map((r) => r.namespace)])].sort(),
    releases: releases.map((r) => ({ namespace: r.namespace, name: r.name })),
    hosts: components.filter((c) => c.hostname).map((c) => ({ component: c.key, host: host(c.key) })),
    ...(plan.components.includes('gateway') ? { gateway: { namespace: catalog.components.gateway!.namespace, name: 'platform' } } : {}),
    ...(issuer
      ? {
          oidc: {
            issuer,
            clients: components
              .filter((c) => c.sso && c.hostname)
              .map((c) => ({ component: c.key, clientId: c.sso!.clientId, baseUrl: `https://${host(c.key)}`, redirectUri: `https://${host(c.key)}${c.sso!.redirectPath}` })),
          },
        }
      : {}),
  };
}

/** Members of this Keycloak group are administrators in Grafana, Argo CD, Harbor and Vault (stage 40 creates it). */
export const SSO_ADMIN_GROUP = 'platform-admins';

/** Values a component's templates need that are documents of their own (Vault's HCL config, Argo CD's OIDC YAML). */
function componentContext(plan: ResolvedPlan, host: (k: string) => string, platform: Record<string, unknown>) {
  // The Keycloak group whose members administer every component (review m8).
  const ctx: Record<string, unknown> = { ssoAdminGroup: SSO_ADMIN_GROUP };
  if (plan.components.includes('vault')) Object.assign(ctx, vaultContext(plan, platform));
  if (plan.components.includes('argocd') && plan.components.includes('keycloak')) {
    ctx.argocdOidc = yaml.dump(
      {
        name: 'Keycloak',
        issuer: `https://${host('keycloak')}/realms/${String(plan.componentOptions.keycloak!.realm)}`,
        clientID: '$argocd-oidc:client-id',
        clientSecret: '$argocd-oidc:client-secret',
        requestedScopes: ['openid', 'profile', 'email'],
      },
      { schema: yaml.CORE_SCHEMA, lineWidth: -1 },
    );
  }
  return ctx;
}

/** The server image vault-helm 0.34.1 runs (`server.image`); the snapshot CronJob uses the same CLI. */
export const VAULT_SERVER_IMAGE = 'hashicorp/vault:2.0.4';

/**
 * Vault's server configuration and its in-cluster TLS (review M15). The listener serves the
 * certificate cert-manager issues into `serverSecret` (the `vault-tls` local chart), mounted by
 * the chart's `server.extraVolumes` at `/vault/userconfig/<secret>`; raft peers join over TLS
 * verified against the same CA, and the gateway's BackendTLSPolicy verifies `hostname`.
 */
function vaultContext(plan: ResolvedPlan, platform: Record<string, unknown>) {
  const seal = platform.vaultSeal as Record<string, string>;
  const sealBody = Object.entries(seal)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `  ${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} = ${hclString(v)}`)
    .join('\n');
  const replicas = plan.profile === 'small' ? 1 : 3;
  const ns = 'vault';
  const serverSecret = 'vault-server-tls';
  const mount = `/vault/userconfig/${serverSecret}`;
  // One retry_join per peer (the StatefulSet's pods vault-0..N-1 behind the headless
  // vault-internal Service), so a restarted follower can rejoin whichever peer is up.
  const retryJoin = Array.from({ length: replicas }, (_, i) => [
    '  retry_join {',
    `    leader_api_addr     = "https://vault-${i}.vault-internal:8200"`,
    `    leader_ca_cert_file = "${mount}/ca.crt"`,
    '  }',
  ]).flat();
  const config = [
    'ui = true',
    'listener "tcp" {',
    '  address         = "[::]:8200"',
    '  cluster_address = "[::]:8201"',
    `  tls_cert_file   = "${mount}/tls.crt"`,
    `  tls_key_file    = "${mount}/tls.key"`,
    '}',
    'storage "raft" {',
    '  path = "/vault/data"',
    ...retryJoin,
    '}',
    `seal "${seal.type}" {`,
    sealBody,
    '}',
    'service_registration "kubernetes" {}',
    '',
  ].join('\n');
  const serviceNames = (svc: string) => [svc, `${svc}.${ns}`, `${svc}.${ns}.svc`, `${svc}.${ns}.svc.cluster.local`];
  return {
    vaultReplicas: replicas,
    vaultConfig: config,
    // Raft snapshots (review M17, with backups on): the CronJob's account, volume and the
    // Kubernetes-auth role stage 40 binds to them; the CLI image is the chart's server image.
    vaultSnapshot: {
      serviceAccount: 'vault-snapshot',
      claim: 'vault-snapshots',
      role: 'raft-snapshot',
      audience: 'vault',
      image: VAULT_SERVER_IMAGE,
    },
    vaultTls: {
      caSecret: 'vault-ca',
      serverSecret,
      mount,
      service: 'vault-active',
      hostname: `vault-active.${ns}.svc`,
      dnsNames: [
        ...serviceNames('vault'),
        ...serviceNames('vault-active'),
        ...serviceNames('vault-internal').map((n) => `*.${n}`),
        'localhost',
      ],
    },
  };
}

function renovateConfig() {
  return {
    $schema: 'https://docs.renovatebot.com/renovate-schema.json',
    extends: ['config:recommended', 'helpers:pinGitHubActionDigests'],
    dependencyDashboard: true,
    terraform: { enabled: true },
    helmfile: { enabled: true, managerFilePatterns: ['/(^|/)helmfile\\.ya?ml$/'] },
    packageRules: [
      { matchManagers: ['github-actions'], groupName: 'GitHub Actions', minimumReleaseAge: '7 days' },
      { matchManagers: ['terraform'], matchUpdateTypes: ['major'], dependencyDashboardApproval: true },
      { matchManagers: ['helmfile'], matchUpdateTypes: ['major'], dependencyDashboardApproval: true },
    ],
  };
}
