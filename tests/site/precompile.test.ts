// The planner renders templates precompiled by site/njk-precompile.ts (the Vite plugin);
// the CLI renders the same templates from source. Both must give byte-identical repositories.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../blueprints/catalog.ts';
import { readBlueprintFiles } from '../../blueprints/load-node.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions, readTemplates } from '../../generator/src/node.ts';
import type { TemplateSet } from '../../generator/src/render.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { precompileNjk } from '../../site/njk-precompile.ts';
import { exampleNames, loadExample } from '../generated/examples.ts';
// The runtime bundle as the planner imports it (Vite ?raw), so the parity covers .opsta/opsta.mjs too.
import runtime from '../../generator/runtime-dist/opsta.mjs?raw';

/** Load the plugin's ES module output the way the browser would: as a real module. */
async function loadPrecompiled(src: string, name: string): Promise<{ root: unknown }> {
  const code = precompileNjk(src, name);
  expect(code).toMatch(/^export default \(function\(\)\{/);
  expect(code).not.toMatch(/new Function|eval\(/);
  const mod = (await import(/* @vite-ignore */ `data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { default: { root: unknown } };
  return mod.default;
}

async function precompiledOptions() {
  const templates: TemplateSet = {};
  for (const [name, src] of Object.entries(readTemplates())) templates[name] = await loadPrecompiled(src as string, name);
  const files = readBlueprintFiles();
  for (const [path, v] of Object.entries(files)) if (path.endsWith('.njk')) files[path] = await loadPrecompiled(v as string, path);
  return { catalog: buildCatalog(files), templates, runtime };
}

describe('precompiled templates (planner) vs template sources (CLI)', async () => {
  const browserStyle = await precompiledOptions();
  const node = nodeGenerateOptions();

  it('every template precompiles to an object with a root function', () => {
    for (const t of Object.values(browserStyle.templates)) expect(typeof (t as { root: unknown }).root).toBe('function');
    expect(Object.keys(browserStyle.templates).sort()).toEqual(Object.keys(node.templates).sort());
  });

  for (const name of exampleNames()) {
    it(`${name}: byte-identical repository`, () => {
      const text = loadExample(name).text;
      const a = validatePlanText(text, node.catalog);
      const b = validatePlanText(text, browserStyle.catalog);
      if (!a.ok || !b.ok) throw new Error(`${name} is invalid`);
      const fromSource = generateRepository(a.plan, a.resolved, node);
      const fromPrecompiled = generateRepository(b.plan, b.resolved, browserStyle);
      expect(Object.keys(fromPrecompiled)).toEqual(Object.keys(fromSource));
      for (const [path, text] of Object.entries(fromSource)) expect(fromPrecompiled[path], path).toBe(text);
    });
  }
});
