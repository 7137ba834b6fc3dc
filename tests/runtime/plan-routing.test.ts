// Which jobs and steps of the generated plan.yml run for a pull request, for a change under every
// stage of the pipeline and for a change under none: the real changed-stacks (the bundle, on a
// real git repository of the generated files), the workflow's own jq and bash scripts run with
// real jq and bash, and every job and step `if:` evaluated by GitHub's expression engine
// (tests/support/actions-sim.ts). Nothing is stubbed but the cloud: the upstream state probe
// answers "ready" and terraform itself does not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStages, renderComment } from '../../generator/runtime/comment.ts';
import type { Section } from '../../generator/runtime/sections.ts';
import { conditionHolds, evaluate, simulateJob, type SimJob } from '../support/actions-sim.ts';
import { parseYaml } from '../support/yaml.ts';
import { runRuntime } from './support/bundle.ts';
import { generatedExample } from './support/examples.ts';
import { commit, git, newRepo } from './support/git.ts';

type Step = { id?: string; name?: string; if?: string; run?: string; env?: Record<string, string> };
type Job = SimJob & { if?: string; steps?: Step[]; strategy?: { matrix: { stack: string } } };
const files = generatedExample('aws-medium');
const wf = parseYaml(files['.github/workflows/plan.yml']!)[0] as { jobs: Record<string, Job> };
const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { stages: { id: string; tool: string; dir: string; planOnPullRequest: boolean }[] };
const stepOf = (job: string, pick: (s: Step) => boolean) => wf.jobs[job]!.steps!.find(pick)!;

