// Node edge: reads templates and blueprints from disk and writes generated
// files. Everything here is I/O; the decisions live in the pure core.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../blueprints/load-node.ts';
import type { GenerateOptions, GeneratedFiles } from './generate.ts';
import type { TemplateSet } from './render.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));

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
  return (cached ??= { catalog: loadCatalog(), templates: readTemplates() });
}

/** Write the files under `outDir`; the paths were already checked by the core, this re-checks containment. */
export function writeFiles(outDir: string, files: GeneratedFiles): void {
  const root = resolve(outDir);
  for (const [path, text] of Object.entries(files)) {
    const target = resolve(root, path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
