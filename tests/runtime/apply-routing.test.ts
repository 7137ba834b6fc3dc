// apply-outcome, run as apply.yml runs it (the committed bundle, plain node): what a failed run
// did and what follows, from the `steps` context GitHub gives it. Deployment statuses go to the
// GitHub fake; the report job's "Append to the event log" script, taken from the generated
// apply.yml / destroy.yml, runs with bash and jq against a real bare git remote, so the
// history.jsonl line is the one a run writes. (tests/generated/apply-invariants.test.ts walks
// every step of every example; this proves the CLI, the statuses and the event log.)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../support/github-double.ts';
import { requireTool } from '../support/tools.ts';
import { parseYaml } from '../support/yaml.ts';
import { generatedExample } from './support/examples.ts';
import { BUNDLE, runRuntime, runRuntimeAsync } from './support/bundle.ts';
import { git } from './support/git.ts';

const files = generatedExample('aws-medium');
const pipelineFile = (() => {
  const f = join(mkdtempSync(join(tmpdir(), 'opsta-pipeline-')), 'pipeline.json');
  writeFileSync(f, files['.opsta/pipeline.json']!);
  return f;
})();
const ok = { outcome: 'success', conclusion: 'success', outputs: {} };
const bad = { outcome: 'failure', conclusion: 'failure', outputs: {} };
const skipped = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
const changes = { ...ok, outputs: { changes: 'true' } };
/** Steps context of a run where 10-network applied and 20-cluster's steps went as given. */
const upTo20 = (cluster: Record<string, unknown>) => ({ pipeline: ok, deployment: { ...ok, outputs: { deployment_id: '7' } }, reviewed: { ...ok, outputs: { run_id: '42' } }, plan_10_network: changes, compare_10_network: ok, apply_10_network: ok, ...cluster });
const everyStageApplied = {
  ...upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: ok }),
  kubeconfig: { ...ok, outputs: { ready: 'true' } },
  plan_25_prerequisites: { ...ok, outputs: { changes: 'false' } }, compare_25_prerequisites: skipped, apply_25_prerequisites: skipped,
  helmfile_30_platform: ok,
  plan_40_config: changes, compare_40_config: ok, apply_40_config: ok,
};
const outcome = (steps: object, env: Record<string, string> = {}, extra: string[] = []) => runRuntime(['apply-outcome', '--steps', JSON.stringify(steps), '--pipeline', pipelineFile, ...extra], { env });

