// Whether the plan file already in a target says the same plan as the one being written: then it
// stays as the user wrote it (comments, key order, quoting). Pure, so `generate`, `diff`, the CLI's
// `publish` and the planner's Publish step all decide it the same way.
import type { PlanInput } from '../../schemas/plan.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { PLAN_PATH } from './changeset.ts';
import { canonicalPlanYaml, type GenerateOptions } from './generate.ts';

/** A `keepAsWritten` for the change-set engine: true only for opsta.plan.yaml holding a valid plan equal to `input`. */
export function samePlanKeeper(input: PlanInput, opts: GenerateOptions): (path: string, text: string) => boolean {
  const want = canonicalPlanYaml(input);
  return (path, text) => {
    if (path !== PLAN_PATH) return false;
    try {
      const v = validatePlanText(text, opts.catalog);
      return v.ok && canonicalPlanYaml(v.plan) === want;
    } catch {
      return false;
    }
  };
}
