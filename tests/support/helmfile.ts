/**
 * The releases of a generated `platform/helmfile.yaml` (the source of truth for what stage 30
 * installs: catalog components and the cloud modules' own cluster releases alike).
 */
import { parseYaml } from './yaml.ts';

export interface HelmfileRelease {
  name: string;
  namespace: string;
  /** `repo/chart` for a repository chart, `./manifests/<dir>` for a local chart. */
  chart: string;
  version?: string;
  /** Values file paths relative to platform/. */
  values: string[];
  needs: string[];
}

export function helmfileReleases(files: Record<string, string>): HelmfileRelease[] {
  const text = files['platform/helmfile.yaml'];
  if (text === undefined) return [];
  const [doc] = parseYaml(text, 'platform/helmfile.yaml') as [{ releases?: Partial<HelmfileRelease>[] }];
  return (doc.releases ?? []).map((r) => ({
    name: String(r.name),
    namespace: String(r.namespace),
    chart: String(r.chart),
    ...(r.version !== undefined ? { version: String(r.version) } : {}),
    values: (r.values ?? []).map(String),
    needs: (r.needs ?? []).map(String),
  }));
}

/** `repo/chart` → `chart`; undefined for a local chart. */
export const chartName = (r: HelmfileRelease): string | undefined => (r.chart.startsWith('./') ? undefined : r.chart.slice(r.chart.indexOf('/') + 1));

/** The generated files of a local chart (`./manifests/<dir>`), by file name. */
export function localChartFiles(files: Record<string, string>, r: HelmfileRelease): Record<string, string> {
  const dir = `platform/${r.chart.slice(2).replace(/\/$/, '')}/`;
  return Object.fromEntries(
    Object.entries(files)
      .filter(([p]) => p.startsWith(dir) && !p.slice(dir.length).includes('/'))
      .map(([p, t]) => [p.slice(dir.length), t]),
  );
}