describe('apply-outcome: where a failed apply goes', () => {
  it('a failed terraform apply names its stage for the revert; the stages applied before it are listed', () => {
    const r = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: bad }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ kind: 'terraform-apply', stage: '20-cluster', revert_stage: '20-cluster' });
    expect(JSON.parse(r.outputs.event!)).toMatchObject({ status: 'failure', outcome: 'terraform-apply', failedStage: '20-cluster', applied: ['10-network'] });
    expect(r.stdout).toContain('Terraform has no undo');
  });

  it('a plan that is not the reviewed one stops the run and opens no revert: nothing of the stage was applied', () => {
    const r = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: bad, apply_20_cluster: skipped }));
    expect(r.outputs).toMatchObject({ kind: 'compare-plan', stage: '20-cluster', revert_stage: '' });
    expect(JSON.parse(r.outputs.event!).status).toBe('stopped');
    expect(r.stdout).toContain('Nothing of 20-cluster was applied, so no revert pull request is opened');
  });

  it("compare-plan's differences (its real output) go into the event and the message", () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-compare-'));
    const plan = (changes: [string, string[]][]) => JSON.stringify({ format_version: '1.2', resource_changes: changes.map(([address, actions]) => ({ address, mode: 'managed', change: { actions } })) });
    writeFileSync(join(dir, 'reviewed.json'), plan([['aws_eks_node_group.main', ['update']]]));
    writeFileSync(join(dir, 'fresh.json'), plan([['aws_eks_node_group.main', ['delete', 'create']], ['aws_iam_role.extra', ['create']]]));
    const compared = runRuntime(['compare-plan', '--reviewed', join(dir, 'reviewed.json'), '--fresh', join(dir, 'fresh.json'), '--stage', '20-cluster']);
    expect(compared.code).toBe(1);
    const r = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: { ...bad, outputs: compared.outputs }, apply_20_cluster: skipped }));
    const ev = JSON.parse(r.outputs.event!) as { differences: { count: number; first: { address: string }[] } };
    expect(ev.differences.count).toBe(2);
    expect(ev.differences.first.map((d) => d.address).sort()).toEqual(['aws_eks_node_group.main', 'aws_iam_role.extra']);
    expect(r.stdout).toMatch(/2 resources differ, e\.g\. .*aws_eks_node_group\.main \(reviewed update, now replace\)/);
  });

  it('a failed health check after every stage applied is "deployed but unhealthy", no stage failed, no revert', () => {
    const r = outcome({ ...everyStageApplied, health: bad, finish: skipped });
    expect(r.outputs).toMatchObject({ kind: 'health', stage: '', revert_stage: '' });
    expect(JSON.parse(r.outputs.event!)).toMatchObject({ status: 'unhealthy', applied: ['10-network', '20-cluster', '30-platform', '40-config'] });
    expect(r.stdout).toContain('deployed but unhealthy');
  });

  it('a role assumption (a step without an id) failing between stages names no stage and opens no revert', () => {
    const r = outcome(upTo20({ plan_20_cluster: skipped, compare_20_cluster: skipped, apply_20_cluster: skipped }));
    expect(r.outputs).toMatchObject({ kind: 'other', stage: '', revert_stage: '' });
    expect(r.stdout).toContain('Applied earlier in this run: 10-network');
  });

  it('a failed helmfile apply goes to the Helm rollback and carries its releases into the event', () => {
    const releases = [{ name: 'keycloak', namespace: 'keycloak', outcome: 'helm-rolled-back', from: 2, to: 1, as: 3, chart: 'keycloak-24.0.1' }];
    const r = outcome({ ...everyStageApplied, helmfile_30_platform: bad, plan_40_config: skipped, compare_40_config: skipped, apply_40_config: skipped, health: skipped, finish: skipped, rollback: { ...ok, outputs: { releases: JSON.stringify(releases), rolled_back: '[]' } } });
    expect(r.outputs).toMatchObject({ kind: 'helmfile', stage: '30-platform', revert_stage: '' });
    expect(JSON.parse(r.outputs.event!)).toMatchObject({ status: 'failure', failedStage: '30-platform', rollback: releases });
    expect(r.stdout).toContain('keycloak/keycloak helm-rolled-back to revision 1');
  });

  it('a manual run has no merge to revert; a cancelled apply opens none either', () => {
    const failed = upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: bad });
    expect(outcome(failed, { GITHUB_EVENT_NAME: 'workflow_dispatch' }).outputs.revert_stage).toBe('');
    const cancelled = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: { outcome: 'cancelled', conclusion: 'cancelled', outputs: {} } }), {}, ['--job-status', 'cancelled']);
    expect(cancelled.outputs).toMatchObject({ kind: 'cancelled', stage: '20-cluster', revert_stage: '' });
    expect(cancelled.stdout).toContain('lock still held');
  });

  it('--steps that is not the steps context is exit 2 naming the flag', () => {
    const r = outcome([] as unknown as object);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--steps must be the steps context');
    expect(runRuntime(['apply-outcome', '--steps', '{nope', '--pipeline', pipelineFile]).stderr).toContain('--steps is not JSON');
  });
});

