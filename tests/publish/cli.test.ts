// opsta publish / setup-repo in process (main()), against the GitHub double; and the PR body's limits.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/src/cli.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { planGraph } from '../../generator/src/graph.ts';
import { BODY_LIMIT, pullRequestBody } from '../../generator/src/publish/pr-body.ts';
import { pipelineVariables } from '../../generator/src/publish/setup-repo.ts';
import { exampleNames, generatedExample } from '../generated/examples.ts';
import { GitHubDouble } from '../support/github-double.ts';
import { loadPlan, opts } from './helpers.ts';

const PLAN = 'examples/aws-medium.plan.yaml';
const TOKEN = 'ghp_cliTOKEN0123456789abcdef';
let gh: GitHubDouble;
beforeAll(async () => {
  gh = await GitHubDouble.start();
  gh.addToken(TOKEN);
  gh.addUser('alice', 4242);
});
afterAll(async () => gh?.close());

async function cli(args: string[], env: Record<string, string> = { GITHUB_TOKEN: TOKEN }) {
  const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN };
  process.env.GITHUB_TOKEN = env.GITHUB_TOKEN ?? '';
  process.env.GH_TOKEN = env.GH_TOKEN ?? '';
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stdout, stderr };
  } finally {
    process.env.GITHUB_TOKEN = saved.GITHUB_TOKEN ?? '';
    process.env.GH_TOKEN = saved.GH_TOKEN ?? '';
  }
}

describe('opsta publish: bad input exits 2 with the fix', () => {
  const api = () => ['--api-url', gh.apiUrl];
  it.each([
    [['--repo', 'not-a-repo'], /--repo must be owner\/name/],
    [['--repo', 'acme/other'], /is not the plan's repository acme\/acme-platform/],
    [['--repo', 'acme/acme-platform', '--via', 'ftp'], /--via must be api or git/],
    [['--repo', 'acme/acme-platform', '--branch', 'a..b'], /--branch is not a valid branch name/],
    [['--repo', 'acme/acme-platform', '--api-url', 'http://example.com'], /must use https/],
    [[], /missing --repo/],
  ])('%j', async (extra, msg) => {
    const r = await cli(['publish', PLAN, ...(extra.includes('--api-url') ? [] : api()), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('no token: names GITHUB_TOKEN / GH_TOKEN and the permissions', async () => {
    gh.createRepo('acme/acme-platform', { files: { 'NOTES.md': 'x\n' } });
    const r = await cli(['publish', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\).*Contents, Pull requests and Workflows: write/);
  });

  it('GH_TOKEN works too; the token never reaches stdout or stderr; a rerun writes nothing', async () => {
    const r = await cli(['publish', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl], { GH_TOKEN: TOKEN });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pull request #1 opened/);
    gh.resetLog();
    const again = await cli(['publish', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl]);
    expect(again.stdout).toMatch(/is up to date/);
    expect(gh.writes()).toEqual([]);
    expect(r.stdout + r.stderr + again.stdout + again.stderr).not.toContain(TOKEN);
    expect(gh.violations).toEqual([]);
  });

  it('an invalid plan publishes nothing (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-bad-'));
    writeFileSync(join(dir, 'p.yaml'), 'apiVersion: opsta.dev/v1\nkind: Plan\n');
    gh.resetLog();
    const r = await cli(['publish', join(dir, 'p.yaml'), '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl]);
    expect(r.code).toBe(1);
    expect(gh.requests).toEqual([]);
  });
});

describe('opsta setup-repo', () => {
  it('creates the environment with reviewers by ID and sets the variables from terraform output -json; a rerun writes nothing', async () => {
    gh.createRepo('acme/acme-platform', { files: { 'NOTES.md': 'x\n' } });
    const dir = mkdtempSync(join(tmpdir(), 'opsta-out-'));
    const outputs = join(dir, 'outputs.json');
    writeFileSync(outputs, JSON.stringify({ plan_role_arn: { value: 'arn:aws:iam::482916037251:role/plan', type: 'string', sensitive: false }, apply_role_arn: { value: 'arn:aws:iam::482916037251:role/apply', type: 'string', sensitive: false }, drift_role_arn: { value: 'arn:aws:iam::482916037251:role/drift', type: 'string', sensitive: false } }));
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(gh.environment('acme/acme-platform', 'prod')).toMatchObject({ reviewers: [{ type: 'User', id: 4242 }], deployment_branch_policy: { protected_branches: true, custom_branch_policies: false } });
    // drift.yml runs in no environment: its role ARN is a repository variable, the apply role's stays in the environment.
    expect(gh.variables('acme/acme-platform')).toEqual({ AWS_PLAN_ROLE_ARN: 'arn:aws:iam::482916037251:role/plan', AWS_DRIFT_ROLE_ARN: 'arn:aws:iam::482916037251:role/drift' });
    expect(gh.variables('acme/acme-platform', 'prod')).toEqual({ AWS_APPLY_ROLE_ARN: 'arn:aws:iam::482916037251:role/apply' });
    gh.resetLog();
    expect((await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputs])).code).toBe(0);
    expect(gh.writes()).toEqual([]);
    expect(gh.violations).toEqual([]);
  });

  it('without Administration rights: prints the exact steps for an administrator, does the rest, exit 1', async () => {
    gh.createRepo('acme/acme-platform', { files: { 'NOTES.md': 'x\n' } });
    gh.addToken('ghp_noadmin00000000000', { permissions: { administration: 'none' } });
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl], { GITHUB_TOKEN: 'ghp_noadmin00000000000' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/an administrator of acme\/acme-platform must:\n {2}1\. Create or update the environment "prod".*required reviewers alice.*protected branches only.*gh api -X PUT repos\/acme\/acme-platform\/environments\/prod/s);
    expect(r.stdout).toMatch(/not set yet: AWS_PLAN_ROLE_ARN/);
  });

  it('a bootstrap output file that is not terraform output -json is refused before any write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-out-'));
    writeFileSync(join(dir, 'o.json'), '{"plan_role_arn": {"value": "x"}}');
    gh.resetLog();
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', join(dir, 'o.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no "apply_role_arn".*terraform -chdir=bootstrap output -json/);
    expect(gh.writes()).toEqual([]);
  });
});

