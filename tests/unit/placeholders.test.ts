// Placeholder cloud account values (documentation account IDs, the all-zero GUID, made-up
// project names) and placeholder or example GitHub repositories (the OIDC subject the cloud
// roles trust) are refused with a message that says the format and where to find the real
// value; only a plan carrying the example marker comment may keep them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../generator/src/cli.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { accountMessage, ACCOUNT_FIELDS, githubMessage, githubPlaceholders, GITHUB_FIELDS, GITHUB_WHERE, placeholderFields, type AccountField, type PlanInput } from '../../schemas/plan.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { hasExamplePlaceholdersMarker, validatePlanText } from '../../schemas/plan-yaml.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { en, enData } from '../../site/src/i18n/en.ts';
import { ko, koData } from '../../site/src/i18n/ko.ts';

const opts = nodeGenerateOptions();
const { catalog } = opts;
const EXAMPLES = { aws: 'examples/aws-medium.plan.yaml', azure: 'examples/azure-medium.plan.yaml', gcp: 'examples/gcp-medium.plan.yaml' } as const;
const ALL_EXAMPLES = ['aws-medium', 'aws-large-all', 'aws-small-rke2', 'azure-medium', 'gcp-medium'];
const MARKER_LINE = /^# opsta: example-placeholders\n/m;
/** A repository that is not a placeholder, for tests of one other field. */
const OWN_REPO = { owner: 'hanbit-platform-team', repo: 'seoul-infra' };

/** Plan text with the GitHub owner and repository set (quoted, as YAML strings). */
function withRepo(text: string, owner: string, repo: string): string {
  const o = /^(\s+owner: ).*$/m;
  const r = /^(\s+repo: ).*$/m;
  expect(o.test(text) && r.test(text), 'the plan has github.owner and github.repo').toBe(true);
  return text.replace(o, `$1"${owner}"`).replace(r, `$1"${repo}"`);
}

/** Account values that are no placeholder (the examples' own are all placeholders). */
const OWN_ACCOUNTS: Record<string, string> = {
  accountId: '482916037251',
  subscriptionId: '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a36',
  tenantId: '7c1e5a2b-9d4f-4b8a-8e3c-6f0d2a9b5c17',
  projectId: 'acme-platform-prod',
};

function setField(text: string, field: string, value: string): string {
  const re = new RegExp(`^(\\s+${field}: ).*$`, 'm');
  expect(re.test(text), `the plan has ${field}`).toBe(true);
  return text.replace(re, `$1"${value}"`);
}

/**
 * An example plan's text with one account field set to `value`; without `keepMarker`, the marker
 * removed and every other account field and the repository made the user's own.
 */
function planWith(cloud: keyof typeof EXAMPLES, field: string, value: string, keepMarker = false): string {
  let text = readFileSync(EXAMPLES[cloud], 'utf8');
  if (!keepMarker) {
    text = withRepo(text.replace(MARKER_LINE, ''), OWN_REPO.owner, OWN_REPO.repo);
    for (const f of catalog.clouds[cloud]!.accountFields) text = setField(text, f, OWN_ACCOUNTS[f]!);
  }
  return setField(text, field, value);
}

const problems = (text: string) => {
  const v = validatePlanText(text, catalog);
  return v.ok ? [] : v.problems;
};