describe('apply-outcome: the deployment statuses (GitHub double)', () => {
  const TOKEN = 'ghs_applyoutcome0000000000000000000000';
  const REPO = 'acme/infra';
  let gh: GitHubDouble;
  beforeAll(async () => {
    gh = await GitHubDouble.start();
    gh.addToken(TOKEN, { login: 'github-actions[bot]' });
    gh.createRepo(REPO, { files: { 'README.md': 'infra\n' } });
  });
  afterAll(async () => {
    expect(gh.violations).toEqual([]);
    await gh.close();
  });
  const env = (extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.apiUrl, GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: '4242', GITHUB_SHA: gh.head(REPO, 'main')!, OPSTA_RETRY_BASE_MS: '10', ...extra });
  const deployment = async (run: string) => (await runRuntimeAsync(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: run }) })).outputs.deployment_id!;

  it('a failed apply marks its stage and the deployment failed; a health failure marks the health stage and the deployment, as deployed but unhealthy', async () => {
    const id = await deployment('501');
    const r = await runRuntimeAsync(['apply-outcome', '--steps', JSON.stringify(upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: bad })), '--pipeline', pipelineFile, '--deployment-id', id], { env: env() });
    expect(r.stderr).toBe('');
    const d = gh.deployments(REPO).find((x) => String(x.id) === id)!;
    expect(d.statuses.map((s) => [s.state, s.description])).toEqual([
      ['in_progress', '20-cluster: failed'],
      ['failure', '20-cluster: terraform apply failed; a revert pull request follows'],
    ]);
    const id2 = await deployment('502');
    await runRuntimeAsync(['apply-outcome', '--steps', JSON.stringify({ ...everyStageApplied, health: bad }), '--pipeline', pipelineFile, '--deployment-id', id2], { env: env() });
    // apply.yml posted "health: started" before the checks; the failure closes it as the other stages'.
    expect(gh.deployments(REPO).find((x) => String(x.id) === id2)!.statuses.map((s) => [s.state, s.description])).toEqual([
      ['in_progress', 'health: failed'],
      ['failure', 'every stage applied; health checks failed: deployed but unhealthy'],
    ]);
    const id3 = await deployment('503');
    await runRuntimeAsync(['apply-outcome', '--steps', JSON.stringify({ ...everyStageApplied, health: { outcome: 'cancelled', conclusion: 'cancelled', outputs: {} } }), '--job-status', 'cancelled', '--pipeline', pipelineFile, '--deployment-id', id3], { env: env() });
    expect(gh.deployments(REPO).find((x) => String(x.id) === id3)!.statuses.map((s) => s.description)[0]).toBe('health: cancelled');
  });
});

// The workflows' event scripts use jq, as the runners have it.
const hasJq = requireTool('jq', () => spawnSync('jq', ['--version']).status === 0);

