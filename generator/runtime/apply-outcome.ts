// What a failed (or cancelled) apply.yml run did, decided from GitHub's `steps` context: which
// step of which stage failed, what was applied before it, and so what follows. Only a failed
// `terraform apply` opens a revert pull request: Terraform has no undo, and a stop before the
// apply (plan, compare with the reviewed plan) changed nothing. A failed `helmfile apply` goes to
// the Helm rollback; a failed health check after a successful apply is "deployed, unhealthy".
// The decision is pure; posting the deployment statuses is the edge (applyOutcomeCommand).
import { parseFlags, required } from './args.ts';
import { parsePipeline, type PipelineStage } from './changed-stacks.ts';
import { UsageError } from './errors.ts';
import { githubClient } from './github.ts';
import { appendSummary, readJson, repository, runUrl, setOutput, type Io } from './io.ts';
import { mdText } from './markdown.ts';
import { deploymentStatus } from './publish.ts';

/** The step ids apply.yml gives each stage's steps; the template and this decision share them. */
export function stageStepIds(stageId: string): { plan: string; compare: string; apply: string; helmfile: string } {
  const sid = stageId.replace(/-/g, '_');
  return { plan: `plan_${sid}`, compare: `compare_${sid}`, apply: `apply_${sid}`, helmfile: `helmfile_${sid}` };
}

/** Steps outside the stages whose failure the run names. */
export const OTHER_STEPS: Record<string, string> = {
  deployment: 'starting the deployment',
  reviewed: 'finding the reviewed plans',
  kubeconfig: 'writing the kubeconfig',
  health: 'the health checks',
  finish: 'finishing the deployment',
};

export interface StepResult {
  outcome?: string;
  conclusion?: string;
  outputs?: Record<string, string>;
}
export type Steps = Record<string, StepResult>;

export type FailureKind = 'terraform-apply' | 'terraform-plan' | 'compare-plan' | 'helmfile' | 'health' | 'cancelled' | 'other';

export interface Outcome {
  kind: FailureKind;
  /** The stage that failed or was interrupted; absent when the failure was outside every stage. */
  stage?: string;
  /**
   * The Deployment stage left "started" that is marked failed: the failed stage, or `health` when
   * the health checks (the deployment's last stage, not a pipeline stage) failed or were cancelled.
   */
  deploymentStage?: string;
  /** Set only when a stage's `terraform apply` failed: the revert pull request names it. */
  revertStage?: string;
  /** Stages that changed something in this run before the failure. */
  applied: string[];
  /** The deploy event's status on the opsta-status branch. */
  status: 'failure' | 'stopped' | 'unhealthy' | 'cancelled';
  /** The Deployment's final status description (GitHub keeps 140 characters). */
  description: string;
  /** One or two sentences for the run's log and summary. */
  message: string;
  /** A compare-plan stop: what differs from the reviewed plan (compare-plan's output). */
  differences?: Differences;
}

interface Differences {
  count: number;
  first: { address: string; reviewed?: string; fresh?: string }[];
}

function differences(step: StepResult | undefined): Differences | undefined {
  try {
    const d = JSON.parse(step?.outputs?.differences ?? '') as Differences;
    return Number.isInteger(d?.count) && d.count > 0 && Array.isArray(d.first) ? d : undefined;
  } catch {
    return undefined;
  }
}

const failed = (s: StepResult | undefined) => s?.outcome === 'failure';
const interrupted = (s: StepResult | undefined) => s?.outcome === 'cancelled';
const succeeded = (s: StepResult | undefined) => s?.outcome === 'success';

