// Check runs from the bundle, run with plain node against the shared GitHub double (every body
// checked against GitHub's OpenAPI description, which caps annotations at 50 a request and
// summary/text at 65,535 characters). Plans are real: terraform on a fixture root laid out as a
// generated repository's stacks/<stage>/, with a local module.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkBudget } from '../../generator/runtime/budget.ts';
import { ANNOTATIONS_PER_REQUEST, budgetCheckRun, declarationOf, OUTPUT_LIMIT, planCheckRun } from '../../generator/runtime/check-run.ts';
import { summarizePlan } from '../../generator/runtime/plan-summary.ts';
import { GitHubDouble } from '../support/github-double.ts';
import { runRuntimeAsync as runRuntime } from './support/bundle.ts';
import { EVERY_CHANGE, FIXTURES, hasTerraform, planJson, tf } from './support/terraform.ts';

const REPO = 'acme/infra';
const TOKEN = 'ghs_checkrunjobtoken000000000000000000';
const hasTf = hasTerraform();
let gh: GitHubDouble;
let mergeSha: string;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  gh.addToken(TOKEN, { login: 'github-actions[bot]' });
  gh.createRepo(REPO, { files: { 'README.md': 'infra\n' } });
  mergeSha = gh.head(REPO, 'main')!;
});
afterEach(() => gh.clearFaults());
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

let heads = 0;
/** A new head commit of a pull request branch (what check runs attach to). */
const newHead = () => gh.commitFiles(REPO, `feature-${++heads}`, { [`f${heads}.txt`]: 'x\n' });
// GITHUB_SHA is the merge commit of a pull_request run: the runtime must never use it.
const env = (extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.apiUrl, GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: '7001', GITHUB_SHA: mergeSha, OPSTA_RETRY_BASE_MS: '5', ...extra });
const ours = (name: string, sha: string) => gh.checkRuns(REPO).filter((c) => c.name === name && c.head_sha === sha);
const noToken = (r: { stdout: string; stderr: string; summary: string }) => expect(`${r.stdout}${r.stderr}${r.summary}`).not.toContain(TOKEN);

const MODULES_TF = ['# A local module: its resources are annotated on this call.', '', 'module "box" {', '  source = "./box"', '  count_of = var.box_count', '}', '', 'variable "box_count" {', '  type    = number', '  default = 0', '}', ''].join('\n');
const BOX_TF = ['variable "count_of" {', '  type = number', '}', '', 'resource "terraform_data" "inner" {', '  count = var.count_of', '  input = count.index', '}', ''].join('\n');

/** A checkout with stacks/10-network = the `changes` fixture plus a module call in modules.tf, initialised and applied. */
function checkout(applied: Record<string, unknown>): { root: string; stack: string } {
  const root = mkdtempSync(join(tmpdir(), 'opsta-checkrun-'));
  const stack = join(root, 'stacks/10-network');
  mkdirSync(join(stack, 'box'), { recursive: true });
  cpSync(join(FIXTURES, 'changes'), stack, { recursive: true });
  writeFileSync(join(stack, 'modules.tf'), MODULES_TF);
  writeFileSync(join(stack, 'box/main.tf'), BOX_TF);
  for (const args of [['init', '-no-color', '-input=false'], ['apply', '-no-color', '-auto-approve', `-var-file=${varFile(stack, applied)}`]]) {
    const r = tf(stack, args);
    if (r.code !== 0) throw new Error(`terraform ${args[0]} failed: ${r.stderr}`);
  }
  return { root, stack };
}
function varFile(dir: string, vars: Record<string, unknown>): string {
  const p = join(dir, `applied-${Math.random().toString(36).slice(2)}.tfvars.json`);
  writeFileSync(p, JSON.stringify(vars));
  return p;
}
const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').indexOf(text) + 1;