describe('placeholder account values', () => {
  const cases: [keyof typeof EXAMPLES, keyof typeof ACCOUNT_FIELDS, string][] = [
    ['aws', 'accountId', '123456789012'],
    ['aws', 'accountId', '111122223333'],
    ['aws', 'accountId', '000000000000'],
    ['azure', 'subscriptionId', '00000000-0000-0000-0000-000000000000'],
    ['azure', 'tenantId', '00000000-0000-0000-0000-000000000000'],
    ['azure', 'tenantId', '12345678-1234-1234-1234-123456789012'],
    ['gcp', 'projectId', 'my-project'],
    ['gcp', 'projectId', 'your-project-id'],
  ];
  it.each(cases)('%s %s %s is refused with the format and where to find the value', (cloud, field, value) => {
    const found = problems(planWith(cloud, field, value));
    expect(found).toEqual([{ path: `cloud.${cloud}.${field}`, message: accountMessage(field, 'placeholder') }]);
    expect(found[0]!.message).toContain(ACCOUNT_FIELDS[field].where);
    expect(found[0]!.message).toContain(ACCOUNT_FIELDS[field].format);
  });

  it('real-looking values pass (the rule names placeholders, not every number)', () => {
    expect(problems(planWith('aws', 'accountId', '482916037251'))).toEqual([]);
    expect(problems(planWith('azure', 'tenantId', '7c1e5a2b-9d4f-4b8a-8e3c-6f0d2a9b5c17'))).toEqual([]);
    expect(problems(planWith('gcp', 'projectId', 'acme-platform-prod'))).toEqual([]);
  });

  it('the same message from the object validator the planner uses', () => {
    const v = validatePlanText(readFileSync(EXAMPLES.aws, 'utf8'), catalog);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const plan = structuredClone(v.plan) as unknown as { cloud: { aws: { accountId: string } }; github: { owner: string; repo: string } };
    plan.cloud.aws.accountId = '123456789012';
    plan.github = { ...plan.github, ...OWN_REPO };
    const r = validatePlan(plan, catalog);
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'cloud.aws.accountId', message: accountMessage('accountId', 'placeholder') }]);
    expect(validatePlan(plan, catalog, undefined, { allowPlaceholders: true }).ok).toBe(true);
  });

  it('empty, absent and malformed values say "missing" or the format, with where to find the value', () => {
    expect(problems(planWith('aws', 'accountId', ''))).toEqual([{ path: 'cloud.aws.accountId', message: accountMessage('accountId', 'missing') }]);
    expect(problems(planWith('aws', 'accountId', '12345'))).toEqual([{ path: 'cloud.aws.accountId', message: accountMessage('accountId', 'format') }]);
    const absent = readFileSync(EXAMPLES.gcp, 'utf8').replace(/^(\s+)gcp:\n\s+projectId: .*\n/m, '$1gcp: {}\n');
    expect(problems(absent)).toEqual([{ path: 'cloud.gcp.projectId', message: accountMessage('projectId', 'missing') }]);
    expect(accountMessage('projectId', 'missing')).toMatch(/^is missing: enter a GCP project ID .*gcloud config get-value project/);
  });
});

describe('the example marker', () => {
  it('lets a plan keep placeholders, only in its leading comment block', () => {
    expect(problems(planWith('aws', 'accountId', '123456789012', true))).toEqual([]);
    const text = planWith('aws', 'accountId', '123456789012');
    expect(hasExamplePlaceholdersMarker(text)).toBe(false);
    expect(hasExamplePlaceholdersMarker(`# opsta: example-placeholders\n${text}`)).toBe(true);
    expect(hasExamplePlaceholdersMarker(`\uFEFF# a comment\n\n#opsta:  example-placeholders\n${text}`)).toBe(true);
    // After the first YAML line it is no marker (it could sit inside a multi-line string).
    expect(hasExamplePlaceholdersMarker(`apiVersion: opsta.dev/v1\n# opsta: example-placeholders\n`)).toBe(false);
    expect(problems(text.replace('kind: Plan\n', 'kind: Plan\n# opsta: example-placeholders\n'))).toHaveLength(1);
    // Near misses are not the marker.
    expect(hasExamplePlaceholdersMarker('# opsta: example-placeholders please\nkind: Plan\n')).toBe(false);
  });

  it('every example carries the marker in its header and validates', () => {
    for (const f of ALL_EXAMPLES) {
      const text = readFileSync(`examples/${f}.plan.yaml`, 'utf8');
      expect(hasExamplePlaceholdersMarker(text), f).toBe(true);
      expect(problems(text), f).toEqual([]);
    }
  });

  it('is what makes the examples valid: without it every account field and the repository are refused', () => {
    for (const f of ALL_EXAMPLES) {
      const text = readFileSync(`examples/${f}.plan.yaml`, 'utf8');
      const plan = validatePlanText(text, catalog);
      if (!plan.ok) throw new Error(f);
      const cloud = plan.plan.cloud.provider;
      const fields = catalog.clouds[cloud]!.accountFields as AccountField[];
      const found = problems(text.replace(MARKER_LINE, ''));
      const accounts = found.filter((p) => p.path.startsWith('cloud.'));
      expect(accounts, f).toEqual(fields.map((field) => ({ path: `cloud.${cloud}.${field}`, message: accountMessage(field, 'placeholder') })));
      // And the repository: the cloud roles would trust an example's workflows.
      const github = found.filter((p) => p.path.startsWith('github.'));
      expect(github.length, `${f}: its repository is refused too`).toBeGreaterThan(0);
      expect(found, f).toEqual([...accounts, ...github]);
    }
  });
});

