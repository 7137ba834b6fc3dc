// Component tests of the Publish step in a real browser (vitest browser mode, Debian chromium):
// an invalid plan publishes nothing; the APIs offered are the page's <meta> list (none: says so);
// the token is kept in sessionStorage only while its box is ticked, never in localStorage; a
// missing token is refused before any request. Publishing itself is tests/e2e/publish.test.ts.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { validatePlan } from '../../../../schemas/validate.ts';
import { catalog } from '../../lib/catalog.ts';
import { GITHUB_API_META } from '../../lib/publish-origins.ts';
import { TOKEN_KEY } from '../../lib/publish-token.ts';
import { defaultDraft, draftToPlan } from '../../lib/planModel.ts';
import StepPublish from '../StepPublish.tsx';
import { en, enData } from '../../i18n/en.ts';
import { I18nProvider } from '../../i18n/react.tsx';
import type { Validation } from '../../../../schemas/validate.ts';

/** The step as the English island renders it: inside its language provider. */
const Step = ({ validation }: { validation: Validation }) => (
  <I18nProvider lang="en" messages={en} data={enData}>
    <StepPublish validation={validation} />
  </I18nProvider>
);

const TOKEN = 'github_pat_11COMPONENTtest0123456789';
const API = 'https://api.github.com';

function validPlan() {
  const d = defaultDraft(catalog, 'aws');
  d.cloud.aws = { accountId: '482916037251' };
  d.github = { ...d.github, owner: 'hanbit-platform-team', repo: 'seoul-infra' }; // empty in a new plan
  const v = validatePlan(draftToPlan(d), catalog);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v;
}

function setMeta(content: string | undefined) {
  document.querySelector(`meta[name="${GITHUB_API_META}"]`)?.remove();
  if (content === undefined) return;
  const m = document.createElement('meta');
  m.name = GITHUB_API_META;
  m.content = content;
  document.head.append(m);
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  setMeta(API);
});
afterEach(() => setMeta(undefined));

test('an invalid plan: said so, and Publish stays disabled', async () => {
  const v = validatePlan(draftToPlan(defaultDraft(catalog, 'aws')), catalog); // no account ID, no repository
  expect(v.ok).toBe(false);
  await render(<Step validation={v} />);
  await expect.element(page.getByText(/only a valid plan is published/)).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Publish to GitHub' })).toBeDisabled();
});

test('the API list is the page meta, re-checked; none allowed: says so and cannot check', async () => {
  setMeta(`${API} http://evil.example`);
  const { unmount } = await render(<Step validation={validPlan()} />);
  const select = page.getByLabelText('GitHub API');
  await expect.element(select).toHaveValue(API);
  expect(Array.from((select.element() as HTMLSelectElement).options, (o) => o.value)).toEqual([API]);
  await unmount();
  setMeta(undefined);
  await render(<Step validation={validPlan()} />);
  await expect.element(page.getByRole('alert')).toHaveTextContent(/allows no GitHub API/);
  await expect.element(page.getByRole('button', { name: 'Show the changes' })).toBeDisabled();
});

test('the token: sessionStorage only while ticked, removed when unticked, never localStorage; none: refused before any request', async () => {
  await render(<Step validation={validPlan()} />);
  await userEvent.click(page.getByRole('button', { name: 'Show the changes' }));
  await expect.element(page.getByTestId('publish-failure')).toHaveTextContent(/Enter the token first/);
  await expect.element(page.getByRole('button', { name: 'Publish to GitHub' })).toBeDisabled();

  await userEvent.fill(page.getByLabelText('Fine-grained personal access token'), TOKEN);
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  const remember = page.getByLabelText(/Keep the token in this tab/);
  await userEvent.click(remember);
  await expect.poll(() => sessionStorage.getItem(TOKEN_KEY)).toBe(TOKEN);
  await userEvent.click(remember);
  await expect.poll(() => sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
  expect(location.href).not.toContain(TOKEN);
});