/** `event`: the run's trigger; only a push (a merge) has a merge commit to revert. */
export function decideOutcome(stages: readonly PipelineStage[], steps: Steps, opts: { jobStatus?: string; event?: string } = {}): Outcome {
  const jobStatus = opts.jobStatus ?? 'failure';
  const merge = (opts.event ?? 'push') === 'push';
  const applied: string[] = [];
  const before = () => (applied.length ? ` Applied earlier in this run: ${applied.join(', ')}.` : ' Nothing was applied before it in this run.');
  for (const s of stages) {
    const ids = stageStepIds(s.id);
    if (s.tool === 'terraform') {
      const plan = steps[ids.plan];
      const compare = steps[ids.compare];
      const apply = steps[ids.apply];
      if (failed(apply)) {
        const undo = 'Terraform has no undo: the revert re-applies the previous configuration once merged, it restores no deleted data.';
        return {
          kind: 'terraform-apply', stage: s.id, ...(merge ? { revertStage: s.id } : {}), applied, status: 'failure',
          description: `${s.id}: terraform apply failed; ${merge ? 'a revert pull request follows' : 'a manual run: nothing to revert'}`,
          message: merge
            ? `${s.id}: terraform apply failed, so the run stopped and a pull request reverting the merge is opened. ${undo}${before()}`
            : `${s.id}: terraform apply failed, so the run stopped. A manual run has no merge to revert: fix forward with a pull request.${before()}`,
        };
      }
      if (failed(compare)) {
        const d = differences(compare);
        const what = d ? `${d.count} resource${d.count === 1 ? '' : 's'} differ, e.g. ${d.first.slice(0, 3).map((x) => `${x.address} (reviewed ${x.reviewed ?? 'nothing'}, now ${x.fresh ?? 'nothing'})`).join(', ')}` : "the differences are in that step's log";
        return {
          kind: 'compare-plan', stage: s.id, applied, status: 'stopped', ...(d ? { differences: d } : {}),
          description: `${s.id}: stopped before applying: ${d ? `${d.count} resource(s) differ from the reviewed plan` : 'the change has no reviewed plan'} (nothing applied)`,
          message: `${s.id}: stopped before terraform apply: its fresh plan is not the plan reviewed on the merged pull request (${what}). Nothing of ${s.id} was applied, so no revert pull request is opened; open a pull request so the change is planned and reviewed.${before()}`,
        };
      }
      if (failed(plan)) {
        return {
          kind: 'terraform-plan', stage: s.id, applied, status: 'stopped',
          description: `${s.id}: init or plan failed (nothing applied)`,
          message: `${s.id}: terraform init or plan failed, before anything of ${s.id} was applied; no revert pull request is opened.${before()}`,
        };
      }
      if (interrupted(plan) || interrupted(compare) || interrupted(apply)) {
        const during = interrupted(apply) ? 'during terraform apply (its state may be partly applied and its lock still held)' : 'before terraform apply';
        return { kind: 'cancelled', stage: s.id, applied, status: 'cancelled', description: `${s.id}: cancelled ${interrupted(apply) ? 'during' : 'before'} terraform apply`, message: `The run was cancelled in ${s.id} ${during}. No revert pull request is opened for a cancelled run.${before()}` };
      }
      if (succeeded(apply)) applied.push(s.id);
    } else {
      const h = steps[ids.helmfile];
      if (failed(h) || interrupted(h)) {
        const rollback = rollbackSummary(steps.rollback);
        return {
          kind: failed(h) ? 'helmfile' : 'cancelled', stage: s.id, applied, status: failed(h) ? 'failure' : 'cancelled',
          description: `${s.id}: helmfile apply ${failed(h) ? 'failed' : 'was cancelled'}; ${rollback ? 'see the Helm rollback' : 'no release rolled back'}`,
          message: `${s.id}: helmfile apply ${failed(h) ? 'failed' : 'was cancelled'}. Helm releases are rolled back to their last good revision, not the merge: ${rollback || 'the rollback step did not report (see its log)'}.${before()}`,
        };
      }
      if (succeeded(h)) applied.push(s.id);
    }
  }
  for (const [id, what] of Object.entries(OTHER_STEPS)) {
    if (!failed(steps[id]) && !interrupted(steps[id])) continue;
    if (id === 'health' && failed(steps[id])) {
      return {
        kind: 'health', deploymentStage: 'health', applied, status: 'unhealthy',
        description: 'every stage applied; health checks failed: deployed but unhealthy',
        message: `Every stage applied${applied.length ? ` (${applied.join(', ')} changed)` : ''}, then the health checks failed: the platform is deployed but unhealthy (see the health report). Nothing is reverted or rolled back.`,
      };
    }
    return { kind: interrupted(steps[id]) ? 'cancelled' : 'other', ...(id === 'health' ? { deploymentStage: 'health' } : {}), applied, status: interrupted(steps[id]) ? 'cancelled' : 'failure', description: `${what} ${interrupted(steps[id]) ? 'was cancelled' : 'failed'}; no stage failed`, message: `${what[0]!.toUpperCase()}${what.slice(1)} ${interrupted(steps[id]) ? 'was cancelled' : 'failed'}: no stage failed, so nothing is reverted or rolled back.${before()}` };
  }
  const cancelled = jobStatus === 'cancelled';
  return {
    kind: cancelled ? 'cancelled' : 'other', applied, status: cancelled ? 'cancelled' : 'failure',
    description: `${cancelled ? 'cancelled' : 'a step failed'} outside the stages; nothing reverted`,
    message: `${cancelled ? 'The run was cancelled' : 'A step outside the stages failed (a setup step, a cloud login: see the run)'}; no stage failed, so nothing is reverted or rolled back.${before()}`,
  };
}

