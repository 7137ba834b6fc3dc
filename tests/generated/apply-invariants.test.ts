// The apply and destroy workflows' semantics for every example, beyond the goldens: the stage
// order, the destroy confirmation and reverse order, never-cancelling concurrency, and the failure
// routing. Routing is proven by walking the generated apply job with GitHub's own expression
// engine (tests/support/actions-sim.ts): every step that can fail is failed in turn, the
// "Record the failure" step runs the runtime's real decision (apply-outcome's decideOutcome), then
// the report job is walked with the job's outputs. Only a failed `terraform apply` may reach the
// revert step; only a failed helmfile apply may reach the Helm rollback.
import { describe, expect, it } from 'vitest';
import { decideOutcome, outcomeEvent, type Steps } from '../../generator/runtime/apply-outcome.ts';
import { parsePipeline } from '../../generator/runtime/changed-stacks.ts';
import { stagesFor } from '../../generator/src/graph.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { conditionHolds, simulateJob, type SimJob, type SimStep } from '../support/actions-sim.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample, generateText, loadExample } from './examples.ts';

interface Workflow {
  on: Record<string, { inputs?: Record<string, { required?: boolean; type?: string }> } | null>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, SimJob & { needs?: string | string[]; environment?: string; outputs?: Record<string, string> }>;
}
const load = (text: string) => parseYaml(text)[0] as Workflow;

const isTerraformApply = (s: SimStep) => /^\s*terraform apply\b/m.test(s.run ?? '') && !/plan -destroy/.test(s.run ?? '');
const isHelmfileApply = (s: SimStep) => /^\s*helmfile apply\b/m.test(s.run ?? '');
/** The Deployment stage status a step posts ([stage, state]), read from its run: and env:. */
function postedStatus(s: SimStep): [string, string] | undefined {
  const m = /opsta\.mjs"? deployment stage --id "\$DEPLOYMENT_ID" --stage (\S+) --state (\w+)/.exec(s.run ?? '');
  if (!m) return undefined;
  return [m[1] === '"$STACK"' ? String(s.env?.STACK) : m[1]!, m[2]!];
}
/** The steps that only run after something failed: failing them is not a scenario. */
const AFTER_FAILURE = new Set(['failure', 'rollback']);

function stageOrder(plan: string): string[] {
  const o = nodeGenerateOptions();
  const v = validatePlanText(plan, o.catalog);
  if (!v.ok) throw new Error('example is invalid');
  return stagesFor(v.resolved).map((s) => s.id);
}

