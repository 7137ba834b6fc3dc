// The planner's publish logic (site/src/lib/publish-run.ts) against the GitHub double, in Node with
// the CLI's generator options: the dry run shows the change set and writes nothing; the real run
// opens the pull request; a hand edit is a conflict with its diff, kept unless ticked; the token
// goes only into the Authorization header of requests to the chosen API and never into a message.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import type { FetchLike } from '../../generator/src/publish/github.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { apiOrigins, checkGithubApi, DEFAULT_GITHUB_API, githubApis, readGithubApis } from '../../site/src/lib/publish-origins.ts';
import { PublishFailure, runPublish, type PublishInput } from '../../site/src/lib/publish-run.ts';
import { publishTarget, safeLink, stripToken } from '../../site/src/lib/publish-view.ts';
import { GitHubDouble } from '../support/github-double.ts';

const opts = nodeGenerateOptions();
const TOKEN = 'github_pat_11TEST0123456789abcdefABCDEF';
const MEDIUM = readFileSync('examples/aws-medium.plan.yaml', 'utf8');
const planOf = (text: string) => {
  const v = validatePlanText(text, opts.catalog);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v;
};

let gh: GitHubDouble;
let n = 0;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  gh.addToken(TOKEN, { login: 'alice' });
});
afterAll(async () => gh?.close());
afterEach(() => expect(gh.violations).toEqual([]));

/** A plan for a fresh repository of the double (the planner publishes to the plan's own repository). */
function freshPlan(edit: (t: string) => string = (t) => t) {
  const repo = `acme-platform-${++n}`;
  const plan = planOf(edit(MEDIUM.replace('repo: acme-platform', `repo: ${repo}`)));
  gh.createRepo(`acme/${repo}`, { files: { 'NOTES.md': 'ours\n' } });
  return { plan, full: `acme/${repo}` };
}

