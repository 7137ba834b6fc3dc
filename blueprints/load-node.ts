// Node edge: reads the blueprint folders from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../schemas/blueprint.ts';
import { buildCatalog, type BlueprintFiles } from './catalog.ts';

export const BLUEPRINTS_DIR = fileURLToPath(new URL('.', import.meta.url));

export function readBlueprintFiles(dir = BLUEPRINTS_DIR): BlueprintFiles {
  const files: BlueprintFiles = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(json|njk)$/.test(e.name)) {
        const rel = relative(dir, p).split(sep).join('/');
        const text = readFileSync(p, 'utf8');
        files[rel] = e.name.endsWith('.json') ? JSON.parse(text) : text;
      }
    }
  };
  for (const top of ['clouds', 'components']) walk(join(dir, top));
  return files;
}

let cached: Catalog | undefined;
export function loadCatalog(): Catalog {
  return (cached ??= buildCatalog(readBlueprintFiles()));
}
