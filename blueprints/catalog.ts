// Builds the catalog from blueprint folders. Pure: the caller hands in the files
// (read from disk by the CLI, bundled by Vite in the planner), so adding a
// component or a cloud means adding a folder, with no registry to edit.
import { CloudBlueprintSchema, ComponentBlueprintSchema, type Catalog, type CloudId } from '../schemas/blueprint.ts';
import { formatPath } from '../schemas/validate.ts';
import { priceProblems } from './prices.ts';

/** Blueprint files keyed by their path under `blueprints/`, e.g. `components/vault/blueprint.json`. JSON files parsed, templates as given. */
export type BlueprintFiles = Record<string, unknown>;

export class CatalogError extends Error {
  override name = 'CatalogError';
}

export function buildCatalog(files: BlueprintFiles): Catalog {
  const catalog: Catalog = { clouds: {}, components: {}, componentTemplates: {} };
  for (const [path, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    let m: RegExpExecArray | null;
    if ((m = /^clouds\/([a-z]+)\/cloud\.json$/.exec(path))) {
      const parsed = CloudBlueprintSchema.safeParse(content);
      if (!parsed.success) throw new CatalogError(`blueprints/${path}: ${describeIssues(parsed.error.issues)}`);
      if (parsed.data.id !== m[1]) throw new CatalogError(`blueprints/${path}: id "${parsed.data.id}" must match its folder "${m[1]}"`);
      catalog.clouds[parsed.data.id as CloudId] = parsed.data;
    } else if ((m = /^components\/([a-zA-Z0-9]+)\/blueprint\.json$/.exec(path))) {
      const parsed = ComponentBlueprintSchema.safeParse(content);
      if (!parsed.success) throw new CatalogError(`blueprints/${path}: ${describeIssues(parsed.error.issues)}`);
      if (parsed.data.key !== m[1]) throw new CatalogError(`blueprints/${path}: key "${parsed.data.key}" must match its folder "${m[1]}"`);
      catalog.components[parsed.data.key] = parsed.data;
    } else if (/^components\/[a-zA-Z0-9]+\/[a-z0-9.-]+\.njk$/.test(path)) {
      catalog.componentTemplates[path] = content as string;
    }
  }
  checkCatalog(catalog);
  return catalog;
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`).join('; ');
}

/** Cross-file rules: dependencies exist and form no cycle, templates exist, defaults are in the catalog. */
function checkCatalog(catalog: Catalog): void {
  const keys = Object.keys(catalog.components);
  for (const c of Object.values(catalog.components)) {
    for (const dep of c.requires) if (!keys.includes(dep)) throw new CatalogError(`component ${c.key} requires unknown component ${dep}`);
    for (const r of c.releases) {
      const tpl = `components/${c.key}/${r.values}`;
      if (!(tpl in catalog.componentTemplates)) throw new CatalogError(`component ${c.key}: release ${r.name} names missing template ${tpl}`);
      if (!r.chart.startsWith('./') && (!r.repository || !r.repositoryName || !r.version)) {
        throw new CatalogError(`component ${c.key}: release ${r.name} needs repository, repositoryName and version`);
      }
    }
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (k: string, trail: string[]) => {
    if (done.has(k)) return;
    if (visiting.has(k)) throw new CatalogError(`component dependency cycle: ${[...trail, k].join(' -> ')}`);
    visiting.add(k);
    for (const d of catalog.components[k]!.requires) visit(d, [...trail, k]);
    visiting.delete(k);
    done.add(k);
  };
  keys.forEach((k) => visit(k, []));
  for (const cloud of Object.values(catalog.clouds)) {
    const types = new Set(cloud.instanceTypes.map((t) => t.id));
    for (const p of ['small', 'medium', 'large'] as const) {
      if (!types.has(cloud.profiles[p].nodePool.instanceType)) throw new CatalogError(`cloud ${cloud.id}: profile ${p} uses unknown instance type ${cloud.profiles[p].nodePool.instanceType}`);
    }
    if (!types.has(cloud.rke2Servers.instanceType)) throw new CatalogError(`cloud ${cloud.id}: rke2Servers uses unknown instance type`);
    if (!cloud.kubernetesVersions.includes(cloud.defaultKubernetesVersion)) throw new CatalogError(`cloud ${cloud.id}: default Kubernetes version not offered`);
    const prices = priceProblems(cloud);
    if (prices.length) throw new CatalogError(`blueprints/clouds/${cloud.id}/cloud.json: ${prices.join('; ')}`);
  }
}

/** Every component a key needs, transitively, in dependency order (for auto-enabling in the planner). */
export function requiredClosure(catalog: Catalog, key: string): string[] {
  const out: string[] = [];
  const walk = (k: string) => {
    for (const d of catalog.components[k]?.requires ?? []) {
      if (!out.includes(d)) {
        walk(d);
        out.push(d);
      }
    }
  };
  walk(key);
  return out;
}

/** Enabled components that need `key` (to ask before turning it off). */
export function dependents(catalog: Catalog, key: string, enabled: string[]): string[] {
  return enabled.filter((k) => k !== key && requiredClosure(catalog, k).includes(key));
}
