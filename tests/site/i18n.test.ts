// The planner's languages (issue 10): the Korean catalog has exactly the English keys and
// Korean for every component, region and account field; no user-facing literal is left in the
// site's sources; the language rule of the inline head script is pickLang's; validation
// messages, cost prose and graph labels are recognised, so the Korean planner shows them in Korean.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { planGraph } from '../../generator/src/graph.ts';
import { ACCOUNT_FIELDS } from '../../schemas/plan.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { en, enData } from '../../site/src/i18n/en.ts';
import { ko, koData } from '../../site/src/i18n/ko.ts';
import { createLocale } from '../../site/src/i18n/locale.ts';
import { decodeLabel, graphLabel, localizeGraph } from '../../site/src/i18n/graph.ts';
import { LANG_SCRIPT } from '../../site/src/i18n/lang-script.ts';
import { localizeCostText, matchCostText } from '../../site/src/i18n/cost-text.ts';
import { enReview } from '../../site/src/i18n/review-en.ts';
import { koReview } from '../../site/src/i18n/review-ko.ts';
import { enPublish } from '../../site/src/i18n/publish-en.ts';
import { koPublish } from '../../site/src/i18n/publish-ko.ts';
import { problemCode } from '../../site/src/i18n/problem-codes.ts';
import { translateProblem } from '../../site/src/i18n/problem-text.ts';
import { format, pathFor, pickLang, translator } from '../../site/src/i18n/t.ts';
import { defaultDraft, draftToPlan } from '../../site/src/lib/planModel.ts';
import { ALLOWED_ERRORS, astroLiterals, tsErrorLiterals, tsxLiterals } from './i18n-literals.ts';

const ROOT = join(import.meta.dirname, '../..');
const { catalog } = nodeGenerateOptions();
const KO = createLocale('ko', ko, koData, catalog, { translateProblem, localizeGraph });
const EN = createLocale('en', en, enData, catalog);
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const hangul = /[\uac00-\ud7a3]/;

