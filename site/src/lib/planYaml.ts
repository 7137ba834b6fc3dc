// Plan YAML parsing for the planner's import and compare features, loaded on demand so that
// js-yaml stays out of the first page load. Same options as schemas/validate.ts's
// parsePlanYaml (tests/site/lib.test.ts checks they agree); that one cannot be used here
// because importing it would pull js-yaml into the main chunk.
import yaml from 'js-yaml';
import type { Catalog } from '../../../schemas/blueprint.ts';
import { validatePlan, type Problem, type Validation } from '../../../schemas/validate.ts';

export function parsePlanText(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, value: yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false }) };
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number } };
    const where = err.mark ? ` at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
    return { ok: false, problems: [{ path: '', message: `not valid YAML${where}: ${err.reason ?? String(e)}` }] };
  }
}

export function validatePlanYamlText(text: string, catalog: Catalog): Validation {
  const parsed = parsePlanText(text);
  return parsed.ok ? validatePlan(parsed.value, catalog) : parsed;
}
