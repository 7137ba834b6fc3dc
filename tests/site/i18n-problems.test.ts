// Every validation message the planner can show has Korean (issue 10). Two ways, so that a new
// message fails here instead of reaching /ko/planner in English:
//  - from the source: every message shape schemas/{plan,validate,plan-yaml,quote}.ts can write
//    (problem-sources.ts), with its values filled in by sample text, goes through the Korean
//    translator the page uses; the blueprints' own messages and each account field's too;
//  - from behaviour: bad plans generated from the plan's JSON Schema (each field: wrong type,
//    missing, out of range, not in the enum, not matching, an unknown key) and bad YAML go through
//    validatePlan (Review, imports) and the bare schema (the form's resolver, zod's own messages).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import * as planModule from '../../schemas/plan.ts';
import { ACCOUNT_FIELDS, accountMessage, type AccountField } from '../../schemas/plan.ts';
import { planSchemaFor, validatePlan } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { ko, koData } from '../../site/src/i18n/ko.ts';
import { createLocale } from '../../site/src/i18n/locale.ts';
import { localizeGraph } from '../../site/src/i18n/graph.ts';
import { translateProblem } from '../../site/src/i18n/problem-text.ts';
import { messageSources, SLOT, type MessageSource } from './problem-sources.ts';

const ROOT = join(import.meta.dirname, '../..');
const { catalog } = nodeGenerateOptions();
const KO = createLocale('ko', ko, koData, catalog, { translateProblem, localizeGraph });
const hangul = /[\uac00-\ud7a3]/;

/** The schema files whose messages reach the planner (blueprint.ts and health-report.ts check this repository's own files). */
const SCHEMA_FILES = ['schemas/plan.ts', 'schemas/validate.ts', 'schemas/plan-yaml.ts', 'schemas/quote.ts'];

/**
 * Shapes that are not messages of their own, each checked another way:
 *  - `must be {}`: the template of the `must be ${what}` helpers; each use is collected with its text;
 *  - `null`: describe()'s name for a YAML null, a value, kept as written (code).
 */
const NOT_MESSAGES = new Set(['must be \u0001', 'null']);
/**
 * Functions that write one field's message from a table of fields (the value's format, where to
 * find it): sample values cannot stand in for those, so each is called with every real field and
 * kind below, and its shapes are not sampled.
 */
const FIELD_MESSAGES = new Set(['accountMessage', 'githubMessage']);

/** Sample values for a shape's slots: a number, a quoted value, nothing (an optional part). */
const SAMPLES = ['7', '"v"', ''];

function samplesOf(shape: string): string[] {
  const parts = shape.split(SLOT);
  const slots = parts.length - 1;
  // Every combination while it stays small; past five slots, one sample for all.
  let fills: string[][] = [[]];
  if (slots <= 5) for (let i = 0; i < slots; i++) fills = fills.flatMap((f) => SAMPLES.map((s) => [...f, s]));
  else fills = SAMPLES.map((s) => Array(slots).fill(s));
  return fills.map((f) => parts.reduce((acc, p, i) => acc + (i > 0 ? f[i - 1] : '') + p, ''));
}

/** Whether some filling of the shape comes out in Korean. */
const translated = (shape: string) => samplesOf(shape).some((m) => hangul.test(KO.problem(m)));

