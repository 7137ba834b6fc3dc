// reviewed-plan from the bundle, with plain node, against the shared GitHub double: the pull
// requests, merges and plan runs are made in the double as GitHub makes them (real commits, merge
// / squash / rebase / fast-forward), and every request is checked against GitHub's OpenAPI description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubDouble } from '../support/github-double.ts';
import { runRuntimeAsync as runRuntime } from './support/bundle.ts';

const REPO = 'acme/platform';
const TOKEN = 'ghs_applyjob00000000000000000000000000';
let gh: GitHubDouble;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  // The apply job's token: contents, pull-requests and actions read (apply.yml).
  gh.addToken(TOKEN, { login: 'github-actions[bot]', permissions: { contents: 'read', pull_requests: 'read', actions: 'read', issues: 'none', deployments: 'write', workflows: 'none', administration: 'none', environments: 'none', variables: 'none' } });
  gh.createRepo(REPO, { files: { 'README.md': 'platform\n' } });
});
afterEach(() => gh.clearFaults());
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const env = (sha: string, extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.apiUrl, GITHUB_REPOSITORY: REPO, GITHUB_SHA: sha, OPSTA_RETRY_BASE_MS: '10', ...extra });
const lookup = (sha: string, extra: Record<string, string> = {}, args: string[] = []) => runRuntime(['reviewed-plan', ...args], { env: env(sha, extra) });

let n = 0;
/** A pull request with `commits` pushed one after the other; returns its number and the head after each push. */
function pullWithPushes(commits = 2, base = 'main'): { number: number; heads: string[]; branch: string } {
  const branch = `change-${++n}`;
  if (!gh.head(REPO, branch)) gh.commitFiles(REPO, branch, {}, 'branch point');
  const heads: string[] = [];
  for (let i = 0; i < commits; i++) heads.push(gh.commitFiles(REPO, branch, { [`stacks/10-network/change-${n}.tf`]: `# push ${i}\n` }, `push ${i}`));
  return { number: gh.openPull(REPO, { title: `change ${n}`, head: branch, base }), heads, branch };
}

type RunFields = Parameters<GitHubDouble['addWorkflowRun']>[1] extends infer T ? Partial<T> : never;
/** A plan.yml run of a head commit of a pull request, with what it uploaded: the plans of `plans` (a code push's run) and a summary per stage. */
const planRun = (head: string, pr: number, extra: RunFields = {}, plans: string[] = ['10-network']) => {
  const id = gh.addWorkflowRun(REPO, { head_sha: head, pull_requests: [pr], ...extra });
  for (const stage of plans) {
    gh.addRunArtifact(REPO, id, `opsta-plan-${stage}`);
    gh.addRunArtifact(REPO, id, `opsta-summary-${stage}`);
  }
  return id;
};
/** plan.yml's run on labeled / unlabeled: the terraform job is skipped, only the budget runs and uploads its summary. */
const labelRun = (head: string, pr: number, extra: RunFields = {}) => {
  const id = gh.addWorkflowRun(REPO, { head_sha: head, pull_requests: [pr], ...extra });
  gh.addRunArtifact(REPO, id, 'opsta-summary-cost');
  return id;
};

