// Publishing from the bundle, run with plain node against the shared GitHub double
// (tests/support/github-double.ts: stateful, every request checked against GitHub's OpenAPI
// description, faults injected). A rerun never duplicates a comment, an issue, a deployment, a
// deployment status or a pull request, also when an answer was lost after GitHub applied the
// request; 5xx and secondary rate limits are retried where repeating a request is safe.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { summarizePlan } from '../../generator/runtime/plan-summary.ts';
import { GitHubClient, type FetchLike } from '../../generator/src/publish/github.ts';
import { GitHubDouble } from '../support/github-double.ts';
import { runRuntimeAsync as runRuntime } from './support/bundle.ts';
import { bareRemote, commit, git, newRepo } from './support/git.ts';
import { apply, EVERY_CHANGE, FIXTURES, fixtureRoot, hasTerraform, planJson, tf } from './support/terraform.ts';

const REPO = 'acme/infra';
// The job token: GitHub Actions' bot, as in a workflow run.
const TOKEN = 'ghs_jobtoken0000000000000000000000000';
const hasTf = hasTerraform();
let gh: GitHubDouble;
let mainSha: string;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  gh.addToken(TOKEN, { login: 'github-actions[bot]' });
  gh.createRepo(REPO, { files: { 'README.md': 'infra\n' } });
  mainSha = gh.head(REPO, 'main')!;
});
afterEach(() => gh.clearFaults());
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const env = (extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.apiUrl, GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: '4242', GITHUB_SHA: mainSha, OPSTA_RETRY_BASE_MS: '10', ...extra });

let branches = 0;
/** A pull request a person opened, on a branch of its own. */
function openPull(title = 'a change'): number {
  const branch = `feature-${++branches}`;
  gh.commitFiles(REPO, branch, { [`change-${branches}.txt`]: `${title}\n` }, title);
  return gh.openPull(REPO, { title, head: branch });
}

function sectionsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-comment-'));
  const plan = { format_version: '1.2', resource_changes: [{ address: 'terraform_data.x', mode: 'managed', change: { actions: ['delete'] } }] };
  writeFileSync(join(dir, '10-network.plan-summary.json'), JSON.stringify(summarizePlan('10-network', plan)));
  return dir;
}

const commentRun = (pr: number, extra: Record<string, string> = {}) => runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', String(pr)], { env: env(extra) });
const bots = (pr: number) => gh.comments(REPO, pr).filter((c) => c.user.type === 'Bot');
const posts = (route: string) => gh.requests.filter((r) => r.route === route).length;

