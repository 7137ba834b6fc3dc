// Which Terraform states the pipeline's read-only identities may read. One source: the stage
// list (graph.ts stagesFor and planOnPullRequest), which also drives the plan workflow
// (.opsta/pipeline.json). A stage not planned on pull requests (40-config with its SSO
// client secrets, apply-only stages such as 25-prerequisites) keeps its state away from
// anyone who can open a pull request.
//
// The scheduled drift check (drift.yml, the same planOnPullRequest filter) plans the same
// stages and its identity reads the same states, no more (docs/decisions.md, "Drift detection:
// a third identity"). That identity is trusted by any job on the base branch that
// is bound to no environment: a weaker gate than the protected environment's reviewers, so
// it must not reach the generated credentials that only the environment may read. The
// stages it leaves out are re-planned, with the apply identity, before every apply.
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { planOnPullRequest, stagesFor } from '../graph.ts';

export interface StateAccess {
  /** Terraform stage IDs pull requests plan: their state is readable by the plan identity. */
  planned: string[];
  /** Terraform stage IDs only the protected environment applies: their state is not. */
  protected: string[];
}

/** Stage IDs are catalog constants; this keeps them safe inside HCL strings and ARNs. */
const STAGE_ID = /^[0-9]{2}-[a-z][a-z0-9-]*$/;

export function stateAccess(plan: ResolvedPlan): StateAccess {
  const terraform = stagesFor(plan).filter((s) => s.tool === 'terraform');
  for (const s of terraform) if (!STAGE_ID.test(s.id)) throw new Error(`stage id ${JSON.stringify(s.id)} is not a bare stage identifier`);
  return {
    planned: terraform.filter(planOnPullRequest).map((s) => s.id),
    protected: terraform.filter((s) => !planOnPullRequest(s)).map((s) => s.id),
  };
}
