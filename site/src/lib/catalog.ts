// The catalog as the planner sees it, bundled by Vite from the same blueprint folders the
// CLI reads. A new cloud (blueprints/clouds/<id>/cloud.json) or component appears here with
// no code change. Component templates are NOT bundled here (they live in the lazily loaded
// generator chunk): buildCatalog only needs to know they exist.
import { buildCatalog, type BlueprintFiles } from '../../../blueprints/catalog.ts';

const json = import.meta.glob<unknown>(['../../../blueprints/clouds/*/cloud.json', '../../../blueprints/components/*/blueprint.json'], {
  eager: true,
  import: 'default',
});

export function blueprintFiles(): BlueprintFiles {
  const files: BlueprintFiles = {};
  for (const [path, content] of Object.entries(json)) {
    const rel = path.slice(path.indexOf('blueprints/') + 'blueprints/'.length);
    files[rel] = content;
    const m = /^components\/([^/]+)\/blueprint\.json$/.exec(rel);
    const releases = (content as { releases?: { values?: unknown }[] }).releases;
    if (m && Array.isArray(releases)) for (const r of releases) if (typeof r.values === 'string') files[`components/${m[1]}/${r.values}`] = '';
  }
  return files;
}

export const catalog = buildCatalog(blueprintFiles());
