/**
 * Validates rendered Kubernetes objects against their schemas, offline.
 *
 * - Kinds with a model in `kubernetes-models` (built-ins) or `@kubernetes-models/{gateway-api,
 *   cert-manager,prometheus-operator}` go through the model's validator (types, required
 *   fields, enums, patterns, formats). Those validators accept unknown fields.
 * - Kinds with field facts in tests/fixtures/crds/ (`<group>_<Kind>@<version>.json`, read from
 *   the CRDs at the pinned releases; see tests/fixtures/README.md) are also validated with ajv
 *   against a schema built from the facts in which **unknown fields are rejected**, as the API
 *   server's pruning would silently drop them. That covers CloudNativePG `Cluster`, Keycloak
 *   `Keycloak`/`KeycloakRealmImport`, `EnvoyProxy`, and the Gateway API and cert-manager kinds.
 * - A kind with neither is a finding: nothing is passed unvalidated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { K8sObject } from './helm.ts';

export const CRD_FACTS_DIR = fileURLToPath(new URL('../fixtures/crds/', import.meta.url));

interface FieldFact {
  type: string;
  required?: boolean;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  nullable?: boolean;
}

export interface CrdFacts {
  group: string;
  version: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  openFields: string[];
  truncated?: string[];
  fields: Record<string, FieldFact>;
}

type Schema = Record<string, unknown>;

/** A JSON Schema from CRD field facts: every object closed unless the facts leave it open. */
export function schemaFromCrdFacts(facts: CrdFacts): Schema {
  const children = new Map<string, string[]>();
  for (const p of Object.keys(facts.fields)) {
    const parent = p.endsWith('[]') ? undefined : p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const open = new Set([...facts.openFields, ...(facts.truncated ?? [])]);

  const build = (path: string): Schema => {
    const f = facts.fields[path];
    if (f?.type === 'any') return {};
    const types = f ? f.type.split('|') : ['object'];
    const s: Schema = {};
    if (f) {
      s.type = f.nullable ? [...types, 'null'] : types.length === 1 ? types[0] : types;
      for (const k of ['enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'maxProperties'] as const) {
        if (f[k] !== undefined) s[k] = f[k];
      }
      if (f.enum && f.nullable) s.enum = [...f.enum, null];
    } else {
      s.type = 'object';
    }
    if (open.has(path)) return s;
    if (types.includes('object')) {
      const kids = children.get(path) ?? [];
      const props: Record<string, Schema> = {};
      const required: string[] = [];
      let additional: Schema | false = false;
      for (const c of kids) {
        const name = c.slice(path ? path.length + 1 : 0);
        if (name === '*') additional = build(c);
        else {
          props[name] = build(c);
          if (facts.fields[c]?.required) required.push(name);
        }
      }
      // metadata follows Kubernetes object-metadata rules (not described by the facts);
      // apiVersion, kind and metadata are always accepted (some CRDs do not list them).
      if (path === 'metadata') return { type: 'object' };
      if (path === '') Object.assign(props, { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } }, props);
      s.properties = props;
      if (required.length) s.required = required;
      s.additionalProperties = additional;
    }
    if (types.includes('array') && facts.fields[`${path}[]`]) s.items = build(`${path}[]`);
    return s;
  };
  return build('');
}

// ---- validators --------------------------------------------------------------------------------

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const factValidators = new Map<string, ValidateFunction | null>();

function crdFactsFile(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (!group || !/^[a-z0-9.-]+$/.test(group) || !/^v[0-9a-z]+$/.test(version!) || !/^[A-Za-z]+$/.test(kind)) return undefined;
  const file = `${CRD_FACTS_DIR}${group}_${kind}@${version}.json`;
  return existsSync(file) ? file : undefined;
}

function factValidator(apiVersion: string, kind: string): ValidateFunction | null {
  const key = `${apiVersion}/${kind}`;
  if (!factValidators.has(key)) {
    const file = crdFactsFile(apiVersion, kind);
    factValidators.set(key, file ? ajv.compile(schemaFromCrdFacts(JSON.parse(readFileSync(file, 'utf8')) as CrdFacts)) : null);
  }
  return factValidators.get(key)!;
}

/** The npm module holding the model class for an apiVersion/kind, if one exists. */
function modelModule(apiVersion: string, kind: string): string | undefined {
  if (!/^[A-Za-z]+$/.test(kind)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (!/^[a-z0-9.-]*$/.test(group!) || !/^v[0-9a-z]+$/.test(version!)) return undefined;
  if (group === '') return `kubernetes-models/${version}/${kind}`;
  if (group === 'gateway.networking.k8s.io' || group === 'gateway.networking.x-k8s.io') return `@kubernetes-models/gateway-api/${group}/${version}/${kind}`;
  if (group === 'cert-manager.io' || group === 'acme.cert-manager.io') return `@kubernetes-models/cert-manager/${group}/${version}/${kind}`;
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  if (/^([a-z]+|[a-z0-9-]+\.k8s\.io)$/.test(group!)) return `kubernetes-models/${group}/${version}/${kind}`;
  return undefined;
}

type ModelClass = new (data: unknown) => { validate(): void };
const models = new Map<string, ModelClass | null>();

async function modelFor(apiVersion: string, kind: string): Promise<ModelClass | null> {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    const spec = modelModule(apiVersion, kind);
    let cls: ModelClass | null = null;
    if (spec) {
      try {
        cls = ((await import(spec)) as Record<string, ModelClass>)[kind] ?? null;
      } catch {
        cls = null;
      }
    }
    models.set(key, cls);
  }
  return models.get(key)!;
}

const ajvMessage = (e: ErrorObject) => {
  const at = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top)';
  if (e.keyword === 'additionalProperties') return `${at}: unknown field "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
  if (e.keyword === 'required') return `${at}: missing required field "${String((e.params as { missingProperty: string }).missingProperty)}"`;
  return `${at}: ${e.message ?? e.keyword}`;
};

export const objectName = (o: K8sObject) => `${o.kind ?? '?'}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? '?'}`;

export interface ValidateOptions {
  /**
   * `apiVersion kind` → why it has no schema here. Listed kinds get only the apiVersion/kind/
   * metadata.name checks; any other kind without a schema is a finding.
   */
  unchecked?: Record<string, string>;
}

/** Problems with one object (empty when it validates); names which validator said what. */
export async function validateObject(o: K8sObject, options: ValidateOptions = {}): Promise<string[]> {
  const name = objectName(o);
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return [`${name}: apiVersion and kind are required`];
  if (!o.metadata?.name) return [`${name}: metadata.name is required`];
  const out: string[] = [];
  const Model = await modelFor(o.apiVersion, o.kind);
  const facts = factValidator(o.apiVersion, o.kind);
  if (!Model && !facts && options.unchecked?.[`${o.apiVersion} ${o.kind}`]) return [];
  if (!Model && !facts) return [`${name}: no schema for ${o.apiVersion} ${o.kind} (no kubernetes-models class and no facts in tests/fixtures/crds/)`];
  if (Model) {
    try {
      new Model(o).validate();
    } catch (e) {
      out.push(`${name}: ${(e instanceof Error ? e.message : String(e)).split('\n').join('; ')}`);
    }
  }
  if (facts && !facts(o)) for (const e of facts.errors ?? []) out.push(`${name}: ${ajvMessage(e)}`);
  return out;
}

export async function validateObjects(objects: K8sObject[], options: ValidateOptions = {}): Promise<string[]> {
  return (await Promise.all(objects.map((o) => validateObject(o, options)))).flat();
}
