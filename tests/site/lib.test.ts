// The planner's pure logic, in Node: hash encoding, zip, diff, highlighting, YAML import,
// and the draft/toggle/profile reducers.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../blueprints/load-node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { githubMessage } from '../../schemas/plan.ts';
import { parsePlanYaml } from '../../schemas/plan-yaml.ts';
import { applyDiff, diffLines, diffRepos, hunks } from '../../site/src/lib/diff.ts';
import { decodePlanHash, encodePlanHash, fromBase64Url, toBase64Url } from '../../site/src/lib/hash.ts';
import { highlight, highlightLine, langFor } from '../../site/src/lib/highlight.ts';
import {
  applyProfile,
  autoEnableMessage,
  defaultDraft as newDraft,
  draftToPlan,
  enabledKeys,
  fitPools,
  forEstimate,
  planToDraft,
  setCloud,
  toggleComponent,
  type PlanDraft,
} from '../../site/src/lib/planModel.ts';
import { englishLocale } from '../../site/src/i18n/english.ts';
import { parsePlanText } from '../../site/src/lib/planYaml.ts';
import { crc32, zipFiles } from '../../site/src/lib/zip.ts';
import { exampleNames, loadExample } from '../generated/examples.ts';

const catalog = loadCatalog();

type Cloud = keyof typeof catalog.clouds;
/** Account values a user would type in (a new draft has them empty). */
const ACCOUNTS: Record<string, Record<string, string>> = {
  aws: { accountId: '482916037251' },
  azure: { subscriptionId: '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a36', tenantId: '7c1e5a2b-9d4f-4b8a-8e3c-6f0d2a9b5c17' },
  gcp: { projectId: 'acme-platform-prod' },
};
/** A repository a user would type in (a new draft has it empty). */
const REPOSITORY = { owner: 'hanbit-platform-team', repo: 'seoul-infra' };
/** A new draft with its account and repository filled in, as the planner has it once the user typed them. */
function defaultDraft(c: typeof catalog, id?: Cloud): PlanDraft {
  const d = newDraft(c, id);
  d.cloud[d.cloud.provider] = { ...ACCOUNTS[d.cloud.provider] };
  d.github = { ...d.github, ...REPOSITORY };
  return d;
}
/** Only the account fields are missing (a draft right after switching cloud). */
const onlyAccountMissing = (v: ReturnType<typeof validatePlan>, cloud: string) =>
  expect(v.ok ? [] : v.problems.map((p) => `${p.path} ${p.message.split(':')[0]}`)).toEqual(catalog.clouds[cloud as Cloud]!.accountFields.map((f) => `cloud.${cloud}.${f} is missing`));

describe('URL hash', () => {
  it('round-trips a draft, including non-ASCII text', () => {
    const draft = { ...defaultDraft(catalog), metadata: { name: 'acme-prod', environment: 'prod', description: 'Ünïcödé ✓ 雲' } };
    const hash = encodePlanHash(draft);
    expect(hash).toMatch(/^#plan=[A-Za-z0-9_-]+$/);
    expect(decodePlanHash(hash)).toEqual(draft);
    expect(hash.length).toBeLessThan(1200);
  });
  it('ignores hashes that are not plans or are damaged', () => {
    expect(decodePlanHash('')).toBeUndefined();
    expect(decodePlanHash('#section')).toBeUndefined();
    expect(decodePlanHash('#plan=not*base64')).toBeUndefined();
    expect(decodePlanHash('#plan=AAAA')).toBeUndefined();
  });
  it('base64url round-trips all byte values', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });
});

