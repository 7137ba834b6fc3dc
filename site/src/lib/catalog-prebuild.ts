// Vite plugin for the site build (site/astro.config.mjs), Node side: the planner's catalog is
// built once at build time instead of in every visitor's browser. catalog.ts, as written, parses
// each blueprint with zod and checks the catalog when its module is evaluated, tens of
// milliseconds of main thread before the planner can hydrate; the build replaces that module
// with the same catalog as JSON. Tests and `astro dev` keep the module as written, so a blueprint
// that does not parse still fails there (and fails the build here, with buildCatalog's message).
import type { Plugin } from 'vite';
import { buildCatalog } from '../../../blueprints/catalog.ts';
import { readBlueprintFiles } from '../../../blueprints/load-node.ts';
import { siteBlueprintFiles } from './catalog-files.ts';

/** The catalog catalog.ts builds, from the blueprints on disk. */
export function prebuiltCatalog(): ReturnType<typeof buildCatalog> {
  const json = Object.fromEntries(Object.entries(readBlueprintFiles()).filter(([path]) => /^(clouds\/[^/]+\/cloud|components\/[^/]+\/blueprint)\.json$/.test(path)));
  return buildCatalog(siteBlueprintFiles(json));
}

export function prebuiltCatalogModule(): string {
  // JSON.parse of a string literal: faster for V8 than the same object as a JavaScript literal.
  return `export const catalog = JSON.parse(${JSON.stringify(JSON.stringify(prebuiltCatalog()))});\n`;
}

export function catalogPrebuild(): Plugin {
  return {
    name: 'opsta-catalog-prebuild',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]site[\\/]src[\\/]lib[\\/]catalog\.ts$/.test(id.split('?')[0] ?? id)) return null;
      return { code: prebuiltCatalogModule(), map: null };
    },
  };
}
