// The cloud accounts and GitHub repository the browser tests and the bench type in, and an example
// plan made the user's own with them: plain data and text, no test runner (bench/site.ts uses it too).
import type { CloudId } from '../../schemas/blueprint.ts';

/** Account values the tests type in (a new plan starts with them empty); not placeholders the schema refuses. */
export const TEST_ACCOUNTS: Record<CloudId, Record<string, string>> = {
  aws: { accountId: '482916037251' },
  azure: { subscriptionId: '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a36', tenantId: '7c1e5a2b-9d4f-4b8a-8e3c-6f0d2a9b5c17' },
  gcp: { projectId: 'acme-platform-prod' },
};

/** The GitHub repository the tests type in (a new plan starts with it empty); no placeholder the schema refuses. */
export const TEST_REPOSITORY = { owner: 'hanbit-platform-team', repo: 'seoul-infra' };

/**
 * An example plan's text as a user's own: the example marker removed, the cloud account fields
 * and the GitHub repository set to TEST_ACCOUNTS / TEST_REPOSITORY (the examples hold placeholders).
 */
export function asOwnPlan(text: string, cloud: CloudId): string {
  let out = text.replace(/^# opsta: example-placeholders\n/m, '');
  const set = (key: string, value: string) => {
    const re = new RegExp(`^(\\s+${key}: ).*$`, 'm');
    if (!re.test(out)) throw new Error(`the plan has no ${key}`);
    out = out.replace(re, `$1"${value}"`);
  };
  for (const [field, value] of Object.entries(TEST_ACCOUNTS[cloud])) set(field, value);
  for (const [field, value] of Object.entries(TEST_REPOSITORY)) set(field, value);
  return out;
}
