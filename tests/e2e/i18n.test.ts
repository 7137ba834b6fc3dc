// End to end, in the Debian chromium (issue 10): the planner in Korean. The browser's language
// picks it, the header toggle switches it (every visible string changes: no English word is
// left but names on the allow-list), the choice survives a reload and later visits, and the
// validation errors the planner shows are in Korean.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ko, koData } from '../../site/src/i18n/ko.ts';
import { expectAccessible, fillAccount, newPage, siteUnderTest } from './flow.ts';
import { hasChromium, screenshotPath, waitForPlanner } from './helpers.ts';

/**
 * Words Korean writes in Latin script: product and cloud names, protocols and units, and the
 * toggle's "English". Anything else in Latin letters on a Korean page is an untranslated string;
 * a field name or value the text names is code (backticks, shown as <code translate="no">).
 */
const ALLOWED = new Set(
  (
    'Opsta English Amazon Kubernetes Helm Terraform CIDR VPC AWS Azure GCP Google Cloud EKS AKS GKE RKE GitHub Actions Harbor Vault Keycloak Teleport ' +
    'cert-manager Prometheus Grafana Argo CD Gateway API Envoy external-dns kube-prometheus-stack DNS TLS NAT KMS SSO OIDC HTTPS SSH GitOps ' +
    "JSON Schema YAML Mermaid Let's Encrypt ACME USD vCPU GiB CLI FQDN RFC ID IPv"
  ).split(' '),
);
/** Product names of several words, taken out before the words are checked ("Service" alone is English). */
const ALLOWED_PHRASES = ['Azure Kubernetes Service', 'Elastic Kubernetes Service', 'Google Kubernetes Engine', 'Azure Portal', 'Microsoft Entra ID', 'Key Management Service'];

/** Visible text (and user-facing attributes) of the page, without code and untranslatable spans (translate="no"). */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => Boolean(el?.closest('code, pre, script, style, [translate="no"]'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || !el || skip(el)) continue;
      const shown = el.closest('option') ? Boolean(el.closest('select')?.checkVisibility()) : el.checkVisibility({ visibilityProperty: true } as never);
      if (shown) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (skip(el) || !el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    }
    return out;
  });
}

