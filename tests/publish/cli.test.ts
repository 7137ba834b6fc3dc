// opsta publish / setup-repo in process (main()), against the GitHub double; and the PR body's limits.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/src/cli.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { planGraph, stagesFor } from '../../generator/src/graph.ts';
import { BODY_LIMIT, pullRequestBody } from '../../generator/src/publish/pr-body.ts';
import { BASE_PROTECTION, pipelineVariables } from '../../generator/src/publish/setup-repo.ts';
import { PUBLISH_TOKEN_PERMISSIONS, SETUP_TOKEN_PERMISSIONS } from '../../generator/src/cli-publish.ts';
import { enPublish } from '../../site/src/i18n/publish-en.ts';
import { koPublish } from '../../site/src/i18n/publish-ko.ts';
import { requestBodyProblems } from '../support/github-openapi.ts';
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
    expect(r.stderr).toMatch(/no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\).*Contents, Pull requests and Workflows: write \(setup-repo also needs Administration, Environments and Variables: write\)/);
  });

  it.each([['en', enPublish], ['ko', koPublish]] as const)('the planner (%s) names the same token permissions as the CLI', (_lang, m) => {
    for (const p of PUBLISH_TOKEN_PERMISSIONS) expect(m['publish.tokenPermissions']).toContain(`\`${p}\``);
    for (const p of SETUP_TOKEN_PERMISSIONS) expect(m['publish.tokenSetup']).toContain(`\`${p}\``);
    expect(m['publish.tokenSetup'].match(/`[^`]+`/g)).toHaveLength(SETUP_TOKEN_PERMISSIONS.length);
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
    gh.protectBranch('acme/acme-platform', 'main');
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/already set: branch main is protected/);
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

  const OUTPUTS = { plan_role_arn: { value: 'arn:aws:iam::482916037251:role/plan', type: 'string', sensitive: false }, apply_role_arn: { value: 'arn:aws:iam::482916037251:role/apply', type: 'string', sensitive: false }, drift_role_arn: { value: 'arn:aws:iam::482916037251:role/drift', type: 'string', sensitive: false } };
  const outputsFile = () => {
    const f = join(mkdtempSync(join(tmpdir(), 'opsta-out-')), 'outputs.json');
    writeFileSync(f, JSON.stringify(OUTPUTS));
    return f;
  };

  it('a base branch without protection: prints the step that lets it deploy, does the rest, exit 1; once protected, exit 0', async () => {
    gh.createRepo('acme/acme-platform', { files: { 'NOTES.md': 'x\n' } });
    const outputs = outputsFile();
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputs]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/an administrator of acme\/acme-platform must:\n {2}1\. Protect the branch main \(Settings → Branches → Add branch protection rule, branch name pattern main\): the environment prod lets only protected branches deploy, and main has no protection rule, so no workflow run on main may deploy to prod until it has one\. Or run: gh api -X PUT repos\/acme\/acme-platform\/branches\/main\/protection --input - <<'EOF'\n/);
    const body = /--input - <<'EOF'\n(.*)\nEOF/.exec(r.stdout)![1]!;
    expect(JSON.parse(body)).toEqual(BASE_PROTECTION);
    expect(requestBodyProblems('PUT', '/repos/{owner}/{repo}/branches/{branch}/protection', JSON.parse(body))).toEqual([]);
    expect(r.stdout.match(/^ {2}\d+\. /gm)).toHaveLength(1);
    // The rest is done.
    expect(gh.environment('acme/acme-platform', 'prod')).toMatchObject({ deployment_branch_policy: { protected_branches: true, custom_branch_policies: false } });
    expect(gh.variables('acme/acme-platform', 'prod')).toEqual({ AWS_APPLY_ROLE_ARN: OUTPUTS.apply_role_arn.value });
    expect(Object.keys(gh.variables('acme/acme-platform'))).toHaveLength(2);
    gh.protectBranch('acme/acme-platform', 'main');
    gh.resetLog();
    const again = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputs]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already set: branch main is protected/);
    expect(gh.writes()).toEqual([]);
    expect(gh.violations).toEqual([]);
  });

  it('without Variables write, with --bootstrap-outputs: the exact commands for the repository variables, the environment and its variable done, exit 1', async () => {
    gh.createRepo('acme/acme-platform', { files: { 'NOTES.md': 'x\n' } });
    gh.protectBranch('acme/acme-platform', 'main');
    gh.addToken('ghp_novariables0000000', { permissions: { variables: 'none' } });
    const r = await cli(['setup-repo', PLAN, '--repo', 'acme/acme-platform', '--api-url', gh.apiUrl, '--bootstrap-outputs', outputsFile()], { GITHUB_TOKEN: 'ghp_novariables0000000' });
    expect(r.code).toBe(1);
    for (const [name, out] of [['AWS_PLAN_ROLE_ARN', 'plan_role_arn'], ['AWS_DRIFT_ROLE_ARN', 'drift_role_arn']] as const) {
      const value = OUTPUTS[out].value;
      expect(r.stdout).toContain(`Set the repository variable ${name} to ${value} (Settings → Secrets and variables → Actions → Variables; the token lacks Variables: write). Or run: gh variable set ${name} --repo acme/acme-platform --body '${value}'`);
    }
    expect(r.stdout.match(/^ {2}\d+\. /gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/set: environment prod: required reviewers alice/);
    expect(r.stdout).toMatch(/set: environment prod variable AWS_APPLY_ROLE_ARN = arn:aws:iam::482916037251:role\/apply/);
    expect(gh.environment('acme/acme-platform', 'prod')).toMatchObject({ reviewers: [{ type: 'User', id: 4242 }] });
    expect(gh.variables('acme/acme-platform', 'prod')).toEqual({ AWS_APPLY_ROLE_ARN: OUTPUTS.apply_role_arn.value });
    expect(gh.variables('acme/acme-platform')).toEqual({});
    expect(r.stdout + r.stderr).not.toContain('ghp_novariables0000000');
    expect(gh.violations).toEqual([]);
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

  // The sections that must survive whole, cut out of a body: from a heading to the next section.
  const section = (body: string, heading: string) => {
    const at = body.indexOf(heading);
    expect(at, heading).toBeGreaterThanOrEqual(0);
    const rest = body.slice(at + heading.length);
    const end = rest.search(/\n\n(### |---\n)/);
    return heading + (end < 0 ? rest : rest.slice(0, end));
  };
  const stages = stagesFor(v.resolved);
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `${stages[i % stages.length]!.dir}/f${i}.tf`, change: 'added' as const }));
  const whole = (input: Parameters<typeof pullRequestBody>[0]) => {
    const small = pullRequestBody({ ...input, files: [] });
    return { cost: section(small, '### Monthly cost'), checklist: section(small, '### Before you merge') };
  };

  it('with 20,000 files across every stage: the graph, every stage heading, the cost and the checklist stay; only file lines are cut', () => {
    const input = { ...base, files: many(20_000), baseCost: cost };
    const body = pullRequestBody(input);
    const want = whole(input);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body.length).toBeGreaterThan(BODY_LIMIT - 2_000); // the room is used, not given away
    expect(body).toContain(`\`\`\`mermaid\n${base.graph.trimEnd()}\n\`\`\``);
    expect(section(body, '### Monthly cost')).toBe(want.cost);
    expect(section(body, '### Before you merge')).toBe(want.checklist);
    const listed = section(body, '### Files changed (20000)');
    for (const s of stages) {
      const heading = `**${s.id} ${s.title}**`;
      expect(listed, heading).toContain(`\n\n${heading}\n`);
      const own = listed.split(`${heading}\n`)[1]!.split('\n\n')[0]!;
      expect(own, s.id).toMatch(new RegExp(`^\\n- \`${s.dir}/f\\d+\\.tf\` added`));
      expect(own, s.id).toMatch(/\n- … and \d+ more$/);
    }
    const shown = listed.match(/^- `[^`]+` added$/gm)!.length;
    const perStage = [...listed.matchAll(/^- … and (\d+) more$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(shown + perStage).toBe(20_000);
    expect(listed).toContain(`… and ${20_000 - shown} more files (see the Files changed tab).`);
    expect(body.endsWith('</sub>')).toBe(true);
  });

  it('a graph too large to fit goes too: the cost and the checklist stay whole, under the limit', () => {
    const input = { ...base, graph: `flowchart LR\n${Array.from({ length: 4_000 }, (_, i) => `  n${i}["a node with a long label ${i}"]`).join('\n')}`, files: many(5_000), baseCost: cost };
    expect(input.graph.length).toBeGreaterThan(BODY_LIMIT);
    const body = pullRequestBody(input);
    const want = whole({ ...input, graph: base.graph });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).not.toContain('```mermaid');
    expect(body).toContain('### Dependency graph\n\nToo large to show here: run `opsta graph opsta.plan.yaml`.');
    expect(section(body, '### Monthly cost')).toBe(want.cost);
    expect(section(body, '### Before you merge')).toBe(want.checklist);
    expect(body).toMatch(/### Files changed \(5000\)/);
    expect(body.indexOf('### Files changed')).toBeGreaterThan(body.indexOf('### Before you merge'));
  });

  it('beyond every bound (a huge description, graph and file list, long conflicts): the summary is cut last, never the cost or the checklist', () => {
    const conflicts = Array.from({ length: 40 }, (_, i) => `stacks/20-cluster/${'d'.repeat(5_000)}${i}.tf`);
    const huge = { ...v.resolved, description: 'word '.repeat(30_000) };
    const input = { ...base, plan: huge, graph: 'x'.repeat(70_000), files: many(20_000), conflicts, baseCost: cost };
    const body = pullRequestBody(input);
    const want = whole(input);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(want.checklist.length).toBeLessThan(6_000); // twenty conflicts shown, each path capped
    expect(want.checklist).toContain('… 20 more');
    expect(section(body, '### Monthly cost')).toBe(want.cost);
    expect(section(body, '### Before you merge')).toBe(want.checklist);
    expect(body).toContain("… (the summary is cut at GitHub's size limit)");
    expect(body.startsWith(`## ${v.resolved.name}\n\nword word`)).toBe(true);
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