describe.skipIf(!hasJq)('the report jobs\' event log step (bash + jq from the generated workflow, a real git remote)', () => {
  function repoWith(): { cwd: string; env: Record<string, string>; history: () => Record<string, unknown>[] } {
    const root = mkdtempSync(join(tmpdir(), 'opsta-eventlog-'));
    const remote = join(root, 'acme', 'infra.git');
    mkdirSync(remote, { recursive: true });
    git(remote, ['init', '--quiet', '--bare', '-b', 'main']);
    const cwd = join(root, 'checkout');
    mkdirSync(join(cwd, '.opsta'), { recursive: true });
    writeFileSync(join(cwd, '.opsta', 'pipeline.json'), files['.opsta/pipeline.json']!);
    copyFileSync(BUNDLE, join(cwd, '.opsta', 'opsta.mjs'));
    return {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: root, GITHUB_SERVER_URL: `file://${root}`, GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '900', GITHUB_SHA: 'd'.repeat(40) },
      history: () => git(remote, ['show', 'opsta-status:history.jsonl']).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }
  const script = (workflow: string, job: string) => {
    const wf = parseYaml(files[`.github/workflows/${workflow}`]!)[0] as { jobs: Record<string, { steps: { name?: string; run?: string }[] }> };
    return wf.jobs[job]!.steps.find((s) => s.name === 'Append to the event log')!.run!;
  };
  const bash = (run: string, cwd: string, env: Record<string, string>) => execFileSync('bash', ['-e', '-c', run], { cwd, env, encoding: 'utf8' });

  it('a failed apply: the outcome, the Helm rollback and the revert pull request land in history.jsonl', () => {
    const repo = repoWith();
    const releases = [{ name: 'keycloak', namespace: 'keycloak', outcome: 'helm-rolled-back', from: 2, to: 1, as: 3 }];
    const decided = outcome({ ...everyStageApplied, helmfile_30_platform: bad, rollback: { ...ok, outputs: { releases: JSON.stringify(releases) } } });
    bash(script('apply.yml', 'report'), repo.cwd, { ...repo.env, RESULT: 'failure', OUTCOME: decided.outputs.event!, REVERT: 'skipped', REVERT_PR: '', REVERT_URL: '' });
    const terraform = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: bad }));
    bash(script('apply.yml', 'report'), repo.cwd, { ...repo.env, GITHUB_RUN_ID: '901', RESULT: 'failure', OUTCOME: terraform.outputs.event!, REVERT: 'success', REVERT_PR: '12', REVERT_URL: 'https://github.com/acme/infra/pull/12' });
    bash(script('apply.yml', 'report'), repo.cwd, { ...repo.env, GITHUB_RUN_ID: '902', RESULT: 'success', OUTCOME: '', REVERT: 'skipped', REVERT_PR: '', REVERT_URL: '', HEALTH: '{"status":"pass","counts":{"pass":12,"warn":0,"fail":0,"skipped":0}}' });
    const [helm, tf, fine] = repo.history();
    expect(helm).toMatchObject({ type: 'deploy', environment: 'prod', status: 'failure', outcome: 'helmfile', failedStage: '30-platform', rollback: releases });
    expect(helm).not.toHaveProperty('revert');
    expect(tf).toMatchObject({ status: 'failure', outcome: 'terraform-apply', failedStage: '20-cluster', applied: ['10-network'], revert: { number: 12, url: 'https://github.com/acme/infra/pull/12' } });
    expect(fine).toMatchObject({ status: 'success', runId: '902', health: { status: 'pass', counts: { pass: 12 } } });
    expect(helm).not.toHaveProperty('health');
    expect(fine).not.toHaveProperty('failedStage');
  });

  it('a compare-plan stop is recorded as stopped; a revert that failed to open says so', () => {
    const repo = repoWith();
    const stop = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: bad }));
    bash(script('apply.yml', 'report'), repo.cwd, { ...repo.env, RESULT: 'failure', OUTCOME: stop.outputs.event!, REVERT: 'skipped', REVERT_PR: '', REVERT_URL: '' });
    const tf = outcome(upTo20({ plan_20_cluster: changes, compare_20_cluster: ok, apply_20_cluster: bad }));
    bash(script('apply.yml', 'report'), repo.cwd, { ...repo.env, GITHUB_RUN_ID: '903', RESULT: 'failure', OUTCOME: tf.outputs.event!, REVERT: 'failure', REVERT_PR: '', REVERT_URL: '' });
    const [s, t] = repo.history();
    expect(s).toMatchObject({ status: 'stopped', outcome: 'compare-plan', failedStage: '20-cluster' });
    expect(String(s!.message)).toContain('no revert pull request is opened');
    expect(t).toMatchObject({ revert: { opened: false } });
  });

  it('a destroy run is an event of its own type, with the stages in the order destroyed and the one that failed', () => {
    const repo = repoWith();
    bash(script('destroy.yml', 'report'), repo.cwd, { ...repo.env, RESULT: 'failure', STAGE: '20-cluster' });
    const [d] = repo.history();
    expect(d).toMatchObject({ type: 'destroy', environment: 'prod', status: 'failure', failedStage: '20-cluster', stages: ['40-config', '30-platform', '25-prerequisites', '20-cluster', '10-network'] });
    expect(git(join(repo.cwd, '..', 'acme', 'infra.git'), ['show', 'opsta-status:status.json'])).toContain('"destroy"');
  });
});

