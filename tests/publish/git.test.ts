// `opsta publish --via git` against a real `git http-backend` on 127.0.0.1, cloned back with the real
// git and compared byte for byte with what `opsta generate` writes; races and interruptions are
// injected at a chosen smart-HTTP request (GitServer.beforeRequest), so they happen every run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitServer, hasGitHttpBackend, run, runAsync, type GitRequest } from '../support/git-server.ts';
import { requireTool } from '../support/tools.ts';
import { GitHubDouble } from '../support/github-double.ts';

const PLAN = 'examples/aws-medium.plan.yaml';
const REPO = 'acme/acme-platform';
const TOKEN = 'ghp_gitTOKENabcdef0123456789';
const hasGit = requireTool('git http-backend', hasGitHttpBackend);

// Asynchronous: the git server lives in this process, so a blocking spawnSync would starve it.
const opsta = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const c = spawn(process.execPath, ['bin/opsta.mjs', ...args], { env: { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '', ...env } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('close', (status) => resolve({ status, stdout, stderr }));
  });

const BRANCH = 'opsta/acme-prod';
const publish = (url: string, plan = PLAN, extra: string[] = []) => opsta(['publish', plan, '--repo', REPO, '--via', 'git', '--git-url', url, ...extra], { GITHUB_TOKEN: TOKEN });
const withToken = (url: string) => url.replace('http://', `http://x:${TOKEN}@`);

/** The example plan with fewer zones: a second, different publish of the same plan name (same branch). */
function variantPlan(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'opsta-plan-')), 'opsta.plan.yaml');
  writeFileSync(file, readFileSync(PLAN, 'utf8').replace('zones: 3', 'zones: 2'));
  return file;
}

function listFiles(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = relative(dir, join(e.parentPath, e.name));
    if (e.isFile() && !p.startsWith('.git/')) out[p] = readFileSync(join(dir, p));
  }
  return out;
}

const generated = new Map<string, Record<string, Buffer>>();
/** What `opsta generate` writes for `plan` (once per plan file). */
async function generatedFiles(plan: string): Promise<Record<string, Buffer>> {
  if (!generated.has(plan)) {
    const gen = mkdtempSync(join(tmpdir(), 'opsta-gen-'));
    const g = await opsta(['generate', plan, '--out', join(gen, 'out')]);
    expect(g.status, g.stderr).toBe(0);
    generated.set(plan, listFiles(join(gen, 'out')));
  }
  return generated.get(plan)!;
}

/** Clones `branch` back with the real git and checks it holds what generate writes for `plan`, byte for byte (plus `others`, files that are not Opsta's); returns the clone. */
async function expectBranchHolds(url: string, branch: string, plan: string, others: Record<string, string> = {}): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), 'opsta-clone-'));
  await runAsync('git', ['clone', '-q', '-b', branch, withToken(url), clone]);
  const want = await generatedFiles(plan);
  const got = listFiles(clone);
  for (const [p, text] of Object.entries(others)) {
    expect(got[p]?.toString(), p).toBe(text);
    delete got[p];
  }
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const p of Object.keys(want)) expect(got[p]!.equals(want[p]!), p).toBe(true);
  expect(run('git', ['-C', clone, 'fsck', '--strict']).trim()).toBe('');
  return clone;
}

