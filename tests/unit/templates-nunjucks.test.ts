// Nunjucks is not Jinja: some Jinja forms parse and render without error in nunjucks but mean
// something else. `selectattr("id", "equalto", "x")` is one: nunjucks' selectattr takes only the
// attribute and keeps every item where it is truthy, so the test was silently ignored and an
// `{% if … | length %}` on it was always true (the apply's kubeconfig-before-health step and a
// README sentence about stage 25 went wrong for plans without that stage). This scans every template
// for the forms whose arguments nunjucks drops.
import { describe, expect, it } from 'vitest';
import nunjucks from 'nunjucks';
import { readTemplates } from '../../generator/src/node.ts';

// Filters nunjucks implements with fewer parameters than Jinja: a call with more arguments than
// these is a Jinja idiom whose extra arguments nunjucks ignores.
const MAX_ARGS: Record<string, number> = { selectattr: 1, rejectattr: 1, select: 0, reject: 0, map: -1 };

/** The text inside nunjucks tags only: shell and jq in run: blocks have their own `| select(…)`. */
const tagText = (src: string) => [...src.matchAll(/\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g)].map((m) => m[1] ?? m[2]).join('\n');

function callsWithTooManyArgs(template: string): string[] {
  const found: string[] = [];
  const src = tagText(template);
  for (const m of src.matchAll(/\|\s*(\w+)\s*\(([^()]*)\)/g)) {
    const [call, name, args] = m;
    const max = MAX_ARGS[name!];
    if (max === undefined) continue;
    const n = args!.trim() === '' ? 0 : args!.split(',').length;
    if (max < 0 || n > max) found.push(call!.trim());
  }
  // `map` does not exist in nunjucks at all: it fails only when the line renders.
  for (const m of src.matchAll(/\|\s*map\b/g)) found.push(m[0]);
  return [...new Set(found)];
}

describe('templates use nunjucks filters as nunjucks defines them', () => {
  const templates = readTemplates();
  it('reads the templates', () => {
    expect(Object.keys(templates).length).toBeGreaterThan(20);
  });
  for (const [name, src] of Object.entries(templates)) {
    it(name, () => {
      expect(typeof src, "read from disk as text").toBe("string");
      expect(callsWithTooManyArgs(src as string)).toEqual([]);
    });
  }
  it('the check itself sees the Jinja idiom, and nunjucks really ignores its test', () => {
    expect(callsWithTooManyArgs('{% if stages | selectattr("id", "equalto", "25") | length %}')).toHaveLength(1);
    const env = new nunjucks.Environment();
    const out = env.renderString('{{ xs | selectattr("id", "equalto", "b") | length }}', { xs: [{ id: 'a' }, { id: 'b' }] });
    expect(out).toBe('2');
  });
});
