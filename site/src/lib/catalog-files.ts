// The blueprint files the planner's catalog is built from (shared by catalog.ts in the browser and
// catalog-prebuild.ts at build time): the blueprints' JSON, keyed by their path under blueprints/,
// and the component templates they name, by name only (the templates' text is in the generator chunk).
import type { BlueprintFiles } from '../../../blueprints/catalog.ts';

export function siteBlueprintFiles(json: Record<string, unknown>): BlueprintFiles {
  const files: BlueprintFiles = {};
  for (const [rel, content] of Object.entries(json)) {
    files[rel] = content;
    const m = /^components\/([^/]+)\/blueprint\.json$/.exec(rel);
    const releases = (content as { releases?: { values?: unknown }[] }).releases;
    if (m && Array.isArray(releases)) for (const r of releases) if (typeof r.values === 'string') files[`components/${m[1]}/${r.values}`] = '';
  }
  return files;
}
