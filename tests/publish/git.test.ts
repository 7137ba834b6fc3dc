// `opsta publish --via git` against a real `git http-backend` on 127.0.0.1, cloned back with the real
// git and compared byte for byte with what `opsta generate` writes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitServer, hasGitHttpBackend, run, runAsync } from '../support/git-server.ts';
import { requireTool } from '../support/tools.ts';

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

function listFiles(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = relative(dir, join(e.parentPath, e.name));
    if (e.isFile() && !p.startsWith('.git/')) out[p] = readFileSync(join(dir, p));
  }
  return out;
}

describe.skipIf(!hasGit)('publish --via git', () => {
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

    const clone = mkdtempSync(join(tmpdir(), 'opsta-clone-'));
    await runAsync('git', ['clone', '-q', '-b', 'opsta/acme-prod', url.replace('http://', `http://x:${TOKEN}@`), clone]);
    const gen = mkdtempSync(join(tmpdir(), 'opsta-gen-'));
    expect((await opsta(['generate', PLAN, '--out', join(gen, 'out')])).status).toBe(0);
    const want = listFiles(join(gen, 'out'));
    const got = listFiles(clone);
    expect(got['NOTES.md']?.toString()).toBe('ours\n');
    delete got['NOTES.md'];
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const p of Object.keys(want)) expect(got[p]!.equals(want[p]!), p).toBe(true);
    expect(run('git', ['-C', clone, 'rev-list', '--count', 'HEAD']).trim()).toBe('2');
    expect(run('git', ['-C', clone, 'fsck', '--strict']).trim()).toBe('');

    const before = srv.git(REPO, 'rev-parse', 'opsta/acme-prod');
    const again = await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is up to date/);
    expect(srv.git(REPO, 'rev-parse', 'opsta/acme-prod')).toBe(before);
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
    const changed = join(mkdtempSync(join(tmpdir(), 'opsta-plan-')), 'opsta.plan.yaml');
    writeFileSync(changed, readFileSync(PLAN, 'utf8').replace('zones: 3', 'zones: 2'));
    const r = await opsta(['publish', changed, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: TOKEN });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(srv.git(srvRepo, 'rev-parse', 'opsta/acme-prod^').trim()).toBe(theirs);
    expect(srv.git(srvRepo, 'show', 'opsta/acme-prod:theirs.md')).toBe('pushed meanwhile\n');
  });

  it('a wrong token is refused with the fix, and the token is never printed', async () => {
    const url = srv.createRepo('acme/auth', {});
    const r = await opsta(['publish', PLAN, '--repo', REPO, '--via', 'git', '--git-url', url], { GITHUB_TOKEN: 'ghp_wrongTOKEN000000' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read the remote .*401.*set GITHUB_TOKEN or GH_TOKEN/s);
    expect(r.stderr + r.stdout).not.toContain('ghp_wrongTOKEN000000');
  });
});
