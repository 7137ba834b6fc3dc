// Publishing cost against the GitHub double (tests/support/github-double.ts): requests and bytes
// to publish the smallest and the largest example through Opsta's API path, beside the approach
// Backstage's publish:github:pull-request takes (octokit-plugin-create-pull-request with every
// file base64-encoded: one POST /git/blobs per file, N + 6 requests), run for real against the
// same double; and the writes of a re-publish of an unchanged plan (goal: 0).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlanText } from '../schemas/plan-yaml.ts';
import { samePlanKeeper } from '../generator/src/same-plan.ts';
import { generateRepository } from '../generator/src/generate.ts';
import { nodeGenerateOptions } from '../generator/src/node.ts';
import { defaultBranch, publishContent } from '../generator/src/publish/content.ts';
import { GitHubClient } from '../generator/src/publish/github.ts';
import { publishViaApi } from '../generator/src/publish/publish.ts';
import { GitHubDouble, type LoggedRequest } from '../tests/support/github-double.ts';

const TOKEN = 'bench-token-0000';
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const sum = (rs: LoggedRequest[]) => ({ n: rs.length, up: rs.reduce((a, r) => a + r.requestBytes, 0), down: rs.reduce((a, r) => a + r.responseBytes, 0) });

/** Backstage's sequence, as octokit-plugin-create-pull-request sends it for base64 files. */
async function backstageStyle(gh: GitHubDouble, repo: string, files: Record<string, string>, branch: string): Promise<void> {
  const h = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${gh.apiUrl}${path}`, { method, headers: h, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  await call('GET', `/repos/${repo}`);
  const [latest] = await call('GET', `/repos/${repo}/commits?per_page=1&sha=main`);
  const tree = [];
  for (const [path, text] of Object.entries(files)) {
    const b = await call('POST', `/repos/${repo}/git/blobs`, { content: Buffer.from(text).toString('base64'), encoding: 'base64' });
    tree.push({ path, mode: '100644', type: 'blob', sha: b.sha });
  }
  const t = await call('POST', `/repos/${repo}/git/trees`, { base_tree: latest.commit.tree.sha, tree });
  const c = await call('POST', `/repos/${repo}/git/commits`, { message: 'opsta', tree: t.sha, parents: [latest.sha] });
  await call('POST', `/repos/${repo}/git/refs`, { ref: `refs/heads/${branch}`, sha: c.sha });
  await call('POST', `/repos/${repo}/pulls`, { title: 'opsta', head: branch, base: 'main', body: 'opsta' });
}

export async function publishBench(): Promise<string[]> {
  const opts = nodeGenerateOptions();
  const plans = readdirSync('examples').filter((f) => f.endsWith('.plan.yaml')).map((f) => {
    const v = validatePlanText(readFileSync(join('examples', f), 'utf8'), opts.catalog);
    if (!v.ok) throw new Error(`${f} is invalid`);
    return { f, v, count: Object.keys(generateRepository(v.plan, v.resolved, opts)).length };
  });
  plans.sort((a, b) => a.count - b.count);
  const gh = await GitHubDouble.start();
  gh.addToken(TOKEN);
  const lines = ['Publish to GitHub (against the GitHub double; requests, bytes up / down):'];
  try {
    for (const { f, v, count } of [plans[0]!, plans[plans.length - 1]!]) {
      const content = publishContent({ plan: v.plan, resolved: v.resolved, opts, base: 'main', keepAsWritten: samePlanKeeper(v.plan, opts) });
      const repo = `bench/${f.replace(/\W/g, '-')}`;
      gh.createRepo(repo, { files: { 'NOTES.md': 'x\n' } });
      const [owner, name] = repo.split('/') as [string, string];
      const target = { owner, repo: name, base: 'main', branch: defaultBranch(v.resolved) };
      const client = new GitHubClient({ apiUrl: gh.apiUrl, token: TOKEN });
      gh.resetLog();
      await publishViaApi(client, target, content);
      const first = sum(gh.requests);
      const firstWrites = gh.writes().length;
      gh.resetLog();
      await publishViaApi(client, target, content);
      const again = sum(gh.requests);
      const writes = gh.writes().length;
      const bsRepo = `${repo}-backstage`;
      gh.createRepo(bsRepo, { files: { 'NOTES.md': 'x\n' } });
      gh.resetLog();
      await backstageStyle(gh, bsRepo, content.files, target.branch);
      const bs = sum(gh.requests);
      lines.push(
        `  ${f} (${count} files):`,
        `    Opsta (GraphQL createCommitOnBranch): ${first.n} requests, ${kib(first.up)} up / ${kib(first.down)} down (${first.n - firstWrites} reads, ${firstWrites} writes)`,
        `    Backstage-style (a blob per file):    ${bs.n} requests (N + 6 = ${count + 6}), ${kib(bs.up)} up / ${kib(bs.down)} down`,
        `    Unchanged re-publish: ${writes} writes (goal 0), ${again.n} requests, ${kib(again.up)} up / ${kib(again.down)} down`,
      );
      if (gh.violations.length) lines.push(`    double violations: ${gh.violations.join('; ')}`);
    }
  } finally {
    await gh.close();
  }
  return lines;
}
