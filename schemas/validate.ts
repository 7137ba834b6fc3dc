// The one friendly-parse function at the trust boundary: YAML text or an object
// in, a resolved plan or a list of problems (path + how to fix) out. Used by the
// CLI, the generator and the planner alike.
import type { z } from 'zod';
import type { Catalog } from './blueprint.ts';
import { createPlanSchema, resolvePlan, type PlanInput, type PlanSchema, type PlanSchemaOptions, type ResolvedPlan } from './plan.ts';
import { quote } from './quote.ts';

export interface Problem {
  /** Dotted path into the plan, e.g. `kubernetes.nodePools[0].instanceType`; empty for the whole document. */
  path: string;
  message: string;
}

export type Validation =
  | { ok: true; plan: PlanInput; resolved: ResolvedPlan }
  | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Keys longer than this get no did-you-mean: no plan key is near that long, and edit distance is quadratic. */
export const DID_YOU_MEAN_MAX = 64;

export function didYouMean(key: string, known: string[]): string | undefined {
  if (key.length > DID_YOU_MEAN_MAX) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

const schemaCache = new WeakMap<Catalog, PlanSchema>();
const permissiveCache = new WeakMap<Catalog, PlanSchema>();
/** The plan schema for a catalog; `allowPlaceholders` only for example plans (see PlanSchemaOptions). */
export function planSchemaFor(catalog: Catalog, options: PlanSchemaOptions = {}): PlanSchema {
  const cache = options.allowPlaceholders ? permissiveCache : schemaCache;
  let s = cache.get(catalog);
  if (!s) cache.set(catalog, (s = createPlanSchema(catalog, { allowPlaceholders: Boolean(options.allowPlaceholders) })));
  return s;
}

/**
 * What the plan's source text says, for messages about values YAML typed unexpectedly
 * (`version: 1.30` arrives as the number 1.3). Given by validatePlanText; absent for
 * plans that never were YAML (the planner's form).
 */
export interface PlanSource {
  /** The text as written of the unquoted scalar YAML read as `value`, when that is unambiguous. */
  numberText(value: number): string | undefined;
}

/** How many unknown keys of one mapping a message names; the rest are counted. */
const UNKNOWN_KEYS_SHOWN = 10;
/** How many problems a validation reports; the rest are counted in a last problem. */
export const MAX_PROBLEMS = 50;

function unknownKeysMessage(keys: readonly string[], known: string[]): string {
  const shown = keys.slice(0, UNKNOWN_KEYS_SHOWN);
  const parts: string[] = [];
  const noHint: string[] = [];
  for (const k of shown) {
    const hint = didYouMean(k, known);
    if (hint) parts.push(`unknown key ${quote(k)} (did you mean "${hint}"?)`);
    else noHint.push(quote(k));
  }
  const more = keys.length - shown.length;
  if (noHint.length > 0 || more > 0) {
    const named = `${noHint.join(', ')}${more > 0 ? `${noHint.length ? ' and ' : ''}${more} more` : ''}`;
    // The allowed keys are listed once per mapping, however many unknown keys it has.
    parts.push(`unknown key${noHint.length + more > 1 ? 's' : ''} ${named} (allowed: ${known.join(', ')})`);
  }
  return parts.join('; ');
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', int: 'a whole number' };

function typeMessage(expected: string, input: unknown, source: PlanSource | undefined): string {
  const want = Object.hasOwn(TYPE_NAMES, expected) ? TYPE_NAMES[expected]! : `a ${expected}`;
  if (typeof input === 'number') {
    const raw = source?.numberText(input);
    if (!Number.isFinite(input)) {
      const what = Number.isNaN(input) ? 'not-a-number' : 'infinity';
      return `is not a number: ${raw ?? String(input)} is YAML for ${what}; write a number such as 100`;
    }
    if (expected === 'string') {
      // YAML turned the user's text into a number: say what they wrote and how to keep it text.
      if (raw !== undefined && raw !== String(input)) {
        return `must be a string: write it in quotes, "${raw}" (unquoted, YAML reads ${raw} as the number ${input})`;
      }
      return `must be a string, got number ${input}; write it in quotes, "${raw ?? input}"`;
    }
  }
  return `must be ${want}, got ${describe(input)}`;
}

/** zod error map: plain-language messages, a did-you-mean for unknown keys, quoting hints for typed YAML. */
function errorMapFor(source: PlanSource | undefined): z.core.$ZodErrorMap {
  return (iss) => {
    switch (iss.code) {
      case 'unrecognized_keys': {
        const def = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
        return unknownKeysMessage(iss.keys, Object.keys(def?.shape ?? {}));
      }
      case 'invalid_type':
        if (iss.input === undefined) return `is required (expected ${iss.expected})`;
        return typeMessage(iss.expected, iss.input, source);
      case 'invalid_union':
        return 'does not match any allowed form';
      default:
        return undefined;
    }
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${quote(v, 40)}`;
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${String(v)}`;
}

export function validatePlan(input: unknown, catalog: Catalog, source?: PlanSource, options: PlanSchemaOptions = {}): Validation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'the plan must be a YAML mapping starting with "apiVersion: opsta.dev/v1"' }] };
  }
  const cloud = (input as { cloud?: unknown }).cloud;
  const provider = cloud !== null && typeof cloud === 'object' ? (cloud as { provider?: unknown }).provider : undefined;
  // Own properties only: "__proto__", "constructor" or "toString" are names like any other.
  if (provider !== undefined && (typeof provider !== 'string' || !Object.hasOwn(catalog.clouds, provider))) {
    const offered = Object.keys(catalog.clouds).join(', ');
    const message = typeof provider === 'string' ? `${quote(provider)} is not a cloud Opsta can plan; use one of: ${offered}` : `must be one of: ${offered}, got ${describe(provider)}`;
    return { ok: false, problems: [{ path: 'cloud.provider', message }] };
  }
  const result = planSchemaFor(catalog, options).safeParse(input, { error: errorMapFor(source) });
  if (!result.success) return { ok: false, problems: capProblems(problemsOf(result.error.issues)) };
  const plan = result.data as PlanInput;
  return { ok: true, plan, resolved: resolvePlan(plan, catalog) };
}

/**
 * One problem per field and message: a cross-field check (code "custom") is dropped where
 * the field already has a problem of its own (an over-long instance type is "too long",
 * not also "not in the catalog").
 */
function problemsOf(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const fieldHasOwn = new Set(issues.filter((i) => i.code !== 'custom').map((i) => formatPath(i.path)));
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const i of issues) {
    const path = formatPath(i.path);
    if (i.code === 'custom' && fieldHasOwn.has(path)) continue;
    const k = `${path}\0${i.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ path, message: i.message });
  }
  return out;
}

function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `and ${rest} more problem${rest > 1 ? 's' : ''} not shown; fix the ones above and validate again` }];
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  - ${p.path || '(plan)'}: ${p.message}`).join('\n');
}
