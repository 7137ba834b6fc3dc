// The site build replaces site/src/lib/catalog.ts with the catalog built at build time
// (site/src/lib/catalog-prebuild.ts): the planner must see the same catalog either way.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../site/src/lib/catalog.ts';
import { catalogPrebuild, prebuiltCatalog, prebuiltCatalogModule } from '../../site/src/lib/catalog-prebuild.ts';

describe('the build-time catalog', () => {
  it('equals the catalog catalog.ts builds in the browser, after the JSON round trip the module makes', async () => {
    const code = prebuiltCatalogModule();
    expect(code).toMatch(/^export const catalog = JSON\.parse\(/);
    const mod = (await import(/* @vite-ignore */ `data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { catalog: unknown };
    expect(mod.catalog).toStrictEqual(JSON.parse(JSON.stringify(catalog)));
    expect(prebuiltCatalog()).toEqual(catalog);
    // Every cloud and component is there (not just an equal empty shape).
    expect(Object.keys((mod.catalog as typeof catalog).clouds).sort()).toEqual(['aws', 'azure', 'gcp']);
    expect(Object.keys((mod.catalog as typeof catalog).components).length).toBeGreaterThan(5);
  });

  it('the plugin replaces only site/src/lib/catalog.ts, and only in a build', () => {
    const plugin = catalogPrebuild();
    expect(plugin.apply).toBe('build');
    const load = plugin.load as (id: string) => { code: string } | null;
    expect(load('/repo/site/src/lib/catalog.ts')?.code).toBe(prebuiltCatalogModule());
    expect(load('/repo/site/src/lib/catalog-files.ts')).toBeNull();
    expect(load('/repo/schemas/catalog.ts')).toBeNull();
  });
});