/** Every request the client sends, as the browser's fetch would see it. */
function recordingFetch(log: { url: string; headers: Record<string, string>; body?: string }[]): FetchLike {
  return async (url, init) => {
    log.push({ url, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const r = await fetch(url, init);
    return { status: r.status, headers: r.headers, text: () => r.text() };
  };
}

const input = (plan: ReturnType<typeof planOf>, o: Partial<PublishInput> = {}): PublishInput => ({
  apiUrl: gh.apiUrl,
  allowedApis: [gh.apiUrl],
  token: TOKEN,
  plan,
  opts,
  dryRun: true,
  sleep: async () => {},
  ...o,
});

describe('planner publish', () => {
  it('first publish: the dry run lists every file as added and writes nothing; the real run opens the pull request', async () => {
    const { plan, full } = freshPlan();
    const log: Parameters<typeof recordingFetch>[0] = [];
    gh.resetLog();
    const preview = await runPublish(input(plan, { fetch: recordingFetch(log) }));
    expect(gh.writes()).toEqual([]);
    expect(preview.added).toContain('stacks/10-network/main.tf');
    expect(preview.added).toContain('opsta.plan.yaml');
    expect(preview.changed).toEqual([]);
    expect(preview.removed).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    expect(preview.foreign).toBe(1); // NOTES.md: never touched
    expect(preview.pullRequest).toMatchObject({ action: 'would open' });

    const out = await runPublish(input(plan, { dryRun: false, fetch: recordingFetch(log) }));
    expect(out.pullRequest).toMatchObject({ number: 1, action: 'opened', url: `https://github.com/${full}/pull/1` });
    expect(gh.pulls(full)).toHaveLength(1);
    expect(gh.files(full, publishTarget(plan).branch)!['NOTES.md']).toBe('ours\n');
    // The token: only as the Authorization header, only to the chosen API.
    expect(log.length).toBeGreaterThan(5);
    for (const r of log) {
      expect(r.url.startsWith(`${gh.apiUrl}/`), r.url).toBe(true);
      expect(r.url).not.toContain(TOKEN);
      expect(r.body ?? '').not.toContain(TOKEN);
      const carrying = Object.entries(r.headers).filter(([, v]) => v.includes(TOKEN)).map(([k]) => k);
      expect(carrying).toEqual(['authorization']);
    }
  });

  it('a hand edit on the branch is a conflict with its diff, kept unless ticked, overwritten when ticked', async () => {
    const { plan, full } = freshPlan();
    const branch = publishTarget(plan).branch;
    await runPublish(input(plan, { dryRun: false }));
    const readme = gh.files(full, branch)!['README.md']!;
    gh.commitFiles(full, branch, { 'README.md': `${readme}\nOur hand-written note.\n` }, 'hand edit');
    const changed = planOf(MEDIUM.replace('repo: acme-platform', `repo: ${full.split('/')[1]}`).replace(/budget:\n(\s+)monthlyUsd: \d+/, 'budget:\n$1monthlyUsd: 12345'));
    expect(changed.resolved.budget).not.toEqual(plan.resolved.budget);

    gh.resetLog();
    const preview = await runPublish(input(changed));
    expect(preview.conflicts.map((c) => [c.path, c.kind])).toEqual([['README.md', 'edited']]);
    expect(preview.conflicts[0]!.diff).toMatch(/^-Our hand-written note\.$/m);
    expect(preview.changed.length).toBeGreaterThan(0);
    expect(gh.writes()).toEqual([]); // a dry run writes nothing

    const kept = await runPublish(input(changed, { dryRun: false }));
    expect(kept.conflicts.map((c) => c.path)).toEqual(['README.md']);
    expect(kept.pullRequest?.action).toBe('updated');
    expect(gh.files(full, branch)!['README.md']).toContain('Our hand-written note.');

    const forced = await runPublish(input(changed, { dryRun: false, forceFiles: ['README.md'] }));
    expect(forced.forced).toEqual(['README.md']);
    expect(forced.conflicts).toEqual([]);
    expect(gh.files(full, branch)!['README.md']).toBe(generateRepository(changed.plan, changed.resolved, opts)['README.md']);
    expect(gh.pulls(full)).toHaveLength(1);

    const again = await runPublish(input(changed));
    expect(again.upToDate).toBe(true);
  });

  it('an API the page does not allow gets no request at all; a missing or spaced token is refused before any', async () => {
    const { plan } = freshPlan();
    const log: Parameters<typeof recordingFetch>[0] = [];
    const f = recordingFetch(log);
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as PublishFailure);
    expect((await failure(runPublish(input(plan, { apiUrl: 'https://evil.example', fetch: f }))))?.kind).toBe('api');
    expect((await failure(runPublish(input(plan, { token: '  ', fetch: f }))))?.kind).toBe('tokenMissing');
    expect((await failure(runPublish(input(plan, { token: 'abc def', fetch: f }))))?.kind).toBe('tokenFormat');
    expect(log).toEqual([]);
  });

  it('a refused token, a missing repository and a missing permission are told apart, the token never in the message', async () => {
    const wrong = 'github_pat_WRONG0123456789abcdef';
    const { plan } = freshPlan();
    const e1 = await runPublish(input(plan, { token: wrong })).catch((e: PublishFailure) => e);
    expect(e1).toBeInstanceOf(PublishFailure);
    expect((e1 as PublishFailure).kind).toBe('token');
    expect((e1 as PublishFailure).detail).not.toContain(wrong);

    const missing = planOf(MEDIUM.replace('repo: acme-platform', 'repo: nowhere'));
    const e2 = (await runPublish(input(missing)).catch((e: PublishFailure) => e)) as PublishFailure;
    expect(e2.kind).toBe('repo');

    const narrow = 'github_pat_NARROW0123456789abcdef';
    gh.addToken(narrow, { permissions: { workflows: 'none' } });
    const e3 = (await runPublish(input(plan, { token: narrow, dryRun: false })).catch((e: PublishFailure) => e)) as PublishFailure;
    expect(e3).toBeInstanceOf(PublishFailure);
    expect(e3.detail).not.toContain(narrow);
    expect(e3.detail).toMatch(/[Ww]orkflow/);
  });

  it('links only http(s) pull request URLs', () => {
    expect(safeLink('https://github.com/acme/x/pull/1')).toBe('https://github.com/acme/x/pull/1');
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeLink('not a url')).toBeUndefined();
    expect(stripToken(`bad ${TOKEN} here`, TOKEN)).toBe('bad *** here');
  });
});

describe('the APIs a build allows', () => {
  it('defaults to api.github.com; takes a list; GitHub Enterprise Server by its /api/v3 root', () => {
    expect(githubApis(undefined)).toEqual([DEFAULT_GITHUB_API]);
    expect(githubApis('')).toEqual([DEFAULT_GITHUB_API]);
    expect(githubApis('https://api.github.com/, https://ghe.example.com/api/v3')).toEqual(['https://api.github.com', 'https://ghe.example.com/api/v3']);
    expect(apiOrigins(['https://ghe.example.com/api/v3', 'https://ghe.example.com'])).toEqual(['https://ghe.example.com']);
    expect(githubApis('http://127.0.0.1:4100')).toEqual(['http://127.0.0.1:4100']);
  });

  it('refuses plain http off loopback, credentials, queries and other paths, naming the variable', () => {
    for (const bad of ['http://api.github.com', 'https://u:p@api.github.com', 'https://api.github.com/?x=1', 'https://ghe.example.com/api', 'ftp://x', 'nope']) {
      const r = checkGithubApi(bad);
      expect(r.ok, bad).toBe(false);
      expect(() => githubApis(bad)).toThrow(/^OPSTA_GITHUB_API: /);
    }
  });

  it('the page list is re-checked when read', () => {
    expect(readGithubApis('https://api.github.com javascript:alert(1) http://evil.example')).toEqual(['https://api.github.com']);
    expect(readGithubApis(null)).toEqual([]);
  });
});
