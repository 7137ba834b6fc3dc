// The planner's Publish step end to end, in the Debian chromium, against the GitHub double behind
// a CORS front (tests/e2e/support/cors-proxy.ts) that allows exactly the planner's origin. The
// built site allows https://api.github.com; the served planner page has that one origin swapped
// for the front's (support/api-origin-site.ts says why and checks nothing else changes).
//
// Flow: import a plan, open Publish, enter the token, see every file as added, publish → the pull
// request link; a hand edit on the branch and a changed plan parameter → the conflict with its
// diff, unticked; tick it → publish → overwritten. The token goes only to the allowed origin, in
// the Authorization header, and never into the console, the URL or storage (unless ticked).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { MANIFEST_PATH } from '../../generator/src/changeset.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { TOKEN_KEY } from '../../site/src/lib/publish-token.ts';
import { GitHubDouble } from '../support/github-double.ts';
import { axeViolations, DIST, ensureSiteBuilt, hasChromium, launch, ROOT, screenshotPath, serveDist, waitForPlanner } from './helpers.ts';
import { BUILT_API_META, BUILT_CONNECT_SRC, serveWithApi, swapApi } from './support/api-origin-site.ts';
import { startCorsProxy } from './support/cors-proxy.ts';
import { asOwnPlan, TEST_REPOSITORY } from './flow.ts';

const TOKEN = 'github_pat_11E2E0TESTtoken0123456789abcdefABCDEF';
const REPO = `${TEST_REPOSITORY.owner}/${TEST_REPOSITORY.repo}`; // the plan's github.owner / github.repo
// The example as a user's own plan (the example's placeholder IDs and repository are refused by the planner).
const PLAN_FILE = join(mkdtempSync(join(tmpdir(), 'opsta-publish-e2e-')), 'aws-medium.plan.yaml');
writeFileSync(PLAN_FILE, asOwnPlan(readFileSync(join(ROOT, 'examples/aws-medium.plan.yaml'), 'utf8'), 'aws'));
const BUDGET = 12345;
const cli = nodeGenerateOptions();
/**
 * The CLI's options with the executor runtime the built page carries (a static asset of site/dist):
 * the runtime sources may have been rebundled since the build, and what is compared here is the
 * browser's core against the CLI's, with the same runtime bytes.
 */
function optsOfBuild() {
  const dir = join(DIST, '_astro');
  const assets = readdirSync(dir).filter((f) => /^opsta\.[\w-]+\.mjs$/.test(f));
  if (assets.length !== 1) throw new Error(`expected one opsta.*.mjs runtime asset in ${dir}, found ${assets.join(', ') || 'none'}`);
  return { ...cli, runtime: readFileSync(join(dir, assets[0]!), 'utf8') };
}

/** What the CLI's core generates for the example plan, optionally with the budget the test types. */
function expectedFiles(budget?: number) {
  let text = readFileSync(PLAN_FILE, 'utf8');
  if (budget !== undefined) text = text.replace(/monthlyUsd: \d+/, `monthlyUsd: ${budget}`);
  const v = validatePlanText(text, cli.catalog);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return { files: generateRepository(v.plan, v.resolved, optsOfBuild()), branch: `opsta/${v.resolved.name}` };
}