describe('the plan a generated repository carries', () => {
  const generated = (text: string) => {
    const v = validatePlanText(text, catalog);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    return generateRepository(v.plan, v.resolved, opts)['opsta.plan.yaml']!;
  };

  it("keeps the marker when the plan holds placeholders, naming them, so the repository's own plan validates as the example did", () => {
    for (const f of ALL_EXAMPLES) {
      const text = generated(readFileSync(`examples/${f}.plan.yaml`, 'utf8'));
      expect(hasExamplePlaceholdersMarker(text), f).toBe(true);
      expect(text, f).toMatch(/^# (cloud\.\w+\.\w+, )+github\.owner hold placeholder values: replace them with your own and delete the line above\.$/m);
      expect(problems(text), f).toEqual([]);
      // and without the marker it is refused, as the example is
      expect(problems(text.replace(MARKER_LINE, '')).length, f).toBeGreaterThan(0);
    }
  });

  it('has no marker when the plan holds none of them', () => {
    let text = withRepo(readFileSync(EXAMPLES.azure, 'utf8').replace(MARKER_LINE, ''), OWN_REPO.owner, OWN_REPO.repo);
    for (const f of catalog.clouds.azure!.accountFields) text = setField(text, f, OWN_ACCOUNTS[f]!);
    const out = generated(text);
    expect(hasExamplePlaceholdersMarker(out)).toBe(false);
    expect(out).not.toMatch(/placeholder/);
    expect(problems(out)).toEqual([]);
  });

  it('placeholderFields names exactly the fields holding a placeholder or an example value', () => {
    const plan = { cloud: { provider: 'azure', region: 'koreacentral', azure: { subscriptionId: '00000000-0000-0000-0000-000000000000', tenantId: OWN_ACCOUNTS.tenantId } }, github: { owner: 'acme', repo: 'acme-platform' } };
    expect(placeholderFields(plan as unknown as PlanInput)).toEqual(['cloud.azure.subscriptionId', 'github.owner']);
    expect(placeholderFields({ ...plan, github: OWN_REPO, cloud: { ...plan.cloud, azure: { subscriptionId: OWN_ACCOUNTS.subscriptionId, tenantId: OWN_ACCOUNTS.tenantId } } } as unknown as PlanInput)).toEqual([]);
  });
});

describe('the GitHub repository', () => {
  const aws = () => setField(readFileSync(EXAMPLES.aws, 'utf8').replace(MARKER_LINE, ''), 'accountId', OWN_ACCOUNTS.accountId!);
  const repoProblems = (owner: string, repo: string) => problems(withRepo(aws(), owner, repo));

  it('a real one passes, including an owner that is only placeholder-like in part', () => {
    expect(repoProblems(OWN_REPO.owner, OWN_REPO.repo)).toEqual([]);
    expect(repoProblems('acme', 'other-platform')).toEqual([]);
    expect(repoProblems('myorganization-labs', 'repository-tools')).toEqual([]);
  });

  it.each([
    ['acme', 'acme-platform'],
    ['ACME', 'Acme-Platform'],
    ['globex', 'globex-platform'],
  ])('the examples\' repository %s/%s is refused on github.owner, naming both fields and the fix', (owner, repo) => {
    expect(repoProblems(owner, repo)).toEqual([{ path: 'github.owner', message: githubMessage('owner', 'example') }]);
    expect(githubMessage('owner', 'example')).toMatch(/github\.repo.*not yours: the cloud roles trust the workflows .* so enter the GitHub user or organization/);
  });

  it.each([
    ['my-org', 'my-repo', ['owner', 'repo']],
    ['owner', 'repo', ['owner', 'repo']],
    ['your-org', 'platform', ['owner']],
    ['Your-Company', 'infra', ['owner']],
    ['example-org', 'lab-platform', ['owner']],
    ['octo-org', 'octo-repo', ['owner', 'repo']],
    ['hanbit', 'your-repo', ['repo']],
    ['hanbit', 'repository', ['repo']],
  ] as const)('the placeholder %s/%s is refused on each placeholder field', (owner, repo, fields) => {
    expect(repoProblems(owner, repo)).toEqual(fields.map((f) => ({ path: `github.${f}`, message: githubMessage(f, 'placeholder') })));
    expect(githubPlaceholders(owner, repo).map((p) => p.field)).toEqual(fields);
  });

  it('empty or absent is "missing", with the format and where to find it', () => {
    expect(repoProblems('', '')).toEqual([
      { path: 'github.owner', message: githubMessage('owner', 'missing') },
      { path: 'github.repo', message: githubMessage('repo', 'missing') },
    ]);
    const absent = aws().replace(/^(\s+)owner: .*\n/m, '');
    expect(problems(absent)).toEqual([{ path: 'github.owner', message: githubMessage('owner', 'missing') }]);
    for (const f of ['owner', 'repo'] as const) {
      expect(githubMessage(f, 'missing')).toBe(`is missing: enter ${GITHUB_FIELDS[f].format}; find it in ${GITHUB_WHERE}`);
      expect(githubMessage(f, 'placeholder')).toContain(GITHUB_WHERE);
    }
    // A malformed one keeps its format message.
    expect(repoProblems('bad owner', 'x')).toEqual([{ path: 'github.owner', message: 'must be a GitHub user or organization name' }]);
  });

  it('the marker lets a plan keep a placeholder repository', () => {
    const marked = `# opsta: example-placeholders\n${aws()}`;
    expect(problems(withRepo(marked, 'my-org', 'my-repo'))).toEqual([]);
    expect(problems(withRepo(marked, 'acme', 'acme-platform'))).toEqual([]);
  });

  it('opsta validate refuses it: exit 1, the field and the fix on standard error', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'opsta-placeholders-')), 'plan.yaml');
    let out = '';
    let err = '';
    const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
    writeFileSync(file, withRepo(aws(), 'acme', 'acme-platform'));
    expect(await main(['validate', file], io)).toBe(1);
    expect(err).toContain(`github.owner: ${githubMessage('owner', 'example')}`);
    expect(out).toBe('');
    writeFileSync(file, readFileSync(EXAMPLES.aws, 'utf8').replace(MARKER_LINE, ''));
    err = '';
    expect(await main(['validate', file], io)).toBe(1);
    expect(err).toContain(`cloud.aws.accountId: ${accountMessage('accountId', 'placeholder')}`);
    expect(err).toContain(`github.owner: ${githubMessage('owner', 'example')}`);
    writeFileSync(file, withRepo(aws(), OWN_REPO.owner, OWN_REPO.repo));
    expect(await main(['validate', file], io)).toBe(0);
  });

  it('the planner has the hint in both languages, and Korean for every message', () => {
    // The English hint is the schema's own text, so the planner and opsta validate agree.
    expect(en['github.owner.format']).toBe(GITHUB_FIELDS.owner.format);
    expect(en['github.repo.format']).toBe(GITHUB_FIELDS.repo.format);
    expect(en['github.where']).toBe(GITHUB_WHERE);
    expect(enData.problemTexts).toEqual({});
    const kinds = [['owner', 'missing'], ['owner', 'placeholder'], ['owner', 'example'], ['repo', 'missing'], ['repo', 'placeholder']] as const;
    for (const [f, kind] of kinds) {
      const text = koData.problemTexts[githubMessage(f, kind)];
      expect(text, `${f} ${kind}`).toBeDefined();
      // The command stays as written; the Korean format is the planner's Korean hint.
      expect(text, `${f} ${kind}`).toContain('`gh repo view --json nameWithOwner --jq .nameWithOwner`');
      expect(text, `${f} ${kind}`).toContain(ko[`github.${f}.format`]);
    }
  });
});
