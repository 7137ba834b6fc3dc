// Plan YAML text → plan. A module of its own so that importing the validator
// (the planner's first chunk) does not pull in the YAML parser.
import yaml from 'js-yaml';
import type { Catalog } from './blueprint.ts';
import { validatePlan, type Problem, type Validation } from './validate.ts';

/** Parse plan YAML. CORE_SCHEMA keeps `2026-01-01` a string and `on`/`yes` plain strings. */
export function parsePlanYaml(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, value: yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false }) };
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number } };
    const where = err.mark ? ` at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
    return { ok: false, problems: [{ path: '', message: `not valid YAML${where}: ${err.reason ?? String(e)}` }] };
  }
}

export function validatePlanText(text: string, catalog: Catalog): Validation {
  const parsed = parsePlanYaml(text);
  return parsed.ok ? validatePlan(parsed.value, catalog) : parsed;
}
