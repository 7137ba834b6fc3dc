// The planner flow for one cloud, shared by the flow-*.test.ts files (not a test file).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CloudId } from '../../schemas/blueprint.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { defaultDraft, draftToPlan } from '../../site/src/lib/planModel.ts';
import { asOwnPlan, TEST_ACCOUNTS, TEST_REPOSITORY } from './own-plan.ts';

export { asOwnPlan, TEST_ACCOUNTS, TEST_REPOSITORY };
import { axeViolations, ensureSiteBuilt, launch, ROOT, screenshotPath, serveDist, waitForPlanner, watchConsole } from './helpers.ts';

export const { catalog } = nodeGenerateOptions();
export const clouds = (['aws', 'azure', 'gcp'] as const).filter((id) => catalog.clouds[id]);




/** Fill the cloud account fields and, where still empty, the GitHub owner and repository on the Parameters step. */
export async function fillAccount(page: Page, cloud: CloudId): Promise<void> {
  for (const [field, value] of Object.entries(TEST_ACCOUNTS[cloud])) await page.locator(`#f-cloud-${cloud}-${field}`).fill(value);
  for (const [field, value] of Object.entries(TEST_REPOSITORY)) {
    const input = page.locator(`#f-github-${field}`);
    if ((await input.inputValue()) === '') await input.fill(value);
  }
}

/** Whether the core can generate a repository for this cloud yet (clouds are added one by one). */
export function generates(cloud: CloudId): boolean {
  const draft = defaultDraft(catalog, cloud);
  draft.cloud[cloud] = { ...TEST_ACCOUNTS[cloud] };
  draft.github = { ...draft.github, ...TEST_REPOSITORY };
  const v = validatePlan(draftToPlan(draft), catalog);
  if (!v.ok) return false;
  try {
    generateRepository(v.plan, v.resolved, nodeGenerateOptions());
    return true;
  } catch {
    return false;
  }
}

export interface Env {
  browser: Browser;
  url: string;
}

/**
 * For the enclosing describe block: build the site if needed, serve it on 127.0.0.1 and launch
 * chromium once. The returned env is filled in before the block's tests run.
 */
export function siteUnderTest(): Env {
  const env = {} as Env;
  let srv: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    await ensureSiteBuilt();
    srv = await serveDist();
    env.url = srv.url;
    env.browser = await launch();
  }, 420_000); // a cold site build takes minutes on a loaded 2-CPU machine
  afterAll(async () => {
    await env.browser?.close();
    await srv?.close();
  });
  return env;
}

