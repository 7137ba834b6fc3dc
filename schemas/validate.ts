// The one friendly-parse function at the trust boundary: YAML text or an object
// in, a resolved plan or a list of problems (path + how to fix) out. Used by the
// CLI, the generator and the planner alike.
import type { z } from 'zod';
import type { Catalog } from './blueprint.ts';
import { createPlanSchema, resolvePlan, type PlanInput, type PlanSchema, type ResolvedPlan } from './plan.ts';

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

export function didYouMean(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

const schemaCache = new WeakMap<Catalog, PlanSchema>();
export function planSchemaFor(catalog: Catalog): PlanSchema {
  let s = schemaCache.get(catalog);
  if (!s) schemaCache.set(catalog, (s = createPlanSchema(catalog)));
  return s;
}

/** zod error map: plain-language messages, and a did-you-mean for unknown keys. */
const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'unrecognized_keys': {
      const def = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
      const known = Object.keys(def?.shape ?? {});
      const parts = iss.keys.map((k) => {
        const hint = didYouMean(k, known);
        return hint ? `unknown key "${k}" (did you mean "${hint}"?)` : `unknown key "${k}" (allowed: ${known.join(', ')})`;
      });
      return parts.join('; ');
    }
    case 'invalid_type':
      if (iss.input === undefined) return `is required (expected ${iss.expected})`;
      return `must be ${iss.expected === 'object' ? 'a mapping' : iss.expected === 'array' ? 'a list' : `a ${iss.expected}`}, got ${describe(iss.input)}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return undefined;
  }
};

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${String(v)}`;
}

export function validatePlan(input: unknown, catalog: Catalog): Validation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'the plan must be a YAML mapping starting with "apiVersion: opsta.dev/v1"' }] };
  }
  const provider = (input as { cloud?: { provider?: unknown } }).cloud?.provider;
  if (typeof provider === 'string' && !catalog.clouds[provider as keyof Catalog['clouds']]) {
    const offered = Object.keys(catalog.clouds).join(', ');
    return { ok: false, problems: [{ path: 'cloud.provider', message: `"${provider}" is not a cloud Opsta can plan; use one of: ${offered}` }] };
  }
  const result = planSchemaFor(catalog).safeParse(input, { error: errorMap });
  if (!result.success) {
    const problems = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    return { ok: false, problems: dedupe(problems) };
  }
  const plan = result.data as PlanInput;
  return { ok: true, plan, resolved: resolvePlan(plan, catalog) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\0${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  - ${p.path || '(plan)'}: ${p.message}`).join('\n');
}