for (const name of exampleNames()) {
  describe(`${name}: apply.yml and destroy.yml`, () => {
    const files = generatedExample(name);
    const apply = load(files['.github/workflows/apply.yml']!);
    const destroy = load(files['.github/workflows/destroy.yml']!);
    const pipeline = parsePipeline(JSON.parse(files['.opsta/pipeline.json']!));
    const job = apply.jobs.apply!;
    const steps = job.steps ?? [];
    const order = stageOrder(loadExample(name).text);

    it('runs the stages in the order of stagesFor, each Terraform stage plan → compare → apply', () => {
      expect(pipeline.stages.map((s) => s.id)).toEqual(order);
      const stageSteps = steps.filter((s) => s.env?.STACK).map((s) => `${s.env!.STACK}:${s.id ?? s.name}`);
      const firstOf = [...new Set(stageSteps.map((s) => s.split(':')[0]))];
      expect(firstOf).toEqual(order);
      for (const st of pipeline.stages.filter((s) => s.tool === 'terraform')) {
        const sid = st.id.replace(/-/g, '_');
        const ids = steps.filter((s) => s.env?.STACK === st.id).map((s) => s.id).filter(Boolean);
        expect(ids).toEqual([`plan_${sid}`, `compare_${sid}`, `apply_${sid}`]);
        expect(isTerraformApply(steps.find((s) => s.id === `apply_${sid}`)!)).toBe(true);
      }
    });

    it('destroy: manual with a typed confirmation, environment-gated, the stages in reverse order', () => {
      expect(Object.keys(destroy.on)).toEqual(['workflow_dispatch']);
      expect(destroy.on.workflow_dispatch!.inputs!.confirm).toMatchObject({ required: true, type: 'string' });
      const check = destroy.jobs.confirm!.steps!.find((s) => s.name === 'Check the confirmation')!;
      expect(check.env!.CONFIRM).toBe('${{ inputs.confirm }}');
      expect(check.run).toMatch(/if \[ "\$CONFIRM" != "\$expected" \]; then[\s\S]*exit 1/);
      expect(check.run).toContain(`jq -r '.environment' .opsta/pipeline.json`);
      const d = destroy.jobs.destroy!;
      expect(d.needs).toBe('confirm');
      expect(d.environment).toBe(apply.jobs.apply!.environment);
      const destroyed = (d.steps ?? []).filter((s) => /terraform plan -destroy|helmfile destroy/.test(s.run ?? '')).map((s) => s.env!.STACK);
      expect(destroyed).toEqual([...order].reverse());
      // The event log: only a confirmed run is an event.
      expect(destroy.jobs.report!.if).toBe("always() && needs.confirm.result == 'success'");
      expect(destroy.jobs.report!.steps!.at(-1)!.run).toContain('type: "destroy"');
    });

    it('one never-cancelling concurrency group for apply and destroy', () => {
      expect(apply.concurrency['cancel-in-progress']).toBe(false);
      expect(destroy.concurrency['cancel-in-progress']).toBe(false);
      expect(destroy.concurrency.group).toBe(apply.concurrency.group);
      expect(apply.concurrency.group).toMatch(/^deploy-/);
    });

    // Every step that can fail, failed in turn (and the helmfile step cancelled), on a merge.
    const scenarios = steps
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !AFTER_FAILURE.has(s.id ?? ''))
      .map(({ s, i }) => ({ label: `${i}: ${s.name ?? s.id ?? s.uses}`, index: i, step: s, how: 'failure' as const }));
    const helmIndex = steps.findIndex(isHelmfileApply);
    const all = [...scenarios, ...(helmIndex >= 0 ? [{ label: `${helmIndex}: helmfile apply cancelled`, index: helmIndex, step: steps[helmIndex]!, how: 'cancelled' as const }] : [])];

    function walk(failAt: number, how: 'failure' | 'cancelled', event = 'push') {
      const run = simulateJob(job, {
        fails: (_s, i) => (i === failAt ? how : false),
        contexts: { github: { event_name: event }, env: { DEPLOYMENT_ID: '7' } },
        impl: {
          // A reviewed plan was found and every stage has changes, so every step runs.
          reviewed: () => ({ run_id: '42' }),
          ...Object.fromEntries(pipeline.stages.map((s) => [`plan_${s.id.replace(/-/g, '_')}`, () => ({ changes: 'true' })])),
          verdict: () => ({ health: JSON.stringify({ status: 'fail', counts: { pass: 9, fail: 1 } }) }),
          rollback: () => ({ releases: JSON.stringify([{ name: 'keycloak', namespace: 'keycloak', outcome: 'helm-rolled-back', from: 2, to: 1 }]) }),
          failure: (ctx, jobStatus) => {
            const o = decideOutcome(pipeline.stages, ctx as Steps, { jobStatus, event });
            // marked: the Deployment stage applyOutcomeCommand posts "<stage>: failed" for.
            return { kind: o.kind, stage: o.stage ?? '', revert_stage: o.revertStage ?? '', marked: o.stage ?? o.deploymentStage ?? '', event: JSON.stringify(outcomeEvent(o, ctx as Steps)) };
          },
        },
      });
      const report = simulateJob(apply.jobs.report!, {
        fails: () => false,
        contexts: { github: { event_name: event }, needs: { apply: { result: run.result, outputs: run.outputs } } },
        impl: { revert: () => ({ pr_number: '12', pr_url: 'https://github.test/acme/infra/pull/12' }) },
      });
      return { run, report };
    }

    it.each(all)('routing when step $label fails', ({ index, step, how }) => {
      const { run, report } = walk(index, how);
      const revert = report.ran.includes('Open a revert pull request');
      const rollback = run.ran.includes('Roll failed Helm releases back');
      // The scenario is real: the step ran (and failed), and the failure was recorded after it.
      expect(run.ranIndex).toContain(index);
      expect(run.ranIndex.at(-1)).toBe(steps.findIndex((s) => s.id === 'failure'));
      expect(report.ran).toContain('Append to the event log');
      // Only a failed terraform apply reaches the revert, naming its own stage.
      expect(revert).toBe(how === 'failure' && isTerraformApply(step));
      if (revert) expect(run.outputs.revert_stage).toBe(step.env!.STACK);
      // Only a failed (or interrupted) helmfile apply reaches the Helm rollback.
      expect(rollback).toBe(isHelmfileApply(step));
      const ev = JSON.parse(run.outputs.event!) as { status: string; failedStage?: string; rollback?: unknown[] };
      if (step.id === 'health') expect([ev.status, ev.failedStage]).toEqual(['unhealthy', undefined]);
      if (step.id?.startsWith('compare_')) expect(ev.status).toBe('stopped');
      if (rollback) expect(ev.rollback).toHaveLength(1);
      // A failure outside every stage names no stage (the old OPSTA_STAGE pointed at the last one).
      if (!step.env?.STACK) expect(ev.failedStage).toBeUndefined();
    });

    /** The statuses the steps that ran (and did not fail) posted, in order. */
    const posted = (ranIndex: number[], failedAt = -1) => ranIndex.filter((i) => i !== failedAt).map((i) => postedStatus(steps[i]!)).filter((x): x is [string, string] => x !== undefined);

    it('the Deployment gets started and succeeded for every stage and for health, in order, around the work of that stage', () => {
      const { run } = walk(-1, 'failure');
      expect(run.ran).not.toContain('Record the failure');
      const want = [...order, 'health'].flatMap((id) => [[id, 'started'], [id, 'succeeded']]);
      expect(posted(run.ranIndex)).toEqual(want);
      // Every step doing a stage's work (its Terraform or helmfile, the health checks) runs between its two statuses.
      const at = (stage: string, state: string) => run.ranIndex.find((i) => JSON.stringify(postedStatus(steps[i]!)) === JSON.stringify([stage, state]))!;
      for (const i of run.ranIndex) {
        const st = steps[i]!;
        const stage = st.id === 'health' ? 'health' : /^\s*(terraform|helmfile) /m.test(st.run ?? '') ? st.env?.STACK : undefined;
        if (!stage) continue;
        expect(i, `${st.name}`).toBeGreaterThan(at(stage, 'started'));
        expect(i, `${st.name}`).toBeLessThan(at(stage, 'succeeded'));
      }
    });

    // A failing status post itself (GitHub refused it) is left out: its stage's work is done or not
    // begun, and the deployment's final failure status says a step outside the stages failed.
    it.each(all.filter(({ step }) => !postedStatus(step)))('no Deployment stage is left "started" when step $label fails', ({ index, how }) => {
      const { run } = walk(index, how);
      const open = new Set<string>();
      for (const [stage, state] of posted(run.ranIndex, index)) {
        if (state === 'started') open.add(stage);
        else open.delete(stage);
      }
      expect(open.size).toBeLessThanOrEqual(1);
      expect(run.steps.failure?.outputs.marked ?? '').toBe([...open][0] ?? '');
    });

    it('a manual run whose terraform apply fails opens no revert pull request (no merge to revert)', () => {
      const i = steps.findIndex(isTerraformApply);
      const { run, report } = walk(i, 'failure', 'workflow_dispatch');
      expect(run.outputs.revert_stage).toBe('');
      expect(report.ran).not.toContain('Open a revert pull request');
    });

    it('the revert step reads only the revert stage the runtime decided (and the trigger)', () => {
      const r = apply.jobs.report!.steps!.find((s) => s.name === 'Open a revert pull request')!;
      expect([...r.if!.matchAll(/\b(needs|steps|env|github)\.[\w.]+/g)].map((m) => m[0]).sort()).toEqual(['github.event_name', 'needs.apply.outputs.revert_stage']);
      expect(job.outputs!.revert_stage).toBe('${{ steps.failure.outputs.revert_stage }}');
      // The mutation the routing test must catch: a revert on any failure would open one for a failed health check.
      const health = steps.findIndex((s) => s.id === 'health');
      const { run } = walk(health, 'failure');
      expect(conditionHolds("needs.apply.result == 'failure'", { needs: { apply: { result: run.result } } }, { failed: false })).toBe(true);
      expect(conditionHolds(r.if, { github: { event_name: 'push' }, needs: { apply: { result: run.result, outputs: run.outputs } } }, { failed: false })).toBe(false);
    });
  });
}

