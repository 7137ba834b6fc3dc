// opsta publish at its edges, in process against the GitHub double (requests checked against
// GitHub's OpenAPI description): --dry-run writes nothing; an empty repository and GitHub's 409 and
// 422 answers each get a message that names the fix, exit 2, and never the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/src/cli.ts';
import { refusalFix } from '../../generator/src/publish/github.ts';
import { GitHubDouble } from '../support/github-double.ts';

const PLAN = 'examples/aws-medium.plan.yaml';
const REPO = 'acme/acme-platform';
const BRANCH = 'opsta/acme-prod';
const TOKEN = 'ghp_edgeTOKEN0123456789abcdef';

async function publish(gh: GitHubDouble, extra: string[] = []) {
  const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN };
  process.env.GITHUB_TOKEN = TOKEN;
  process.env.GH_TOKEN = '';
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(['publish', PLAN, '--repo', REPO, '--api-url', gh.apiUrl, ...extra], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    expect(stdout + stderr).not.toContain(TOKEN);
    return { code, stdout, stderr };
  } finally {
    process.env.GITHUB_TOKEN = saved.GITHUB_TOKEN ?? '';
    process.env.GH_TOKEN = saved.GH_TOKEN ?? '';
  }
}

async function double(files?: Record<string, string>): Promise<GitHubDouble> {
  const gh = await GitHubDouble.start();
  gh.addToken(TOKEN);
  gh.createRepo(REPO, files ? { files } : {});
  return gh;
}

describe('opsta publish --dry-run', () => {
  let gh: GitHubDouble;
  beforeAll(async () => {
    gh = await double({ 'NOTES.md': 'ours\n' });
  });
  afterAll(async () => gh?.close());

  it('lists every file it would add and the one it leaves alone, makes no write; the real run then does exactly that', async () => {
    gh.resetLog();
    const dry = await publish(gh, ['--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`^dry run: publishing ${REPO} ${BRANCH} would change:`, 'm'));
    expect(dry.stdout).toMatch(/^\s+\+ \.github\/workflows\/apply\.yml$/m);
    expect(dry.stdout).toMatch(/^\s+\? NOTES\.md {2}\(not Opsta's file; never touched\)$/m);
    expect(dry.stdout).toMatch(/pull request would be opened/);
    expect(gh.writes()).toEqual([]);
    const wouldAdd = Number(/(\d+) to add/.exec(dry.stdout)![1]);

    const real = await publish(gh);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/pull request #1 opened/);
    const onBranch = Object.keys(gh.files(REPO, BRANCH) ?? {}).filter((p) => p !== 'NOTES.md' && p !== '.opsta/manifest.json');
    expect(onBranch).toHaveLength(wouldAdd);

    gh.resetLog();
    const again = await publish(gh, ['--dry-run']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^dry run: ${REPO} ${BRANCH} is up to date; publishing would change nothing:`, 'm'));
    expect(again.stdout).toMatch(/^pull request #1 unchanged/m);
    expect(gh.writes()).toEqual([]);
    expect(gh.violations).toEqual([]);
  });
});

describe('opsta publish: GitHub refusals name the fix', () => {
  it('an empty repository (no branch yet): says to push a first commit, writes nothing', async () => {
    const gh = await double();
    try {
      const r = await publish(gh);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the base branch main does not exist in acme\/acme-platform .*push a first commit to main/);
      expect(gh.writes()).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it.each([
    ['POST /repos/{owner}/{repo}/git/refs', 409, 'Git Repository is empty.', /cannot create the branch opsta\/x: GitHub refused it \(409 Git Repository is empty\.\); the repository has no commit yet: push a first commit/],
    ['POST /repos/{owner}/{repo}/git/refs', 422, 'Repository rule violations found', /cannot create the branch opsta\/x: GitHub refused it \(422 Repository rule violations found\); a branch rule forbids this change: publish to another --branch/],
    ['POST /repos/{owner}/{repo}/pulls', 422, 'Validation Failed', /cannot open a pull request from opsta\/x: GitHub refused it \(422 Validation Failed\); GitHub found the request invalid; run the same command again, and if it is refused the same way, report it/],
  ])('%s answering %i %s', async (route, status, message, want) => {
    const gh = await double({ 'NOTES.md': 'x\n' });
    try {
      gh.inject({ route, kind: 'status', status, message, times: Infinity });
      const r = await publish(gh, ['--branch', 'opsta/x']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(want);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await gh.close();
    }
  });

  it('refusalFix: a branch rule is named as such', () => {
    expect(refusalFix(422, 'Protected branch update failed for refs/heads/main')).toMatch(/a branch rule forbids this change/);
    expect(refusalFix(409, 'Update is not a fast forward')).toMatch(/changed while publishing/);
  });
});