/** summarize-plan as the terraform job runs it, into a summaries directory. */
async function summaries(stage: string, planPath: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-summaries-'));
  const r = await runRuntime(['summarize-plan', '--stage', stage, '--plan-json', planPath, '--out-dir', dir]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

const MANY = Array.from({ length: 60 }, (_, i) => `key-${String(i).padStart(2, '0')}`);

describe.skipIf(!hasTf)('check-run: one check run per stage on the head commit', () => {
  let root: string;
  let stack: string;
  let planPath: string;
  beforeAll(() => {
    ({ root, stack } = checkout({ many: MANY, box_count: 1 }));
    // 60 for_each destroys, the module's resource, the fixture's delete and replace: 63 destructive.
    planPath = planJson(stack, { ...EVERY_CHANGE, many: [], box_count: 0 }).path;
  }, 120_000);

  it('63 destructive changes: neutral, annotated on their declarations, sent ≤ 50 at a time; a rerun updates the same check run', async () => {
    const head = newHead();
    const dir = await summaries('10-network', planPath);
    const sizes: number[] = [];
    gh.beforeWrite = () => sizes.push(gh.checkRuns(REPO).reduce((n, c) => n + c.annotations.length, 0));
    gh.resetLog();
    const r = await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir], { cwd: root, env: env({ OPSTA_HEAD_SHA: head }) });
    gh.beforeWrite = undefined;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    noToken(r);
    expect(gh.checkRuns(REPO).filter((c) => c.head_sha === mergeSha)).toEqual([]);
    const [run, ...more] = ours('opsta plan / 10-network', head);
    expect(more).toEqual([]);
    expect(run!.conclusion).toBe('neutral');
    expect(run!.output.title).toBe('63 destructive: 2 to add, 1 to change, 63 to destroy');
    expect(run!.annotations).toHaveLength(63);
    // One create with 50, one update with the other 13: the double (GitHub's schema) refuses more than 50.
    const writes = gh.writes().map((w) => w.route);
    expect(writes).toEqual(['POST /repos/{owner}/{repo}/check-runs', 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}']);
    sizes.push(run!.annotations.length);
    expect(sizes.slice(1).map((n, i) => n - sizes[i]!)).toEqual([50, 13]);
    expect(Math.max(...sizes.slice(1).map((n, i) => n - sizes[i]!))).toBeLessThanOrEqual(ANNOTATIONS_PER_REQUEST);

    const at = (address: string) => run!.annotations.find((a) => a.title === `${address.startsWith('terraform_data.rotated') ? 'replace' : 'delete'} ${address}`)!;
    const main = join(stack, 'main.tf');
    expect(at('terraform_data.legacy[0]')).toMatchObject({ path: 'stacks/10-network/main.tf', start_line: lineOf(main, 'resource "terraform_data" "legacy" {'), annotation_level: 'warning' });
    expect(at('terraform_data.rotated')).toMatchObject({ path: 'stacks/10-network/main.tf', start_line: lineOf(main, 'resource "terraform_data" "rotated" {') });
    expect(at('terraform_data.many["key-07"]')).toMatchObject({ path: 'stacks/10-network/main.tf', start_line: lineOf(main, 'resource "terraform_data" "many" {') });
    expect(at('module.box.terraform_data.inner[0]')).toMatchObject({ path: 'stacks/10-network/modules.tf', start_line: 3, end_line: 3 });
    expect(lineOf(join(stack, 'modules.tf'), 'module "box" {')).toBe(3);
    expect(at('terraform_data.rotated').message).toContain('destroyed and created again (replace)');
    expect(run!.output.summary).toContain('will be destroyed');
    expect(run!.output.text).toContain('**update** `terraform_data.settings`');
    expect(run!.details_url).toBe(`https://github.com/${REPO}/actions/runs/7001`);

    // A rerun of the job: same check run, no annotation twice, the new run linked.
    gh.resetLog();
    const again = await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir], { cwd: root, env: env({ OPSTA_HEAD_SHA: head, GITHUB_RUN_ID: '7002' }) });
    expect(again.code, again.stderr).toBe(0);
    expect(ours('opsta plan / 10-network', head)).toHaveLength(1);
    expect(ours('opsta plan / 10-network', head)[0]!.annotations).toHaveLength(63);
    expect(gh.writes().map((w) => w.route)).toEqual(['PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}']);
    expect(ours('opsta plan / 10-network', head)[0]!.details_url).toContain('/runs/7002');
    // The same run again: nothing to write.
    gh.resetLog();
    expect((await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir], { cwd: root, env: env({ OPSTA_HEAD_SHA: head, GITHUB_RUN_ID: '7002' }) })).code).toBe(0);
    expect(gh.writes()).toEqual([]);
  }, 60_000);

  it('a lost answer to the create, then to an annotation update: one check run, every annotation once', async () => {
    const head = newHead();
    const dir = await summaries('10-network', planPath);
    gh.inject({ route: 'POST /repos/{owner}/{repo}/check-runs', kind: 'reset', phase: 'after' });
    gh.inject({ route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', kind: 'status', status: 502, phase: 'after' });
    const r = await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir, '--sha', head], { cwd: root, env: env() });
    expect(r.code, r.stderr).toBe(0);
    noToken(r);
    expect(gh.requests.some((q) => q.status === 'reset')).toBe(true);
    const runs = ours('opsta plan / 10-network', head);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.annotations).toHaveLength(63);
    expect(new Set(runs[0]!.annotations.map((a) => JSON.stringify(a))).size).toBe(63);
  }, 60_000);

  it('GitHub failing until the job gives up (exit 2, one line), then a rerun: still one check run', async () => {
    const head = newHead();
    const dir = await summaries('10-network', planPath);
    gh.inject({ route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', kind: 'status', status: 503, times: Infinity });
    const failed = await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir, '--sha', head], { cwd: root, env: env() });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^::error title=opsta check-run::GitHub API PATCH \/repos\/acme\/infra\/check-runs\/\d+ failed: .*503/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    noToken(failed);
    expect(ours('opsta plan / 10-network', head)).toHaveLength(1);
    gh.clearFaults();
    const rerun = await runRuntime(['check-run', '--stages', '["10-network"]', '--from', dir, '--sha', head], { cwd: root, env: env({ GITHUB_RUN_ATTEMPT: '2' }) });
    expect(rerun.code, rerun.stderr).toBe(0);
    const runs = ours('opsta plan / 10-network', head);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.annotations).toHaveLength(63);
  }, 60_000);

  it('a stage without a plan summary is a failed check, a skipped plan a skipped one; another app\'s check of the same name is left alone', async () => {
    const head = newHead();
    const dir = mkdtempSync(join(tmpdir(), 'opsta-summaries-'));
    writeFileSync(join(dir, '25-secrets.text-summary.json'), JSON.stringify({ type: 'text', stage: '25-secrets', title: 'Terraform plan skipped', body: 'This stage is not planned on pull requests.\n' }));
    const foreign = gh.addCheckRun(REPO, { name: 'opsta plan / 20-cluster', head_sha: head, app: 'someone-else' });
    const r = await runRuntime(['check-run', '--stages', '["20-cluster","25-secrets"]', '--from', dir, '--sha', head], { cwd: root, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.outputs.check_runs!).map((x: { conclusion: string }) => x.conclusion)).toEqual(['failure', 'skipped']);
    const cluster = ours('opsta plan / 20-cluster', head);
    expect(cluster.map((c) => c.app)).toEqual(['someone-else', 'github-actions']);
    expect(cluster.find((c) => c.id === foreign)!.conclusion).toBe('success');
    expect(ours('opsta plan / 25-secrets', head)[0]!.output.summary).toContain('not planned on pull requests');
  }, 60_000);
});