describe('message catalogs', () => {
  it('Korean has exactly the English keys, each with the same placeholders (main and Review catalogs)', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(ko[k]), k).toEqual(placeholders(en[k]));
    expect(Object.keys(koReview).sort()).toEqual(Object.keys(enReview).sort());
    for (const k of Object.keys(enReview) as (keyof typeof enReview)[]) expect(placeholders(koReview[k]), k).toEqual(placeholders(enReview[k]));
    // One catalog per key: the Review step's keys are not also in the main catalog.
    expect(Object.keys(enReview).filter((k) => Object.hasOwn(en, k))).toEqual([]);
    // The Publish step's catalog (publish-en.ts / publish-ko.ts), the same way.
    expect(Object.keys(koPublish).sort()).toEqual(Object.keys(enPublish).sort());
    for (const k of Object.keys(enPublish) as (keyof typeof enPublish)[]) expect(placeholders(koPublish[k]), k).toEqual(placeholders(enPublish[k]));
    expect(Object.keys(enPublish).filter((k) => Object.hasOwn(en, k) || Object.hasOwn(enReview, k))).toEqual([]);
  });

  it('the key check fails on a missing or an extra key', () => {
    const { 'step.cloud': _gone, ...missing } = ko;
    expect(Object.keys(missing).sort()).not.toEqual(Object.keys(en).sort());
    expect(Object.keys({ ...ko, 'step.extra': 'x' }).sort()).not.toEqual(Object.keys(en).sort());
  });

  it('every Korean message is Korean, apart from names and codes', () => {
    const words = (v: string) => v.replace(/\{\w+\}/g, '');
    const latinOnly = Object.entries({ ...ko, ...koReview, ...koPublish }).filter(([, v]) => /\p{L}/u.test(words(v)) && !hangul.test(v));
    // Product names and technical labels written the same in Korean.
    expect(latinOnly.map(([k]) => k).sort()).toEqual(['landing.terminal.schema', 'network.cidr', 'pools.instanceOption', 'site.lang.other', 'tls.letsencrypt']);
  });

  it('Korean for every component, region and account field of the catalog', () => {
    for (const key of Object.keys(catalog.components)) expect(koData.components[key]?.description, key).toMatch(hangul);
    for (const cloud of Object.values(catalog.clouds)) for (const r of cloud.regions) expect(koData.regions[r.id], r.id).toMatch(hangul);
    for (const f of Object.keys(ACCOUNT_FIELDS)) {
      expect(koData.accounts[f]?.where, f).toContain('{command}');
      expect(KO.account(f)!.where, f).toMatch(/`[^`]+`/); // the English text's command, kept as code
    }
  });

  it('format, plurals and lists', () => {
    expect(format('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x');
    expect(format('{missing}', {})).toBe('{missing}');
    const t = translator('en', en);
    expect(t.tp('summary.problems', 1)).toBe('1 problem to fix');
    expect(t.tp('summary.problems', 3)).toBe('3 problems to fix');
    expect(t.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(translator('ko', ko).list(['a', 'b', 'c'])).toBe('a, b, c');
  });
});

describe('language choice', () => {
  /** Runs the inline head script as a browser would, returning where it navigated (or undefined). */
  const runScript = (pathname: string, lang: 'en' | 'ko', stored: string | null, languages: string[]) => {
    let went: string | undefined;
    runInNewContext(LANG_SCRIPT, {
      localStorage: { getItem: () => stored },
      navigator: { languages, language: languages[0] },
      document: { documentElement: { lang } },
      location: { pathname, search: '?q=1', hash: '#plan=abc', replace: (to: string) => (went = to) },
    });
    return went;
  };

  it('the head script follows pickLang and keeps the query and the plan hash', () => {
    const cases: [string | null, string[]][] = [
      [null, ['ko-KR', 'en-US']],
      [null, ['en-US', 'ko']],
      [null, ['fr-FR', 'ko']],
      [null, ['fr-FR']],
      [null, []],
      ['en', ['ko-KR']],
      ['ko', ['en-US']],
      ['xx', ['ko']],
    ];
    for (const [stored, languages] of cases) {
      for (const [pathname, lang] of [['/planner', 'en'], ['/ko/planner', 'ko'], ['/', 'en'], ['/ko/', 'ko']] as const) {
        const want = pickLang(stored, languages);
        const went = runScript(pathname, lang, stored, languages);
        expect(went, `${stored} ${languages} on ${pathname}`).toBe(want === lang ? undefined : `${pathFor(pathname, want)}?q=1#plan=abc`);
      }
    }
    expect(pickLang(null, ['ko-KR'])).toBe('ko');
    expect(pathFor('/ko/planner', 'en')).toBe('/planner');
    expect(pathFor('/', 'ko')).toBe('/ko/');
  });
});