export async function newPage(env: Env, opts: { width?: number; dark?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; console: string[]; foreign: string[] }> {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: opts.width ?? 1280, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(env.url) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return { context, page, console: watchConsole(page), foreign };
}

export async function expectAccessible(page: Page, where: string) {
  expect(await axeViolations(page), `axe on ${where}`).toEqual([]);
}

/**
 * Choose cloud and region, toggle components (auto-enable message, confirm dialog, lazy graph),
 * an invalid CIDR and its fix, a profile, review cost and files, download plan and zip, check
 * them against the CLI core, compare with an example, publish placeholder, reload and share.
 */
export async function runPlannerFlow(env: Env, cloud: CloudId): Promise<void> {
  const browser = env.browser;
  const srv = { url: env.url };
  const { context, page, console, foreign } = await newPage(env);
      const c = catalog.clouds[cloud]!;
    const suffix = cloud === 'aws' ? '' : `-${cloud}`;
    await page.goto(`${srv.url}/planner`);
    await waitForPlanner(page);

    // 1. Cloud and region
    await page.locator(`input[name="cloud-provider"][value="${cloud}"]`).check();
    const region = c.regions[1] ?? c.regions[0]!;
    await page.locator(`input[name="cloud-region"][value="${region.id}"]`).check();
    await expect(page.getByTestId('summary').textContent()).resolves.toContain(region.id);
    await expectAccessible(page, 'step 1');
    await page.screenshot({ path: screenshotPath(`planner-1-cloud${suffix}`), fullPage: true });

    // 2. Components: auto-enable, confirm before disabling a dependency, lazy graph
    await page.getByRole('button', { name: 'Next: Components' }).click();
    await page.getByRole('checkbox', { name: 'Harbor' }).check();
    await expect.poll(() => page.getByTestId('toggle-message').textContent()).toMatch(/^Harbor needs .*cert-manager.*: turned on\.$/);
    expect(await page.getByRole('checkbox', { name: 'cert-manager' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Prometheus and Grafana' }).check();
    await page.getByRole('checkbox', { name: 'cert-manager' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toMatch(/need cert-manager/);
    await expectAccessible(page, 'confirm dialog');
    await dialog.getByRole('button', { name: 'Keep it on' }).click();
    expect(await page.getByRole('checkbox', { name: 'cert-manager' }).isChecked()).toBe(true);
    // The graph is shown without a click and follows the toggles.
    await page.waitForSelector('[data-testid="graph-svg"] svg', { timeout: 15_000 });
    await expect.poll(() => page.locator('[data-testid="graph-svg"] svg').textContent(), { timeout: 10_000 }).toContain('Harbor');
    await expectAccessible(page, 'step 2');
    await page.screenshot({ path: screenshotPath(`planner-2-components${suffix}`), fullPage: true });

    // 3. Parameters: invalid CIDR shows the schema's message as you type; a profile fills defaults
    await page.getByRole('button', { name: 'Next: Parameters' }).click();
    const cidr = page.getByLabel('VPC CIDR');
    await cidr.fill('10.0.0.1/16');
    const cidrError = page.locator('#f-network-cidr-error');
    await expect.poll(() => cidrError.textContent()).toMatch(/not an IPv4 network in CIDR form/);
    expect(await cidr.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'step 3 with an error');
    await page.screenshot({ path: screenshotPath(`planner-3-parameters-error${suffix}`), fullPage: false });
    await cidr.fill('10.60.0.0/16');
    await expect.poll(() => cidrError.textContent()).toBe('');
    await page.locator('input[name="profile-card"][value="large"]').check();
    await expect.poll(() => page.locator('#f-kubernetes-nodePools-0-instanceType').inputValue()).toBe(c.profiles.large.nodePool.instanceType);
    // Node pools: add one, a duplicate name is a cross-field error on that pool's field, remove it.
    await page.getByRole('button', { name: 'Add node pool' }).click();
    await expect.poll(() => page.locator('#f-kubernetes-nodePools-1-name').inputValue()).toBe('pool2');
    await page.locator('#f-kubernetes-nodePools-1-name').fill('system');
    await expect.poll(() => page.locator('#f-kubernetes-nodePools-1-name-error').textContent()).toMatch(/used by another node pool/);
    await page.getByRole('button', { name: 'Remove node pool 2' }).click();
    await expect.poll(() => page.locator('#f-kubernetes-nodePools-1-name').count()).toBe(0);
    await page.getByLabel('Monthly budget in USD (optional)').fill('9000');
    await page.getByLabel('Required reviewers (optional)').fill('alice, bob');
    await page.getByLabel('Owner (user or organization)').fill('acme-corp');
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/1 problem to fix|problems to fix/); // the account IDs and repository name are still empty
    await fillAccount(page, cloud);
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain('plan is valid');
    await expectAccessible(page, 'step 3');
    await page.screenshot({ path: screenshotPath(`planner-3-parameters${suffix}`), fullPage: true });

    // Going back and forth keeps everything
    await page.getByRole('button', { name: 'Back: Components' }).click();
    expect(await page.getByRole('checkbox', { name: 'Harbor' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next: Parameters' }).click();
    expect(await page.getByLabel('VPC CIDR').inputValue()).toBe('10.60.0.0/16');

    // 4. Review
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.getByTestId('validation-ok').waitFor();
    await expect(page.getByTestId('cost-total').textContent()).resolves.toMatch(/Total: \$[\d,]+\.\d\d per month/);
    await expect(page.getByTestId('budget').textContent()).resolves.toMatch(/budget/);
    expect(await page.locator('#cost-by-component tbody tr').count()).toBeGreaterThanOrEqual(4);
    if (!generates(cloud)) {
      await expect.poll(() => page.getByText(/Generation failed/).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`planner-4-review${suffix}`), fullPage: true });
      expect(console).toEqual([]);
      await context.close();
      return;
    }
    await page.getByTestId('file-view').waitFor({ timeout: 15_000 });
    await page.locator('button.file[data-path="README.md"]').click();
    await expect(page.locator('#viewer-path').textContent()).resolves.toBe('README.md');
    await expectAccessible(page, 'step 4');
    await page.screenshot({ path: screenshotPath(`planner-4-review${suffix}`), fullPage: true });

    const dir = mkdtempSync(join(tmpdir(), 'opsta-e2e-'));
    const [planDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download opsta.plan.yaml' }).click()]);
    expect(planDl.suggestedFilename()).toBe('opsta.plan.yaml');
    await planDl.saveAs(join(dir, 'opsta.plan.yaml'));
    const [zipDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download repository (.zip)' }).click()]);
    expect(zipDl.suggestedFilename()).toMatch(/\.zip$/);
    await zipDl.saveAs(join(dir, 'repo.zip'));

    // The downloaded plan through the CLI's core gives exactly the zip's files.
    const planText = readFileSync(join(dir, 'opsta.plan.yaml'), 'utf8');
    const v = validatePlanText(planText, catalog);
    if (!v.ok) throw new Error(`downloaded plan is invalid: ${JSON.stringify(v.problems)}`);
    expect(v.resolved.cloud.region).toBe(region.id);
    expect(v.resolved.network.cidr).toBe('10.60.0.0/16');
    expect(v.resolved.profile).toBe('large');
    expect(v.resolved.components).toEqual(expect.arrayContaining(['certManager', 'gateway', 'harbor', 'monitoring']));
    expect(v.resolved.github.reviewers).toEqual(['alice', 'bob']);
    expect(v.resolved.cloud.account).toEqual(TEST_ACCOUNTS[cloud]);
    const expected = generateRepository(v.plan, v.resolved, nodeGenerateOptions());
    const zipped = Object.fromEntries(Object.entries(unzipSync(readFileSync(join(dir, 'repo.zip')))).map(([k, b]) => [k, new TextDecoder().decode(b)]));
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected)) expect(zipped[path], path).toBe(text);
    expect(zipped['opsta.plan.yaml']).toBe(planText);

    // Compare with an earlier plan: an example of the same cloud, if there is one.
    const example = ['medium', 'large-all', 'small-rke2'].map((n) => join(ROOT, `examples/${cloud}-${n}.plan.yaml`)).find((p) => {
      try {
        return validatePlanText(readFileSync(p, 'utf8'), catalog).ok;
      } catch {
        return false;
      }
    });
    if (example) {
      await page.locator('#compare-file').setInputFiles(example);
      await page.getByTestId('compare-result').waitFor();
      await expect(page.getByTestId('compare-result').textContent()).resolves.toMatch(/\d+ added, \d+ removed, \d+ changed/);
      await page.locator('[data-testid="compare-result"] .diff-files button').first().click();
      await page.getByTestId('line-diff').waitFor();
      expect(await page.locator('[data-testid="line-diff"] .diff-add, [data-testid="line-diff"] .diff-del').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'step 4 compare');
      await page.screenshot({ path: screenshotPath(`planner-4-compare${suffix}`), fullPage: false });
    }

    // 5. Publish placeholder
    await page.getByRole('button', { name: 'Next: Publish' }).click();
    expect(await page.getByRole('button', { name: 'Publish to GitHub' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'step 5');
    await page.screenshot({ path: screenshotPath(`planner-5-publish${suffix}`), fullPage: false });

    // A reload loses nothing (localStorage + hash), and the link alone carries the plan.
    const link = page.url();
    expect(link).toMatch(/#plan=[A-Za-z0-9_-]+$/);
    await page.reload();
    await waitForPlanner(page);
    await page.getByRole('button', { name: /Parameters/ }).first().click();
    expect(await page.getByLabel('VPC CIDR').inputValue()).toBe('10.60.0.0/16');
    const fresh = await browser.newContext();
    const shared = await fresh.newPage();
    await shared.goto(link);
    await waitForPlanner(shared);
    await expect(shared.getByTestId('summary').textContent()).resolves.toContain(region.id);
    await fresh.close();

    expect(console).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
}
