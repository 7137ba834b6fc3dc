// The planner flow with the keyboard only: Tab / Shift+Tab to move, Space / Enter to act,
// arrows inside radio groups, and typing into text fields. No mouse clicks, no element.focus().
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { catalog, clouds, expectAccessible, newPage, siteUnderTest, TEST_ACCOUNTS, TEST_REPOSITORY } from './flow.ts';
import { hasChromium, screenshotPath, waitForPlanner } from './helpers.ts';

/** Press Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`could not reach ${selector} with ${back ? 'Shift+Tab' : 'Tab'}; focus is on ${active}`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');

describe.skipIf(!hasChromium)('planner, keyboard only', () => {
  const env = siteUnderTest();

  it('cloud, region, components, parameters, review and downloads with Tab, Space, Enter and arrows', async () => {
    const { context, page, console } = await newPage(env);
    const aws = catalog.clouds.aws!;
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);

    // The skip link is the first stop.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Skip to content/);

    // 1. Cloud: arrows move through the cloud cards (and back to AWS); region: arrow to the next one.
    await tabTo(page, 'input[name="cloud-provider"]:checked');
    if (clouds.length > 1) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('summary').textContent()).toContain(catalog.clouds[clouds[1]!]!.name);
      await page.keyboard.press('ArrowLeft');
    }
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/^AWS · /);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain(`value="${aws.regions[0]!.id}"`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain(aws.regions[1]!.id);
    await tabTo(page, 'button.btn--primary');
    expect(await focused(page)).toContain('Next: Components');
    await page.keyboard.press('Enter');

    // 2. Components: Space toggles; the dependency confirm dialog answers to Enter.
    await expect.poll(() => focused(page)).toMatch(/<h2/);
    await tabTo(page, '#f-components-harbor');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('toggle-message').textContent()).toMatch(/^Harbor needs .*: turned on\.$/);
    await tabTo(page, '#f-components-certManager', { back: true });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await focused(page)).toContain('Keep it on');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.locator('#f-components-certManager').isChecked()).toBe(true);
    await page.waitForSelector('[data-testid="graph-svg"] svg', { timeout: 15_000 }); // shown without asking
    await tabTo(page, 'button.btn--primary');
    await page.keyboard.press('Enter');

    // 3. Parameters: profile with arrows, a bad CIDR and its fix by typing.
    await tabTo(page, 'input[name="profile-card"]:checked');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('input[name="profile-card"][value="large"]').isChecked()).toBe(true);
    await tabTo(page, '#f-cloud-aws-accountId'); // empty in a new plan, and required
    await page.keyboard.type(TEST_ACCOUNTS.aws.accountId!);
    await tabTo(page, '#f-network-cidr');
    await page.keyboard.type('10.0.0.1/16'); // focus by Tab selects the old value, typing replaces it
    await expect.poll(() => page.locator('#f-network-cidr-error').textContent()).toMatch(/not an IPv4 network/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // selects the field's text again
    await page.keyboard.type('10.70.0.0/16');
    await expect.poll(() => page.locator('#f-network-cidr-error').textContent()).toBe('');
    await tabTo(page, '#f-github-owner'); // empty in a new plan, and required
    await page.keyboard.type(TEST_REPOSITORY.owner);
    await tabTo(page, '#f-github-repo');
    await page.keyboard.type(TEST_REPOSITORY.repo);
    await tabTo(page, '#f-budget-monthlyUsd');
    await page.keyboard.type('12000');
    await page.screenshot({ path: screenshotPath('keyboard-parameters'), fullPage: false });
    await tabTo(page, 'button.btn--primary');
    expect(await focused(page)).toContain('Next: Review');
    await page.keyboard.press('Enter');

    // 4. Review: the file tree and both downloads.
    await page.getByTestId('file-view').waitFor({ timeout: 15_000 });
    await tabTo(page, 'button.file[data-path="README.md"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#viewer-path').textContent()).toBe('README.md');
    await tabTo(page, 'button.btn--primary', { back: true });
    expect(await focused(page)).toContain('Download opsta.plan.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'opsta-kbd-'));
    const [planDl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await planDl.saveAs(join(dir, 'opsta.plan.yaml'));
    await page.keyboard.press('Tab');
    const [zipDl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
    await zipDl.saveAs(join(dir, 'repo.zip'));
    await expectAccessible(page, 'review (keyboard run)');
    await page.screenshot({ path: screenshotPath('keyboard-review'), fullPage: false });

    const v = validatePlanText(readFileSync(join(dir, 'opsta.plan.yaml'), 'utf8'), catalog);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.resolved.cloud.region).toBe(aws.regions[1]!.id);
    expect(v.resolved.network.cidr).toBe('10.70.0.0/16');
    expect(v.resolved.profile).toBe('large');
    expect(v.resolved.budget).toEqual({ monthlyUsd: 12000 });
    expect(v.resolved.cloud.account).toEqual(TEST_ACCOUNTS.aws);
    expect([v.resolved.github.owner, v.resolved.github.repo]).toEqual([TEST_REPOSITORY.owner, TEST_REPOSITORY.repo]);
    expect(v.resolved.components).toEqual(expect.arrayContaining(['certManager', 'gateway', 'harbor']));
    const zipped = unzipSync(readFileSync(join(dir, 'repo.zip')));
    const expected = generateRepository(v.plan, v.resolved, nodeGenerateOptions());
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(expected).sort());
    for (const [p, text] of Object.entries(expected)) expect(new TextDecoder().decode(zipped[p]), p).toBe(text);
    expect(console).toEqual([]);
    await context.close();
  });
});