describe('no user-facing literal outside the catalog', () => {
  const dir = join(ROOT, 'site/src');
  const all = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !/\.test\.tsx?$|\.d\.ts$/.test(f));
  const files = all.filter((f) => /\.(tsx|astro)$/.test(f)).map((f) => join(dir, f));
  // The modules' own errors; i18n/ holds the catalogs and the code that reads them.
  const modules = all.filter((f) => /\.ts$/.test(f) && !f.startsWith('i18n/'));

  it('scans every .tsx and .astro file of the site', async () => {
    expect(files.length).toBeGreaterThan(8);
    const found = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      found.push(...(f.endsWith('.tsx') ? tsxLiterals(f, src) : await astroLiterals(f, src)));
    }
    expect(found.map((l) => `${l.file.slice(dir.length + 1)}:${l.line}: ${l.text}`)).toEqual([]);
  });

  it("scans the error texts of every .ts module of the site (the allow-list's entries still exist)", () => {
    expect(modules.length).toBeGreaterThan(8);
    const found = modules.flatMap((f) => tsErrorLiterals(f, readFileSync(join(dir, f), 'utf8')));
    expect(found.filter((l) => !ALLOWED_ERRORS[l.file]?.includes(l.text)).map((l) => `${l.file}:${l.line}: ${l.text}`)).toEqual([]);
    const stale = Object.entries(ALLOWED_ERRORS).flatMap(([file, texts]) => texts.filter((t) => !found.some((l) => l.file === file && l.text === t)).map((t) => `${file}: ${t}`));
    expect(stale).toEqual([]);
  });

  it('fails on each kind of literal', async () => {
    const tsx = [
      'const a = <p>Hello there</p>;',
      'const b = <button aria-label="Close it">×</button>;',
      "const c = <p>{ok ? 'Plan is fine' : ''}</p>;",
      'const d = <p>{`about ${n} things`}</p>;',
      'const e = <input placeholder={`Type here`} />;',
      'const f = <img alt="A graph" />;',
      // Any string prop of a custom component, literal or through an expression.
      'const g = <Field label="Monthly budget" id="f-budget" />;',
      "const h = <Card heading={big ? 'Large plan' : 'Small plan'} />;",
      'const i = <Notice text={`Saved ${n}`} />;',
      // Text in a .map callback.
      "const j = <ul>{xs.map((x) => 'an item')}</ul>;",
      'const k = <p aria-description="More words" />;',
    ];
    for (const src of tsx) expect(tsxLiterals('x.tsx', src).length, src).toBeGreaterThan(0);
    expect(tsxLiterals('x.tsx', "const ok = <p>{t('a')} · <code>npm run build</code> {n}</p>;")).toEqual([]);
    // Props that hold identifiers and tokens are not text.
    expect(tsxLiterals('x.tsx', '<a className="btn btn--big" href="/planner" data-testid="the thing" aria-live="polite" role="status" type="button" scope="col">{t("a")}</a>')).toEqual([]);
    expect(await astroLiterals('x.astro', '---\nconst x = "key.only"\n---\n<div title="Some title"><p>Hello</p><code>npm ci</code><p>{t("a")}</p></div>')).toHaveLength(2);
    // Astro: a component's string prop, a string an expression renders, an expression attribute, frontmatter prose.
    const astro = [
      '<Base label="Plan your platform"></Base>',
      "<p>{ok ? 'It works fine' : t('a')}</p>",
      "<ul>{xs.map((x) => <li>{x}</li>)}{'and more'}</ul>",
      "<img alt={big ? 'A large graph' : ''} />",
      '---\nconst heading = "Plan your platform today";\n---\n<h1>{heading}</h1>',
    ];
    for (const src of astro) expect((await astroLiterals('x.astro', src)).length, src).toBeGreaterThan(0);
    expect(await astroLiterals('x.astro', "---\nimport X from '../a b c.ts';\nconst d = [\"default-src 'self'\", 'a-b c-d e-f'];\n---\n<p class={ok ? 'a b' : 'c d e'}>{t('k')}</p>")).toEqual([]);
    // .ts modules: the text of an error; a one-word kind is a code.
    expect(tsErrorLiterals('x.ts', "throw new Error(`could not load the thing (${s})`);").length).toBeGreaterThan(0);
    expect(tsErrorLiterals('x.ts', "throw new PublishFailure('tokenMissing', 'no token here');").map((l) => l.text)).toEqual(['no token here']);
    expect(tsErrorLiterals('x.ts', "throw new RuntimeLoadError(404); const s = 'not an error text';")).toEqual([]);
  });
});

