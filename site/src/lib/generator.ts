// Loaded on demand (dynamic import) by the Review step: the generator core with precompiled
// templates (see site/njk-precompile.ts) and nunjucks-slim. Same core as the CLI.
import type { Catalog, CloudId } from '../../../schemas/blueprint.ts';
import type { PlanInput, ResolvedPlan } from '../../../schemas/plan.ts';
import { generateRepository, type GeneratedFiles, type GenerateOptions } from '../../../generator/src/generate.ts';
import type { TemplateSet } from '../../../generator/src/render.ts';
// The executor runtime every generated repository carries as .opsta/opsta.mjs, the same bytes the
// CLI writes. It is a file of the generated repository, not code the planner runs, so it ships as a
// static asset fetched as text beside this chunk (about 60 KB gzip) instead of a string in the
// generator's JavaScript.
import runtimeUrl from '../../../generator/runtime-dist/opsta.mjs?url';

/** The runtime bundle could not be fetched; the Review step says so in the page's language (review.runtimeFailed). */
export class RuntimeLoadError extends Error {
  constructor(readonly status: number) {
    super(String(status));
    this.name = 'RuntimeLoadError';
  }
}

let runtime: string | undefined;
let runtimeLoad: Promise<void> | undefined;
/** Fetch the runtime bundle once; `generate` needs it. */
export function loadRuntime(): Promise<void> {
  return (runtimeLoad ??= fetch(runtimeUrl)
    .then((r) => {
      if (!r.ok) throw new RuntimeLoadError(r.status);
      return r.text();
    })
    .then((text) => {
      runtime = text;
    }));
}

// The templates every plan uses; each cloud's own (about half of all template text) are a chunk
// of their own, loaded by loadCloud() for the plan's cloud only.
const generatorTemplates = import.meta.glob<{ root: unknown }>(['../../../generator/templates/**/*.njk', '!../../../generator/templates/{aws,azure,gcp}/**'], { eager: true, import: 'default' });
const cloudTemplates: Record<CloudId, () => Promise<{ templates: Record<string, { root: unknown }> }>> = {
  aws: () => import('./templates-aws.ts'),
  azure: () => import('./templates-azure.ts'),
  gcp: () => import('./templates-gcp.ts'),
};
const componentTemplates = import.meta.glob<{ root: unknown }>('../../../blueprints/components/*/*.njk', { eager: true, import: 'default' });

const templates: TemplateSet = {};
const addTemplates = (set: Record<string, { root: unknown }>) => {
  for (const [path, t] of Object.entries(set)) templates[path.slice(path.indexOf('generator/templates/') + 'generator/templates/'.length)] = t;
};
addTemplates(generatorTemplates);

const cloudLoads = new Map<CloudId, Promise<void>>();
const loadedClouds = new Set<CloudId>();
/** Load the templates of `provider` once; generate() and generateOptions() need the plan's cloud. */
export function loadCloud(provider: CloudId): Promise<void> {
  let p = cloudLoads.get(provider);
  if (!p) {
    p = cloudTemplates[provider]().then((m) => {
      addTemplates(m.templates);
      loadedClouds.add(provider);
    });
    // A failed load (offline) may be tried again.
    p.catch(() => cloudLoads.delete(provider));
    cloudLoads.set(provider, p);
  }
  return p;
}

function requireCloud(provider: CloudId): void {
  if (!loadedClouds.has(provider)) throw new Error(`generate() for ${provider} before loadCloud('${provider}') finished`);
}
const compiled: Record<string, unknown> = {};
for (const [path, t] of Object.entries(componentTemplates)) compiled[path.slice(path.indexOf('blueprints/') + 'blueprints/'.length)] = t;

const withTemplates = new WeakMap<Catalog, Catalog>();
function generationCatalog(catalog: Catalog): Catalog {
  let c = withTemplates.get(catalog);
  if (!c) withTemplates.set(catalog, (c = { ...catalog, componentTemplates: compiled as Record<string, string> }));
  return c;
}

/** The core's options in this browser (after loadRuntime and loadCloud), for code that calls the core itself (Publish). */
export function generateOptions(catalog: Catalog, provider: CloudId): GenerateOptions {
  if (runtime === undefined) throw new Error('generateOptions() before loadRuntime() finished');
  requireCloud(provider);
  return { catalog: generationCatalog(catalog), templates, runtime };
}

export function generate(plan: PlanInput, resolved: ResolvedPlan, catalog: Catalog): GeneratedFiles {
  if (runtime === undefined) throw new Error('generate() before loadRuntime() finished');
  requireCloud(plan.cloud.provider);
  const start = performance.now();
  const files = generateRepository(plan, resolved, { catalog: generationCatalog(catalog), templates, runtime });
  // A User Timing entry, so `npm run bench` can read regeneration latency from the real page.
  performance.measure('opsta:generate', { start, end: performance.now() });
  return files;
}
