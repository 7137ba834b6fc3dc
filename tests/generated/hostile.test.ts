// Hostile strings in every string field of a valid plan: each variant is either rejected at
// exactly that field, or generates output in which the value is inert. No Go wasm tools.
import { describe, expect, it } from 'vitest';
import { generateFromInput, generateRepository, PlanError, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { formatPath, validatePlan } from '../../schemas/validate.ts';
import { parsePlanYaml } from '../../schemas/plan-yaml.ts';
import { parseYaml } from '../support/yaml.ts';
import { loadExample, setAt, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const HOSTILE: Record<string, string> = {
  'single quote': "a'b",
  'double quote': 'a"b',
  'lone double quote': '"',
  newline: 'a\nb',
  'yaml injection': 'x\nimage: evil',
  'carriage return': 'a\rb',
  'hcl interpolation': '${file("/etc/passwd")}',
  'hcl directive': '%{ if true }x%{ endif }',
  'actions expression': '${{ github.token }}',
  'closing braces': '}}',
  'jinja braces': '{{ secrets.X }}',
  'yaml on': 'on',
  'yaml no': 'no',
  'yaml octal': '0755',
  'yaml float': '1e3',
  'yaml null': '~',
  'yaml mapping': 'a: b',
  'yaml comment': 'a #b',
  'yaml leading hash': '#x',
  'yaml anchor': '&anchor',
  'yaml alias': '*alias',
  'yaml tag': '!tag',
  'yaml literal': '|',
  'yaml folded': '>',
  html: '<script>alert(1)</script>',
  mention: '@alice',
  'issue link': '#12',
  'line separator': 'a\u2028b',
  'paragraph separator': 'a\u2029b',
  'right-to-left override': 'a\u202Eb',
  'zero-width space': 'a\u200Bb',
  'next line': 'a\u0085b',
  nul: 'a\u0000b',
  'path traversal': '../',
  'deep path traversal': '../../etc/passwd',
  '10k characters': 'x'.repeat(10_000),
  'hcl block injection': 'x"\n  provisioner "local-exec" {',
};

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function stringLeaves(v: Json, path: Path = []): { path: Path; value: string }[] {
  if (typeof v === 'string') return [{ path, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...path, k]));
  return [];
}

/** Paths of every mapping key (arrays by index), with keys equal to `from` renamed to `to`. */
function keyPaths(v: unknown, from?: string, to?: string, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, from, to, `${prefix}[${i}]`));
  if (v && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => {
      const p = `${prefix}.${JSON.stringify(k === from ? to : k)}`;
      return [p, ...keyPaths(x, from, to, p)];
    });
  }
  return [];
}

/**
 * The variant's tfvars must be the base's with the substituted value in place: leaves that were
 * exactly the old value are exactly the new one, leaves derived from it (bucket names) still
 * contain it, every other leaf is unchanged; keys equal to the old value are renamed.
 */
const SQUEEZED = /^[a-z0-9-]{3,63}$/;
function expectTfvars(base: Json, variant: Json, from: string, to: string, where: string): void {
  if (typeof base === 'string') {
    if (base === from) expect(variant, where).toBe(to);
    else if (base.includes(from)) {
      expect(typeof variant, where).toBe('string');
      if (variant !== base) expect((variant as string).includes(to), `${where}: ${JSON.stringify(variant)} contains the value`).toBe(true);
    } else if (typeof variant === 'string' && variant !== base && SQUEEZED.test(base) && base.includes(from.replace(/-/g, ''))) {
      // A name squeezed from the plan name for a cloud limit (Azure storage accounts and key
      // vaults: short, no hyphens, a hash suffix) changes with it, and stays a bare identifier.
      expect(variant, `${where}: derived name stays a bare identifier`).toMatch(SQUEEZED);
    } else expect(variant, where).toBe(base);
  } else if (Array.isArray(base)) {
    expect(Array.isArray(variant) && variant.length === base.length, where).toBe(true);
    base.forEach((b, i) => expectTfvars(b, (variant as Json[])[i]!, from, to, `${where}[${i}]`));
  } else if (base && typeof base === 'object') {
    expect(variant !== null && typeof variant === 'object' && !Array.isArray(variant), where).toBe(true);
    const v = variant as Record<string, Json>;
    const mapped = Object.keys(base).map((k) => (k === from ? to : k));
    expect(Object.keys(v).sort(), `${where} keys`).toEqual(mapped.sort());
    for (const [k, b] of Object.entries(base)) expectTfvars(b, v[k === from ? to : k]!, from, to, `${where}.${k}`);
  } else expect(variant, where).toEqual(base);
}

/** backend.tf with the contents of every quoted string blanked out. */
const stripStrings = (hcl: string) => hcl.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
const count = (text: string, needle: string) => text.split(needle).length - 1;
const INERT_TEXT = new Set(['opsta.plan.yaml', 'README.md']);

const opts = nodeGenerateOptions();

// One example per cloud: every cloud module must keep hostile values inert.
for (const example of ['aws-large-all', 'azure-medium', 'gcp-medium']) hostileSuite(example);