describe('reviewed-plan: the plan run reviewed on the merged pull request', () => {
  it('a merge commit: the newest plan run of the final head, not of an earlier push; outputs run, attempt, PR and head', async () => {
    const pr = pullWithPushes(2);
    planRun(pr.heads[0]!, pr.number);
    const reviewed = planRun(pr.heads[1]!, pr.number);
    // A later plan of the first push (a re-run of an old run) is still not the final head's.
    planRun(pr.heads[0]!, pr.number);
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    const r = await lookup(sha);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ run_id: String(reviewed), run_attempt: '1', pr_number: String(pr.number), head_sha: pr.heads[1], stages: '["10-network"]' });
    expect(r.stdout).toContain(`pull request #${pr.number}: plan.yml run ${reviewed} (attempt 1, success)`);
    expect(r.summary).toContain(`run ${reviewed}`);
  });

  it('squash and rebase merges are found by the commit they left on main', async () => {
    for (const method of ['squash', 'rebase'] as const) {
      const pr = pullWithPushes(3);
      const reviewed = planRun(pr.heads[2]!, pr.number);
      const sha = gh.mergePull(REPO, pr.number, method);
      expect(pr.heads).not.toContain(sha);
      const r = await lookup(sha);
      expect(r.code).toBe(0);
      expect([method, r.outputs.run_id, r.outputs.pr_number]).toEqual([method, String(reviewed), String(pr.number)]);
    }
  });

  it('one head merged into two branches: the pull request into the branch applied counts, not the first listed', async () => {
    gh.commitFiles(REPO, 'release', {}, 'release branch');
    const branch = `shared-${++n}`;
    const head = gh.commitFiles(REPO, branch, { 'stacks/10-network/shared.tf': '# shared\n' }, 'shared change');
    // The release pull request has the lower number: GitHub lists it first.
    const toRelease = gh.openPull(REPO, { title: 'to release', head: branch, base: 'release' });
    const toMain = gh.openPull(REPO, { title: 'to main', head: branch, base: 'main' });
    const releaseRun = planRun(head, toRelease);
    const mainRun = planRun(head, toMain);
    // Both merged as a fast-forward: the same commit is the merge of both.
    expect(gh.mergePull(REPO, toRelease, 'fast-forward')).toBe(head);
    expect(gh.mergePull(REPO, toMain, 'fast-forward')).toBe(head);
    const onMain = await lookup(head, { GITHUB_REF_NAME: 'main' });
    expect(onMain.stderr).toBe('');
    expect([onMain.outputs.pr_number, onMain.outputs.run_id]).toEqual([String(toMain), String(mainRun)]);
    const onRelease = await lookup(head, {}, ['--base', 'release']);
    expect([onRelease.outputs.pr_number, onRelease.outputs.run_id]).toEqual([String(toRelease), String(releaseRun)]);
  });

  it('a commit that is only part of a merged pull request (not its merge) has no reviewed plan', async () => {
    const a = pullWithPushes(2);
    planRun(a.heads[0]!, a.number);
    planRun(a.heads[1]!, a.number);
    gh.mergePull(REPO, a.number, 'merge');
    const inside = await lookup(a.heads[0]!, { GITHUB_REF_NAME: 'main' });
    expect(inside.code).toBe(0);
    expect(inside.outputs.run_id).toBe('');
    expect(inside.outputs.pr_number).toBe('');
    expect(inside.stdout).toContain(`::notice title=No reviewed plan::No reviewed plan for ${a.heads[0]!.slice(0, 12)}: no merged pull request into main has it as its merge commit (it is only part of #${a.number})`);
  });

  it('cancelled, skipped, timed-out and unfinished runs and push-event runs are passed over for an older finished one', async () => {
    const pr = pullWithPushes(1);
    const head = pr.heads[0]!;
    const failed = planRun(head, pr.number, { conclusion: 'failure' });
    planRun(head, pr.number, { conclusion: 'cancelled' });
    planRun(head, pr.number, { conclusion: 'skipped' });
    planRun(head, pr.number, { conclusion: 'timed_out' });
    planRun(head, pr.number, { status: 'in_progress' });
    planRun(head, pr.number, { event: 'push' });
    planRun(head, pr.number, { workflow: 'drift.yml' });
    // The same head opened against another base: that pull request's run is not this one's.
    planRun(head, pr.number + 1000);
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    const r = await lookup(sha);
    expect(r.code).toBe(0);
    expect(r.outputs.run_id).toBe(String(failed));
    expect(r.stdout).toContain('failure');
  });

  it('a run GitHub lists with no pull request (a fork) counts', async () => {
    const pr = pullWithPushes(1);
    const fork = planRun(pr.heads[0]!, pr.number, { pull_requests: [] });
    const r = await lookup(gh.mergePull(REPO, pr.number, 'squash'));
    expect(r.outputs.run_id).toBe(String(fork));
  });

  it('only plans of an earlier head: no reviewed plan, a notice naming the final head, exit 0', async () => {
    const pr = pullWithPushes(2);
    planRun(pr.heads[0]!, pr.number);
    planRun(pr.heads[1]!, pr.number, { conclusion: 'cancelled' });
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    const r = await lookup(sha);
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ run_id: '', run_attempt: '', pr_number: String(pr.number), head_sha: pr.heads[1], stages: '[]' });
    expect(r.stdout).toContain(`::notice title=No reviewed plan::No reviewed plan for ${sha.slice(0, 12)}: pull request #${pr.number} was merged from ${pr.heads[1]!.slice(0, 12)}`);
  });

  it('a label added or removed after the last push: the label runs (no plans) are passed over for the run that holds the plans', async () => {
    const pr = pullWithPushes(2);
    planRun(pr.heads[0]!, pr.number);
    const reviewed = planRun(pr.heads[1]!, pr.number, {}, ['10-network', '20-cluster']);
    // labeled, then unlabeled, then a re-run of the first label run: each newer than the plans, none with a plan.
    const labeled = labelRun(pr.heads[1]!, pr.number);
    const unlabeled = labelRun(pr.heads[1]!, pr.number, { conclusion: 'failure' });
    gh.rerunWorkflowRun(REPO, labeled);
    const sha = gh.mergePull(REPO, pr.number, 'squash');
    gh.resetLog();
    const r = await lookup(sha);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ run_id: String(reviewed), run_attempt: '1', pr_number: String(pr.number), head_sha: pr.heads[1], stages: '["10-network","20-cluster"]' });
    expect(r.stdout).toContain(`plan.yml run ${reviewed} (attempt 1, success) of its final head ${pr.heads[1]!.slice(0, 12)}, with the plans of 10-network, 20-cluster.`);
    expect(r.stdout).toContain(`Passed over, newer but without plans: run ${labeled} (no opsta-plan-* artifact: a label's run plans nothing), run ${unlabeled} (no opsta-plan-* artifact`);
    // The artifacts of the newest runs only, newest first, stopping at the run with plans.
    const listed = gh.requests.filter((x) => x.route === 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts').map((x) => Number(x.path.split('/')[6]));
    expect(listed).toEqual([labeled, unlabeled, reviewed]);
  });

  it('only label runs of the final head (it planned no Terraform stage) or only expired plans: no reviewed plan, a notice saying which', async () => {
    const pr = pullWithPushes(1);
    const label = labelRun(pr.heads[0]!, pr.number);
    const none = await lookup(gh.mergePull(REPO, pr.number, 'merge'));
    expect(none.code).toBe(0);
    expect([none.outputs.run_id, none.outputs.stages]).toEqual(['', '[]']);
    expect(none.stdout).toContain(`::notice title=No reviewed plan::`);
    expect(none.stdout).toContain(`hold no plan to download (run ${label} (no opsta-plan-* artifact: a label's run plans nothing)): it planned no Terraform stage.`);

    const old = pullWithPushes(1);
    const stale = gh.addWorkflowRun(REPO, { head_sha: old.heads[0]!, pull_requests: [old.number] });
    gh.addRunArtifact(REPO, stale, 'opsta-plan-10-network', { expired: true });
    const expired = await lookup(gh.mergePull(REPO, old.number, 'merge'));
    expect(expired.outputs.run_id).toBe('');
    expect(expired.stdout).toContain(`run ${stale} (its plans expired)); expired plans cannot be compared: open a new pull request so the change is planned again.`);
  });

  it('an artifact merely named like the prefix is not a plan; a 502 on the artifacts list is retried', async () => {
    const pr = pullWithPushes(1);
    const reviewed = planRun(pr.heads[0]!, pr.number);
    const odd = gh.addWorkflowRun(REPO, { head_sha: pr.heads[0]!, pull_requests: [pr.number] });
    gh.addRunArtifact(REPO, odd, 'opsta-plan-');
    gh.addRunArtifact(REPO, odd, 'opsta-planner-notes');
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    gh.inject({ route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', kind: 'status', status: 502 });
    const r = await lookup(sha);
    expect(r.stderr).toBe('');
    expect(r.outputs.run_id).toBe(String(reviewed));
  });

  it('a push without a pull request (a manual run on main): no reviewed plan, exit 0', async () => {
    const sha = gh.commitFiles(REPO, 'main', { 'direct.txt': 'pushed\n' }, 'direct push');
    const r = await lookup(sha);
    expect(r.code).toBe(0);
    expect(r.outputs.run_id).toBe('');
    expect(r.outputs.pr_number).toBe('');
    expect(r.stdout).toContain('no merged pull request has it as its merge commit.');
  });

  it('the reviewed run on the second page of runs; a re-run attempt is newer than a later run', async () => {
    const pr = pullWithPushes(1);
    const head = pr.heads[0]!;
    const reviewed = planRun(head, pr.number);
    for (let i = 0; i < 120; i++) planRun(head, pr.number, { conclusion: 'cancelled' });
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    gh.resetLog();
    const paged = await lookup(sha);
    expect(paged.outputs.run_id).toBe(String(reviewed));
    expect(gh.requests.filter((x) => x.route === 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs')).toHaveLength(2);

    const pr2 = pullWithPushes(1);
    const first = planRun(pr2.heads[0]!, pr2.number, { conclusion: 'failure' });
    planRun(pr2.heads[0]!, pr2.number);
    gh.rerunWorkflowRun(REPO, first, { conclusion: 'success' });
    const rerun = await lookup(gh.mergePull(REPO, pr2.number, 'merge'));
    expect([rerun.outputs.run_id, rerun.outputs.run_attempt]).toEqual([String(first), '2']);
  });

  it('retries 502s, a secondary rate limit and a dropped connection', async () => {
    const pr = pullWithPushes(1);
    const reviewed = planRun(pr.heads[0]!, pr.number);
    const sha = gh.mergePull(REPO, pr.number, 'merge');
    gh.inject({ route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', kind: 'reset' });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', kind: 'status', status: 502 });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', kind: 'secondary-rate-limit', retryAfter: 0 });
    const r = await lookup(sha);
    expect(r.stderr).toBe('');
    expect(r.outputs.run_id).toBe(String(reviewed));
  });

  it('a token without pull-requests: read is exit 2 naming the endpoint and the permission block', async () => {
    gh.addToken('ghs_nopulls', { login: 'github-actions[bot]', permissions: { pull_requests: 'none' } });
    const r = await lookup(gh.head(REPO, 'main')!, { GITHUB_TOKEN: 'ghs_nopulls' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^::error title=opsta reviewed-plan::GitHub API GET \/repos\/acme\/platform\/commits\/[0-9a-f]{40}\/pulls failed: 403 .*permissions: block/);
  });

  it('bad flags are usage errors naming the flag', async () => {
    const short = await lookup('abc123');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--sha must be a full 40-character commit id');
    const wf = await lookup(gh.head(REPO, 'main')!, {}, ['--workflow', '../x.yml']);
    expect(wf.code).toBe(2);
    expect(wf.stderr).toContain('--workflow must be a workflow file name like plan.yml');
    const none = await runRuntime(['reviewed-plan'], { env: { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: REPO } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('GITHUB_SHA is not set');
  });
});