describe('check-run outputs stay within GitHub\'s limits whatever the plan', () => {
  const files = [{ path: 'stacks/10-network/main.tf', text: 'resource "terraform_data" "gone" {\n}\n' }];
  it('5,000 destroys and 20,000 other changes: summary and text ≤ 65,535, every destroy annotated, the counts kept', () => {
    const long = 'k'.repeat(150);
    const plan = {
      format_version: '1.2',
      resource_changes: [
        ...Array.from({ length: 5000 }, (_, i) => ({ address: `terraform_data.gone["${long}-${i}"]`, mode: 'managed', change: { actions: ['delete'] } })),
        ...Array.from({ length: 20000 }, (_, i) => ({ address: `terraform_data.new["${long}-${i}"]`, mode: 'managed', change: { actions: ['create'] } })),
      ],
    };
    const spec = planCheckRun(summarizePlan('10-network', plan), { stage: '10-network', headSha: 'a'.repeat(40), dir: 'stacks/10-network', files, runUrl: 'https://github.com/acme/infra/actions/runs/1' });
    expect(spec.summary.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(spec.text!.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(spec.summary.length).toBeGreaterThan(OUTPUT_LIMIT - 1000);
    expect(spec.summary).toContain('5000 resources will be destroyed');
    expect(spec.summary).toMatch(/more characters cut to fit GitHub's limit: the full plan is in the job summary of \[the run\]\(https:\/\/github.com\/acme\/infra\/actions\/runs\/1\) and in its artifact `opsta-plan-10-network`/);
    expect(spec.text).toMatch(/cut to fit GitHub's limit/);
    expect(spec.title).toBe('5000 destructive: 20000 to add, 0 to change, 5000 to destroy');
    expect(spec.annotations).toHaveLength(5000);
    expect(spec.annotations.every((a) => a.path === 'stacks/10-network/main.tf' && a.start_line === 1)).toBe(true);
  });

  it('a plan with only updates is a success; an errored plan a failure', () => {
    const ctx = { stage: '10-network', headSha: 'b'.repeat(40), dir: 'stacks/10-network', files };
    const update = { format_version: '1.2', resource_changes: [{ address: 'terraform_data.x', mode: 'managed', change: { actions: ['update'] } }] };
    expect(planCheckRun(summarizePlan('10-network', update), ctx)).toMatchObject({ conclusion: 'success', title: '0 to add, 1 to change, 0 to destroy', annotations: [] });
    expect(planCheckRun(summarizePlan('10-network', { ...update, errored: true }), ctx).conclusion).toBe('failure');
    expect(planCheckRun(summarizePlan('10-network', { format_version: '1.2' }), ctx)).toMatchObject({ conclusion: 'success', title: 'No changes' });
  });
});

describe('declarationOf: the block a resource address comes from', () => {
  const files = [
    { path: 'stacks/s/a.tf', text: '/* resource "t_x" "n" {\n*/\n# resource "t_x" "n" {\nresource t_x n {\n}\n' },
    { path: 'stacks/s/b.tf', text: 'module "net" {\n}\nresource "t_x" "other" {\n}\n' },
  ];
  it('skips comments, takes unquoted labels, keys with dots and brackets, nested modules by their outer call', () => {
    expect(declarationOf('t_x.n["a.b[c]"]', files, 'stacks/s')).toEqual({ path: 'stacks/s/a.tf', line: 4, found: true });
    expect(declarationOf('t_x.other', files, 'stacks/s')).toEqual({ path: 'stacks/s/b.tf', line: 3, found: true });
    expect(declarationOf('module.net["x.y"].module.inner.t_x.n[0]', files, 'stacks/s')).toEqual({ path: 'stacks/s/b.tf', line: 1, found: true });
    expect(declarationOf('t_x.gone', files, 'stacks/s')).toEqual({ path: 'stacks/s/main.tf', line: 1, found: false });
  });
});

describe('budget --check-run: the verdict as a check run on the head commit', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'opsta-budget-'));
    mkdirSync(join(root, '.opsta'));
    writeFileSync(join(root, 'opsta.plan.yaml'), 'metadata:\n  name: demo\nbudget:\n  monthlyUsd: 1000\n');
  });
  const run = async (total: number, sha: string, extra: Record<string, string> = {}, args: string[] = []) => {
    writeFileSync(join(root, '.opsta/cost.json'), JSON.stringify({ totalUsd: total, budget: { monthlyUsd: 1000 } }));
    return runRuntime(['budget', '--cost', '.opsta/cost.json', '--check-run', 'opsta budget', ...args], { cwd: root, env: env(extra) });
  };

  it('79 % success, 80 % neutral with a warning on the budget line, 101 % failure (exit 1)', async () => {
    const low = newHead();
    const r79 = await run(790, low, {}, ['--sha', low]);
    expect(r79.code, r79.stderr).toBe(0);
    expect(ours('opsta budget', low)).toMatchObject([{ conclusion: 'success', annotations: [] }]);

    const warn = newHead();
    const r80 = await run(800, warn, { OPSTA_HEAD_SHA: warn });
    expect(r80.code, r80.stderr).toBe(0);
    const [w] = ours('opsta budget', warn);
    expect(w!.conclusion).toBe('neutral');
    expect(w!.annotations).toMatchObject([{ path: 'opsta.plan.yaml', start_line: 4, end_line: 4, annotation_level: 'warning' }]);
    expect(w!.output.title).toBe('80 % of the budget: $800.00 of $1000.00 a month');

    const over = newHead();
    const r101 = await run(1010, over, { OPSTA_HEAD_SHA: over });
    expect(r101.code).toBe(1);
    noToken(r101);
    const [o] = ours('opsta budget', over);
    expect(o!.conclusion).toBe('failure');
    expect(o!.annotations).toMatchObject([{ path: 'opsta.plan.yaml', start_line: 4, annotation_level: 'failure' }]);
    expect(gh.checkRuns(REPO).filter((c) => c.head_sha === mergeSha)).toEqual([]);
  }, 60_000);

  it('over budget with the acknowledging label (read from the event, head sha too): the same check run turns neutral, naming the label', async () => {
    const head = newHead();
    const event = (labels: string[]) => {
      const p = join(root, `event-${labels.length}.json`);
      writeFileSync(p, JSON.stringify({ action: labels.length ? 'labeled' : 'opened', pull_request: { number: 1, head: { sha: head }, labels: labels.map((name) => ({ name })) } }));
      return p;
    };
    expect((await run(1500, head, { GITHUB_EVENT_PATH: event([]) })).code).toBe(1);
    const acked = await run(1500, head, { GITHUB_EVENT_PATH: event(['opsta:budget-acknowledged']), GITHUB_RUN_ID: '7100' });
    expect(acked.code, acked.stderr).toBe(0);
    const runs = ours('opsta budget', head);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.conclusion).toBe('neutral');
    expect(runs[0]!.output.title).toBe('Over budget (150 %), acknowledged with the label opsta:budget-acknowledged');
    expect(runs[0]!.annotations.map((a) => a.annotation_level)).toEqual(['failure', 'notice']);
    // GitHub keeps the earlier failure annotation; the summary says it no longer applies.
    expect(runs[0]!.output.summary).toContain('1 annotation from an earlier run of this check no longer applies');
  }, 60_000);

  it('refuses to guess the head commit: no --sha, no OPSTA_HEAD_SHA, no event → exit 2 naming the fix', async () => {
    const r = await run(100, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('budget: no head commit: pass --sha');
  });

  it('pure: the conclusions at 79, 80, 101 % and acknowledged', () => {
    const at = (total: number, labels: string[] = []) => budgetCheckRun(checkBudget({ totalUsd: total, budget: { monthlyUsd: 1000 } }, { labels }), { name: 'opsta budget', headSha: 'c'.repeat(40), ackLabel: 'opsta:budget-acknowledged', planPath: 'opsta.plan.yaml', planText: 'budget:\n  monthlyUsd: 1000\n' });
    expect([at(790), at(800), at(1010), at(1010, ['opsta:budget-acknowledged'])].map((s) => [s.conclusion, s.annotations.map((a) => a.annotation_level)])).toEqual([
      ['success', []],
      ['neutral', ['warning']],
      ['failure', ['failure']],
      ['neutral', ['notice']],
    ]);
    expect(budgetCheckRun(checkBudget({ totalUsd: 5 }), { name: 'opsta budget', headSha: 'c'.repeat(40), ackLabel: 'x', planPath: 'opsta.plan.yaml' }).conclusion).toBe('skipped');
  });
});

describe('check-run usage', () => {
  it('a bad --stages or --sha is exit 2 naming the flag', async () => {
    const bad = await runRuntime(['check-run', '--stages', 'network', '--from', '/nonexistent', '--sha', 'd'.repeat(40)], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--stages must be a JSON list of stage ids');
    const sha = await runRuntime(['check-run', '--stages', '[]', '--from', '/nonexistent', '--sha', 'HEAD'], { env: env() });
    expect(sha.code).toBe(2);
    expect(sha.stderr).toContain('--sha must be a full 40-character commit id');
  });
});
