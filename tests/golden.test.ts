// Golden files: every file generated from examples/<name>.plan.yaml is compared byte for byte
// with tests/golden/<name>/<path>. After an intended change to the generator, templates or
// catalog, regenerate them with `npm run test:update-golden` (UPDATE_GOLDEN=1) and review
// the diff. Updating also deletes goldens that are no longer generated.
// (Lives at tests/golden.test.ts because package.json's test:update-golden runs that path.)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleNames, generatedExample } from './generated/examples.ts';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const HOW = 'run `npm run test:update-golden` and review the diff';
/**
 * Generated files that are a committed file of this repository copied verbatim: compared byte for
 * byte with that file instead of a golden copy of it per example (the runtime bundle is 265 KB; its
 * own freshness check is tests/runtime/bundle.test.ts, and each golden manifest.json pins its sha256).
 */
const VERBATIM: Record<string, string> = { '.opsta/opsta.mjs': fileURLToPath(new URL('../generator/runtime-dist/opsta.mjs', import.meta.url)) };
const expectedText = (dir: string, p: string) => readFileSync(VERBATIM[p] ?? join(dir, p), 'utf8');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function removeEmptyDirs(dir: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeEmptyDirs(join(dir, e.name));
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

describe('golden files', () => {
  const names = exampleNames();

  it('has no goldens for examples that no longer exist', () => {
    const stale = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((d) => !names.includes(d)) : [];
    if (UPDATE) for (const d of stale) rmSync(join(GOLDEN_DIR, d), { recursive: true, force: true });
    else expect(stale, `golden directories without an example (${HOW})`).toEqual([]);
  });

  describe.each(names)('examples/%s.plan.yaml', (name) => {
    const dir = join(GOLDEN_DIR, name);

    it('matches tests/golden/' + name, () => {
      const files = generatedExample(name);
      if (UPDATE) {
        for (const stale of listFiles(dir).filter((p) => !(p in files))) rmSync(join(dir, stale));
        for (const p of Object.keys(VERBATIM)) rmSync(join(dir, p), { force: true });
        removeEmptyDirs(dir);
        for (const [p, text] of Object.entries(files)) {
          if (p in VERBATIM) continue;
          const target = join(dir, p);
          if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
        }
        return;
      }
      const golden = [...listFiles(dir), ...Object.keys(VERBATIM).filter((p) => p in files)];
      const missing = Object.keys(files).filter((p) => !golden.includes(p));
      expect(missing, `generated files without a golden in tests/golden/${name}/: ${HOW}`).toEqual([]);
      const stale = golden.filter((p) => !(p in files));
      expect(stale, `goldens in tests/golden/${name}/ that are no longer generated: ${HOW}`).toEqual([]);
      const differing = Object.keys(files).filter((p) => files[p] !== expectedText(dir, p));
      expect(differing, `files that differ from tests/golden/${name}/ (if intended, ${HOW})`).toEqual([]);
    });
  });
});
