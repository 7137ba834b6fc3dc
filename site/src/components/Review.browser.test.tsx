// Component tests of the planner's Review step in a real browser (vitest browser mode, Debian
// chromium): the cost the page shows against estimateCost for the same plan, the generated file
// tree against the generator core, the file viewer, and problems linking back to their field.
// Real catalog, real core, real (lazily imported, precompiled-template) generator: no mocks.
import { beforeAll, beforeEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { estimateCost } from '../../../generator/src/cost.ts';
import { githubMessage } from '../../../schemas/plan.ts';
import { validatePlan } from '../../../schemas/validate.ts';
import { catalog } from '../lib/catalog.ts';
import { generate, loadCloud, loadRuntime } from '../lib/generator.ts';
import { defaultDraft, draftToPlan, fitPools, toggleComponent } from '../lib/planModel.ts';
// The English island entry: the wizard needs a language provider.
import Planner from '../i18n/PlannerEn.tsx';

beforeAll(() => Promise.all([loadRuntime(), loadCloud('aws'), loadCloud('azure'), loadCloud('gcp')]));

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

const ACCOUNT_ID = '482916037251';
const REPOSITORY = { owner: 'hanbit-platform-team', repo: 'seoul-infra' };
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function openStep(title: 'Components' | 'Parameters' | 'Review') {
  await userEvent.click(page.getByRole('navigation', { name: 'Planner steps' }).getByRole('button', { name: title, exact: true }));
  await expect.element(page.getByRole('heading', { level: 2 })).toHaveTextContent(new RegExp(`^\\d\\. ${title}$`));
}

/** What the planner should hold after turning Harbor on in a fresh draft, computed by the core. */
function expectedForHarbor() {
  const fresh = defaultDraft(catalog);
  fresh.cloud.aws = { accountId: ACCOUNT_ID }; // a new plan starts without one, and without a repository
  fresh.github = { ...fresh.github, ...REPOSITORY };
  const toggled = toggleComponent(fresh, catalog, 'harbor', true);
  if (toggled.kind !== 'done') throw new Error('turning Harbor on should not need a confirmation');
  const v = validatePlan(draftToPlan(fitPools(toggled.draft, catalog)), catalog);
  if (!v.ok) throw new Error(`the expected plan is invalid: ${JSON.stringify(v.problems)}`);
  return { cost: estimateCost(v.resolved, catalog), files: generate(v.plan as never, v.resolved, catalog) };
}

async function plannerAtReviewWithHarbor() {
  const screen = await render(<Planner />);
  await openStep('Components');
  await userEvent.click(page.getByRole('checkbox', { name: 'Harbor', exact: true }));
  await expect.element(page.getByTestId('summary')).toHaveTextContent('3 components');
  await openStep('Parameters');
  await userEvent.fill(page.getByRole('textbox', { name: 'AWS account ID' }), ACCOUNT_ID);
  await userEvent.fill(page.getByRole('textbox', { name: 'Owner (user or organization)' }), REPOSITORY.owner);
  await userEvent.fill(page.getByRole('textbox', { name: 'Repository', exact: true }), REPOSITORY.repo);
  await openStep('Review');
  await expect.element(page.getByTestId('validation-ok')).toHaveTextContent('The plan is valid.');
  // Generation is lazy (dynamic import, then idle time): wait for the tree.
  await expect.element(page.getByRole('navigation', { name: 'Repository files' }), { timeout: 15_000 }).toBeVisible();
  return screen;
}

const treePaths = () => [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Repository files"] button[data-path]')].map((b) => b.dataset.path!);

test('the review lists the generated files and its cost total matches estimateCost for the same plan', async () => {
  const expected = expectedForHarbor();
  await plannerAtReviewWithHarbor();

  const total = money.format(expected.cost.totalUsd);
  await expect.element(page.getByTestId('cost-total')).toHaveTextContent(new RegExp(`^Total: ${total.replace(/[$.]/g, '\\$&')} per month`));
  await expect.element(page.getByTestId('summary')).toHaveTextContent(`about $${Math.round(expected.cost.totalUsd).toLocaleString('en-US')}/month`);
  const byComponent = page.getByRole('table', { name: 'By component' });
  for (const c of expected.cost.byComponent) {
    await expect.element(byComponent.getByRole('row', { name: new RegExp(`^${c.name.replace(/[()]/g, '\\$&')} `) })).toHaveTextContent(money.format(c.monthlyUsd));
  }
  expect(expected.cost.byComponent.map((c) => c.name)).toContain('Harbor');

  const paths = Object.keys(expected.files).sort();
  expect(paths.length).toBeGreaterThan(10);
  await expect.element(page.getByText(`${paths.length} files. The same generator core as the CLI produced them in your browser`)).toBeVisible();
  expect(treePaths().sort()).toEqual(paths);
  // Directories are listed as folders, files by their name inside them.
  const harborFile = paths.find((p) => p.includes('/') && p.toLowerCase().includes('harbor'));
  expect(harborFile, 'a generated file for Harbor').toBeDefined();
  const [dir] = harborFile!.split('/');
  await expect.element(page.getByRole('navigation', { name: 'Repository files' }).getByText(`${dir}/`, { exact: true })).toBeVisible();
});

test('the cost section lists each price source once with its date, and marks the lines borrowed from the reference region', async () => {
  const expected = expectedForHarbor();
  await plannerAtReviewWithHarbor();
  const { sources, borrowed, lines, referenceRegion } = expected.cost;
  await expect.element(page.getByTestId('price-sources')).toBeVisible();
  const listed = [...document.querySelectorAll('[data-testid="price-sources"] li')].map((li) => li.textContent);
  expect(listed).toEqual(sources.map((s) => `${s.title}, ${s.dated ?? `undated (read ${s.read})`}`));
  // The default plan is in Seoul: NAT, disks and the load balancer have no sourced Seoul price.
  expect(borrowed.length).toBeGreaterThan(0);
  for (const b of borrowed) await expect.element(page.getByTestId('cost-borrowed')).toHaveTextContent(b.label);
  await expect.element(page.getByTestId('cost-borrowed')).toHaveTextContent(`priced at ${referenceRegion}`);
  // The detail sits behind the disclosure: one marker per borrowed line, a link per source URL.
  await userEvent.click(page.getByText('Every cost line with its price source'));
  const markers = [...document.querySelectorAll('table.lines .badge')].filter((b) => b.textContent === `borrowed from ${referenceRegion}`);
  expect(markers.length).toBe(lines.filter((l) => l.borrowedFrom).length);
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="price-source-details"] a')].map((a) => a.href);
  expect(links).toEqual(sources.filter((s) => s.url).map((s) => s.url));
});

test('the file viewer shows the file selected in the tree', async () => {
  const expected = expectedForHarbor();
  await plannerAtReviewWithHarbor();
  const tree = page.getByRole('navigation', { name: 'Repository files' });
  const viewer = page.getByTestId('file-view');
  const viewerPath = () => document.getElementById('viewer-path')?.textContent;

  // opsta.plan.yaml is shown first: the plan the page generated from, with Harbor on.
  await expect.element(tree.getByRole('button', { name: 'opsta.plan.yaml' })).toHaveAttribute('aria-current', 'true');
  expect(viewerPath()).toBe('opsta.plan.yaml');
  await expect.element(viewer).toHaveTextContent(/harbor:\s+enabled: true/);
  expect(viewer.element().textContent!.trimEnd()).toBe(expected.files['opsta.plan.yaml']!.trimEnd());

  for (const path of [Object.keys(expected.files).find((p) => p.endsWith('.tf'))!, Object.keys(expected.files).find((p) => p.toLowerCase().includes('harbor'))!]) {
    const button = document.querySelector<HTMLButtonElement>(`button[data-path="${CSS.escape(path)}"]`)!;
    expect(button, path).not.toBeNull();
    await userEvent.click(button);
    await expect.element(button).toHaveAttribute('aria-current', 'true');
    await expect.element(tree.getByRole('button', { name: 'opsta.plan.yaml' })).not.toHaveAttribute('aria-current');
    await expect.poll(viewerPath).toBe(path);
    await expect.element(viewer).toHaveAccessibleName(path);
    expect(viewer.element().textContent!.trimEnd()).toBe(expected.files[path]!.trimEnd());
  }
});

test('an invalid plan: the review lists the problem, keeps the last valid cost, and the problem links to its field', async () => {
  const expected = expectedForHarbor();
  await plannerAtReviewWithHarbor();
  await openStep('Parameters');
  const cidr = page.getByRole('textbox', { name: 'VPC CIDR' });
  await userEvent.fill(cidr, '10.40.0.0/8');
  await expect.element(cidr).toHaveAttribute('aria-invalid', 'true');

  await openStep('Review');
  await expect.element(page.getByTestId('validation-problems')).toHaveTextContent('1 problem to fix before the repository can be generated:');
  await expect.element(page.getByText('Fix the problems above to see the repository.')).toBeVisible();
  await expect.element(page.getByRole('navigation', { name: 'Repository files' })).not.toBeInTheDocument();
  await expect.element(page.getByRole('heading', { name: 'Monthly cost (of the last valid plan)' })).toBeVisible();
  await expect.element(page.getByTestId('cost-total')).toHaveTextContent(`Total: ${money.format(expected.cost.totalUsd)} per month`);

  await userEvent.click(page.getByRole('button', { name: 'network.cidr' }));
  await expect.element(page.getByRole('heading', { level: 2 })).toHaveTextContent('3. Parameters');
  await expect.element(page.getByRole('textbox', { name: 'VPC CIDR' })).toHaveFocus();
  await expect.element(page.getByRole('textbox', { name: 'VPC CIDR' })).toHaveValue('10.40.0.0/8');
});

test('a plan whose only problems are its missing account ID and repository: the cost shown is of this plan, and its heading says so (no "last valid plan")', async () => {
  const expected = expectedForHarbor(); // the same plan with an account ID and repository: the estimate reads neither
  await render(<Planner />);
  await openStep('Components');
  await userEvent.click(page.getByRole('checkbox', { name: 'Harbor', exact: true }));
  await expect.element(page.getByTestId('summary')).toHaveTextContent('3 components');
  await openStep('Review');
  await expect.element(page.getByTestId('validation-problems')).toHaveTextContent('3 problems to fix before the repository can be generated:');
  await expect.element(page.getByRole('button', { name: 'cloud.aws.accountId' })).toBeVisible();
  // The repository the cloud roles will trust is the user's to name: listed as missing, with where to find it.
  const listed = [...document.querySelectorAll('ul.problems li')].map((li) => li.textContent);
  expect(listed.slice(1)).toEqual([`github.owner: ${githubMessage('owner', 'missing')}`, `github.repo: ${githubMessage('repo', 'missing')}`].map((m) => m.replace(/`/g, '')));
  await userEvent.click(page.getByRole('button', { name: 'github.owner' }));
  await expect.element(page.getByRole('textbox', { name: 'Owner (user or organization)' })).toHaveFocus();
  await expect.element(page.getByRole('textbox', { name: 'Owner (user or organization)' })).toHaveValue('');
  await expect.element(page.getByRole('textbox', { name: 'Owner (user or organization)' })).toHaveAccessibleDescription(/OWNER in github\.com\/OWNER\/REPO.*gh repo view/);
  // The example's repository is refused there with the schema's message.
  await userEvent.fill(page.getByRole('textbox', { name: 'Owner (user or organization)' }), 'acme');
  await userEvent.fill(page.getByRole('textbox', { name: 'Repository', exact: true }), 'acme-platform');
  await expect.poll(() => document.getElementById('f-github-owner-error')?.textContent?.replace(/`/g, '')).toBe(githubMessage('owner', 'example').replace(/`/g, ''));
  await openStep('Review');
  await expect.element(page.getByRole('heading', { level: 3, name: 'Monthly cost', exact: true })).toBeVisible();
  await expect.element(page.getByRole('heading', { name: 'Monthly cost (of the last valid plan)' })).not.toBeInTheDocument();
  await expect.element(page.getByTestId('cost-total')).toHaveTextContent(`Total: ${money.format(expected.cost.totalUsd)} per month`);
});
