// Publishing from the bundle, run with plain node against a GitHub stand-in on 127.0.0.1 whose
// requests are checked against GitHub's OpenAPI description (support/github-fake.ts: W4's GitHub
// double does not serve comments, issues or deployments yet). A rerun never duplicates a comment,
// an issue, a deployment or a pull request; 5xx and secondary rate limits are retried.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizePlan } from '../../generator/runtime/plan-summary.ts';
import { runRuntimeAsync as runRuntime } from './support/bundle.ts';
import { GitHubFake } from './support/github-fake.ts';
import { bareRemote, commit, git, newRepo } from './support/git.ts';
import { apply, EVERY_CHANGE, FIXTURES, fixtureRoot, hasTerraform, planJson, tf } from './support/terraform.ts';

const hasTf = hasTerraform();
let gh: GitHubFake;
beforeAll(async () => {
  gh = await GitHubFake.start();
});
afterAll(async () => {
  if (gh.unvalidated.size) console.warn(`request bodies not checked (validator could not compile the schema):\n${[...gh.unvalidated].join('\n')}`);
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const env = (extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.apiUrl, GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '4242', GITHUB_SHA: 'c'.repeat(40), OPSTA_RETRY_BASE_MS: '10', ...extra });

function sectionsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-comment-'));
  const plan = { format_version: '1.2', resource_changes: [{ address: 'terraform_data.x', mode: 'managed', change: { actions: ['delete'] } }] };
  writeFileSync(join(dir, '10-network.plan-summary.json'), JSON.stringify(summarizePlan('10-network', plan)));
  return dir;
}