describe('zip', () => {
  const files = { 'b/z.txt': 'zzz\n', 'a.txt': 'hello ✓\n', 'empty': '' };
  it('is readable by another implementation (fflate) with the same contents', () => {
    const out = unzipSync(zipFiles(files));
    expect(Object.keys(out)).toEqual(['a.txt', 'b/z.txt', 'empty']);
    for (const [k, v] of Object.entries(files)) expect(new TextDecoder().decode(out[k])).toBe(v);
  });
  it('is deterministic: same bytes regardless of insertion order or time', () => {
    const a = zipFiles(files);
    const b = zipFiles({ empty: '', 'a.txt': 'hello ✓\n', 'b/z.txt': 'zzz\n' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // DOS date 1980-01-01, time 00:00 in the first local header
    const dv = new DataView(a.buffer);
    expect(dv.getUint16(10, true)).toBe(0);
    expect(dv.getUint16(12, true)).toBe(0x21);
  });
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('line diff', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['a\nb\nc\n', 'a\nb\nc\n'],
    ['', 'x\ny\n'],
    ['x\ny\n', ''],
    ['a\nb\nc\nd\n', 'a\nc\nd\ne\n'],
    ['a\nb\nc\na\nb\nb\na\n', 'c\nb\na\nb\na\nc\n'],
  ];
  it.each(cases)('edit script for %j -> %j reproduces both sides', (a, b) => {
    const ops = diffLines(a, b);
    const sides = applyDiff(ops);
    expect(sides.a.join('\n')).toBe(a.replace(/\n$/, ''));
    expect(sides.b.join('\n')).toBe(b.replace(/\n$/, ''));
  });
  it('is minimal on the classic Myers example (5 edits)', () => {
    const ops = diffLines('a\nb\nc\na\nb\nb\na\n', 'c\nb\na\nb\na\nc\n');
    expect(ops.filter((o) => o.kind !== 'same')).toHaveLength(5);
  });
  it('numbers lines and compacts unchanged runs', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const h = hunks(diffLines(a, b), 2);
    expect(h[0]).toEqual({ kind: 'gap', count: 8 });
    expect(h.filter((x) => x.kind === 'del')).toEqual([{ kind: 'del', text: 'l10', a: 11 }]);
    expect(h.filter((x) => x.kind === 'add')).toEqual([{ kind: 'add', text: 'L10', b: 11 }]);
  });
  it('lists added, removed and changed files', () => {
    expect(diffRepos({ a: '1', b: '2', c: '3' }, { a: '1', b: '2!', d: '4' })).toEqual({ added: ['d'], removed: ['c'], changed: ['b'], unchanged: 1 });
  });
});

describe('highlight', () => {
  it('picks the language from the path', () => {
    expect(langFor('stacks/10-network/main.tf')).toBe('hcl');
    expect(langFor('.github/workflows/plan.yml')).toBe('yaml');
    expect(langFor('.opsta/manifest.json')).toBe('json');
    expect(langFor('README.md')).toBe('md');
    expect(langFor('.gitignore')).toBe('text');
  });
  it('tokenizes HCL, YAML and JSON', () => {
    expect(highlightLine('resource "aws_vpc" "main" { # c', 'hcl')).toEqual([
      { k: 'kw', v: 'resource' },
      { k: 'txt', v: ' ' },
      { k: 'str', v: '"aws_vpc"' },
      { k: 'txt', v: ' ' },
      { k: 'str', v: '"main"' },
      { k: 'txt', v: ' ' },
      { k: 'punct', v: '{' },
      { k: 'txt', v: ' ' },
      { k: 'com', v: '# c' },
    ]);
    expect(highlightLine('  cidr = "10.0.0.0/16"', 'hcl').map((t) => t.k)).toEqual(['txt', 'key', 'txt', 'punct', 'txt', 'str']);
    expect(highlightLine('  name: "x" # note', 'yaml').map((t) => t.k)).toEqual(['txt', 'key', 'punct', 'txt', 'str', 'txt', 'com']);
    expect(highlightLine('  "a": [1, true, "s"]', 'json').map((t) => t.k)).toEqual(['txt', 'key', 'punct', 'txt', 'punct', 'num', 'punct', 'txt', 'kw', 'punct', 'txt', 'str', 'punct']);
  });
  it('never loses or reorders characters, whatever the input', () => {
    const samples = ['a: "unterminated', "b: 'it''s'", '<script>alert(1)</script>', '${var.x} {{ y }}', '/* c */ x = 1', '### Title `code` [l](u)'];
    for (const lang of ['hcl', 'yaml', 'json', 'md', 'text'] as const) {
      for (const s of samples) expect(highlightLine(s, lang).map((t) => t.v).join('')).toBe(s);
    }
    expect(highlight('a\nb\n', 'text')).toHaveLength(2);
  });
});

describe('plan YAML import', () => {
  it('keeps YAML 1.1 lookalikes as strings and says where YAML is broken', () => {
    expect(parsePlanText('date: 2026-01-01\non: yes\n')).toEqual({ ok: true, value: { date: '2026-01-01', on: 'yes' } });
    const bad = parsePlanText('a: [\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/not valid YAML at line \d+, column \d+/);
    for (const name of exampleNames()) expect(parsePlanText(loadExample(name).text).ok, name).toBe(true);
  });
});

describe('draft model', () => {
  it('a fresh draft starts with empty account fields and repository, its only problems; estimates validate without them', () => {
    for (const id of Object.keys(catalog.clouds) as Cloud[]) {
      const fresh = newDraft(catalog, id);
      expect(Object.values(fresh.cloud[id] as object), id).toEqual(catalog.clouds[id]!.accountFields.map(() => ''));
      expect([fresh.github.owner, fresh.github.repo], id).toEqual(['', '']);
      const problems = validatePlan(draftToPlan(fresh), catalog);
      expect(problems.ok ? [] : problems.problems.filter((p) => p.path.startsWith('github.')), id).toEqual([
        { path: 'github.owner', message: githubMessage('owner', 'missing') },
        { path: 'github.repo', message: githubMessage('repo', 'missing') },
      ]);
      onlyAccountMissing({ ok: false, problems: problems.ok ? [] : problems.problems.filter((p) => !p.path.startsWith('github.')) }, id);
      // Cost and graph use stand-ins for the account and repository, accepted only with allowPlaceholders.
      const est = forEstimate(draftToPlan(fresh), catalog);
      expect(validatePlan(est, catalog, undefined, { allowPlaceholders: true }).ok, id).toBe(true);
      expect(validatePlan(est, catalog).ok, `${id}: the stand-ins are refused as a real plan`).toBe(false);
      const v = validatePlan(draftToPlan(defaultDraft(catalog, id)), catalog);
      expect(v.ok ? [] : v.problems, id).toEqual([]);
    }
  });
  it('turning a component on turns on what it needs and says so', () => {
    const r = toggleComponent(defaultDraft(catalog), catalog, 'harbor', true);
    if (r.kind !== 'done') throw new Error('expected done');
    expect(r.autoEnabled.sort()).toEqual(['certManager', 'gateway']);
    expect(enabledKeys(r.draft, catalog).sort()).toEqual(['certManager', 'gateway', 'harbor']);
    expect(autoEnableMessage('harbor', r.autoEnabled, englishLocale(catalog))).toMatch(/^Harbor needs .*cert-manager.*: turned on\.$/);
  });
  it('turning off a dependency asks first, and with force turns off its dependents', () => {
    const on = toggleComponent(defaultDraft(catalog), catalog, 'harbor', true);
    if (on.kind !== 'done') throw new Error();
    const ask = toggleComponent(on.draft, catalog, 'certManager', false);
    expect(ask).toEqual({ kind: 'confirm', key: 'certManager', dependents: ['gateway', 'harbor'] });
    const forced = toggleComponent(on.draft, catalog, 'certManager', false, true);
    if (forced.kind !== 'done') throw new Error();
    expect(enabledKeys(forced.draft, catalog)).toEqual([]);
    const leaf = toggleComponent(on.draft, catalog, 'harbor', false);
    expect(leaf.kind === 'done' && enabledKeys(leaf.draft, catalog).sort()).toEqual(['certManager', 'gateway']);
  });
  it('profiles fill zones and a node pool big enough for the components', () => {
    let d = defaultDraft(catalog);
    for (const k of Object.keys(catalog.components)) {
      const r = toggleComponent(d, catalog, k, true);
      if (r.kind === 'done') d = r.draft;
    }
    for (const p of ['small', 'medium', 'large'] as const) {
      const withProfile = applyProfile(d, catalog, p);
      expect(withProfile.profile).toBe(p);
      const v = validatePlan(draftToPlan(withProfile), catalog);
      expect(v.ok ? [] : v.problems, p).toEqual([]);
    }
  });
  it('fitPools grows the first pool when components outgrow it', () => {
    let d: PlanDraft = applyProfile(defaultDraft(catalog), catalog, 'small');
    for (const k of Object.keys(catalog.components)) {
      const r = toggleComponent(d, catalog, k, true);
      if (r.kind === 'done') d = r.draft;
    }
    const fitted = fitPools(d, catalog);
    const v = validatePlan(draftToPlan(fitted), catalog);
    expect(v.ok ? [] : v.problems).toEqual([]);
    expect(fitted.kubernetes.nodePools![0]!.min).toBeGreaterThanOrEqual(d.kubernetes.nodePools![0]!.min);
  });
  it('empty optional inputs mean "not set"; emptied required ones are reported on their field', () => {
    const d = defaultDraft(catalog);
    d.github.ownerId = Number.NaN;
    d.metadata.description = '';
    d.github.owner = '';
    const plan = draftToPlan(d) as { github: Record<string, unknown>; metadata: Record<string, unknown>; budget?: unknown };
    expect('ownerId' in plan.github).toBe(false);
    expect('description' in plan.metadata).toBe(false);
    expect(plan.budget).toBeUndefined();
    const v = validatePlan(plan, catalog);
    expect(v.ok ? [] : v.problems.map((p) => p.path)).toEqual(['github.owner']);
  });
  it('a form with no node pools means the profile default (as a plan without nodePools)', () => {
    const d = defaultDraft(catalog);
    d.kubernetes.nodePools = [];
    const plan = draftToPlan(d) as { kubernetes: Record<string, unknown> };
    expect('nodePools' in plan.kubernetes).toBe(false);
    expect(validatePlan(plan, catalog).ok).toBe(true);
  });
  it('cross-field errors carry the paths the form shows them on', () => {
    const d = defaultDraft(catalog);
    d.network.cidr = '10.0.0.1/16';
    d.components.harbor = { enabled: true };
    const v = validatePlan(draftToPlan(d), catalog);
    expect(v.ok ? [] : v.problems.map((p) => p.path).sort()).toEqual(['components.certManager', 'components.gateway', 'network.cidr']);
  });
  it('imported example plans keep their meaning (same canonical plan after the round trip)', () => {
    for (const name of exampleNames()) {
      const parsed = parsePlanYaml(loadExample(name).text);
      if (!parsed.ok) throw new Error(name);
      const direct = validatePlan(parsed.value, catalog);
      if (!direct.ok) continue; // an example for a cloud still being added
      const draft = planToDraft(parsed.value, catalog);
      const again = validatePlan(draftToPlan(draft!), catalog);
      expect(again.ok, name).toBe(true);
      if (again.ok) expect(again.resolved, name).toEqual(direct.resolved);
    }
  });
  it('switching cloud resets what is cloud-specific and keeps the rest', () => {
    const ids = Object.keys(catalog.clouds) as (keyof typeof catalog.clouds)[];
    const d = setCloud(defaultDraft(catalog), catalog, ids[0]!, catalog.clouds[ids[0]!]!.regions[1]!.id);
    expect(d.cloud.region).toBe(catalog.clouds[ids[0]!]!.regions[1]!.id);
    // every region of every cloud keeps the draft valid (zones are clamped to the region's)
    for (const id of ids) for (const r of catalog.clouds[id]!.regions) {
      const switched = setCloud(setCloud(d, catalog, id), catalog, id, r.id);
      switched.cloud[id] = { ...ACCOUNTS[id] };
      const v = validatePlan(draftToPlan(switched), catalog);
      expect(v.ok ? [] : v.problems, `${id} ${r.id}`).toEqual([]);
    }
    for (const id of ids) {
      const other = setCloud(d, catalog, id);
      expect(other.cloud.provider).toBe(id);
      const v = validatePlan(draftToPlan(other), catalog);
      // Another cloud's account starts empty again; the same cloud keeps it.
      if (id === d.cloud.provider) expect(v.ok ? [] : v.problems, id).toEqual([]);
      else onlyAccountMissing(v, id);
    }
  });
});

describe('own-property lookups of names from an imported plan', () => {
  it('refuses __proto__, constructor and toString as a cloud, and keeps a __proto__ component as an own key', () => {
    for (const provider of ['__proto__', 'constructor', 'toString']) {
      expect(planToDraft({ apiVersion: 'opsta.dev/v1', cloud: { provider } }, catalog), provider).toBeUndefined();
      expect(() => forEstimate({ cloud: { provider } }, catalog), provider).not.toThrow();
    }
    const components = JSON.parse('{"__proto__": {"enabled": true}, "harbor": {"enabled": true}}');
    const draft = planToDraft({ apiVersion: 'opsta.dev/v1', cloud: { provider: 'aws', region: 'ap-northeast-2' }, components }, catalog)!;
    expect(Object.getPrototypeOf(draft.components)).toBe(Object.prototype);
    expect(Object.hasOwn(draft.components, '__proto__')).toBe(true);
    expect(draft.components.harbor!.enabled).toBe(true);
  });
});
