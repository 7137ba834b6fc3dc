// End to end, in the Debian chromium (issue 10): the dependency graph is always in view and
// follows the toggles; with mermaid blocked the text alternative shows; the wizard is
// server-rendered and a restored plan appears without a layout shift; a new plan has empty
// cloud account IDs, Review lists them as missing, and placeholders are refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELDS, accountMessage, githubMessage, GITHUB_FIELDS, type AccountField } from '../../schemas/plan.ts';
import { parsePlanYaml } from '../../schemas/plan-yaml.ts';
import { encodePlanHash } from '../../site/src/lib/hash.ts';
import { catalog, clouds, expectAccessible, fillAccount, newPage, siteUnderTest } from './flow.ts';
import { hasChromium, ROOT, screenshotPath, waitForPlanner } from './helpers.ts';

const MERMAID = /\/_astro\/mermaid[^/]*\.js$/;

describe.skipIf(!hasChromium)('planner: graph in view, first paint, no fake identifiers', () => {
  const env = siteUnderTest();

  it('the graph is on the Components step without a click, beside the list, and follows Harbor', async () => {
    const { context, page, console } = await newPage(env);
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/mermaid[^/]*\.js$/.test(e.name)).length);
    expect(await fetched(), 'mermaid is not fetched on the first step').toBe(0);
    await page.getByRole('button', { name: 'Next: Components' }).click();
    const svg = page.locator('[data-testid="graph-svg"] svg');
    await svg.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /dependency graph/i }).count(), 'no button to show the graph').toBe(0);
    expect(await svg.isVisible()).toBe(true);
    expect(await svg.textContent()).not.toContain('Harbor');
    // Beside the list at 1280 px: to its right, and level with it.
    const list = (await page.locator('ul.components').boundingBox())!;
    const graph = (await page.getByTestId('graph').boundingBox())!;
    expect(graph.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(graph.y).toBeLessThan(list.y + list.height / 2);

    await page.getByRole('checkbox', { name: 'Harbor' }).check();
    await expect.poll(() => svg.textContent(), { timeout: 10_000 }).toContain('Harbor');
    expect(await svg.textContent()).toContain('cert-manager'); // turned on with Harbor, and drawn
    expect(await page.getByTestId('graph-text').textContent()).toContain('Harbor'); // the text alternative follows too
    await expectAccessible(page, 'components step with the graph');
    await page.screenshot({ path: screenshotPath('planner-2-components-graph'), fullPage: true });
    await page.getByRole('checkbox', { name: 'Harbor' }).uncheck();
    await expect.poll(() => svg.textContent(), { timeout: 10_000 }).not.toContain('Harbor');

    // Review shows it too.
    await page.locator('button[data-step="review"]').click();
    await page.locator('[aria-labelledby="review-graph-heading"] [data-testid="graph-svg"] svg').waitFor({ timeout: 15_000 });
    expect(console).toEqual([]);
    await context.close();
  });

  it('narrow screens: the graph is below the list', async () => {
    const { context, page } = await newPage(env, { width: 360 });
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    await page.locator('button[data-step="components"]').click();
    await page.locator('[data-testid="graph-svg"] svg').waitFor({ timeout: 15_000 });
    const list = (await page.locator('ul.components').boundingBox())!;
    const graph = (await page.getByTestId('graph').boundingBox())!;
    expect(graph.y).toBeGreaterThanOrEqual(list.y + list.height);
    await context.close();
  });

  it('with the graph script blocked, the text alternative shows and the planner still works', async () => {
    const { context, page, console } = await newPage(env);
    const blocked: string[] = [];
    await page.route(MERMAID, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    await page.getByRole('button', { name: 'Next: Components' }).click();
    await page.getByTestId('graph-failed').waitFor({ timeout: 15_000 });
    expect(blocked.length, 'the mermaid request was made and blocked').toBeGreaterThan(0);
    const text = page.getByTestId('graph-text');
    expect(await text.isVisible(), 'the Mermaid source is shown').toBe(true);
    expect(await text.textContent()).toMatch(/^flowchart/);
    expect(await page.locator('[data-testid="graph-svg"]').isVisible()).toBe(false);
    await page.getByRole('checkbox', { name: 'Harbor' }).check();
    await expect.poll(() => text.textContent()).toContain('Harbor');
    await expectAccessible(page, 'components step, graph script blocked');
    // The only console output is the blocked request itself.
    expect(console.filter((m) => !/Failed to load resource|ERR_FAILED/.test(m))).toEqual([]);
    await context.close();
  });

  it('first paint: without JavaScript the wizard shell (steps, heading, first choices) is already there', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.url}/planner`);
    expect(await page.locator('button[data-step]').count()).toBe(5);
    await expect(page.locator('#step-heading').textContent()).resolves.toBe('1. Cloud and region');
    expect(await page.locator('input[name="cloud-provider"]').count()).toBe(clouds.length);
    expect(await page.locator('input[name="cloud-region"]').count()).toBe(catalog.clouds.aws!.regions.length);
    expect(await page.locator('input[name="cloud-provider"]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('a restored plan (link) is applied after hydration without a layout shift', async () => {
    const { context, page, console } = await newPage(env);
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const plan = parsePlanYaml(readFileSync(join(ROOT, 'examples/gcp-medium.plan.yaml'), 'utf8'));
    if (!plan.ok) throw new Error('example does not parse');
    await page.goto(`${env.url}/planner${encodePlanHash(plan.value)}`);
    await waitForPlanner(page);
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/asia-northeast3/);
    expect(await page.locator('input[name="cloud-provider"][value="gcp"]').isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('planner-restoring'))).toBe(false);
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    process.stdout.write(`CLS while restoring a plan from the link: ${cls.toFixed(4)}\n`);
    expect(cls).toBeLessThan(0.02);
    expect(console).toEqual([]);
    await context.close();
  });

  it.each(clouds)('%s: a new plan has empty cloud IDs with hints; Review lists them as missing; placeholders are refused', async (cloud) => {
    const { context, page, console } = await newPage(env);
    const fields = catalog.clouds[cloud]!.accountFields as AccountField[];
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    await page.locator(`input[name="cloud-provider"][value="${cloud}"]`).check();
    await page.locator('button[data-step="parameters"]').click();
    for (const f of fields) {
      const input = page.locator(`#f-cloud-${cloud}-${f}`);
      expect(await input.inputValue(), `${cloud}.${f} starts empty`).toBe('');
      expect(await page.getByLabel(ACCOUNT_FIELDS[f].label, { exact: true }).count()).toBe(1);
      expect(await page.locator(`#f-cloud-${cloud}-${f}-hint`).textContent()).toContain(ACCOUNT_FIELDS[f].where.replace(/`/g, ''));
    }
    // The GitHub repository (whose workflows the cloud roles trust) starts empty too, with its hint.
    for (const f of ['owner', 'repo'] as const) {
      expect(await page.locator(`#f-github-${f}`).inputValue(), `github.${f} starts empty`).toBe('');
      expect(await page.locator(`#f-github-${f}-hint`).textContent()).toContain(GITHUB_FIELDS[f].format);
    }
    const missing = fields.length + 2;
    // The estimate does not wait for the account: cost is shown, generation is not possible.
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(new RegExp(`about \\$[\\d,]+/month · ${missing} problems to fix`));
    await page.locator('button[data-step="review"]').click();
    const problems = page.getByTestId('validation-problems');
    await expect.poll(() => problems.textContent()).toMatch(new RegExp(`^${missing} problems to fix`));
    const listed = await page.locator('ul.problems li').allTextContents();
    // The page shows `code` spans without their backticks.
    const shown = (m: string) => m.replace(/`/g, '');
    expect(listed.map(shown)).toEqual([
      ...fields.map((f) => shown(`cloud.${cloud}.${f}: ${accountMessage(f, 'missing')}`)),
      ...(['owner', 'repo'] as const).map((f) => shown(`github.${f}: ${githubMessage(f, 'missing')}`)),
    ]);
    await expectAccessible(page, `review with missing ${cloud} IDs`);
    await page.screenshot({ path: screenshotPath(`planner-4-review-missing-ids-${cloud}`), fullPage: false });
    // Each one takes you to its field; a placeholder there is refused with the schema's message.
    await page.getByRole('button', { name: `cloud.${cloud}.${fields[0]}` }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`f-cloud-${cloud}-${fields[0]}`);
    const placeholder = { accountId: '123456789012', subscriptionId: '00000000-0000-0000-0000-000000000000', tenantId: '00000000-0000-0000-0000-000000000000', projectId: 'my-project' }[fields[0]!];
    await page.locator(`#f-cloud-${cloud}-${fields[0]}`).fill(placeholder);
    await expect.poll(async () => shown((await page.locator(`#f-cloud-${cloud}-${fields[0]}-error`).textContent()) ?? '')).toBe(shown(accountMessage(fields[0]!, 'placeholder')));
    await fillAccount(page, cloud);
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain('plan is valid');
    expect(console).toEqual([]);
    await context.close();
  });
});
