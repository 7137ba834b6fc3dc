// Placeholder cloud account values (documentation account IDs, the all-zero GUID, made-up
// project names) are refused with a message that says the format and where to find the real
// value; only a plan carrying the example marker comment may keep them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { accountMessage, ACCOUNT_FIELDS } from '../../schemas/plan.ts';
import { hasExamplePlaceholdersMarker, validatePlanText } from '../../schemas/plan-yaml.ts';
import { validatePlan } from '../../schemas/validate.ts';

const { catalog } = nodeGenerateOptions();
const EXAMPLES = { aws: 'examples/aws-medium.plan.yaml', azure: 'examples/azure-medium.plan.yaml', gcp: 'examples/gcp-medium.plan.yaml' } as const;
const MARKER_LINE = /^# opsta: example-placeholders\n/m;

/** An example plan's text with its marker removed and one account field set to `value`. */
function planWith(cloud: keyof typeof EXAMPLES, field: string, value: string, keepMarker = false): string {
  let text = readFileSync(EXAMPLES[cloud], 'utf8');
  if (!keepMarker) text = text.replace(MARKER_LINE, '');
  const re = new RegExp(`^(\\s+${field}: ).*$`, 'm');
  expect(re.test(text), `${EXAMPLES[cloud]} has ${field}`).toBe(true);
  return text.replace(re, `$1"${value}"`);
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
    const plan = structuredClone(v.plan) as unknown as { cloud: { aws: { accountId: string } } };
    plan.cloud.aws.accountId = '123456789012';
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
    for (const f of ['aws-medium', 'aws-large-all', 'aws-small-rke2', 'azure-medium', 'gcp-medium']) {
      const text = readFileSync(`examples/${f}.plan.yaml`, 'utf8');
      expect(hasExamplePlaceholdersMarker(text), f).toBe(true);
      expect(problems(text), f).toEqual([]);
    }
  });
});