// Each case runs several CLI processes: on a busy 2-CPU machine that takes well over the default minute.
describe.skipIf(!hasGit)('publish --via git', { timeout: 180_000 }, () => {
  let srv: GitServer;
  beforeAll(async () => {
    srv = await GitServer.start({ token: TOKEN });
  });
  afterAll(async () => srv?.close());

  it('pushes one commit that clones back byte for byte as opsta generate writes it, then re-publishes nothing', async () => {
    const url = srv.createRepo(REPO, { 'NOTES.md': 'ours\n' });
    const r = await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/published to acme\/acme-platform opsta\/acme-prod/);
    expect(r.stdout).toMatch(/no pull request opened: no GitHub API is known for 127\.0\.0\.1:\d+ \(pass --api-url/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);

    const clone = await expectBranchHolds(url, BRANCH, PLAN, { 'NOTES.md': 'ours\n' });
    expect(run('git', ['-C', clone, 'rev-list', '--count', 'HEAD']).trim()).toBe('2');

    const before = srv.git(REPO, 'rev-parse', 'opsta/acme-prod');
    const again = await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is up to date/);
    expect(srv.git(REPO, 'rev-parse', 'opsta/acme-prod')).toBe(before);
  });

  // A GitHub Enterprise receive-pack can think for longer than Node's default agent lets a socket
  // idle (5 s on Node 20): the push must wait for the answer, not give up with "Request timed out".
  it('a server that answers the push only after 7 s still gets it, and the publish succeeds', async () => {
    const url = srv.createRepo('acme/slow', {});
    let waited = false;
    srv.beforeRequest = async (r) => {
      if (waited || r.repo !== '/acme/slow.git' || r.service !== 'receive-pack' || r.phase !== 'exchange') return;
      waited = true;
      await new Promise((res) => setTimeout(res, 7_000));
    };
    const r = await publish(url);
    srv.beforeRequest = undefined;
    expect(waited).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('a commit someone else pushed to the branch is kept: the next publish builds on it, their file untouched', async () => {
    const url = srv.createRepo('acme/race', {});
    const srvRepo = 'acme/race';
    expect((await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN })).status).toBe(0);
    const work = mkdtempSync(join(tmpdir(), 'opsta-theirs-'));
    await runAsync('git', ['clone', '-q', '-b', 'opsta/acme-prod', url.replace('http://', `http://x:${TOKEN}@`), work]);
    writeFileSync(join(work, 'theirs.md'), 'pushed meanwhile\n');
    run('git', ['-C', work, 'add', 'theirs.md']);
    run('git', ['-C', work, 'commit', '-q', '-m', 'theirs']);
    await runAsync('git', ['-C', work, 'push', '-q', 'origin', 'opsta/acme-prod']);
    const theirs = srv.git(srvRepo, 'rev-parse', 'opsta/acme-prod').trim();
    const changed = variantPlan();
    const r = await opsta(['publish', changed, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(srv.git(srvRepo, 'rev-parse', 'opsta/acme-prod^').trim()).toBe(theirs);
    expect(srv.git(srvRepo, 'show', 'opsta/acme-prod:theirs.md')).toBe('pushed meanwhile\n');
  });

  /** Runs `action` once, when the first request of `service`/`phase` for `repo` arrives; later requests (the action's own) pass. */
  const onceAt = (repo: string, phase: GitRequest['phase'], action: () => Promise<void | 'drop' | 'drop-answer'>) => {
    let fired = false;
    srv.beforeRequest = async (r) => {
      if (fired || r.repo !== `/${repo}.git` || r.service !== 'receive-pack' || r.phase !== phase) return;
      fired = true;
      return action();
    };
    return () => fired;
  };
  // What anyone can see of a repository: its refs and every object they reach. (A refused ref update
  // may leave its pack's objects behind unreachable, as receive-pack does anywhere; gc prunes them.)
  const visible = (repo: string) => srv.git(repo, 'for-each-ref') + srv.git(repo, 'rev-list', '--objects', '--all');
  const commitOf = (stdout: string) => /\(commit ([0-9a-f]{12})\)/.exec(stdout)?.[1];
  afterEach(() => {
    srv.beforeRequest = undefined;
  });
  /** Runs the publish again on a branch that already holds its one commit: up to date, nothing new. */
  const expectRerunMakesNoCommit = async (url: string, repo: string) => {
    const landed = srv.git(repo, 'rev-parse', BRANCH).trim();
    const visibleThen = visible(repo);
    const rerun = await publish(url);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`${REPO} ${BRANCH} is up to date`));
    expect(srv.git(repo, 'rev-parse', BRANCH).trim()).toBe(landed);
    expect(srv.git(repo, 'rev-list', '--count', BRANCH).trim()).toBe('2');
    expect(visible(repo)).toBe(visibleThen);
  };
  const cannotPush = (repo: string) => `^opsta: cannot push ${BRANCH} \\(http://127\\.0\\.0\\.1:\\d+/${repo}\\.git\\): `;

  // The other publish lands after our fetch: at our push's ref discovery (our pre-push check sees it),
  // or after that discovery, as our pack is sent (only the server's compare-and-swap on the ref sees it).
  it.each(['discover', 'exchange'] as const)('two publishes racing on one branch (the other lands at our receive-pack %s): one wins, the other fails clearly and changes nothing; its rerun builds on the winner', async (phase) => {
    const repo = `acme/race-${phase}`;
    const url = srv.createRepo(repo, {});
    // The other publish is made beforehand, by opsta on a copy of the repository, and lands by a real
    // git push when ours reaches the chosen step: quick, so our request waits well under the 5 s after
    // which Node's default agent gives up on a silent server.
    const copy = `${repo}-other`;
    run('git', ['clone', '-q', '--bare', join(srv.root, `${repo}.git`), join(srv.root, `${copy}.git`)]);
    srv.git(copy, 'config', 'http.receivepack', 'true');
    const other = variantPlan();
    const prepared = await publish(`${srv.baseUrl}/${copy}.git`, other);
    expect(prepared.status, prepared.stderr).toBe(0);
    const won = srv.git(copy, 'rev-parse', BRANCH).trim();
    let afterWinner = '';
    const fired = onceAt(repo, phase, async () => {
      await runAsync('git', ['-C', join(srv.root, `${copy}.git`), 'push', '-q', join(srv.root, `${repo}.git`), BRANCH]);
      afterWinner = visible(repo);
    });
    const loser = await publish(url);
    expect(fired(), loser.stdout + loser.stderr).toBe(true);
    expect(afterWinner).toContain(won);

    expect(loser.status).toBe(2);
    expect(loser.stderr).toMatch(new RegExp(`^opsta: the branch ${BRANCH} changed while publishing \\(it is now at ${won.slice(0, 12)}: another publish or push landed first\\); nothing was pushed\\. Run opsta publish again`));
    expect(loser.stderr).not.toMatch(/\n\s+at /);
    expect(loser.stdout).not.toMatch(/published to/);
    // Nothing of the loser's is visible: the same refs and reachable objects as right after the winner.
    expect(srv.git(repo, 'rev-parse', BRANCH).trim()).toBe(won);
    expect(srv.git(repo, 'rev-list', '--count', BRANCH).trim()).toBe('2');
    expect(visible(repo)).toBe(afterWinner);
    await expectBranchHolds(url, BRANCH, other);

    const rerun = await publish(url);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(srv.git(repo, 'rev-parse', `${BRANCH}^`).trim()).toBe(won);
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('a push whose connection drops before the server reads it: a clear failure, nothing landed; the rerun makes the one commit', async () => {
    const repo = 'acme/dropped';
    const url = srv.createRepo(repo, {});
    const fired = onceAt(repo, 'exchange', async () => 'drop');
    const r = await publish(url);
    expect(fired(), r.stdout + r.stderr).toBe(true);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${cannotPush(repo)}.*; nothing landed \\(${BRANCH} is as it was\\)\\. Run opsta publish again`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(srv.git(repo, 'branch', '--list').trim()).toBe('* main');

    const rerun = await publish(url);
    expect(rerun.status).toBe(0);
    expect(srv.git(repo, 'rev-list', '--count', BRANCH).trim()).toBe('2');
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('a push that landed but whose answer was lost: the same run recognises its commit on the branch; a rerun makes no commit', async () => {
    const repo = 'acme/lost-answer';
    const url = srv.createRepo(repo, {});
    const fired = onceAt(repo, 'exchange', async () => 'drop-answer');
    const r = await publish(url);
    expect(fired(), r.stdout + r.stderr).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`the answer to the push was lost, but ${BRANCH} holds this commit`));
    expect(srv.git(repo, 'rev-parse', BRANCH).trim().startsWith(commitOf(r.stdout)!)).toBe(true);
    await expectRerunMakesNoCommit(url, repo);
  });

  it('a push that landed, its answer lost and the server unreachable right after: a clear failure; the rerun finishes with no second commit', async () => {
    const repo = 'acme/lost-and-gone';
    const url = srv.createRepo(repo, {});
    // The push lands, its answer is dropped, then every request of this repo is dropped until the rerun.
    let down = false;
    srv.beforeRequest = async (q) => {
      if (q.repo !== `/${repo}.git`) return;
      if (down) return 'drop';
      if (q.service === 'receive-pack' && q.phase === 'exchange') {
        down = true;
        return 'drop-answer';
      }
    };
    const r = await publish(url);
    expect(down).toBe(true);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${cannotPush(repo)}.*; whether it landed is unknown\\. Run opsta publish again: it compares with the branch as it is then, so it finishes the job without a second commit`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    srv.beforeRequest = undefined;
    await expectRerunMakesNoCommit(url, repo);
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('a publish killed after its push, before its pull-request call: the rerun finds the branch already right and makes no commit', async () => {
    const repo = 'acme/killed';
    const url = srv.createRepo(repo, {});
    // The API answers nothing: its first request (the pull-request lookup, after the push) kills the publish.
    let child: ChildProcess | undefined;
    let apiCalls = 0;
    const api = createServer((req) => {
      apiCalls++;
      child?.kill('SIGKILL');
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      const killed = await new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child = spawn(process.execPath, ['bin/opsta.mjs', 'publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url, '--api-url', apiUrl], { env: { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: '' }, stdio: 'ignore' });
        child.on('close', (status, signal) => resolve({ status, signal }));
      });
      expect(killed.signal).toBe('SIGKILL');
      expect(apiCalls).toBe(1);
    } finally {
      api.closeAllConnections();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
    await expectRerunMakesNoCommit(url, repo);
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('a push the server refuses for its own reasons (a pre-receive hook) names the reason and changes nothing', async () => {
    const repo = 'acme/protected';
    const url = srv.createRepo(repo, {});
    const hook = join(srv.root, `${repo}.git`, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "branch is protected" >&2\nexit 1\n', { mode: 0o755 });
    const before = visible(repo);
    const r = await publish(url);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^opsta: the server refused the push to ${BRANCH} \\(http://127\\.0\\.0\\.1:\\d+/${repo}\\.git\\): refs/heads/${BRANCH}: pre-receive hook declined; nothing was pushed\\. Check the branch's protection rules and hooks on the server\\n$`));
    expect(visible(repo)).toBe(before);
  });

  // A pull request needs an API beside the git remote: here the GitHub double, whose repository is
  // the git server's (its refs and objects are imported the moment the pull request is opened, as
  // on GitHub one repository answers both).
  it('with --api-url of the double: pushes, then opens the pull request with its labels; a rerun writes nothing', async () => {
    const repo = 'acme/with-api';
    const url = srv.createRepo(repo, { 'NOTES.md': 'ours\n' });
    const gh = await GitHubDouble.start();
    try {
      gh.addToken(TOKEN);
      gh.createRepo(REPO);
      gh.beforeWrite = (route) => {
        if (route === 'POST /repos/{owner}/{repo}/pulls') gh.importGit(REPO, join(srv.root, `${repo}.git`), ['main', BRANCH]);
      };
      const r = await publish(url, PLAN, ['--api-url', gh.apiUrl]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^pull request #1 opened: https:\/\/github\.com\/acme\/acme-platform\/pull\/1$/m);
      expect(r.stdout).not.toMatch(/no pull request opened/);
      const [pr] = gh.pulls(REPO);
      expect(pr).toMatchObject({ number: 1, head: BRANCH, base: 'main', state: 'open', labels: ['opsta', 'infrastructure'] });
      expect(pr!.body).toContain('### Before you merge');
      expect(gh.head(REPO, BRANCH)).toBe(srv.git(repo, 'rev-parse', BRANCH).trim());
      gh.resetLog();
      const again = await publish(url, PLAN, ['--api-url', gh.apiUrl]);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/pull request #1 unchanged/);
      expect(gh.writes()).toEqual([]);
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it('with an --api-url that refuses connections: the push lands, and the note says to open the pull request by hand', async () => {
    const repo = 'acme/no-api';
    const url = srv.createRepo(repo, {});
    // A port that was just free: nothing listens there, so every connection is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await publish(url, PLAN, ['--api-url', apiUrl]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/published to acme\/acme-platform opsta\/acme-prod/);
    expect(r.stdout).toContain(`no pull request opened: the API at ${apiUrl} is not reachable (no answer from ${apiUrl} (ECONNREFUSED) after 5 attempts;`);
    expect(r.stdout).toMatch(/; open it by hand from opsta\/acme-prod into main\n/);
    expect(r.stderr).toMatch(/GitHub did not answer "list the open pull requests of opsta\/acme-prod"; retry 1/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    await expectBranchHolds(url, BRANCH, PLAN);
  });

  it('--dry-run --via git lists the changes and writes nothing: no pack pushed, no ref moved, no API write', async () => {
    const repo = 'acme/dry';
    const url = srv.createRepo(repo, { 'NOTES.md': 'ours\n' });
    const gh = await GitHubDouble.start();
    try {
      gh.addToken(TOKEN);
      gh.createRepo(REPO, { files: { 'NOTES.md': 'ours\n' } });
      const pushes: string[] = [];
      srv.beforeRequest = async (q) => {
        if (q.repo === `/${repo}.git` && q.service === 'receive-pack') pushes.push(q.phase);
      };
      const before = visible(repo);
      const r = await publish(url, PLAN, ['--dry-run', '--api-url', gh.apiUrl]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^dry run: publishing acme\/acme-platform opsta\/acme-prod would change:/m);
      expect(r.stdout).toMatch(/^\s+\+ \.github\/workflows\/apply\.yml$/m);
      expect(r.stdout).toMatch(/^\s+\? NOTES\.md {2}\(not Opsta's file; never touched\)$/m);
      expect(pushes.filter((p) => p === 'exchange')).toEqual([]);
      expect(visible(repo)).toBe(before);
      expect(srv.git(repo, 'branch', '--list').trim()).toBe('* main');
      expect(gh.writes()).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it('a wrong token is refused with the fix, and the token is never printed', async () => {
    const url = srv.createRepo('acme/auth', {});
    const r = await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: 'ghp_wrongTOKEN000000' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read the remote .*401.*set GITHUB_TOKEN or GH_TOKEN/s);
    expect(r.stderr + r.stdout).not.toContain('ghp_wrongTOKEN000000');
  });
});