describe('comment: one sticky comment per marker', () => {
  it('creates it once; a rerun updates the same comment; a person quoting the marker is left alone', async () => {
    const pr = openPull();
    gh.addComment(REPO, pr, '<!-- opsta:plan -->\nI quoted the bot', 'alice');
    const first = await commentRun(pr);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await commentRun(pr, { GITHUB_RUN_ID: '4243' });
    expect(second.code).toBe(0);
    expect(second.outputs.comment_id).toBe(first.outputs.comment_id);
    expect(bots(pr)).toHaveLength(1);
    expect(bots(pr)[0]!.body).toContain('actions/runs/4243');
    expect(bots(pr)[0]!.user.login).toBe('github-actions[bot]');
    expect(gh.comments(REPO, pr)[0]!.body).toBe('<!-- opsta:plan -->\nI quoted the bot');
    expect(second.summary).toContain('will be destroyed');
  });

  it('a later push that changes no stage replaces the plans and their destroy warnings; a stage without a result is named', async () => {
    const pr = openPull();
    expect((await commentRun(pr)).code).toBe(0);
    expect(bots(pr)[0]!.body).toContain('will be destroyed');
    // The next push: only the cost section, and changed-stacks found no stage.
    const costOnly = mkdtempSync(join(tmpdir(), 'opsta-comment-'));
    writeFileSync(join(costOnly, 'cost.cost-summary.json'), JSON.stringify({ type: 'cost', status: 'no-budget', totalUsd: 120, message: 'Estimated $120.00 a month; no budget set.' }));
    const later = await runRuntime(['comment', '--marker', 'plan', '--from', costOnly, '--pr', String(pr), '--stages', '[]'], { env: env({ GITHUB_RUN_ID: '4300' }) });
    expect(later.stderr).toBe('');
    expect(later.stdout).toContain('updated comment');
    expect(bots(pr)).toHaveLength(1);
    const body = bots(pr)[0]!.body;
    expect(body).toContain('No stage changed in this pull request');
    expect(body).not.toMatch(/destroyed|Destructive|10-network/);
    expect(body).toContain('actions/runs/4300');
    // A push whose stage failed before writing its section: named, never "no stage changed".
    const failed = await runRuntime(['comment', '--marker', 'plan', '--from', costOnly, '--pr', String(pr), '--stages', '["20-cluster"]'], { env: env({ GITHUB_RUN_ID: '4301' }) });
    expect(failed.code).toBe(0);
    expect(bots(pr)[0]!.body).toMatch(/### `20-cluster`: no result\n\n> \[!WARNING\]/);
    expect(bots(pr)[0]!.body).not.toContain('No stage changed');
    const bad = await runRuntime(['comment', '--marker', 'plan', '--from', costOnly, '--pr', String(pr), '--stages', '20-cluster'], { env: env() });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--stages must be a JSON list of stage ids')]);
  });

  it('finds its comment on a later page of a long thread', async () => {
    const pr = openPull();
    for (let i = 0; i < 150; i++) gh.addComment(REPO, pr, `comment ${i}`, i % 2 ? 'alice' : 'bob');
    expect((await commentRun(pr)).code).toBe(0);
    for (let i = 0; i < 60; i++) gh.addComment(REPO, pr, `later ${i}`, 'alice');
    gh.resetLog();
    const again = await commentRun(pr, { GITHUB_RUN_ID: '5000' });
    expect(again.code).toBe(0);
    expect(bots(pr)).toHaveLength(1);
    expect(bots(pr)[0]!.body).toContain('actions/runs/5000');
    // 211 comments at 100 a page: three pages were read.
    expect(gh.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(3);
  });

  it('the PR number comes from the event payload', async () => {
    const pr = openPull();
    const event = join(mkdtempSync(join(tmpdir(), 'opsta-ev-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: pr } }));
    expect((await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir()], { env: env({ GITHUB_EVENT_PATH: event }) })).code).toBe(0);
    expect(gh.comments(REPO, pr)).toHaveLength(1);
  });

  it('retries a 502 and a secondary rate limit, then succeeds', async () => {
    const pr = openPull();
    gh.inject({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'status', status: 502 });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'secondary-rate-limit', retryAfter: 0 });
    const r = await commentRun(pr);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bots(pr)).toHaveLength(1);
  });

  it('GitHub created the comment but the answer was lost (a reset, then a 502 after applying): still one comment', async () => {
    for (const fault of [{ kind: 'reset' as const }, { kind: 'status' as const, status: 502 }]) {
      const pr = openPull();
      gh.resetLog();
      gh.inject({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', ...fault, phase: 'after' });
      const r = await commentRun(pr);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // The create was applied once and never sent again: the retry found the comment.
      expect(posts('POST /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(1);
      expect(bots(pr)).toHaveLength(1);
      expect(r.outputs.comment_id).toBe(String(bots(pr)[0]!.id));
    }
  });

  it('a run that fails after its comment was created (GitHub unreachable): the rerun updates that comment, never a second', async () => {
    const pr = openPull();
    gh.inject({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'reset', phase: 'after' });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'reset', skip: 1, times: Infinity });
    const failed = await commentRun(pr);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^::error title=opsta comment::GitHub API GET \/repos\/acme\/infra\/issues\/\d+\/comments failed: no answer .*re-run the job/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(bots(pr)).toHaveLength(1);
    gh.clearFaults();
    const rerun = await commentRun(pr, { GITHUB_RUN_ATTEMPT: '2' });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('updated comment');
    expect(bots(pr)).toHaveLength(1);
  });

  it('gives up on a GitHub that keeps failing with one line naming the endpoint (exit 2); nothing is posted', async () => {
    const pr = openPull();
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'status', status: 503, times: Infinity });
    const r = await commentRun(pr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GitHub API GET \/repos\/acme\/infra\/issues\/\d+\/comments.* failed: 503/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(gh.comments(REPO, pr)).toHaveLength(0);
  });

  it('a wrong token is exit 2 and says so; no token at all names GITHUB_TOKEN', async () => {
    const pr = openPull();
    const bad = await commentRun(pr, { GITHUB_TOKEN: 'wrong' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('401');
    const none = await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', String(pr)], { env: { GITHUB_REPOSITORY: REPO } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('GITHUB_TOKEN is not set');
  });
});

describe('deployment: one per run, a status per stage', () => {
  const deploymentsOf = (runId: string) => gh.deployments(REPO).filter((x) => (x.payload as { opstaRunId?: string }).opstaRunId === runId);
  const statuses = (runId: string) => deploymentsOf(runId)[0]!.statuses.map((s) => `${s.state}: ${s.description}`);

  it('start, stage, finish; a rerun of start reuses the deployment, a rerun of a stage step posts nothing new', async () => {
    const start = await runRuntime(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: '777' }) });
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    const id = start.outputs.deployment_id!;
    expect((await runRuntime(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: '777' }) })).outputs.deployment_id).toBe(id);
    const stage = (name: string, state: string) => runRuntime(['deployment', 'stage', '--id', id, '--stage', name, '--state', state], { env: env({ GITHUB_RUN_ID: '777' }) });
    expect((await stage('10-network', 'succeeded')).code).toBe(0);
    expect((await stage('10-network', 'succeeded')).code).toBe(0);
    expect((await stage('20-cluster', 'failed')).code).toBe(0);
    expect((await runRuntime(['deployment', 'finish', '--id', id, '--state', 'failure'], { env: env({ GITHUB_RUN_ID: '777' }) })).code).toBe(0);
    expect(deploymentsOf('777')).toHaveLength(1);
    expect(deploymentsOf('777')[0]!.sha).toBe(mainSha);
    expect(deploymentsOf('777')[0]!.environment).toBe('prod');
    expect(statuses('777')).toEqual(['in_progress: 10-network: succeeded', 'in_progress: 20-cluster: failed', 'failure: a stage failed; see the run']);
    expect(deploymentsOf('777')[0]!.statuses[0]!.log_url).toBe(`https://github.com/${REPO}/actions/runs/777`);
  });

  it('answers lost after GitHub created the deployment and a status: still one of each', async () => {
    gh.inject({ route: 'POST /repos/{owner}/{repo}/deployments', kind: 'reset', phase: 'after' });
    const start = await runRuntime(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: '888' }) });
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(deploymentsOf('888')).toHaveLength(1);
    expect(start.outputs.deployment_id).toBe(String(deploymentsOf('888')[0]!.id));
    gh.inject({ route: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', kind: 'status', status: 502, phase: 'after' });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', kind: 'reset' });
    const stage = await runRuntime(['deployment', 'stage', '--id', start.outputs.deployment_id!, '--stage', '10-network', '--state', 'started'], { env: env({ GITHUB_RUN_ID: '888' }) });
    expect(stage.stderr).toBe('');
    expect(stage.code).toBe(0);
    expect(statuses('888')).toEqual(['in_progress: 10-network: started']);
  });

  it('a deployment of a commit GitHub does not have is exit 2 naming the endpoint', async () => {
    const r = await runRuntime(['deployment', 'start', '--environment', 'prod', '--ref', 'f'.repeat(40)], { env: env({ GITHUB_RUN_ID: '999' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GitHub API POST \/repos\/acme\/infra\/deployments failed: 422 No ref found/);
  });

  it('a wrong state is a usage error naming the allowed ones', async () => {
    const r = await runRuntime(['deployment', 'finish', '--id', '1', '--state', 'meh'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be one of success, failure');
  });
});

describe('drift: one tracking issue per stack', () => {
  const drifted = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'opsta-drift-')), 'plan.json');
    writeFileSync(path, JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'terraform_data.settings', mode: 'managed', change: { actions: ['update'] } }] }));
    return path;
  };
  const issuesOf = (stage: string) => gh.issues(REPO).filter((i) => i.user.type === 'Bot' && i.body?.startsWith(`<!-- opsta:drift:${stage} -->`));

  it('answers lost after GitHub created the issue, its closing comment and the close: one issue, one comment; a person quoting the marker is left alone', async () => {
    gh.addIssue(REPO, { title: 'Drift: 50-edge looks odd', body: '<!-- opsta:drift:50-edge -->\nquoting the bot', labels: ['opsta-drift'], user: 'alice' });
    gh.inject({ route: 'POST /repos/{owner}/{repo}/issues', kind: 'reset', phase: 'after' });
    const opened = await runRuntime(['drift', '--stage', '50-edge', '--exitcode', '2', '--plan-json', drifted()], { env: env() });
    expect(opened.stderr).toBe('');
    // The retry found the issue the lost answer had created, up to date.
    expect(opened.stdout).toMatch(/issue none \(#\d+\)/);
    expect(issuesOf('50-edge')).toHaveLength(1);
    expect(issuesOf('50-edge')[0]!.labels).toEqual(['opsta-drift']);
    gh.inject({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: 'reset', phase: 'after' });
    gh.inject({ route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', kind: 'status', status: 502, phase: 'after' });
    const closed = await runRuntime(['drift', '--stage', '50-edge', '--exitcode', '0'], { env: env() });
    expect(closed.stderr).toBe('');
    expect(closed.code).toBe(0);
    expect(issuesOf('50-edge')).toHaveLength(1);
    expect(issuesOf('50-edge')[0]!.state).toBe('closed');
    expect(gh.comments(REPO, issuesOf('50-edge')[0]!.number).filter((c) => c.body.includes('is gone'))).toHaveLength(1);
    const person = gh.issues(REPO).find((i) => i.user.login === 'alice' && i.title.startsWith('Drift: 50-edge'))!;
    expect(person.state).toBe('open');
    expect(person.body).toBe('<!-- opsta:drift:50-edge -->\nquoting the bot');
  });

  it.skipIf(!hasTf)('from real terraform plan -detailed-exitcode: drift opens the issue, a rerun updates it, no drift closes it, new drift reopens it; a failed plan leaves it', async () => {
    const root = fixtureRoot('changes');
    expect(apply(root).code).toBe(0);
    const plan = planJson(root, EVERY_CHANGE);
    const detailed = tf(root, ['plan', '-detailed-exitcode', '-no-color', '-var=settings=v2']);
    expect(detailed.code).toBe(2); // real drift exit code
    const clean = tf(root, ['plan', '-detailed-exitcode', '-no-color']);
    expect(clean.code).toBe(0);

    const run = (code: number, extra: string[] = []) => runRuntime(['drift', '--stage', '20-cluster', '--exitcode', String(code), ...extra], { env: env() });
    const opened = await run(detailed.code, ['--plan-json', plan.path]);
    expect(opened.stdout).toContain('issue created');
    // drift.yml's event log reads this output: the runtime exits 0 on drift, so the exit code cannot say it.
    expect(opened.outputs.status).toBe('drifted');
    expect(issuesOf('20-cluster')).toHaveLength(1);
    expect(issuesOf('20-cluster')[0]!.body).toContain('terraform_data.legacy[0]');
    expect(issuesOf('20-cluster')[0]!.labels).toEqual(['opsta-drift']);
    await run(2, ['--plan-json', plan.path]);
    expect(issuesOf('20-cluster')).toHaveLength(1);
    const failed = await run(1);
    expect(failed.code).toBe(1);
    expect(failed.outputs.status).toBe('failed');
    expect(issuesOf('20-cluster')[0]!.state).toBe('open');
    const cleaned = await run(clean.code);
    expect(cleaned.stdout).toContain('issue closed');
    expect(cleaned.outputs.status).toBe('clean');
    expect(issuesOf('20-cluster')[0]!.state).toBe('closed');
    expect(gh.comments(REPO, issuesOf('20-cluster')[0]!.number).at(-1)!.body).toContain('is gone');
    expect((await run(0)).stdout).toContain('issue none');
    expect((await run(2, ['--plan-json', plan.path])).stdout).toContain('issue reopened');
    expect(issuesOf('20-cluster')).toHaveLength(1);
    expect(issuesOf('20-cluster')[0]!.state).toBe('open');
  }, 120_000);
});

describe.skipIf(!hasTf)('revert-pr after a real failed terraform apply', () => {
  it('opens one pull request reverting the merge, whose branch holds the configuration before it; a lost answer and a rerun reuse it', async () => {
    // The generated repository: stage 10 is the failing-apply fixture, fail = false on main.
    const name = 'acme/reverted';
    gh.createRepo(name);
    const repo = newRepo({ 'stacks/10-network/main.tf': readFileSync(join(FIXTURES, 'failing-apply/main.tf'), 'utf8'), 'stacks/10-network/terraform.tfvars.json': '{"fail": false}\n' });
    const before = git(repo, ['rev-parse', 'HEAD^{tree}']).trim();
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    commit(repo, { 'stacks/10-network/terraform.tfvars.json': '{"fail": true}\n' }, 'Enable the new thing');
    gh.importGit(name, repo, ['main', 'feature']);
    const number = gh.openPull(name, { title: 'Enable the new thing', head: 'feature' });
    git(repo, ['checkout', '--quiet', 'main']);
    git(repo, ['merge', '--quiet', '--no-ff', '-m', `Merge pull request #${number} from acme/feature`, 'feature']);
    const merge = git(repo, ['rev-parse', 'HEAD']).trim();
    gh.importGit(name, repo, ['main']);
    gh.markMerged(name, number, merge);
    const remote = bareRemote();
    git(repo, ['push', '--quiet', remote, 'main']);
    // The push of the revert branch goes to the git remote; GitHub sees the branch when the pull request is opened.
    const branch = `opsta/revert-${merge.slice(0, 12)}`;
    gh.beforeWrite = (route) => {
      if (route === 'POST /repos/{owner}/{repo}/pulls') gh.importGit(name, remote, [branch]);
    };

    // The apply of the merged stage fails for real.
    const stage = mkdtempSync(join(tmpdir(), 'opsta-apply-'));
    cpSync(join(repo, 'stacks/10-network'), stage, { recursive: true });
    expect(tf(stage, ['init', '-no-color']).code).toBe(0);
    const applied = tf(stage, ['apply', '-auto-approve', '-no-color']);
    expect(applied.code).not.toBe(0);
    expect(applied.stderr).toContain('simulated failure');

    try {
      gh.inject({ route: 'POST /repos/{owner}/{repo}/pulls', kind: 'reset', phase: 'after' });
      const renv = env({ GITHUB_REPOSITORY: name, GITHUB_SHA: merge });
      const r = await runRuntime(['revert-pr', '--stage', '10-network', '--sha', merge, '--base', 'main', '--remote', remote], { cwd: repo, env: renv });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const open = () => gh.pulls(name).filter((p) => p.state === 'open' && p.head === branch);
      expect(open()).toHaveLength(1);
      expect(r.outputs.pr_number).toBe(String(open()[0]!.number));
      expect(open()[0]!.title).toBe('Revert "Enable the new thing"');
      expect(open()[0]!.body).toContain('Terraform has no undo');
      expect(open()[0]!.body).toContain('`10-network` failed');
      expect(open()[0]!.body).toContain(`merged from #${number}`);
      // GitHub runs no workflow for the pull request the job token opened: the body says so and what
      // a person does about it, and no longer promises a plan that never comes.
      const planIt = [
        '**No plan has run on this pull request yet.** GitHub starts no workflow for a pull request opened with the workflow token (`GITHUB_TOKEN`)',
        'merged as it is, the apply finds no reviewed plan and stops every stage it changes as unreviewed',
        `close this pull request and reopen it, or push a commit to its branch \`${branch}\``,
        'git commit --allow-empty -m "Plan the revert"',
        'Merge only after that plan is reviewed.',
      ];
      for (const text of planIt) {
        expect(open()[0]!.body).toContain(text);
        expect(r.summary).toContain(text);
      }
      expect(open()[0]!.body).not.toMatch(/the plan of this pull request shows/);
      expect(r.stdout).toContain(`::warning title=Revert pull request not planned::GitHub runs no workflow on a pull request opened with the workflow token: close and reopen #${open()[0]!.number}, or push a commit to ${branch}`);
      expect(git(remote, ['rev-parse', `${branch}^{tree}`]).trim()).toBe(before);
      // The checkout is untouched and a rerun reuses the pull request.
      expect(git(repo, ['rev-parse', 'HEAD']).trim()).toBe(merge);
      const again = await runRuntime(['revert-pr', '--stage', '10-network', '--sha', merge, '--base', 'main', '--remote', remote], { cwd: repo, env: renv });
      expect(again.stdout).toContain('already open');
      expect(gh.pulls(name).filter((p) => p.head === branch)).toHaveLength(1);
    } finally {
      gh.beforeWrite = undefined;
    }
  }, 120_000);
});

describe('the shared client (generator/src/publish/github.ts) as the runtime uses it', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: { get: (n: string) => headers[n.toLowerCase()] ?? null }, text: async () => JSON.stringify(body) });

  it('follows rel="next" on the API origin and refuses a next page elsewhere: the token goes nowhere else', async () => {
    const seen: { url: string; auth: string | undefined }[] = [];
    const pages: Record<string, ReturnType<typeof answer>> = {
      'https://api.example.test/items?per_page=1': answer(200, [1], { link: '<https://api.example.test/items?per_page=1&page=2>; rel="next"' }),
      'https://api.example.test/items?per_page=1&page=2': answer(200, [2], { link: '<https://elsewhere.example.test/items?page=3>; rel="next"' }),
    };
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, auth: init.headers.authorization });
      const page = pages[url];
      if (!page) throw new Error(`unexpected ${url}`);
      return page;
    };
    const client = new GitHubClient({ apiUrl: 'https://api.example.test', token: 'tok-secret', fetch, sleep: async () => {} });
    await expect(client.paginate('/items?per_page=1', 'list items')).rejects.toThrow(/next page is on another origin \(https:\/\/elsewhere\.example\.test\)/);
    expect(seen.map((x) => x.url)).toEqual(['https://api.example.test/items?per_page=1', 'https://api.example.test/items?per_page=1&page=2']);
  });

  it('repeatPost: false sends a POST whose answer was a 502 once, a GET again; a rate-limited POST is repeated', async () => {
    const calls: string[] = [];
    const script = [answer(502, { message: 'bad gateway' }), answer(502, { message: 'bad gateway' }), answer(200, []), answer(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '1' }), answer(201, { id: 1 })];
    const fetch: FetchLike = async (url, init) => {
      calls.push(`${init.method} ${new URL(url).pathname}`);
      return script.shift()!;
    };
    const delays: number[] = [];
    const client = new GitHubClient({ apiUrl: 'https://api.example.test', token: 't0ken', fetch, sleep: async (ms) => void delays.push(ms), repeatPost: false, baseDelayMs: 7 });
    await expect(client.rest('POST', '/a', 'create a')).rejects.toMatchObject({ status: 502 });
    expect((await client.rest('GET', '/b', 'read b')).data).toEqual([]);
    expect((await client.rest('POST', '/c', 'create c')).status).toBe(201);
    expect(calls).toEqual(['POST /a', 'GET /b', 'GET /b', 'POST /c', 'POST /c']);
    expect(delays).toEqual([7, 1000]);
  });
});