/** English words that show a message (or a value in it) was left untranslated; quoted values and code aside. */
function englishLeft(shown: string): string[] {
  const prose = shown.replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/`[^`]*`/g, '');
  return prose.match(/\b(a|an|the|is|are|must|be|not|of|to|and|or|with|got|received|expected|text|mapping|list|number|string|whole|unknown|key|keys|allowed|did|you|mean|needs?|write|valid|invalid|too|small|big|at|line|column)\b/gi) ?? [];
}

/** What the FIELD_MESSAGES functions write, for every real field and kind. */
function fieldMessages(): string[] {
  const out = (Object.keys(ACCOUNT_FIELDS) as AccountField[]).flatMap((field) => (['missing', 'format', 'placeholder'] as const).map((kind) => accountMessage(field, kind)));
  // The GitHub target's fields, where the schema has them (githubMessage, GITHUB_FIELDS).
  const plan = planModule as Record<string, unknown>;
  const githubMessage = plan.githubMessage as ((field: string, kind: string) => string) | undefined;
  // An example repository is reported once, on github.owner (githubPlaceholders), so only there.
  for (const field of Object.keys((plan.GITHUB_FIELDS as object | undefined) ?? {})) {
    for (const kind of field === 'owner' ? ['missing', 'placeholder', 'example'] : ['missing', 'placeholder']) out.push(githubMessage!(field, kind));
  }
  return out;
}

describe('every message the schemas can write has Korean', () => {
  const sources = SCHEMA_FILES.flatMap((f) => messageSources(join(ROOT, f)));
  const where = (s: MessageSource) => `${s.file.slice(ROOT.length + 1)}:${s.line}: ${s.shape.replaceAll(SLOT, '{}')}`;

  it('the source scan finds the messages', () => {
    // A floor, so that a scan broken by a refactor cannot pass by finding nothing.
    expect(sources.length).toBeGreaterThan(60);
    for (const wanted of ['RKE2 on AWS has no pod identity here', 'cannot be \u0001 with Keycloak on', 'is required when subjectFormat is "immutable"', 'unknown key', 'not valid YAML']) {
      expect(sources.some((s) => s.shape.includes(wanted)), wanted).toBe(true);
    }
  });

  it('each shape, its values filled in, is shown in Korean', () => {
    const missing = sources.filter((s) => !NOT_MESSAGES.has(s.shape) && !FIELD_MESSAGES.has(s.fn ?? '') && !translated(s.shape));
    expect(missing.map(where)).toEqual([]);
  });

  it('every account and GitHub field, missing, malformed, a placeholder or an example', () => {
    if (sources.some((s) => s.fn === 'githubMessage')) expect((planModule as Record<string, unknown>).githubMessage, 'schemas/plan.ts exports githubMessage').toBeTypeOf('function');
    const messages = fieldMessages();
    expect(messages.length).toBeGreaterThanOrEqual(Object.keys(ACCOUNT_FIELDS).length * 3);
    expect(messages.filter((m) => !hangul.test(KO.problem(m)))).toEqual([]);
  });

  it("the blueprints' own messages (a distribution a cloud does not offer)", () => {
    const texts = Object.values(catalog.clouds).flatMap((c) => Object.values(c.unsupportedDistributions));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(KO.problem(text), text).toMatch(hangul);
  });

  it('every exact-text translation is a message something writes (no stale entry)', () => {
    const written = new Set([
      ...sources.map((s) => s.shape),
      ...Object.values(catalog.clouds).flatMap((c) => Object.values(c.unsupportedDistributions)),
      // zod's own wording for checks the schema leaves to it (zod/v4/locales/en.js).
      'Invalid input',
      'Invalid email address',
      ...fieldMessages(),
    ]);
    expect(Object.keys(koData.problemTexts).filter((english) => !written.has(english))).toEqual([]);
  });

  it('fails on a message without Korean, in each place a message is written', () => {
    const fixture = [
      "issues.push({ path: ['x'], message: 'needs a brand new thing' });",
      'const s = z.string().regex(/a/, { error: `must be ${n} brand new things` });',
      "const t = pattern(RE, 'a brand new pattern');",
      'function fooMessage(x) { return `brand new ${x} wording`; }',
      "const u = z.string().min(1, 'brand new check');",
      "const message = ok ? 'brand new when ok' : 'brand new otherwise';",
    ].join('\n');
    const found = messageSources('fixture.ts', fixture);
    expect(found.map((s) => s.shape.replaceAll(SLOT, '{}'))).toEqual([
      'needs a brand new thing',
      'must be {} brand new things',
      'must be a brand new pattern',
      'brand new {} wording',
      'brand new check',
      'brand new when ok',
      'brand new otherwise',
    ]);
    for (const s of found) expect(translated(s.shape), s.shape).toBe(false);
    expect(translated('must be a GitHub username')).toBe(true);
  });
});

// ---- bad plans generated from the plan's JSON Schema ----

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

/** A valid plan with every optional field present, so that each one can be broken. */
function fullPlan(): Record<string, unknown> {
  return {
    apiVersion: 'opsta.dev/v1',
    kind: 'Plan',
    metadata: { name: 'globex-prod', environment: 'prod', description: 'Globex platform' },
    cloud: { provider: 'aws', region: 'ap-northeast-2', aws: { accountId: '482916037251' } },
    profile: 'medium',
    network: { cidr: '10.40.0.0/16', zones: 3 },
    kubernetes: {
      distribution: 'managed',
      version: catalog.clouds.aws!.defaultKubernetesVersion,
      nodePools: [{ name: 'system', instanceType: 'm6i.xlarge', min: 3, max: 6, diskGiB: 100 }],
      apiAccess: { mode: 'public', allowedCidrs: ['203.0.113.0/24'], runner: 'opsta-vpc' },
    },
    dns: { domain: 'platform.globex.example', zone: 'create' },
    tls: { issuer: 'letsencrypt', email: 'ops@globex.example' },
    components: Object.fromEntries(Object.keys(catalog.components).map((k) => [k, k === 'keycloak' ? { enabled: true, realm: 'globex' } : k === 'gateway' ? { enabled: true, controller: 'envoy-gateway' } : { enabled: k === 'certManager' }])),
    github: { owner: 'globex', repo: 'globex-infra', ownerId: 1, repoId: 2, subjectFormat: 'auto', baseBranch: 'main', environment: 'prod', reviewers: ['alice'] },
    budget: { monthlyUsd: 5000 },
    backups: { enabled: true, retentionDays: 30 },
  };
}

const clone = <T>(v: T): T => structuredClone(v);
function setAt(obj: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let o = obj as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  if (value === undefined) delete o[path.at(-1)!];
  else o[path.at(-1)!] = value;
}
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type);

/** Wrong values for one node of the schema. */
function badValues(s: JsonSchema): unknown[] {
  const out: unknown[] = [];
  const t = typeOf(s);
  out.push(t === 'string' ? 5 : 'five', null, [], Number.NaN);
  if (t === 'object') out.push({});
  if (s.enum || s.const !== undefined) out.push('zzz-not-allowed');
  if (t === 'string') {
    out.push('', 'Not Valid!$', 'x'.repeat((s.maxLength ?? 300) + 1));
    if (s.minLength) out.push('x'.repeat(s.minLength - 1));
  }
  if (t === 'number' || t === 'integer') {
    out.push(1.5, -1, 0);
    if (s.minimum !== undefined) out.push(s.minimum - 1);
    if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum);
    if (s.maximum !== undefined) out.push(s.maximum + 1);
  }
  if (t === 'array') {
    out.push(Array(Math.max(s.maxItems ?? 0, 0) + 1).fill(s.items?.type === 'string' ? 'bad name!' : {}));
    if (s.minItems) out.push([]);
  }
  return out;
}

/** Every (path, bad value) of the plan: each field broken, each mapping given an unknown key and a typo. */
function badPlans(schema: JsonSchema): unknown[] {
  const base = fullPlan();
  const plans: unknown[] = [];
  const walk = (s: JsonSchema, path: (string | number)[], value: unknown) => {
    const variant = s.anyOf ?? s.oneOf;
    if (variant) {
      const v = variant.find((x) => x.properties?.provider?.const === (value as { provider?: string })?.provider) ?? variant.find((x) => x.type !== 'null') ?? variant[0]!;
      return walk(v, path, value);
    }
    if (path.length) for (const bad of badValues(s)) plans.push(((p) => (setAt(p, path, bad), p))(clone(base)));
    if (s.properties && value && typeof value === 'object') {
      const keys = Object.keys(s.properties);
      plans.push(((p) => (setAt(p, [...path, 'bogusKey'], 1), p))(clone(base)));
      plans.push(((p) => (setAt(p, [...path, `${keys[0]}x`], 1), p))(clone(base)));
      for (const [k, sub] of Object.entries(s.properties)) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined) continue;
        if (s.required?.includes(k)) plans.push(((p) => (setAt(p, [...path, k], undefined), p))(clone(base)));
        walk(sub, [...path, k], v);
      }
    }
    if (s.items && Array.isArray(value) && value.length) walk(s.items, [...path, 0], value[0]);
  };
  walk(schema, [], base);
  return plans;
}

describe('generated bad plans: every problem is shown in Korean', () => {
  const schema = z.toJSONSchema(planSchemaFor(catalog), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const plans = badPlans(schema);

  const messages = new Map<string, string>(); // message → where it came from
  const collect = (from: string, ms: { message: string }[]) => ms.forEach((m) => messages.has(m.message) || messages.set(m.message, from));
  for (const [i, p] of plans.entries()) {
    const v = validatePlan(p, catalog);
    if (!v.ok) collect(`plan ${i} (validatePlan)`, v.problems);
    // The form's resolver: the same schema, zod's own messages for what the schema leaves to zod.
    const r = planSchemaFor(catalog).safeParse(p);
    if (!r.success) collect(`plan ${i} (schema)`, r.error.issues);
  }
  // Whole-document faults and YAML: not a mapping, an unknown cloud, YAML's own errors, typed scalars, too many problems.
  collect('not a mapping', (validatePlan('text', catalog) as { problems: { message: string }[] }).problems);
  collect('unknown cloud', (validatePlan({ cloud: { provider: 'mars' } }, catalog) as { problems: { message: string }[] }).problems);
  collect('cloud as a list', (validatePlan({ cloud: { provider: [] } }, catalog) as { problems: { message: string }[] }).problems);
  for (const text of ['a: [', 'a: 1\0', 'apiVersion: opsta.dev/v1\nkind: Plan\nkubernetes: { version: 1.30 }\nmetadata: { name: 012345 }\nnetwork: { zones: .inf, cidr: .nan }\n']) {
    const v = validatePlanText(text, catalog);
    if (!v.ok) collect(`YAML ${JSON.stringify(text)}`, v.problems);
  }
  const many = fullPlan();
  (many.github as Record<string, unknown>).reviewers = Array(60).fill('bad name!');
  many.extraKeyWithAVeryLongName = 'x'.repeat(200);
  collect('60 bad reviewers', (validatePlan(many, catalog) as { problems: { message: string }[] }).problems);

  it('the generated plans reach many distinct messages', () => {
    expect(plans.length).toBeGreaterThan(200);
    expect(messages.size).toBeGreaterThan(60);
  });

  it('each one is Korean, values included', () => {
    const left = [...messages].flatMap(([m, from]) => {
      const shown = KO.problem(m);
      return hangul.test(shown) && englishLeft(shown).length === 0 ? [] : [`${from}: ${m} → ${shown}`];
    });
    expect(left).toEqual([]);
  });

  it('the English-word check catches an untranslated value', () => {
    expect(englishLeft('매핑이어야 하는데 a list입니다')).toEqual(['a', 'list']);
    expect(englishLeft('"the text" 값과 `gh api repos/a/b` 명령')).toEqual([]);
  });
});