describe('comment: one sticky comment per marker', () => {
  it('creates it once; a rerun updates the same comment; a person quoting the marker is left alone', async () => {
    const pr = gh.addIssue('a pull request', '', { user: { login: 'alice', type: 'User' } });
    pr.comments.push({ id: 1, body: '<!-- opsta:plan -->\nI quoted the bot', user: { login: 'alice', type: 'User' } });
    const dir = sectionsDir();
    const first = await runRuntime(['comment', '--marker', 'plan', '--from', dir, '--pr', String(pr.number)], { env: env() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await runRuntime(['comment', '--marker', 'plan', '--from', dir, '--pr', String(pr.number)], { env: env({ GITHUB_RUN_ID: '4243' }) });
    expect(second.code).toBe(0);
    expect(second.outputs.comment_id).toBe(first.outputs.comment_id);
    const bots = pr.comments.filter((c) => c.user.type === 'Bot');
    expect(bots).toHaveLength(1);
    expect(bots[0]!.body).toContain('actions/runs/4243');
    expect(pr.comments[0]!.body).toBe('<!-- opsta:plan -->\nI quoted the bot');
    expect(second.summary).toContain('will be destroyed');
  });

  it('the PR number comes from the event payload', async () => {
    const pr = gh.addIssue('another', '', { user: { login: 'bob', type: 'User' } });
    const event = join(mkdtempSync(join(tmpdir(), 'opsta-ev-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: pr.number } }));
    expect((await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir()], { env: env({ GITHUB_EVENT_PATH: event }) })).code).toBe(0);
    expect(pr.comments).toHaveLength(1);
  });

  it('retries 502s and a secondary rate limit, then succeeds', async () => {
    const pr = gh.addIssue('flaky', '', { user: { login: 'bob', type: 'User' } });
    gh.inject('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 502, 1);
    gh.inject('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 403, 1, { 'retry-after': '0', 'x-ratelimit-remaining': '0' });
    const r = await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', String(pr.number)], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pr.comments).toHaveLength(1);
  });

  it('gives up after three 5xx with one line naming the endpoint (exit 2)', async () => {
    const pr = gh.addIssue('down', '', { user: { login: 'bob', type: 'User' } });
    gh.inject('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 503, 3);
    const r = await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', String(pr.number)], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GitHub API GET \/repos\/acme\/infra\/issues\/\d+\/comments.* failed: 503/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(pr.comments).toHaveLength(0);
  });

  it('a wrong token is exit 2 and says so; no token at all names GITHUB_TOKEN', async () => {
    const bad = await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', '1'], { env: env({ GITHUB_TOKEN: 'wrong' }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('401');
    const none = await runRuntime(['comment', '--marker', 'plan', '--from', sectionsDir(), '--pr', '1'], { env: { GITHUB_REPOSITORY: 'acme/infra' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('GITHUB_TOKEN is not set');
  });
});

describe('deployment: one per run, a status per stage', () => {
  it('start, stage, finish; a rerun of start reuses the deployment', async () => {
    const start = await runRuntime(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: '777' }) });
    expect(start.code).toBe(0);
    const id = start.outputs.deployment_id!;
    expect((await runRuntime(['deployment', 'start', '--environment', 'prod'], { env: env({ GITHUB_RUN_ID: '777' }) })).outputs.deployment_id).toBe(id);
    expect((await runRuntime(['deployment', 'stage', '--id', id, '--stage', '10-network', '--state', 'succeeded'], { env: env() })).code).toBe(0);
    expect((await runRuntime(['deployment', 'stage', '--id', id, '--stage', '20-cluster', '--state', 'failed'], { env: env() })).code).toBe(0);
    expect((await runRuntime(['deployment', 'finish', '--id', id, '--state', 'failure'], { env: env() })).code).toBe(0);
    const d = gh.deployments.filter((x) => x.payload && (x.payload as { opstaRunId?: string }).opstaRunId === '777');
    expect(d).toHaveLength(1);
    expect(d[0]!.statuses.map((s) => `${s.state}: ${s.description}`)).toEqual(['in_progress: 10-network: succeeded', 'in_progress: 20-cluster: failed', 'failure: a stage failed; see the run']);
    expect(d[0]!.statuses[0]!.log_url).toBe('https://github.com/acme/infra/actions/runs/4242');
  });

  it('a wrong state is a usage error naming the allowed ones', async () => {
    const r = await runRuntime(['deployment', 'finish', '--id', '1', '--state', 'meh'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be one of success, failure');
  });
});

describe.skipIf(!hasTf)('drift: one tracking issue per stack, from real terraform plan -detailed-exitcode', () => {
  it('drift opens the issue, a rerun updates it, no drift closes it, new drift reopens it; a failed plan leaves it', async () => {
    const root = fixtureRoot('changes');
    expect(apply(root).code).toBe(0);
    const drifted = planJson(root, EVERY_CHANGE);
    const detailed = tf(root, ['plan', '-detailed-exitcode', '-no-color', '-var=settings=v2']);
    expect(detailed.code).toBe(2); // real drift exit code
    const clean = tf(root, ['plan', '-detailed-exitcode', '-no-color']);
    expect(clean.code).toBe(0);

    const run = (code: number, extra: string[] = []) => runRuntime(['drift', '--stage', '20-cluster', '--exitcode', String(code), ...extra], { env: env() });
    const opened = await run(detailed.code, ['--plan-json', drifted.path]);
    expect(opened.stdout).toContain('issue created');
    const issue = () => gh.issues.filter((i) => i.body.startsWith('<!-- opsta:drift:20-cluster -->'));
    expect(issue()).toHaveLength(1);
    expect(issue()[0]!.body).toContain('terraform_data.legacy[0]');
    expect(issue()[0]!.labels.map((l) => l.name)).toEqual(['opsta-drift']);
    await run(2, ['--plan-json', drifted.path]);
    expect(issue()).toHaveLength(1);
    const failed = await run(1);
    expect(failed.code).toBe(1);
    expect(issue()[0]!.state).toBe('open');
    expect((await run(clean.code)).stdout).toContain('issue closed');
    expect(issue()[0]!.state).toBe('closed');
    expect(issue()[0]!.comments.at(-1)!.body).toContain('is gone');
    expect((await run(0)).stdout).toContain('issue none');
    expect((await run(2, ['--plan-json', drifted.path])).stdout).toContain('issue reopened');
    expect(issue()).toHaveLength(1);
    expect(issue()[0]!.state).toBe('open');
  }, 120_000);
});

describe.skipIf(!hasTf)('revert-pr after a real failed terraform apply', () => {
  it('opens one pull request reverting the merge, whose branch holds the configuration before it', async () => {
    // The generated repository: stage 10 is the failing-apply fixture, fail = false on main.
    const repo = newRepo({ 'stacks/10-network/main.tf': readFileSync(join(FIXTURES, 'failing-apply/main.tf'), 'utf8'), 'stacks/10-network/terraform.tfvars.json': '{"fail": false}\n' });
    const before = git(repo, ['rev-parse', 'HEAD^{tree}']).trim();
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    commit(repo, { 'stacks/10-network/terraform.tfvars.json': '{"fail": true}\n' }, 'Enable the new thing');
    git(repo, ['checkout', '--quiet', 'main']);
    git(repo, ['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #1 from acme/feature', 'feature']);
    const merge = git(repo, ['rev-parse', 'HEAD']).trim();
    const remote = bareRemote();
    git(repo, ['push', '--quiet', remote, 'main']);
    gh.addMergedPull('Enable the new thing', merge);
    gh.headExists = (branch) => git(remote, ['branch', '--list', branch]).trim() !== '';

    // The apply of the merged stage fails for real.
    const stage = mkdtempSync(join(tmpdir(), 'opsta-apply-'));
    cpSync(join(repo, 'stacks/10-network'), stage, { recursive: true });
    expect(tf(stage, ['init', '-no-color']).code).toBe(0);
    const applied = tf(stage, ['apply', '-auto-approve', '-no-color']);
    expect(applied.code).not.toBe(0);
    expect(applied.stderr).toContain('simulated failure');

    const r = await runRuntime(['revert-pr', '--stage', '10-network', '--sha', merge, '--base', 'main', '--remote', remote], { cwd: repo, env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pr = gh.pulls.find((p) => p.state === 'open' && p.head === `opsta/revert-${merge.slice(0, 12)}`)!;
    expect(pr.title).toBe('Revert "Enable the new thing"');
    expect(pr.body).toContain('Terraform has no undo');
    expect(pr.body).toContain('`10-network` failed');
    expect(git(remote, ['rev-parse', `opsta/revert-${merge.slice(0, 12)}^{tree}`]).trim()).toBe(before);
    // The checkout is untouched and a rerun reuses the pull request.
    expect(git(repo, ['rev-parse', 'HEAD']).trim()).toBe(merge);
    const again = await runRuntime(['revert-pr', '--stage', '10-network', '--sha', merge, '--base', 'main', '--remote', remote], { cwd: repo, env: env() });
    expect(again.stdout).toContain('already open');
    expect(gh.pulls.filter((p) => p.head === pr.head)).toHaveLength(1);
  }, 120_000);
});