// A plan with no component has no stage 25, the stage that writes the kubeconfig for the rest:
// the apply's health checks must still reach the cluster, not come out "partial" after every apply.
describe('a plan with no component: apply.yml', () => {
  for (const name of exampleNames()) {
    it(`${name} without components writes the kubeconfig before the health checks`, () => {
      const text = loadExample(name).text.replace(/^components:\n(?:[ \t]+.*\n|\n)*/m, 'components: {}\n');
      expect(text).toMatch(/^components: \{\}$/m);
      const files = generateText(text);
      const steps = load(files['.github/workflows/apply.yml']!).jobs.apply!.steps ?? [];
      const ids = steps.map((s) => s.id ?? s.name);
      expect(ids).not.toContain('plan_25_prerequisites');
      const kube = ids.indexOf('kubeconfig');
      expect(kube, 'a kubeconfig step').toBeGreaterThan(ids.indexOf('apply_20_cluster'));
      expect(kube).toBeLessThan(ids.indexOf('health'));
    });
  }
});

// The revert pull request (revert-pr) tells a person to close and reopen it, or push to its branch,
// because GitHub runs no workflow for a pull request the job token opened. Those two events must
// be ones plan.yml plans on, or the instructions lead nowhere.
describe('the revert pull request can be planned the way its body says', () => {
  for (const name of exampleNames()) {
    it(`${name}: plan.yml plans on reopened and synchronize, in its changes job too`, () => {
      const plan = parseYaml(generatedExample(name)['.github/workflows/plan.yml']!)[0] as { on: { pull_request: { types: string[] } }; jobs: Record<string, { if?: string }> };
      expect(plan.on.pull_request.types).toEqual(expect.arrayContaining(['reopened', 'synchronize']));
      for (const action of ['reopened', 'synchronize']) {
        const ctx = { github: { repository: 'acme/infra', event: { action, pull_request: { head: { repo: { full_name: 'acme/infra' } } } } } };
        expect(conditionHolds(plan.jobs.changes!.if!, ctx, { failed: false }), action).toBe(true);
      }
    });
  }
});