/** A run: script as the runner runs it (bash -e), with GITHUB_OUTPUT read back. */
function runScript(script: string, env: Record<string, string>, cwd: string): Record<string, string> {
  const out = join(mkdtempSync(join(tmpdir(), 'opsta-step-')), 'output');
  writeFileSync(out, '');
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: out, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`step failed (${r.status}): ${r.stderr}`);
  return Object.fromEntries(readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

let repo: string;
let n = 0;
beforeAll(() => {
  repo = newRepo(files);
});

/** The pull request's changes job: changed-stacks and the split by tool, then the job's outputs. */
function changesFor(path: string) {
  const branch = `pr-${++n}`;
  git(repo, ['checkout', '--quiet', '-B', branch, 'main']);
  commit(repo, { [path]: `changed ${n}\n` }, `change ${path}`);
  const changed = runRuntime(['changed-stacks', '--base', 'main', '--head', branch], { cwd: repo });
  expect(changed.code, changed.stderr).toBe(0);
  const kinds = runScript(stepOf('changes', (s) => s.id === 'kinds').run!, { ALL: changed.outputs.all! }, repo);
  const job = simulateJob(wf.jobs.changes!, { fails: () => false, impl: { changed: () => changed.outputs, kinds: () => kinds } });
  return { changes: { result: 'success', outputs: job.outputs } };
}

/** One matrix leg of the terraform job: which steps run, and the section it leaves for the comment. */
function terraformLeg(stack: string, needs: Record<string, unknown>) {
  const summaries = mkdtempSync(join(tmpdir(), 'opsta-summaries-'));
  const settings = runScript(stepOf('terraform', (s) => s.id === 'pipeline').run!, { STACK: stack }, repo);
  const contexts = { needs, matrix: { stack }, env: { STACK: stack } };
  const leg = simulateJob(wf.jobs.terraform!, { fails: () => false, contexts, impl: { pipeline: () => settings, upstream: () => ({ ready: 'true' }), plan: () => ({ changes: 'true' }) } });
  if (leg.ran.includes('Explain a skipped plan')) {
    const explain = stepOf('terraform', (s) => s.name === 'Explain a skipped plan');
    const runner = mkdtempSync(join(tmpdir(), 'opsta-runner-'));
    runScript(explain.run!, { STACK: stack, PLAN_ON_PR: settings.plan_on_pr!, RUNNER_TEMP: runner, GITHUB_WORKSPACE: repo, SUMMARIES: summaries }, join(repo, 'stacks', stack));
  }
  const sections = readdirSync(summaries).map((f) => JSON.parse(readFileSync(join(summaries, f), 'utf8')) as Section);
  return { ran: leg.ran, sections };
}

const jobRuns = (job: string, needs: Record<string, unknown>) => conditionHolds(wf.jobs[job]!.if, { needs, github: { event: { action: 'synchronize' } } }, { failed: false });
const matrixOf = (needs: Record<string, unknown>) => JSON.parse(evaluate(`toJSON(${wf.jobs.terraform!.strategy!.matrix.stack.replace(/^\$\{\{|\}\}$/g, '')})`, { needs }).coerceString()) as string[];
const commentStages = (needs: Record<string, unknown>) => parseStages(evaluate(stepOf('comment', (s) => s.name === 'Post the comment').env!.STAGES!, { needs }).coerceString());

describe('plan.yml for a pull request touching one stage (aws-medium, every stage in turn)', () => {
  const terraform = pipeline.stages.filter((s) => s.tool === 'terraform');
  it('the pipeline has apply-only Terraform stages to prove this on', () => {
    expect(terraform.filter((s) => !s.planOnPullRequest).map((s) => s.id)).toEqual(['25-prerequisites', '40-config']);
  });

  it.each(pipeline.stages.map((s) => [s.id, s] as const))('%s: every changed Terraform stage gets fmt and validate, only the planned ones a plan, and the comment covers each', (_id, stage) => {
    const needs = changesFor(`${stage.dir}/CHANGED.md`);
    const changedIds = JSON.parse(needs.changes.outputs.stages!) as string[];
    expect(changedIds).toContain(stage.id);
    const matrix = matrixOf(needs);
    // Every changed Terraform stage, whether or not pull requests plan it.
    expect(matrix).toEqual(terraform.filter((s) => changedIds.includes(s.id)).map((s) => s.id));
    expect(jobRuns('terraform', needs)).toBe(matrix.length > 0);
    expect(jobRuns('checks', needs)).toBe(matrix.length > 0);
    expect(jobRuns('comment', needs)).toBe(true);
    expect(commentStages(needs)).toEqual(changedIds);
    const sections: Section[] = [];
    for (const stack of matrix) {
      const planned = terraform.find((s) => s.id === stack)!.planOnPullRequest;
      const leg = terraformLeg(stack, needs);
      expect(leg.ran, stack).toEqual(expect.arrayContaining(['terraform fmt', 'terraform validate']));
      expect(leg.ran.includes('terraform plan'), stack).toBe(planned);
      expect(leg.ran.includes('Explain a skipped plan'), stack).toBe(!planned);
      if (!planned) {
        expect(leg.sections).toEqual([expect.objectContaining({ type: 'text', stage: stack, title: 'Not planned on pull requests: applied after review' })]);
        expect((leg.sections[0] as { body: string }).body).toMatch(/fmt -check and validate passed/);
      }
      sections.push(...leg.sections);
    }
    // The comment: a section for each apply-only stage; a planned stage's plan section is the
    // summarizer's (not run here), so it shows as having no result yet.
    const { body } = renderComment({ markerName: 'plan', sections, stages: commentStages(needs) });
    for (const stack of matrix.filter((s) => !terraform.find((t) => t.id === s)!.planOnPullRequest)) expect(body).toContain(`### \`${stack}\`: Not planned on pull requests: applied after review`);
    expect(body).not.toContain('No stage changed');
  });

  it('a change under no stage: no terraform job, but the comment job still runs and says no stage changed', () => {
    const needs = changesFor('docs/NOTES.md');
    expect(JSON.parse(needs.changes.outputs.stages!)).toEqual([]);
    expect(jobRuns('terraform', needs)).toBe(false);
    expect(jobRuns('comment', needs)).toBe(true);
    const { body } = renderComment({ markerName: 'plan', sections: [], stages: commentStages(needs) });
    expect(body).toContain('_No stage changed in this pull request: nothing to plan._');
  });

  it('a label event plans nothing and leaves the comment alone', () => {
    expect(conditionHolds(wf.jobs.changes!.if, { github: { event: { action: 'labeled', pull_request: { head: { repo: { full_name: 'a/b' } } } }, repository: 'a/b' } }, { failed: false })).toBe(false);
    expect(jobRuns('comment', { changes: { result: 'skipped', outputs: {} } })).toBe(false);
  });
});