interface RollbackEntry {
  name: string;
  namespace: string;
  outcome: string;
  from?: number;
  to?: number;
}

function rollbackSummary(step: StepResult | undefined): string {
  const text = step?.outputs?.releases;
  if (!text) return '';
  let list: RollbackEntry[];
  try {
    list = JSON.parse(text) as RollbackEntry[];
  } catch {
    return '';
  }
  if (!Array.isArray(list)) return '';
  if (list.length === 0) return 'no release was left changed';
  return list.map((r) => `${r.namespace}/${r.name} ${r.outcome}${r.to ? ` to revision ${r.to}` : ''}`).join(', ');
}

/** The fields the deploy event gets from the outcome (the report job adds the revert pull request). */
export function outcomeEvent(o: Outcome, steps: Steps): Record<string, unknown> {
  let rollback: unknown;
  try {
    rollback = steps.rollback?.outputs?.releases ? JSON.parse(steps.rollback.outputs.releases) : undefined;
  } catch {
    rollback = undefined;
  }
  return { status: o.status, outcome: o.kind, ...(o.stage ? { failedStage: o.stage } : {}), applied: o.applied, ...(Array.isArray(rollback) ? { rollback } : {}), ...(o.differences ? { differences: o.differences } : {}), message: o.message };
}

function parseSteps(text: string): Steps {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`apply-outcome: --steps is not JSON (${(e as Error).message}); pass \${{ toJSON(steps) }} through env:`);
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw new UsageError('apply-outcome: --steps must be the steps context, a JSON object of step id → { outcome, conclusion, outputs }');
  return j as Steps;
}

export async function applyOutcomeCommand(argv: readonly string[], io: Io): Promise<number> {
  const f = parseFlags(argv, ['steps', 'job-status', 'pipeline', 'deployment-id'], 'apply-outcome');
  const steps = parseSteps(required(f, 'steps', 'apply-outcome'));
  const pipeline = parsePipeline(readJson(f.pipeline ?? '.opsta/pipeline.json', 'the pipeline file'));
  const o = decideOutcome(pipeline.stages, steps, { jobStatus: f['job-status'] ?? 'failure', event: io.env.GITHUB_EVENT_NAME ?? 'push' });
  setOutput(io, 'kind', o.kind);
  setOutput(io, 'stage', o.stage ?? '');
  setOutput(io, 'revert_stage', o.revertStage ?? '');
  setOutput(io, 'event', JSON.stringify(outcomeEvent(o, steps)));
  io.stdout(`${o.message}\n`);
  appendSummary(io, `### Outcome\n\n${mdText(o.message)}\n`);
  if (f['deployment-id']) {
    const id = Number(f['deployment-id']);
    if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError(`apply-outcome: --deployment-id must be a number, got ${JSON.stringify(f['deployment-id'])}`);
    const gh = githubClient(io);
    const r = repository(io);
    const marked = o.stage ?? o.deploymentStage;
    if (marked) await deploymentStatus(gh, r, id, 'in_progress', `${marked}: ${o.status === 'cancelled' ? 'cancelled' : 'failed'}`, runUrl(io));
    await deploymentStatus(gh, r, id, 'failure', o.description, runUrl(io));
  }
  return 0;
}
