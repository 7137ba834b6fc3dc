// End to end, in the Debian chromium: landing page, import, small screens and dark theme,
// the JavaScript budget and the CSP. The per-cloud flows are in flow-*.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOwnPlan, catalog, expectAccessible, fillAccount, newPage, siteUnderTest } from './flow.ts';
import { hasChromium, ROOT, screenshotPath, waitForPlanner } from './helpers.ts';
import { en } from '../../site/src/i18n/en.ts';
import { ko } from '../../site/src/i18n/ko.ts';

describe.skipIf(!hasChromium)('site end to end', () => {
  const env = siteUnderTest();

  it('landing page: one screen, sample graph, link to start; accessible, no console errors', async () => {
    const { context, page, console, foreign } = await newPage(env);
    await page.goto(`${env.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/platform repository/);
    expect(await page.locator('.sample-graph svg[role="img"]').count()).toBe(1);
    await expectAccessible(page, 'landing');
    await page.screenshot({ path: screenshotPath('landing'), fullPage: true });
    await page.getByRole('link', { name: 'Start planning' }).click();
    await waitForPlanner(page);
    expect(page.url()).toMatch(/\/planner/);
    const schema = await page.evaluate(async () => (await fetch('/schemas/plan.schema.json')).json());
    expect(schema.title).toBe('Opsta plan');
    expect(console).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('import by paste and by file; invalid imports list their problems', async () => {
    const { context, page, console } = await newPage(env);
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    await page.getByText('Import an existing plan').click();
    await page.getByLabel('Or paste the plan YAML').fill('apiVersion: opsta.dev/v1\nkind: Plan\ncloud: { provider: aws, region: mars-1 }\n');
    await page.getByRole('button', { name: 'Import pasted plan' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Problems in the imported plan' }).textContent()).toMatch(/cloud.region/);
    // An example imports, but its placeholder account ID and example repository are problems, not a valid plan.
    await page.locator('#import-file').setInputFiles(join(ROOT, 'examples/aws-medium.plan.yaml'));
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Imported aws-medium\.plan\.yaml: 2 problem/);
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/ap-northeast-2 · 7 components .* 2 problems to fix/);
    // The same plan as the user's own imports valid.
    const own = join(mkdtempSync(join(tmpdir(), 'opsta-import-')), 'aws-medium.plan.yaml');
    writeFileSync(own, asOwnPlan(readFileSync(join(ROOT, 'examples/aws-medium.plan.yaml'), 'utf8'), 'aws'));
    await page.locator('#import-file').setInputFiles(own);
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/ap-northeast-2 · 7 components .* plan is valid/);
    expect(console).toEqual([]);
    await context.close();
  });

  it('review lists the problems; each one takes you to its field', async () => {
    const { context, page, console } = await newPage(env);
    await page.goto(`${env.url}/planner`);
    await waitForPlanner(page);
    await page.locator('button[data-step="parameters"]').click();
    await page.getByLabel('Owner (user or organization)').fill('');
    await page.getByLabel('ACME email').fill('');
    await page.getByLabel('Required reviewers (optional)').fill('alice, bad_name!');
    await expect.poll(() => page.locator('#f-github-reviewers-error').textContent()).toBe('item 2 must be a GitHub username');
    await page.getByLabel('Required reviewers (optional)').fill('alice');
    await expect.poll(() => page.locator('#f-github-reviewers-error').textContent()).toBe('');
    await expect.poll(() => page.locator('#f-github-owner-error').textContent()).toMatch(/GitHub user or organization/);
    await page.locator('button[data-step="review"]').click();
    // The two emptied fields, and the AWS account ID and GitHub repository a new plan starts without.
    await expect.poll(() => page.getByTestId('validation-problems').textContent()).toMatch(/^4 problems/);
    await expectAccessible(page, 'review with problems');
    await page.screenshot({ path: screenshotPath('planner-4-review-problems'), fullPage: false });
    await page.getByRole('button', { name: 'github.owner' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-github-owner');
    expect(await page.locator('#f-tls-email-error').textContent()).toMatch(/required for Let's Encrypt/);
    expect(console).toEqual([]);
    await context.close();
  });

  it('360 px wide, dark theme: no horizontal scrolling, accessible', async () => {
    const { context, page, console } = await newPage(env, { width: 360, dark: true });
    for (const path of ['/', '/planner']) {
      await page.goto(`${env.url}${path}`);
      if (path === '/planner') await waitForPlanner(page);
      for (const step of path === '/planner' ? ['cloud', 'components', 'parameters', 'review'] : ['']) {
        if (step) await page.locator(`button[data-step="${step}"]`).click();
        if (step === 'parameters') await fillAccount(page, 'aws');
        if (step === 'components') await page.waitForSelector('[data-testid="graph-svg"] svg', { timeout: 15_000 });
        if (step === 'review') await page.getByTestId('file-view').waitFor({ timeout: 15_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow on ${path} ${step}`).toBeLessThanOrEqual(0);
        await expectAccessible(page, `${path} ${step} at 360px dark`);
        await page.screenshot({ path: screenshotPath(`mobile-dark${path === '/' ? '-landing' : `-${step}`}`), fullPage: false });
      }
    }
    // The toggle overrides the system preference.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(console).toEqual([]);
    await context.close();
  });

  // Both languages: /ko/planner hydrates its own entry (PlannerKo.tsx) with the Korean catalog.
  // The issue's 150 KB is the English planner's. The Korean page carries the same code plus its
  // catalog (Hangul is 3 bytes a character in UTF-8) and the translator of catalog data: 152.8 KB
  // at most so far (162 before its catalog and validation text were split out; site/README.md,
  // Languages, lists what would take it under 150). Its own budget keeps it from growing unnoticed.
  const BUDGET_KB = { en: 150, ko: 155 } as const;
  for (const [lang, prefix] of [['en', ''], ['ko', '/ko']] as const) {
    it(`JavaScript budget (${lang}): planner ≤ ${BUDGET_KB[lang]} KB gzip before the graph; mermaid only once a user is there, the generator only on Review`, async () => {
      const { context, page, console } = await newPage(env);
      // The remembered choice, so that the head script keeps the page in this language whatever the browser's.
      await context.addInitScript((l) => localStorage.setItem('opsta.lang', l), lang);
      const js = new Map<string, number>();
      // Each island carries its own catalog only (PlannerEn.tsx / PlannerKo.tsx): the other language's is never fetched.
      const otherCatalog = (lang === 'en' ? ko : en)['steps.nav'];
      const withOther: string[] = [];
      page.on('response', async (r) => {
        if (!r.url().endsWith('.js') || r.url().includes('__test__')) return;
        const body = await r.body();
        js.set(new URL(r.url()).pathname, gzipSync(body, { level: 9 }).length);
        if (body.includes(otherCatalog)) withOther.push(new URL(r.url()).pathname);
      });
      const total = () => [...js.values()].reduce((a, b) => a + b, 0);
      /** The JS the page requested before the graph's code started loading (Graph.tsx marks "opsta:graph-load"). */
      const beforeGraph = () =>
        page.evaluate(() => {
          const mark = performance.getEntriesByName('opsta:graph-load')[0]?.startTime ?? Infinity;
          return performance.getEntriesByType('resource').filter((e) => e.startTime < mark).map((e) => new URL(e.name).pathname);
        });
      const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
      await page.goto(`${env.url}${prefix}/`);
      await page.waitForLoadState('networkidle');
      const landing = total();
      js.clear();
      await page.goto(`${env.url}${prefix}/planner`);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/planner`);
      await page.waitForLoadState('networkidle');
      // Until the first sign of a user (client:intent) the page only preloads the island's entry modules.
      const beforeUser = total();
      expect(await page.locator('astro-island[ssr]').count(), 'the planner waits for a user before hydrating').toBe(1);
      expect([...js.keys()].some((p) => /mermaid/.test(p)), 'mermaid not fetched before a user is there').toBe(false);
      await waitForPlanner(page);
      // Hydrated, on the first step: once idle it starts loading the graph's code ahead of the Components step.
      await page.waitForFunction(() => performance.getEntriesByName('opsta:graph-load').length > 0, undefined, { timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      const planner = (await beforeGraph()).reduce((a, p) => a + (js.get(p) ?? 0), 0);
      process.stdout.write(`JS gzip -9 (${lang}): ${prefix}/planner before the graph ${kb(planner)} KB (budget ${BUDGET_KB[lang]} KB)\n`);
      expect(withOther, `the ${lang === 'en' ? 'Korean' : 'English'} catalog is not fetched`).toEqual([]);
      expect(planner).toBeLessThanOrEqual(BUDGET_KB[lang] * 1024);
      const t0 = await page.evaluate(() => performance.now());
      await page.locator('button[data-step="components"]').click();
      await page.waitForSelector('[data-testid="graph-svg"] svg', { timeout: 15_000 });
      const drawnMs = (await page.evaluate(() => performance.getEntriesByName('opsta:graph-drawn')[0]!.startTime)) - t0;
      await page.waitForLoadState('networkidle');
      const withGraph = total();
      expect([...js.keys()].some((p) => /generator/.test(p)), 'the generator is not fetched before Review').toBe(false);
      await page.locator('button[data-step="parameters"]').click();
      await fillAccount(page, 'aws');
      await page.locator('button[data-step="review"]').click();
      await page.getByTestId('file-view').waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      const withReview = total();
      process.stdout.write(`JS gzip -9 (${lang}): landing ${kb(landing)} KB; planner before a user ${kb(beforeUser)} KB, before the graph ${kb(planner)} KB; + graph ${kb(withGraph)} KB (drawn ${Math.round(drawnMs)} ms after reaching the step); + review/generator ${kb(withReview)} KB\n`);
      expect(landing).toBeLessThan(5 * 1024);
      expect(beforeUser).toBeLessThanOrEqual(planner);
      // Review + the generator (precompiled templates for every stage and the five executor workflows,
      // nunjucks-slim, js-yaml) + the plan's cloud's templates only (their own chunk): about 116 KB,
      // was 135.4 KB with every cloud's. The executor runtime itself is fetched as a static asset,
      // not counted here: it is a file of the generated repository, not code the planner runs.
      expect(withReview - withGraph).toBeLessThanOrEqual(125 * 1024);
      // Only the plan's cloud (aws here) was loaded.
      expect([...js.keys()].some((u) => /templates-aws\./.test(u))).toBe(true);
      expect([...js.keys()].some((u) => /templates-(azure|gcp)\./.test(u))).toBe(false);
      // The goal is one second (npm run bench reports it); the test allows for a loaded 2-CPU machine.
      expect(drawnMs).toBeLessThan(4000);
      expect(console).toEqual([]);
      await context.close();
    });
  }

  it('before hydration: a click on a step button or a cloud is not lost, it takes effect once the planner hydrates', async () => {
    const { context, page, console } = await newPage(env);
    await page.goto(`${env.url}/planner`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('astro-island[ssr]').count()).toBe(1);
    // Clicks dispatched by script: no pointer move or focus before them, so each lands while the
    // island is still the server's HTML (the first one is also what starts hydration).
    await page.evaluate(() => {
      document.querySelector<HTMLInputElement>('input[name="cloud-provider"][value="azure"]')!.click();
      document.querySelector<HTMLButtonElement>('button[data-step="components"]')!.click();
    });
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('2. Components');
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/^Azure · /);
    expect(console).toEqual([]);
    await context.close();
  });

  it('a returning user (a #plan= link) gets the planner hydrated without any interaction', async () => {
    const { context, page, console } = await newPage(env);
    const { encodePlanHash } = await import('../../site/src/lib/hash.ts');
    const { defaultDraft } = await import('../../site/src/lib/planModel.ts');
    const draft = defaultDraft(catalog, 'gcp');
    await page.goto(`${env.url}/planner${encodePlanHash(draft)}`);
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('summary').textContent()).toMatch(/^Google Cloud · /);
    expect(console).toEqual([]);
    await context.close();
  });

  it('CSP: hashed scripts, no unsafe-eval; inline styles only on /planner', async () => {
    const { readFileSync } = await import('node:fs');
    const csp = (file: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(readFileSync(join(ROOT, 'site/dist', file), 'utf8'))?.[1] ?? '';
    for (const file of ['index.html', 'planner/index.html']) {
      const policy = csp(file);
      expect(policy, file).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(policy, file).not.toMatch(/unsafe-eval/);
      expect(policy, file).toMatch(/default-src 'self'/);
      expect(/script-src[^;]*unsafe-inline/.test(policy), file).toBe(false);
    }
    expect(csp('index.html')).not.toMatch(/unsafe-inline/);
    expect(csp('planner/index.html')).toMatch(/style-src-attr 'unsafe-inline'/);
  });
});
