// Publishing through the GitHub API, against the stateful double (every REST body checked against
// GitHub's OpenAPI description, every GraphQL document against GitHub's schema).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, sha256Hex } from '../../generator/src/changeset.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { publishViaApi, type PublishTarget } from '../../generator/src/publish/publish.ts';
import { GitHubDouble, type Fault } from '../support/github-double.ts';
import { contentFor, fastClient, loadPlan, opts, targetFor } from './helpers.ts';

const SMALL = 'examples/aws-small-rke2.plan.yaml';
const LARGE = 'examples/aws-large-all.plan.yaml';
const MEDIUM = 'examples/aws-medium.plan.yaml';
const TOKEN = 'ghp_doubleTOKEN0123456789abcdefABCDEF';
const USER_FILES = { 'NOTES.md': '# acme infra\n', 'docs/runbook.md': 'our own notes\n' };

let gh: GitHubDouble;
let n = 0;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  gh.addToken(TOKEN, { login: 'alice' });
});
afterAll(async () => gh?.close());
afterEach(() => {
  gh.clearFaults();
  gh.beforeWrite = undefined;
  expect(gh.violations).toEqual([]);
});

/** A fresh repository per test: main holds the user's own files. */
function freshRepo(): string {
  const name = `acme/infra-${++n}`;
  gh.createRepo(name, { files: USER_FILES });
  return name;
}

const target = (file: string, repo: string): PublishTarget => targetFor(file, repo);
const publish = (file: string, repo: string, o: { forceFiles?: string[]; dryRun?: boolean; edit?: (t: string) => string; delays?: number[] } = {}) =>
  publishViaApi(fastClient(gh.apiUrl, TOKEN, o.delays), target(file, repo), contentFor(file, o), { dryRun: o.dryRun });