describe('validation messages in Korean', () => {
  const draft = () => {
    const d = defaultDraft(catalog, 'aws');
    d.cloud.aws = { accountId: '482916037251' };
    return d;
  };
  const problemsOf = (mutate: (d: ReturnType<typeof draft>) => void) => {
    const d = draft();
    mutate(d);
    const v = validatePlan(draftToPlan(d), catalog);
    return v.ok ? [] : v.problems;
  };
  const cases: [string, (d: ReturnType<typeof draft>) => void, string, string | undefined][] = [
    ['missing account', (d) => (d.cloud.aws = { accountId: '' }), 'cloud.aws.accountId', 'account.missing'],
    ['placeholder account', (d) => (d.cloud.aws = { accountId: '123456789012' }), 'cloud.aws.accountId', 'account.placeholder'],
    ['invalid CIDR', (d) => (d.network.cidr = '10.40.0.1/16'), 'network.cidr', 'cidr.invalid'],
    ['public CIDR', (d) => (d.network.cidr = '8.8.0.0/16'), 'network.cidr', undefined],
    ['CIDR prefix', (d) => (d.network.cidr = '10.0.0.0/8'), 'network.cidr', 'cidr.prefix'],
    ['unknown instance type', (d) => (d.kubernetes.nodePools![0]!.instanceType = 'm9.huge'), 'kubernetes.nodePools[0].instanceType', 'instanceType.unknown'],
    ['max below min', (d) => (d.kubernetes.nodePools![0]!.max = 1), 'kubernetes.nodePools[0].max', 'pool.maxBelowMin'],
    ['dependency', (d) => (d.components.harbor = { enabled: true }), 'components.certManager', 'dependency'],
    ['empty name', (d) => (d.metadata.name = ''), 'metadata.name', undefined],
    ['Let\'s Encrypt email', (d) => delete d.tls.email, 'tls.email', undefined],
  ];
  for (const [name, mutate, path, code] of cases) {
    it(`${name}: coded and shown in Korean`, () => {
      const p = problemsOf(mutate).find((x) => x.path === path);
      expect(p, `a problem at ${path}`).toBeDefined();
      expect(problemCode(undefined, p!.message)?.code).toBe(code);
      const shown = KO.problem(p!.message);
      expect(shown, p!.message).toMatch(hangul);
      expect(EN.problem(p!.message)).toBe(p!.message); // English is the schema's own text
    });
  }

  it('required (the form resolver and validatePlan both) and a message with no translation', () => {
    expect(KO.problem('Invalid input: expected string, received undefined', 'invalid_type')).toBe(koData.problems.required);
    expect(KO.problem('is required (expected string)')).toBe(koData.problems.required);
    expect(KO.problem('something nobody translated')).toBe('something nobody translated');
  });

  it('the dependency message names components as Korean does', () => {
    const p = problemsOf((d) => (d.components.monitoring = { enabled: true }, (d.components.argocd = { enabled: true })));
    expect(p.length).toBeGreaterThanOrEqual(0);
    expect(KO.problem('Harbor needs cert-manager: set components.certManager.enabled to true (or turn Harbor off)')).toBe(
      'Harbor에는 cert-manager이(가) 필요합니다. `components.certManager.enabled`를 `true`로 설정하세요 (또는 Harbor을(를) 끄세요)',
    );
  });
  // Every message the schemas can write, and no stale translation: i18n-problems.test.ts.
});

describe('cost prose and graph labels', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.plan.yaml'));

  it('every cost line and note of the example plans is recognised and has Korean', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const f of examples) {
      const v = validatePlanText(readFileSync(join(ROOT, 'examples', f), 'utf8'), catalog);
      if (!v.ok) continue;
      const cost = estimateCost(v.resolved, catalog);
      for (const text of [...cost.lines.map((l) => l.description), ...cost.notes]) {
        const m = matchCostText(text);
        expect(m, `${f}: ${text}`).toBeDefined();
        expect(koData.cost[m!.rule], m!.rule).toMatch(hangul);
        expect(localizeCostText(text, koData.cost)).toMatch(hangul);
        expect(localizeCostText(text, enData.cost)).toBe(text);
      }
    }
  });

  it('the English catalog reproduces every graph label, and Korean rewrites each', () => {
    for (const f of examples) {
      const v = validatePlanText(readFileSync(join(ROOT, 'examples', f), 'utf8'), catalog);
      if (!v.ok) continue;
      const code = planGraph(v.resolved, catalog, { platform: 120, harbor: 30 });
      const isComponent = (id: string) => Object.hasOwn(catalog.components, id);
      for (const m of code.matchAll(/^\s*(?:subgraph )?(\w+)\[("[^"]*")\]$/gm)) {
        const label = decodeLabel(m[2]!);
        expect(graphLabel(m[1]!, label, EN, isComponent), `${f} ${m[1]}`).toBe(label);
      }
      expect(localizeGraph(code, EN, isComponent)).toBe(code);
      expect(EN.graph(code)).toBe(code); // the English planner shows the CLI's graph as is
      const korean = localizeGraph(code, KO, isComponent);
      expect(korean).toContain('flowchart LR');
      expect(decodeLabel(/s10\[("[^"]*")\]/.exec(korean)![1]!)).toBe(ko['graph.label.s10']);
    }
  });
});
