// The default publish branch, apart from content.ts so the planner's Publish step can name it
// without loading the generator core.
import type { ResolvedPlan } from '../../../schemas/plan.ts';

/** The default publish branch: opsta/<plan name> (the name is validated as [a-z][a-z0-9-]*). */
export const defaultBranch = (resolved: ResolvedPlan) => `opsta/${resolved.name}`;