describe('publish via the API', () => {
  it('opens a pull request with one commit holding every generated file, the user files untouched', async () => {
    const repo = freshRepo();
    const out = await publish(MEDIUM, repo);
    const t = target(MEDIUM, repo);
    const want = contentFor(MEDIUM).files;
    expect(gh.files(repo, t.branch)).toEqual(Object.fromEntries(Object.entries({ ...USER_FILES, ...want }).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(gh.history(repo, t.branch)).toHaveLength(2); // the user's commit + one Opsta commit
    expect(out.branchCreated).toBe(true);
    expect(out.pullRequest).toMatchObject({ number: 1, action: 'opened' });
    const [pr] = gh.pulls(repo);
    expect(pr).toMatchObject({ head: t.branch, base: 'main', state: 'open', labels: ['opsta', 'infrastructure'] });
    expect(pr!.body).toContain('### Monthly cost');
    expect(pr!.body).toContain('```mermaid');
    expect(pr!.body).toContain('### Before you merge');
    expect(pr!.body).toContain('`stacks/10-network/main.tf` added');
    expect(pr!.body!.length).toBeLessThan(65_536);
  });

  it("keeps the user's own README.md on main as a conflict (not Opsta's file) unless forced", async () => {
    const name = `acme/infra-${++n}`;
    gh.createRepo(name, { files: { 'README.md': '# ours\n' } });
    const t = target(MEDIUM, name);
    const out = await publish(MEDIUM, name);
    expect(out.changeSet.changes.find((c) => c.path === 'README.md')).toMatchObject({ action: 'conflict' });
    expect(gh.files(name, t.branch)!['README.md']).toBe('# ours\n');
    expect(JSON.parse(gh.files(name, t.branch)![MANIFEST_PATH]!).files).not.toHaveProperty('README.md');
    await publish(MEDIUM, name, { forceFiles: ['README.md'] });
    expect(gh.files(name, t.branch)!['README.md']).toBe(contentFor(MEDIUM).files['README.md']);
  });

  it('writes nothing when the plan is published again unchanged', async () => {
    const repo = freshRepo();
    await publish(MEDIUM, repo);
    gh.resetLog();
    const again = await publish(MEDIUM, repo);
    expect(gh.writes()).toEqual([]);
    expect(again.pullRequest).toMatchObject({ action: 'unchanged' });
    expect(again.commit).toBeUndefined();
  });

  it('sends the same number of requests for the smallest and the largest example', async () => {
    const counts: number[] = [];
    for (const file of [SMALL, LARGE]) {
      const repo = freshRepo();
      gh.resetLog();
      await publish(file, repo);
      counts.push(gh.requests.length);
      expect(Object.keys(contentFor(file).files).length).toBeGreaterThan(20);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(9);
  });

  it('keeps a hand edit on the branch as a conflict with its diff, and overwrites it only with --force-file', async () => {
    const repo = freshRepo();
    const t = target(MEDIUM, repo);
    await publish(MEDIUM, repo);
    gh.commitFiles(repo, t.branch, { 'stacks/10-network/main.tf': '# tuned by hand\n', 'ops/notes.md': 'mine\n' });
    const edited = await publish(MEDIUM, repo, { edit: (s) => s.replace('zones: 3', 'zones: 2') });
    const conflict = edited.changeSet.changes.find((c) => c.path === 'stacks/10-network/main.tf')!;
    expect(conflict.action).toBe('conflict');
    expect(conflict.diff).toContain('-# tuned by hand');
    expect(gh.files(repo, t.branch)!['stacks/10-network/main.tf']).toBe('# tuned by hand\n');
    expect(gh.files(repo, t.branch)!['ops/notes.md']).toBe('mine\n');
    expect(gh.pulls(repo)[0]!.body).toContain('hand-edited generated file is kept');
    await publish(MEDIUM, repo, { edit: (s) => s.replace('zones: 3', 'zones: 2'), forceFiles: ['stacks/10-network/main.tf'] });
    const files = gh.files(repo, t.branch)!;
    expect(files['stacks/10-network/main.tf']).toBe(contentFor(MEDIUM, { edit: (s) => s.replace('zones: 3', 'zones: 2') }).files['stacks/10-network/main.tf']);
    expect(files['ops/notes.md']).toBe('mine\n');
    expect(files['README.md']).toBe(contentFor(MEDIUM, { edit: (s) => s.replace('zones: 3', 'zones: 2') }).files['README.md']);
  });

  it('updates the open pull request when the plan changes, and deletes files the plan no longer generates', async () => {
    const repo = freshRepo();
    const t = target(LARGE, repo);
    await publish(LARGE, repo);
    const before = gh.files(repo, t.branch)!;
    const lessFile = LARGE;
    const drop = (s: string) => s.replace('harbor: { enabled: true }', 'harbor: { enabled: false }');
    const out = await publish(lessFile, repo, { edit: drop });
    const after = gh.files(repo, t.branch)!;
    expect(out.pullRequest).toMatchObject({ number: 1, action: 'updated' });
    expect(gh.pulls(repo)).toHaveLength(1);
    const gone = Object.keys(before).filter((p) => !(p in after));
    expect(gh.history(repo, t.branch)).toHaveLength(3);
    expect(gone.some((p) => p.includes('harbor'))).toBe(true);
    expect(JSON.parse(after[MANIFEST_PATH]!).files).not.toHaveProperty(gone[0]!);
  });

  it('prints what would change with --dry-run and writes nothing', async () => {
    const repo = freshRepo();
    gh.resetLog();
    const out = await publish(MEDIUM, repo, { dryRun: true });
    expect(gh.writes()).toEqual([]);
    expect(out.pullRequest?.action).toBe('would open');
    expect(out.changeSet.changes.filter((c) => c.action === 'add').length).toBeGreaterThan(20);
    expect(gh.branches(repo)).toEqual(['main']);
  });
});

const NO_HARBOR = (s: string) => s.replace('harbor: { enabled: true }', 'harbor: { enabled: false }');
const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');

describe('the cost change against the base branch', () => {
  it("main holds an older plan's files: the pull request shows each component's cost change and only the files that change", async () => {
    const name = `acme/infra-${++n}`;
    gh.createRepo(name, { files: contentFor(LARGE, { edit: NO_HARBOR }).files });
    await publish(LARGE, name);
    const body = gh.pulls(name)[0]!.body!;
    const now = estimateCost(loadPlan(LARGE).resolved, opts.catalog);
    const was = estimateCost(loadPlan(LARGE, NO_HARBOR).resolved, opts.catalog);
    const harbor = now.byComponent.find((c) => c.owner === 'harbor')!;
    expect(harbor.monthlyUsd).toBeGreaterThan(0);
    expect(was.byComponent.find((c) => c.owner === 'harbor')).toBeUndefined();
    expect(body).toContain('| Component | main | This pull request | Change |');
    expect(body).toContain(`| ${harbor.name} | — | ${usd(harbor.monthlyUsd)} | +${usd(harbor.monthlyUsd)} |`);
    const same = now.byComponent.find((c) => c.monthlyUsd > 0 && was.byComponent.some((w) => w.owner === c.owner && w.monthlyUsd === c.monthlyUsd))!;
    expect(same).toBeDefined();
    for (const c of was.byComponent.filter((w) => now.byComponent.some((x) => x.owner === w.owner && x.monthlyUsd !== w.monthlyUsd))) {
      const x = now.byComponent.find((y) => y.owner === c.owner)!;
      const d = x.monthlyUsd - c.monthlyUsd;
      expect(body).toContain(`| ${c.name} | ${usd(c.monthlyUsd)} | ${usd(x.monthlyUsd)} | ${d > 0 ? '+' : '−'}${usd(Math.abs(d))} |`);
    }
    expect(body).toMatch(new RegExp(`\\| ${esc(same.name)} \\| ${esc(usd(same.monthlyUsd))} \\| ${esc(usd(same.monthlyUsd))} \\| ±\\$0\\.00 \\|`));
    expect(body).toContain(`| **Total** | **${usd(was.totalUsd)}** | **${usd(now.totalUsd)}** | **+${usd(now.totalUsd - was.totalUsd)}** |`);
    expect(body).not.toContain('No change to compare with');
    // The file list is the change against main: Harbor's files, not the ones main already holds.
    expect(body).toMatch(/`[^`]*harbor[^`]*` added/);
    expect(body).not.toContain('`stacks/10-network/main.tf`');
  });

  it('main has no opsta.plan.yaml: the cost is shown with a note, no change column', async () => {
    const repo = freshRepo();
    await publish(MEDIUM, repo);
    const body = gh.pulls(repo)[0]!.body!;
    expect(body).toContain('No change to compare with: main has no opsta.plan.yaml yet.');
    expect(body).not.toContain('| Change |');
    expect(body).toMatch(/\| \*\*Total\*\* \| \*\*\$[\d,.]+\*\* \|/);
  });

  it("main's opsta.plan.yaml does not validate: the note says so", async () => {
    const name = `acme/infra-${++n}`;
    gh.createRepo(name, { files: { 'opsta.plan.yaml': 'apiVersion: opsta.dev/v1\nkind: Plan\n' } });
    await publish(MEDIUM, name);
    const body = gh.pulls(name)[0]!.body!;
    expect(body).toMatch(/No change to compare with: main(&#39;|\\?')s opsta\.plan\.yaml does not validate with this Opsta version\./);
    expect(body).not.toContain('| Change |');
  });
});

describe('a hand-edited file the new plan no longer generates', () => {
  it('is kept as a conflict, and deleted only when forced', async () => {
    const repo = freshRepo();
    const t = target(LARGE, repo);
    await publish(LARGE, repo);
    const dropped = Object.keys(contentFor(LARGE).files).filter((p) => !(p in contentFor(LARGE, { edit: NO_HARBOR }).files));
    expect(dropped.length).toBeGreaterThan(1);
    const [edited, ...others] = dropped as [string, ...string[]];
    gh.commitFiles(repo, t.branch, { [edited]: '# kept by hand\n' });
    const out = await publish(LARGE, repo, { edit: NO_HARBOR });
    expect(out.changeSet.changes.find((c) => c.path === edited)).toMatchObject({ action: 'conflict' });
    const files = gh.files(repo, t.branch)!;
    expect(files[edited]).toBe('# kept by hand\n');
    for (const p of others) expect(files, p).not.toHaveProperty(p);
    expect(gh.pulls(repo)[0]!.body).toContain('hand-edited generated file is kept');

    const forced = await publish(LARGE, repo, { edit: NO_HARBOR, forceFiles: [edited] });
    expect(forced.changeSet.changes.find((c) => c.path === edited)).toMatchObject({ action: 'delete', forced: true });
    const after = gh.files(repo, t.branch)!;
    expect(after).not.toHaveProperty(edited);
    expect(JSON.parse(after[MANIFEST_PATH]!).files).not.toHaveProperty(edited);
    expect(after['NOTES.md']).toBe(USER_FILES['NOTES.md']);
    gh.resetLog();
    await publish(LARGE, repo, { edit: NO_HARBOR });
    expect(gh.writes()).toEqual([]);
  });
});

// Every request the first publish sends, in order: a fault at each of them must be survivable.
const STEPS = [
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  'POST /repos/{owner}/{repo}/git/refs',
  'POST /graphql',
  'GET /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
];

// Every fault kind, each with what the client must have waited: retry-after, the primary limit's
// reset (30 s ahead), or GitHub's one minute for a bare 429.
const KINDS: Fault[] = [
  { kind: 'status', status: 502, times: 2 },
  { kind: 'status', status: 503, times: 1, phase: 'after' },
  { kind: 'secondary-rate-limit', retryAfter: 7 },
  { kind: 'secondary-rate-limit', status: 429, retryAfter: 7 },
  { kind: 'status', status: 429 },
  { kind: 'primary-rate-limit', resetIn: 30 },
  { kind: 'reset' },
  { kind: 'reset', phase: 'after' },
];
const GRAPHQL_KINDS: Fault[] = [...KINDS, { kind: 'graphql-rate-limited', resetIn: 30 }];
const faultName = (k: Fault) => `${k.kind}${k.status ? ` ${k.status}` : ''}${k.phase === 'after' ? ' after applying' : ''}`;
function expectWaited(k: Fault, delays: number[]) {
  expect(delays.length).toBeGreaterThan(0);
  if (k.kind === 'secondary-rate-limit') expect(delays).toContain(7000);
  if (k.kind === 'status' && k.status === 429) expect(delays).toContain(60_000);
  if (k.kind === 'primary-rate-limit' || k.kind === 'graphql-rate-limited') expect(delays.some((d) => d > 27_000 && d <= 31_000), String(delays)).toBe(true);
}

describe('faults at every step', () => {
  for (const step of STEPS) {
    for (const k of step === 'POST /graphql' ? GRAPHQL_KINDS : KINDS) {
      it(`${step}: ${faultName(k)} is retried and the result is the same`, async () => {
        const repo = freshRepo();
        const t = target(MEDIUM, repo);
        gh.inject({ ...k, ...(step === 'POST /graphql' ? { graphql: 'mutation' } : { route: step }) });
        const delays: number[] = [];
        await publish(MEDIUM, repo, { delays });
        expectWaited(k, delays);
        expect(gh.history(repo, t.branch)).toHaveLength(2);
        expect(gh.pulls(repo)).toHaveLength(1);
        expect(gh.pulls(repo)[0]!.labels).toEqual(['opsta', 'infrastructure']);
        expect(gh.files(repo, t.branch)![MANIFEST_PATH]).toBe(contentFor(MEDIUM).files[MANIFEST_PATH]);
      });
    }
  }

  for (const step of STEPS.filter((s) => s.startsWith('POST'))) {
    for (const phase of ['before', 'after'] as const) {
      it(`interrupted at ${step} (${phase} applying) and run again: finished, no duplicate branch, commit or pull request`, async () => {
        const repo = freshRepo();
        const t = target(MEDIUM, repo);
        gh.inject({ kind: 'status', status: 500, times: Infinity, phase, ...(step === 'POST /graphql' ? { graphql: 'mutation' } : { route: step }) });
        // Before applying, the run fails; after applying, its retries may find their own write and finish.
        const first = await publish(MEDIUM, repo).then(() => undefined, (e: Error) => e);
        if (phase === 'before' || first) expect(first?.message).toMatch(/GitHub answered 500/);
        gh.clearFaults();
        await publish(MEDIUM, repo);
        expect(gh.branches(repo)).toEqual(['main', t.branch]);
        expect(gh.history(repo, t.branch)).toHaveLength(2);
        expect(gh.pulls(repo)).toHaveLength(1);
        expect(gh.pulls(repo)[0]!.labels).toEqual(['opsta', 'infrastructure']);
        gh.resetLog();
        await publish(MEDIUM, repo);
        expect(gh.writes()).toEqual([]);
      });
    }
  }

  it('a GraphQL rate limit that never lifts: a clear message, nothing committed', async () => {
    const repo = freshRepo();
    const t = target(MEDIUM, repo);
    gh.inject({ graphql: 'mutation', kind: 'graphql-rate-limited', times: Infinity });
    const delays: number[] = [];
    await expect(publish(MEDIUM, repo, { delays })).rejects.toThrow(/cannot commit to opsta\/acme-prod: GitHub's rate limit still applies after 5 attempts \(RATE_LIMITED: API rate limit exceeded/);
    expect(delays).toHaveLength(4);
    expect(gh.history(repo, t.branch)).toHaveLength(1);
    expect(gh.pulls(repo)).toEqual([]);
  });

  it('gives up after the retries with a message naming the step, the token redacted', async () => {
    const repo = freshRepo();
    gh.inject({ route: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', kind: 'status', status: 500, times: Infinity, message: `boom ${TOKEN} boom` });
    const err = await publish(MEDIUM, repo).catch((e: Error) => e);
    expect(String((err as Error).message)).toMatch(/cannot read the files of main: GitHub answered 500 \(boom \*\*\* boom\) after 5 attempts/);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
    expect(String((err as Error).stack)).not.toContain(TOKEN);
  });
});

// The update path: the branch and its pull request exist, the plan changed. Its own requests (the
// branch's tree, the GraphQL read of the files that differ, the PATCH of the pull request) and the
// reads that follow a STALE_DATA (the commit landed but its answer was lost) each take every fault.
const ZONES = (s: string) => s.replace('zones: 3', 'zones: 2');
const RECOVERY = { graphql: 'mutation', kind: 'reset', phase: 'after' } as const;
const UPDATE_STEPS: { name: string; at: Partial<Fault>; recovery?: boolean }[] = [
  { name: 'GET the branch tree', at: { route: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', skip: 1 } },
  { name: 'GraphQL OpstaReadBlobs', at: { graphql: 'query' } },
  { name: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}', at: { route: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}' } },
  { name: 'after STALE_DATA: GET the branch ref', at: { route: 'GET /repos/{owner}/{repo}/git/ref/{ref}', skip: 2 }, recovery: true },
  { name: 'after STALE_DATA: GET the commit', at: { route: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}' }, recovery: true },
  { name: 'after STALE_DATA: GET the landed tree', at: { route: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', skip: 2 }, recovery: true },
];

describe('faults at every step of an update', () => {
  async function published(): Promise<{ repo: string; t: PublishTarget }> {
    const repo = freshRepo();
    await publish(MEDIUM, repo);
    return { repo, t: target(MEDIUM, repo) };
  }
  const expectUpdated = (repo: string, t: PublishTarget) => {
    const edited = contentFor(MEDIUM, { edit: ZONES });
    expect(gh.history(repo, t.branch)).toHaveLength(3);
    expect(gh.files(repo, t.branch)![MANIFEST_PATH]).toBe(edited.files[MANIFEST_PATH]);
    expect(gh.pulls(repo)).toHaveLength(1);
    expect(gh.pulls(repo)[0]!.body).toContain(`sha256 \`${sha256Hex(edited.files['opsta.plan.yaml']!)}\``);
    expect(gh.pulls(repo)[0]!.labels).toEqual(['opsta', 'infrastructure']);
  };

  it('the recovery path is taken: the commit answer lost, the retry meets STALE_DATA and finds its own commit', async () => {
    const { repo, t } = await published();
    gh.inject(RECOVERY);
    gh.resetLog();
    const out = await publish(MEDIUM, repo, { edit: ZONES });
    expect(gh.requests.filter((r) => r.route === 'POST /graphql' && r.graphql === 'mutation')).toHaveLength(2);
    expect(gh.requests.map((r) => r.route)).toContain('GET /repos/{owner}/{repo}/git/commits/{commit_sha}');
    expect(out.commit).toBe(gh.head(repo, t.branch));
    expectUpdated(repo, t);
  });

  for (const step of UPDATE_STEPS) {
    for (const k of step.at.graphql ? GRAPHQL_KINDS : KINDS) {
      it(`${step.name}: ${faultName(k)} is retried and the pull request is updated once`, async () => {
        const { repo, t } = await published();
        if (step.recovery) gh.inject(RECOVERY);
        gh.inject({ ...k, ...step.at });
        const delays: number[] = [];
        const out = await publish(MEDIUM, repo, { edit: ZONES, delays });
        expectWaited(k, delays);
        expect(out.pullRequest).toMatchObject({ number: 1, action: 'updated' });
        expectUpdated(repo, t);
        gh.resetLog();
        await publish(MEDIUM, repo, { edit: ZONES });
        expect(gh.writes()).toEqual([]);
      });
    }
  }

  for (const phase of ['before', 'after'] as const) {
    it(`interrupted at PATCH /repos/{owner}/{repo}/pulls/{pull_number} (${phase} applying) and run again: finished, no second commit or pull request`, async () => {
      const { repo, t } = await published();
      gh.inject({ route: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}', kind: 'status', status: 500, times: Infinity, phase });
      await expect(publish(MEDIUM, repo, { edit: ZONES })).rejects.toThrow(/cannot update pull request #1: GitHub answered 500/);
      expect(gh.history(repo, t.branch)).toHaveLength(3);
      gh.clearFaults();
      const again = await publish(MEDIUM, repo, { edit: ZONES });
      expect(again.commit).toBeUndefined();
      expect(again.pullRequest?.action).toBe(phase === 'before' ? 'updated' : 'unchanged');
      expectUpdated(repo, t);
      gh.resetLog();
      await publish(MEDIUM, repo, { edit: ZONES });
      expect(gh.writes()).toEqual([]);
    });
  }
});

describe('races', () => {
  it('another push landing between the read and the commit: refused clearly, nothing lost, the rerun builds on it', async () => {
    const repo = freshRepo();
    const t = target(MEDIUM, repo);
    await publish(MEDIUM, repo);
    let theirs = '';
    gh.beforeWrite = (route) => {
      if (route !== 'POST /graphql' || theirs) return;
      theirs = gh.commitFiles(repo, t.branch, { 'ops/theirs.md': 'pushed meanwhile\n' });
    };
    await expect(publish(MEDIUM, repo, { edit: (s) => s.replace('zones: 3', 'zones: 2') })).rejects.toThrow(/changed while publishing.*nothing was committed/s);
    expect(gh.head(repo, t.branch)).toBe(theirs);
    gh.beforeWrite = undefined;
    await publish(MEDIUM, repo, { edit: (s) => s.replace('zones: 3', 'zones: 2') });
    const h = gh.history(repo, t.branch);
    expect(h[1]!.sha).toBe(theirs);
    expect(gh.files(repo, t.branch)!['ops/theirs.md']).toBe('pushed meanwhile\n');
  });

  it('two publishes racing on one new branch: one wins, the other fails clearly and changes nothing', async () => {
    const repo = freshRepo();
    const t = target(MEDIUM, repo);
    const results = await Promise.allSettled([publish(MEDIUM, repo), publish(MEDIUM, repo, { edit: (s) => s.replace('zones: 3', 'zones: 2') })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String(lost[0]!.reason.message)).toMatch(/changed while publishing/);
    expect(gh.history(repo, t.branch)).toHaveLength(2);
    expect(gh.pulls(repo)).toHaveLength(1);
  });
});

describe('bad input and refusals', () => {
  it('a wrong token is 401 with the fix, never echoing the token', async () => {
    const repo = freshRepo();
    const err = await publishViaApi(fastClient(gh.apiUrl, 'ghp_wrongwrongwrong'), target(MEDIUM, repo), contentFor(MEDIUM)).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/401.*set GITHUB_TOKEN or GH_TOKEN/);
    expect((err as Error).message).not.toContain('ghp_wrongwrongwrong');
  });

  it('a missing repository and a missing base branch name the fix', async () => {
    await expect(publish(MEDIUM, 'acme/nope')).rejects.toThrow(/repository acme\/nope not found, or the token cannot see it: check --repo/);
    const repo = freshRepo();
    await expect(publishViaApi(fastClient(gh.apiUrl, TOKEN), { ...target(MEDIUM, repo), base: 'develop' }, contentFor(MEDIUM))).rejects.toThrow(/base branch develop does not exist.*default branch is main.*--base/);
  });

  it('a token without the Workflows permission: the commit is refused with the permission named, nothing written', async () => {
    const repo = freshRepo();
    const t = target(MEDIUM, repo);
    gh.addToken('ghp_noworkflows000000', { permissions: { workflows: 'none' } });
    await expect(publishViaApi(fastClient(gh.apiUrl, 'ghp_noworkflows000000'), t, contentFor(MEDIUM))).rejects.toThrow(/Workflows: write/);
    expect(gh.history(repo, t.branch)).toHaveLength(1); // the branch was created, nothing committed
    expect(gh.pulls(repo)).toEqual([]);
  });

  it('a token without Pull requests: write names the permission GitHub asked for', async () => {
    const repo = freshRepo();
    gh.addToken('ghp_nopulls0000000000', { permissions: { pull_requests: 'read' } });
    await expect(publishViaApi(fastClient(gh.apiUrl, 'ghp_nopulls0000000000'), target(MEDIUM, repo), contentFor(MEDIUM))).rejects.toThrow(/lacks the permission Pull requests: write/);
  });
});

describe('the double checks requests against GitHub', () => {
  it('records a REST body GitHub would refuse, and a GraphQL document its schema rejects', async () => {
    const repo = freshRepo();
    const h = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const r1 = await fetch(`${gh.apiUrl}/repos/${repo}/pulls`, { method: 'POST', headers: h, body: JSON.stringify({ title: 7, head: 'x', base: 'main' }) });
    expect(r1.status).toBe(422);
    const r2 = await fetch(`${gh.apiUrl}/graphql`, { method: 'POST', headers: h, body: JSON.stringify({ query: 'mutation { createCommitOnBranch(input: { expectedHeadOid: "x" }) { commit { oid } } }' }) });
    expect((await r2.json()).errors.length).toBeGreaterThan(0);
    const r3 = await fetch(`${gh.apiUrl}/repos/${repo}/no-such-thing`, { headers: h });
    expect(r3.status).toBe(404);
    expect(gh.violations).toHaveLength(3);
    expect(gh.violations[0]).toMatch(/\/title must be string/);
    expect(gh.violations[1]).toMatch(/CreateCommitOnBranchInput/);
    gh.violations.length = 0;
  });

  it('records GraphQL variables GitHub would refuse to coerce (a CreateCommitOnBranchInput missing its branch)', async () => {
    const h = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const query = 'mutation OpstaCommit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }';
    const bad = { input: { expectedHeadOid: 'a'.repeat(40), message: { headline: 'x' }, fileChanges: { additions: [{ path: 'a.txt' }] } } };
    const r = await fetch(`${gh.apiUrl}/graphql`, { method: 'POST', headers: h, body: JSON.stringify({ query, variables: bad }) });
    const answer = await r.json();
    expect(answer.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/Variable "\$input" got invalid value/);
    expect(gh.violations).toHaveLength(1);
    expect(gh.violations[0]).toMatch(/^POST \/graphql: Variable "\$input" got invalid value .*"branch" of required type "CommittableBranch!" was not provided.*"contents" of required type "Base64String!" was not provided/s);
    gh.violations.length = 0;
  });
});
