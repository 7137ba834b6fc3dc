// Node edge: reads templates and blueprints from disk (or takes them from the CLI bundle, which
// has them built in) and writes generated files. Everything here is I/O; the decisions live in the pure core.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type BlueprintFiles } from '../../blueprints/catalog.ts';
import { loadCatalog } from '../../blueprints/load-node.ts';
import type { GenerateOptions, GeneratedFiles } from './generate.ts';
import type { TemplateSet } from './render.ts';
import { writeTree, type WriteTreeOptions, type WriteTreeResult } from './write-tree.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));
/** The executor runtime bundle (npm run bundle:runtime), copied into every generated repository. */
export const RUNTIME_BUNDLE_PATH = fileURLToPath(new URL('../runtime-dist/opsta.mjs', import.meta.url));

export function readTemplates(dir = TEMPLATES_DIR): TemplateSet {
  const out: TemplateSet = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.njk')) out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** What the CLI bundle (scripts/bundle-cli.ts) carries built in, templates precompiled. */
export interface BuiltInAssets {
  templates: TemplateSet;
  componentTemplates: TemplateSet;
  blueprintFiles: BlueprintFiles;
  runtime: string;
}
let builtIn: (() => BuiltInAssets) | undefined;
let cached: GenerateOptions | undefined;
/**
 * Called by the CLI bundle's entry before main(): generate from these, not from the files beside
 * the bundle (which a copy of it does not have). A getter, so commands that need no catalog
 * (--help) never evaluate them.
 */
export function provideAssets(assets: () => BuiltInAssets): void {
  builtIn = assets;
  cached = undefined;
}

function builtInOptions(a: BuiltInAssets): GenerateOptions {
  // The catalog's component templates swapped for their precompiled form, as the planner does.
  const catalog = buildCatalog(a.blueprintFiles);
  return { catalog: { ...catalog, componentTemplates: a.componentTemplates as Record<string, string> }, templates: a.templates, runtime: a.runtime };
}

export function nodeGenerateOptions(): GenerateOptions {
  return (cached ??= builtIn ? builtInOptions(builtIn()) : { catalog: loadCatalog(), templates: readTemplates(), runtime: readFileSync(RUNTIME_BUNDLE_PATH, 'utf8') });
}

/**
 * Write the generated files under `outDir`, all or nothing, by the change-set rules (write-tree.ts):
 * a non-empty `outDir` needs `force`, hand edits and files Opsta did not write are kept.
 */
export function writeFiles(outDir: string, files: GeneratedFiles, opts: WriteTreeOptions = {}): WriteTreeResult {
  return writeTree(outDir, files, opts);
}