/** Latin-letter words that are not on the allow-list; identifiers (digits, dots, slashes) are not words. */
function englishLeft(texts: string[]): string[] {
  const left = new Set<string>();
  for (const raw of texts) {
    // A Latin gloss right after the Korean word, "구독(Subscriptions)": the label of an English-only
    // console the user is sent to, next to its translation.
    const text = ALLOWED_PHRASES.reduce((acc, phrase) => acc.replaceAll(phrase, ' '), raw).replace(/(?<=[\uac00-\ud7a3])\([A-Za-z][A-Za-z -]*\)/gu, ' ');
    for (const token of text.split(/[\s,;:()[\]{}·×=<>"“”!?…|+*]+/)) {
      const word = token.replace(/^[-'.]+|[-'.]+$/g, '').replace(/(을|를|은|는|이|가|에|의|와|과|로|으로|도|만)?(\(.*)?$/u, '');
      if (!word || /[\d./_@#$%`]/.test(word) || !/[A-Za-z]/.test(word)) continue;
      const latin = word.replace(/[\uac00-\ud7a3].*$/u, ''); // "Harbor을(를)": the name, then Korean
      if (latin && !ALLOWED.has(latin) && !latin.split('-').every((w) => ALLOWED.has(w))) left.add(latin);
    }
  }
  return [...left];
}

async function expectAllKorean(page: Page, where: string) {
  const texts = await visibleText(page);
  expect(texts.join(' '), where).toMatch(/[\uac00-\ud7a3]/);
  expect(englishLeft(texts), `English left on ${where}`).toEqual([]);
}

describe.skipIf(!hasChromium)('planner in Korean', () => {
  const env = siteUnderTest();

  it('the browser language chooses Korean; the page says lang="ko"', async () => {
    const context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.url}/planner`);
    await page.waitForURL(/\/ko\/planner$/);
    await waitForPlanner(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.locator('h1').textContent()).toBe(ko['planner.heading']);
    await context.close();
  });

  it('the toggle switches every visible string, survives a reload, and validation errors are Korean', async () => {
    const { context, page, console } = await newPage(env);
    await page.goto(`${env.url}/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: '한국어' }).click();
    await page.waitForURL(/\/ko\/$/);
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('opsta.lang')])).toEqual(['ko', 'ko']);
    await expectAllKorean(page, 'the landing page');
    await expectAccessible(page, 'Korean landing page');

    await page.getByRole('link', { name: ko['landing.start'] }).click();
    await page.waitForURL(/\/ko\/planner$/);
    await waitForPlanner(page);
    await expectAllKorean(page, 'step 1');
    await page.locator('input[name="cloud-region"][value="ap-northeast-2"]').check();

    await page.getByRole('button', { name: `다음: ${ko['step.components']}` }).click();
    await page.getByRole('checkbox', { name: 'Harbor' }).check();
    await expect.poll(() => page.getByTestId('toggle-message').textContent()).toMatch(/^Harbor에 필요한 .*cert-manager.*도 함께 켰습니다\.$/);
    for (const name of ['Keycloak', koData.components.monitoring!.name!]) await page.getByRole('checkbox', { name }).check();
    await page.locator('[data-testid="graph-svg"] svg').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-testid="graph-svg"] svg').textContent(), { timeout: 10_000 }).toContain('플랫폼');
    await expectAllKorean(page, 'step 2 with the graph');
    await expectAccessible(page, 'Korean components step');
    await page.screenshot({ path: screenshotPath('planner-ko-components'), fullPage: true });

    await page.locator('button[data-step="parameters"]').click();
    // Validation errors in Korean: a missing account ID and an invalid CIDR.
    await page.locator('#f-network-cidr').fill('10.40.0.1/16');
    await expect.poll(() => page.locator('#f-network-cidr-error').textContent()).toBe('"10.40.0.1/16"은(는) 호스트 비트가 없는 IPv4 CIDR 형식이 아닙니다. 예: "10.40.0.0/16"');
    await page.locator('#f-network-cidr').fill('10.40.0.0/16');
    await page.locator('#f-kubernetes-nodePools-0-min').fill('9');
    await page.locator('#f-kubernetes-nodePools-0-max').fill('2');
    await expect.poll(() => page.locator('#f-kubernetes-nodePools-0-max-error').textContent()).toBe(koData.problems['pool.maxBelowMin']!.replace('{max}', '2').replace('{min}', '9'));
    await page.locator('#f-kubernetes-nodePools-0-max').fill('12');
    await expectAllKorean(page, 'step 3');
    await page.screenshot({ path: screenshotPath('planner-ko-parameters'), fullPage: true });

    await page.locator('button[data-step="review"]').click();
    const problems = page.locator('ul.problems');
    await expect.poll(() => problems.textContent()).toContain('값이 비어 있습니다. 12자리 AWS 계정 ID을(를) 입력하세요');
    expect(await page.getByTestId('validation-problems').textContent()).toMatch(/^저장소를 생성하려면 문제 \d+개를 고쳐야 합니다:$/);
    await expectAllKorean(page, 'review with problems');

    await page.locator('button[data-step="parameters"]').click();
    await fillAccount(page, 'aws');
    await page.locator('button[data-step="review"]').click();
    await page.getByTestId('file-view').waitFor({ timeout: 20_000 });
    await expectAllKorean(page, 'review');
    await expectAccessible(page, 'Korean review');
    await page.screenshot({ path: screenshotPath('planner-ko-review'), fullPage: true });
    await page.locator('button[data-step="publish"]').click();
    await expectAllKorean(page, 'publish');

    // Remembered: a reload stays Korean, and so does the English address.
    await page.reload();
    await waitForPlanner(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await expectAllKorean(page, 'after a reload');
    await page.goto(`${env.url}/planner`);
    await page.waitForURL(/\/ko\/planner/);
    await waitForPlanner(page);
    expect(await page.locator('h1').textContent()).toBe(ko['planner.heading']);

    // And back to English, with the plan kept.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL((u) => u.pathname === '/planner');
    await waitForPlanner(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('summary').textContent()).toContain('ap-northeast-2');
    expect(console).toEqual([]);
    await context.close();
  });

  it('the English-word check fails on an English string', () => {
    expect(englishLeft(['플랜이 유효합니다.', 'Harbor을(를) 켰습니다.', 'm6i.xlarge', 'cert-manager'])).toEqual([]);
    expect(englishLeft(['플랜 The plan is valid.'])).toEqual(['The', 'plan', 'is', 'valid']);
    // Generic words are not names: "state", "Service" alone, "min".
    expect(englishLeft(['state 버킷', 'Service 요금', 'min을 늘리세요', 'Azure Kubernetes Service (관리형)', '상태(state) 버킷'])).toEqual(['state', 'Service', 'min']);
    expect(englishLeft(['(state) 버킷'])).toEqual(['state']); // a gloss needs its Korean word
  });
});