function hostileSuite(example: string) {
  const baseText = `$schema: ../schemas/plan.schema.json\n${loadExample(example).text}`;
  const parsed = parsePlanYaml(baseText);
  if (!parsed.ok) throw new Error('base plan does not parse');
  const basePlan = parsed.value as Json;
  // Every string field gets a value no other field has, so "where it was put" is unambiguous
  // (the example's github.owner equals its Keycloak realm).
  (basePlan as { github: { owner: string } }).github.owner = 'globex-inc';
  const gh = (basePlan as { github: { environment?: string } }).github;
  if (gh.environment !== undefined) gh.environment = 'production';

  type Outcome = { ok: true; files: GeneratedFiles } | { ok: false; problems: { path: string; message: string }[] };
  function generate(input: Json): Outcome {
    const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    return v.ok ? { ok: true, files: generateRepository(v.plan, v.resolved, opts) } : { ok: false, problems: v.problems };
  }

  const baseOutcome = generate(basePlan);
  const baseFiles: GeneratedFiles = baseOutcome.ok ? baseOutcome.files : {};
  const baseYamlKeys = new Map<string, unknown[]>();
  for (const [p, text] of Object.entries(baseFiles)) if (/\.ya?ml$/.test(p)) baseYamlKeys.set(p, parseYaml(text));

  const fields = stringLeaves(basePlan);
  const totals = { accepted: 0, rejected: 0 };

  describe(`hostile strings in every string field of examples/${example}.plan.yaml`, () => {
    it('the base plan is valid and has string fields to attack', () => {
      expect(baseOutcome.ok).toBe(true);
      expect(fields.length).toBeGreaterThan(20);
    });

    it.each(fields.map((f) => [formatPath(f.path), f] as const))('%s', (field, { path, value: original }) => {
      const tally = { rejected: 0, accepted: 0 };
      for (const [label, hostile] of Object.entries(HOSTILE)) {
        if (hostile === original) continue;
        const input = setAt(basePlan, path, hostile);
        const why = `${field} = ${label}`;
        const outcome = generate(input);
        if (!outcome.ok) {
          tally.rejected++;
          expect(outcome.problems.map((p) => p.path), `${why}: rejected at the field itself`).toContain(field);
          let thrown: unknown;
          try {
            generateFromInput(input, opts, EXAMPLE_PLACEHOLDERS);
          } catch (e) {
            thrown = e;
          }
          expect(thrown, `${why}: generateFromInput throws PlanError`).toBeInstanceOf(PlanError);
          expect((thrown as PlanError).problems).toEqual(outcome.problems);
          continue;
        }
        tally.accepted++;
        const out = outcome.files;
        expect(Object.keys(out), `${why}: same files`).toEqual(Object.keys(baseFiles));
        for (const [p, text] of Object.entries(out)) {
          const base = baseFiles[p]!;
          if (/\.ya?ml$/.test(p)) {
            let docs: unknown[] = [];
            expect(() => (docs = parseYaml(text, p)), `${why}: ${p} parses`).not.toThrow();
            expect(keyPaths(docs, original, hostile), `${why}: ${p} has the same keys`).toEqual(keyPaths(baseYamlKeys.get(p), original, hostile));
          }
          if (p.endsWith('.tfvars.json')) {
            let json: Json = null;
            expect(() => (json = JSON.parse(text) as Json), `${why}: ${p} parses`).not.toThrow();
            expectTfvars(JSON.parse(base) as Json, json, original, hostile, `${why}: ${p}`);
          }
          if (p.endsWith('.tf')) {
            if (p.endsWith('/backend.tf')) expect(stripStrings(text), `${why}: ${p} differs only inside strings`).toBe(stripStrings(base));
            else expect(text === base, `${why}: ${p} is byte-identical to the base`).toBe(true);
          }
          // An Actions expression must not appear in a file whose base had none. Exempt: the
          // recorded plan (YAML data, checked below to parse back to exactly the value) and the
          // README (Markdown; GitHub never evaluates expressions there, markdownText keeps it inert).
          if (!INERT_TEXT.has(p) && count(base, '${{') === 0) {
            expect(count(text, '${{'), `${why}: ${p} gains no \${{`).toBe(0);
          }
          if (p.endsWith('.json')) expect(() => JSON.parse(text), `${why}: ${p}`).not.toThrow();
        }
        // The recorded plan parses back to exactly the substituted value (except $schema, which is dropped).
        const again = parsePlanYaml(out['opsta.plan.yaml']!);
        expect(again.ok, `${why}: opsta.plan.yaml parses`).toBe(true);
        if (again.ok && path[0] !== '$schema') {
          let cur: unknown = again.value;
          for (const k of path) cur = (cur as Record<string | number, unknown>)[k];
          expect(cur, `${why}: opsta.plan.yaml holds the exact value`).toBe(hostile);
        }
      }
      expect(tally.rejected + tally.accepted).toBeGreaterThan(0);
      totals.rejected += tally.rejected;
      totals.accepted += tally.accepted;
    });

    it('exercised both outcomes (free-text fields accept, strict fields reject)', () => {
      // Runs after the field tests (vitest runs tests in a file in order).
      console.info(`hostile variants: ${totals.accepted} generated inert output, ${totals.rejected} rejected at their field`);
      expect(totals.accepted).toBeGreaterThan(Object.keys(HOSTILE).length); // $schema and description take nearly all
      expect(totals.rejected).toBeGreaterThan(totals.accepted);
    });
  });
}