describe.skipIf(!hasChromium)('planner Publish step end to end', () => {
  let browser: Browser;
  let gh: GitHubDouble;
  let dist: Awaited<ReturnType<typeof serveDist>>;
  let site: Awaited<ReturnType<typeof serveWithApi>>;
  let proxy: Awaited<ReturnType<typeof startCorsProxy>>;

  beforeAll(async () => {
    await ensureSiteBuilt();
    gh = await GitHubDouble.start();
    gh.addToken(TOKEN, { login: 'alice' });
    gh.createRepo(REPO, { files: { 'NOTES.md': '# our notes\n' } });
    dist = await serveDist();
    let proxyUrl = '';
    site = await serveWithApi(dist.url, () => proxyUrl);
    proxy = await startCorsProxy(gh.apiUrl, () => site.url);
    proxyUrl = proxy.url;
    browser = await launch();
  }, 420_000); // a cold site build takes minutes on a loaded 2-CPU machine
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
    await dist?.close();
    await gh?.close();
  });

  it('the build allows exactly api.github.com on /planner and nothing on the landing page; the swap changes only that', () => {
    const planner = readFileSync(join(DIST, 'planner/index.html'), 'utf8');
    const korean = readFileSync(join(DIST, 'ko/planner/index.html'), 'utf8');
    const landing = readFileSync(join(DIST, 'index.html'), 'utf8');
    for (const html of [planner, korean]) {
      expect(html).toContain(BUILT_CONNECT_SRC);
      expect(html).toContain(BUILT_API_META);
    }
    expect(landing).toContain("connect-src 'self';");
    expect(landing).not.toContain('api.github.com');
    const swapped = swapApi(planner, 'http://127.0.0.1:9');
    if (!('html' in swapped)) throw new Error(swapped.problem);
    expect(swapped.html).toContain("connect-src 'self' http://127.0.0.1:9;");
    expect(swapped.html).not.toContain('api.github.com');
    expect(swapped.html.length).toBe(planner.length - 2 * ('https://api.github.com'.length - 'http://127.0.0.1:9'.length));
    expect('problem' in swapApi(planner.replace(BUILT_API_META, ''), 'http://127.0.0.1:9')).toBe(true);
  });

  it('token entered, changes shown, published with the pull request linked; a hand edit is a conflict shown with its diff, ticked and overwritten', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleAll: string[] = [];
    const problems: string[] = [];
    page.on('console', (m) => {
      consoleAll.push(m.text());
      // The core asks for the publish branch before it exists: GitHub's 404 there means "not yet", and chromium logs it.
      const branchProbe = m.location().url.startsWith(`${proxy.url}/repos/${REPO}/git/ref/heads/opsta`) && /status of 404/.test(m.text());
      if ((m.type() === 'error' || m.type() === 'warning') && !branchProbe) problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const foreign: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(site.url) && !u.startsWith(proxy.url) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });

    // A valid plan: the example, through the planner's import.
    await page.goto(`${site.url}/planner`);
    await waitForPlanner(page);
    await page.getByText('Import an existing plan').click();
    await page.locator('#import-file').setInputFiles(PLAN_FILE);
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/plan is valid/);
    await page.locator('button[data-step="publish"]').click();

    // Before anything: where it goes, and Publish waits for the preview.
    await expect.poll(() => page.getByTestId('publish-repo').textContent()).toBe(REPO);
    expect(await page.locator('#publish-api').inputValue()).toBe(proxy.url);
    const publishButton = page.getByRole('button', { name: 'Publish to GitHub' });
    expect(await publishButton.isDisabled()).toBe(true);
    expect(await axeViolations(page), 'axe on Publish').toEqual([]);

    // No token: said so, nothing sent.
    await page.getByRole('button', { name: 'Show the changes' }).click();
    await expect.poll(() => page.getByTestId('publish-failure').textContent()).toMatch(/Enter the token first/);
    expect(proxy.requests).toEqual([]);

    // First publish: every generated file is added (the manifest is bookkeeping, not listed).
    const first = expectedFiles();
    await page.getByLabel('Fine-grained personal access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Show the changes' }).click();
    await page.getByTestId('publish-preview').waitFor({ timeout: 60_000 });
    const generated = Object.keys(first.files).filter((p) => p !== MANIFEST_PATH).length;
    expect(await page.getByTestId('publish-summary').textContent()).toBe(`${generated} to add, 0 to change, 0 to remove, 0 hand-edited.`);
    await page.getByTestId('publish-added').locator('summary').click();
    const added = await page.locator('[data-testid="publish-added"] li').allTextContents();
    expect(added.sort()).toEqual(Object.keys(first.files).filter((p) => p !== MANIFEST_PATH).sort());
    await expect(page.getByText('1 file on the branch is not Opsta’s: never touched.').count()).resolves.toBe(1);
    expect(gh.writes()).toEqual([]); // showing the changes wrote nothing
    expect(await publishButton.isDisabled()).toBe(false);
    expect(await axeViolations(page), 'axe on the preview').toEqual([]);
    await page.screenshot({ path: screenshotPath('planner-5-publish-preview'), fullPage: true });

    await publishButton.click();
    const link = page.getByTestId('publish-pr-link');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toBe(`https://github.com/${REPO}/pull/1`);
    expect(await page.getByTestId('publish-result').textContent()).toMatch(/Pull request #1 opened:/);
    const [pr] = gh.pulls(REPO);
    expect(gh.pulls(REPO)).toHaveLength(1);
    expect(pr).toMatchObject({ number: 1, head: first.branch, base: 'main', state: 'open' });
    const onBranch = gh.files(REPO, first.branch)!;
    for (const [p, text] of Object.entries(first.files)) expect(onBranch[p], p).toBe(text);
    expect(onBranch['NOTES.md']).toBe('# our notes\n');
    expect(await axeViolations(page), 'axe on the result').toEqual([]);

    // A hand edit lands on the branch, and the user changes a plan parameter.
    const edited = `${onBranch['README.md']}\nA note we wrote by hand.\n`;
    gh.commitFiles(REPO, first.branch, { 'README.md': edited }, 'hand edit');
    await page.locator('button[data-step="parameters"]').click();
    await page.getByLabel('Monthly budget in USD (optional)').fill(String(BUDGET));
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/plan is valid/);
    await page.locator('button[data-step="publish"]').click();
    // The token is still in memory (the step was left and entered again).
    expect(await page.getByLabel('Fine-grained personal access token').inputValue()).toBe(TOKEN);
    await page.getByRole('button', { name: 'Show the changes' }).click();
    const conflict = page.locator('[data-testid="publish-conflict"][data-path="README.md"]');
    await conflict.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="publish-conflict"]').count()).toBe(1);
    await expect(conflict.textContent()).resolves.toMatch(/Edited by hand since Opsta wrote it/);
    expect(await conflict.locator('.diff-del').allTextContents()).toContain('-A note we wrote by hand.');
    const tick = conflict.getByRole('checkbox', { name: 'Overwrite README.md with the generated version' });
    expect(await tick.isChecked()).toBe(false);
    expect(await page.getByTestId('publish-summary').textContent()).toMatch(/^0 to add, [1-9]\d* to change, 0 to remove, 1 hand-edited\.$/);
    expect(await axeViolations(page), 'axe on a conflict').toEqual([]);
    await page.screenshot({ path: screenshotPath('planner-5-publish-conflict'), fullPage: true });
    // On a phone the diff scrolls in its own box; the page itself does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), 'axe on a conflict at 360 px').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Tick it: the generated version replaces the hand edit; the same pull request is updated.
    await tick.check();
    await publishButton.click();
    await page.getByTestId('publish-pr-link').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('publish-result').textContent()).toMatch(/Pull request #1 updated:/);
    const second = expectedFiles(BUDGET);
    const after = gh.files(REPO, first.branch)!;
    expect(after['README.md']).toBe(second.files['README.md']);
    expect(after['README.md']).not.toContain('A note we wrote by hand.');
    for (const [p, text] of Object.entries(second.files)) expect(after[p], p).toBe(text);
    expect(gh.pulls(REPO)).toHaveLength(1);

    // Showing the changes again: nothing left to do.
    await page.getByRole('button', { name: 'Show the changes' }).click();
    await expect.poll(() => page.getByTestId('publish-summary').textContent(), { timeout: 60_000 }).toBe(`${first.branch} already holds this plan’s files: publishing writes nothing.`);

    // Where the token went: only to the allowed origin, only as Authorization; every double request came through it.
    expect(gh.violations).toEqual([]);
    expect(proxy.refused).toEqual([]);
    expect(proxy.requests.length).toBeGreaterThan(10);
    expect(gh.requests.length).toBe(proxy.requests.length);
    for (const r of proxy.requests) {
      expect(r.origin).toBe(site.url);
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.path).not.toContain(TOKEN);
      expect(r.body).not.toContain(TOKEN);
      expect(Object.entries(r.headers).filter(([, v]) => String(v).includes(TOKEN)).map(([k]) => k)).toEqual(['authorization']);
    }
    expect(foreign).toEqual([]);
    expect(site.problems).toEqual([]);
    const stored = () => page.evaluate(() => ({ session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }), url: location.href }));
    let s = await stored();
    expect(s.session).not.toContain(TOKEN);
    expect(s.local).not.toContain(TOKEN);
    expect(s.url).not.toContain(TOKEN);
    expect(consoleAll.filter((m) => m.includes(TOKEN))).toEqual([]);
    expect(problems).toEqual([]);

    // Ticked: this tab's sessionStorage keeps it (a reload finds it); unticked: gone. Never localStorage.
    await page.getByLabel('Keep the token in this tab’s session storage until the tab is closed').check();
    s = await stored();
    expect(JSON.parse(s.session)[TOKEN_KEY]).toBe(TOKEN);
    expect(s.local).not.toContain(TOKEN);
    await page.reload();
    await waitForPlanner(page);
    await page.locator('button[data-step="publish"]').click();
    expect(await page.getByLabel('Fine-grained personal access token').inputValue()).toBe(TOKEN);
    await page.getByLabel('Keep the token in this tab’s session storage until the tab is closed').uncheck();
    s = await stored();
    expect(s.session).not.toContain(TOKEN);
    expect(s.local).not.toContain(TOKEN);
    expect(consoleAll.filter((m) => m.includes(TOKEN))).toEqual([]);

    // The CSP is what keeps the token on that origin: the double itself (another origin) is unreachable from the page.
    const before = gh.requests.length;
    const reached = await page.evaluate(async (u) => fetch(`${u}/repos/acme/acme-platform`).then(() => true, () => false), gh.apiUrl);
    expect(reached).toBe(false);
    expect(gh.requests.length).toBe(before);
    await context.close();
  }, 300_000);
});
