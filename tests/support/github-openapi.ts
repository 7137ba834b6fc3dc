// GitHub's own descriptions of its APIs, used by the GitHub double to check every request a
// client sends: REST bodies against the OpenAPI description (@octokit/openapi, only its
// api.github.com.json: the package's index loads ~440 MB), GraphQL documents against the
// official schema (@octokit/graphql-schema's schema.json introspection, built with the `graphql` package).
// Both are loaded once per process (a vitest test file) on first use: they are big.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildClientSchema, type GraphQLSchema } from 'graphql';

const require = createRequire(import.meta.url);

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literalSegments: number;
  hasJsonBody: boolean;
}

interface OpenApi {
  ajv: Ajv;
  operations: Operation[];
  validators: Map<string, ValidateFunction>;
}

let openapi: OpenApi | undefined;

function loadOpenApi(): OpenApi {
  if (openapi) return openapi;
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
  };
  nullableWithoutType(spec);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema(spec, 'gh');
  const operations: Operation[] = [];
  for (const [template, ops] of Object.entries(spec.paths)) {
    // `{ref}` holds slashes (heads/opsta/x); every other parameter is one segment.
    const regex = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => (name === 'ref' ? '(?<' + name + '>.+)' : '(?<' + name + '>[^/]+)'))}$`);
    const literalSegments = template.split('/').filter((s) => s && !s.startsWith('{')).length;
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({ method: method.toUpperCase(), template, regex, literalSegments, hasJsonBody: Boolean(op.requestBody?.content?.['application/json']) });
    }
  }
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  return (openapi = { ajv, operations, validators: new Map() });
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside a oneOf/anyOf without a `type` (issue titles,
 * milestones, labels); ajv refuses to compile those. The same meaning in plain JSON Schema:
 * "this schema, or null".
 */
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) nullableWithoutType(x);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  for (const v of Object.values(o)) nullableWithoutType(v);
  if (o.nullable === true && o.type === undefined) {
    const { nullable: _n, description, ...inner } = o;
    for (const k of Object.keys(o)) delete o[k];
    Object.assign(o, description === undefined ? {} : { description }, { anyOf: [inner, { type: 'null' }] });
  }
}

/** The operation of GitHub's REST API a request is for, with its path parameters; undefined when GitHub has no such operation. */
export function matchOperation(method: string, path: string): { template: string; params: Record<string, string>; hasJsonBody: boolean } | undefined {
  for (const op of loadOpenApi().operations) {
    if (op.method !== method) continue;
    const m = op.regex.exec(path);
    if (!m) continue;
    const params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    return { template: op.template, params, hasJsonBody: op.hasJsonBody };
  }
  return undefined;
}

/** JSON pointer into the spec: `~1` for `/`, and the braces percent-encoded (ajv reads the $ref as a URI). */
const pointer = (template: string) => template.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');

/** Problems of a request body against the operation's schema ("/title must be string"); empty when valid. */
export function requestBodyProblems(method: string, template: string, body: unknown): string[] {
  const api = loadOpenApi();
  const key = `${method} ${template}`;
  let validate = api.validators.get(key);
  if (!validate) {
    validate = api.ajv.compile({ $ref: `gh#/paths/${pointer(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema` });
    api.validators.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

// The package's exports name only its index; its own validate() builds from schema.json too (the SDL file defines some fields twice).
let graphqlSchema: GraphQLSchema | undefined;

/** GitHub's GraphQL schema (public API, as published in @octokit/graphql-schema). */
export function githubGraphqlSchema(): GraphQLSchema {
  return (graphqlSchema ??= buildClientSchema(JSON.parse(readFileSync(new URL('../../node_modules/@octokit/graphql-schema/schema.json', import.meta.url), 'utf8'))));
}
