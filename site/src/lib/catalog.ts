// The catalog as the planner sees it, bundled by Vite from the same blueprint folders the
// CLI reads. A new cloud (blueprints/clouds/<id>/cloud.json) or component appears here with
// no code change. Component templates are NOT bundled here (they live in the lazily loaded
// generator chunk): buildCatalog only needs to know they exist.
// The site build replaces this module with the catalog it builds once (catalog-prebuild.ts),
// so visitors' browsers do not parse the blueprints; tests and `astro dev` run it as written.
import { buildCatalog, type BlueprintFiles } from '../../../blueprints/catalog.ts';
import { siteBlueprintFiles } from './catalog-files.ts';

const json = import.meta.glob<unknown>(['../../../blueprints/clouds/*/cloud.json', '../../../blueprints/components/*/blueprint.json'], {
  eager: true,
  import: 'default',
});

export function blueprintFiles(): BlueprintFiles {
  return siteBlueprintFiles(Object.fromEntries(Object.entries(json).map(([path, content]) => [path.slice(path.indexOf('blueprints/') + 'blueprints/'.length), content])));
}

export const catalog = buildCatalog(blueprintFiles());