// The compare step of a Terraform stage, taken from the generated apply.yml and run with bash and
// the real bundle: a fresh plan with no changes applies nothing, so a reviewed plan with changes is
// a warning there (a re-run after a later stage failed must pass a stage already applied), while a
// fresh plan with changes is still compared and stopped when it differs.
describe.skipIf(!hasJq)('the compare step when the fresh plan has no changes', () => {
  const wf = parseYaml(files['.github/workflows/apply.yml']!)[0] as { jobs: Record<string, { steps: { id?: string; if?: string; run?: string; env?: Record<string, string> }[] }> };
  const step = wf.jobs.apply!.steps.find((s) => s.id === 'compare_10_network')!;
  const plan = (changes: [string, string[]][]) => JSON.stringify({ format_version: '1.2', resource_changes: changes.map(([address, actions]) => ({ address, mode: 'managed', change: { actions } })) });
  const reviewedChanges = plan([['aws_vpc.main', ['update']], ['aws_subnet.a', ['create']]]);

  function compare(changesOutput: string, reviewed: string | undefined, fresh: string) {
    const root = mkdtempSync(join(tmpdir(), 'opsta-compare-step-'));
    const cwd = join(root, 'checkout');
    mkdirSync(join(cwd, '.opsta'), { recursive: true });
    writeFileSync(join(cwd, '.opsta', 'pipeline.json'), files['.opsta/pipeline.json']!);
    copyFileSync(BUNDLE, join(cwd, '.opsta', 'opsta.mjs'));
    const temp = join(root, 'temp');
    mkdirSync(join(temp, 'reviewed', 'opsta-plan-10-network'), { recursive: true });
    if (reviewed !== undefined) writeFileSync(join(temp, 'reviewed', 'opsta-plan-10-network', 'plan.json'), reviewed);
    writeFileSync(join(temp, 'fresh-10-network.json'), fresh);
    writeFileSync(join(root, 'summary'), '');
    writeFileSync(join(root, 'output'), '');
    const r = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: root, RUNNER_TEMP: temp, STACK: step.env!.STACK!, CHANGES: changesOutput, GITHUB_STEP_SUMMARY: join(root, 'summary'), GITHUB_OUTPUT: join(root, 'output') },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(join(root, 'summary'), 'utf8'), output: readFileSync(join(root, 'output'), 'utf8') };
  }

  it('runs whenever the plan step succeeded, reading its changes output', () => {
    expect(step.if).toBe("steps.plan_10_network.outcome == 'success'");
    expect(step.env!.CHANGES).toBe('${{ steps.plan_10_network.outputs.changes }}');
  });
  it('a reviewed plan with changes against a fresh plan without any: passes with a warning in the log and the summary', () => {
    const r = compare('false', reviewedChanges, plan([['aws_vpc.main', ['no-op']]]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::warning title=Reviewed changes not applied::stage 10-network: the plan reviewed on the pull request changes 2 resources, but the fresh plan has no changes, so nothing is applied.');
    expect(r.summary).toContain('### Reviewed changes not applied');
    expect(r.summary).toContain('  - aws_subnet.a: create');
    expect(r.output).toContain('not_applied=2');
  });
  it('no reviewed plan, or a reviewed plan without changes, and no fresh change: silent, exit 0', () => {
    for (const reviewed of [undefined, plan([])]) {
      const r = compare('false', reviewed, plan([]));
      expect([r.code, r.stdout.includes('::warning'), r.summary.includes('not applied')]).toEqual([0, false, false]);
    }
  });
  it('a fresh plan with changes is compared as before: the same passes, a different one stops', () => {
    expect(compare('true', reviewedChanges, reviewedChanges).code).toBe(0);
    const differs = compare('true', reviewedChanges, plan([['aws_vpc.main', ['delete', 'create']]]));
    expect(differs.code).toBe(1);
    expect(differs.stderr).toContain('the fresh plan differs from the plan reviewed');
  });
  it('--fresh-unchanged true with a fresh change the review lacks is still a stop; a bad value is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-compare-'));
    writeFileSync(join(dir, 'reviewed.json'), reviewedChanges);
    writeFileSync(join(dir, 'fresh.json'), plan([['aws_iam_role.extra', ['create']]]));
    const args = ['compare-plan', '--reviewed', join(dir, 'reviewed.json'), '--fresh', join(dir, 'fresh.json'), '--stage', '10-network', '--fresh-unchanged'];
    expect(runRuntime([...args, 'true']).code).toBe(1);
    const badValue = runRuntime([...args, 'yes']);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain('--fresh-unchanged');
  });
});
