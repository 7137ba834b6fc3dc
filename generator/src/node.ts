// Node edge: reads templates and blueprints from disk and writes generated
// files. Everything here is I/O; the decisions live in the pure core.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

let cached: GenerateOptions | undefined;
export function nodeGenerateOptions(): GenerateOptions {
  return (cached ??= { catalog: loadCatalog(), templates: readTemplates(), runtime: readFileSync(RUNTIME_BUNDLE_PATH, 'utf8') });
}

/**
 * Write the generated files under `outDir`, all or nothing, by the change-set rules (write-tree.ts):
 * a non-empty `outDir` needs `force`, hand edits and files Opsta did not write are kept.
 */
export function writeFiles(outDir: string, files: GeneratedFiles, opts: WriteTreeOptions = {}): WriteTreeResult {
  return writeTree(outDir, files, opts);
}
