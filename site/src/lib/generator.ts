// Loaded on demand (dynamic import) by the Review step: the generator core with precompiled
// templates (see site/njk-precompile.ts) and nunjucks-slim. Same core as the CLI.
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { PlanInput, ResolvedPlan } from '../../../schemas/plan.ts';
import { generateRepository, type GeneratedFiles, type GenerateOptions } from '../../../generator/src/generate.ts';
import type { TemplateSet } from '../../../generator/src/render.ts';
// The executor runtime every generated repository carries as .opsta/opsta.mjs, the same bytes the
// CLI writes. It is a file of the generated repository, not code the planner runs, so it ships as a
// static asset fetched as text beside this chunk (about 60 KB gzip) instead of a string in the
// generator's JavaScript.
import runtimeUrl from '../../../generator/runtime-dist/opsta.mjs?url';

let runtime: string | undefined;
let runtimeLoad: Promise<void> | undefined;
/** Fetch the runtime bundle once; `generate` needs it. */
export function loadRuntime(): Promise<void> {
  return (runtimeLoad ??= fetch(runtimeUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`could not load the executor runtime (${r.status})`);
      return r.text();
    })
    .then((text) => {
      runtime = text;
    }));
}

const generatorTemplates = import.meta.glob<{ root: unknown }>('../../../generator/templates/**/*.njk', { eager: true, import: 'default' });
const componentTemplates = import.meta.glob<{ root: unknown }>('../../../blueprints/components/*/*.njk', { eager: true, import: 'default' });

const templates: TemplateSet = {};
for (const [path, t] of Object.entries(generatorTemplates)) templates[path.slice(path.indexOf('generator/templates/') + 'generator/templates/'.length)] = t;
const compiled: Record<string, unknown> = {};
for (const [path, t] of Object.entries(componentTemplates)) compiled[path.slice(path.indexOf('blueprints/') + 'blueprints/'.length)] = t;

const withTemplates = new WeakMap<Catalog, Catalog>();
function generationCatalog(catalog: Catalog): Catalog {
  let c = withTemplates.get(catalog);
  if (!c) withTemplates.set(catalog, (c = { ...catalog, componentTemplates: compiled as Record<string, string> }));
  return c;
}

/** The core's options in this browser (after loadRuntime), for code that calls the core itself (Publish). */
export function generateOptions(catalog: Catalog): GenerateOptions {
  if (runtime === undefined) throw new Error('generateOptions() before loadRuntime() finished');
  return { catalog: generationCatalog(catalog), templates, runtime };
}

export function generate(plan: PlanInput, resolved: ResolvedPlan, catalog: Catalog): GeneratedFiles {
  if (runtime === undefined) throw new Error('generate() before loadRuntime() finished');
  const start = performance.now();
  const files = generateRepository(plan, resolved, { catalog: generationCatalog(catalog), templates, runtime });
  // A User Timing entry, so `npm run bench` can read regeneration latency from the real page.
  performance.measure('opsta:generate', { start, end: performance.now() });
  return files;
}