describe.each(exampleNames())('setup-repo variables of examples/%s.plan.yaml', (name) => {
  it('each names a bootstrap output; the drift identity is a repository variable, the apply identity an environment one', () => {
    const vars = pipelineVariables(loadPlan(`examples/${name}.plan.yaml`).resolved);
    const outputs = generatedExample(name)['bootstrap/outputs.tf']!;
    for (const v of vars) expect(outputs, `${v.name} from bootstrap output ${v.output}`).toMatch(new RegExp(`^output "${v.output}" \\{`, 'm'));
    const drift = vars.filter((v) => v.name.includes('_DRIFT_'));
    expect(drift.length).toBeGreaterThan(0);
    for (const v of drift) expect(v.scope, v.name).toBe('repository');
    for (const v of vars.filter((x) => x.name.includes('_APPLY_'))) expect(v.scope, v.name).toBe('environment');
  });
});

describe('pull request body', () => {
  const v = loadPlan('examples/aws-large-all.plan.yaml');
  const cost = estimateCost(v.resolved, opts.catalog);
  const base = { plan: v.resolved, catalog: opts.catalog, cost, graph: planGraph(v.resolved, opts.catalog), conflicts: [], planSha256: 'ab'.repeat(32), generatorVersion: '0.1.0', base: 'main' };

  it('stays under 65,536 characters with 20,000 files: the file list is cut, never the cost or the checklist', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => ({ path: `stacks/20-cluster/f${i}.tf`, change: 'added' as const }));
    const body = pullRequestBody({ ...base, files, baseCost: cost });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('### Monthly cost');
    expect(body).toContain('| **Total** |');
    expect(body).toContain('### Before you merge');
    expect(body).toMatch(/… and \d+ more files \(see the Files changed tab\)/);
    expect(body).toContain('sha256 `abab');
  });

  it('escapes plan strings: no mention, no HTML, no cross-link', () => {
    const evil = { ...v.resolved, description: '@everyone <img src=x onerror=alert(1)> see #12 **bold**' };
    const body = pullRequestBody({ ...base, plan: evil, files: [] });
    expect(body).not.toContain('@everyone');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/#12\b/);
    expect(body).toContain('&lt;img');
  });

  it('shows the cost change per component against the base plan', () => {
    const smaller = loadPlan('examples/aws-large-all.plan.yaml', (s) => s.replace('harbor: { enabled: true }', 'harbor: { enabled: false }'));
    const body = pullRequestBody({ ...base, baseCost: estimateCost(smaller.resolved, opts.catalog), files: [] });
    expect(body).toMatch(/\| Harbor \| — \| \$[\d,.]+ \| \+\$[\d,.]+ \|/);
  });
});
