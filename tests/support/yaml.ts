/**
 * YAML syntax checks for generated files, with js-yaml's CORE_SCHEMA (no Date conversion;
 * see reference/toolchain.md §12). js-yaml also rejects duplicate mapping keys.
 */
import yaml from 'js-yaml';

export type Files = Record<string, string>;

export interface Finding {
  file: string;
  message: string;
  line?: number;
}

export interface YamlCheckOptions {
  /**
   * Paths to skip. By default, files under `templates/` of a Helm chart (a directory with a
   * `Chart.yaml` in the same map) are skipped: they are Go templates, not YAML.
   */
  skip?: (path: string) => boolean;
}

/** Parses one YAML text (all documents). Throws js-yaml's YAMLException on errors. */
export function parseYaml(text: string, filename?: string): unknown[] {
  const docs: unknown[] = [];
  yaml.loadAll(text, (d) => docs.push(d), { schema: yaml.CORE_SCHEMA, ...(filename ? { filename } : {}) });
  return docs;
}

function isHelmTemplate(path: string, files: Files): boolean {
  const parts = path.split('/');
  const i = parts.lastIndexOf('templates');
  if (i < 0) return false;
  const chartDir = parts.slice(0, i).join('/');
  return `${chartDir ? `${chartDir}/` : ''}Chart.yaml` in files;
}

/** Parses every `.yaml` / `.yml` file in the map and reports parse errors. */
export function checkYamlFiles(files: Files, options: YamlCheckOptions = {}): Finding[] {
  const skip = options.skip ?? ((p: string) => isHelmTemplate(p, files));
  const findings: Finding[] = [];
  for (const path of Object.keys(files).sort()) {
    if (!/\.ya?ml$/.test(path) || skip(path)) continue;
    try {
      parseYaml(files[path] ?? '', path);
    } catch (e) {
      if (e instanceof yaml.YAMLException) {
        findings.push({ file: path, message: `YAML parse error: ${e.reason}`, line: e.mark.line + 1 });
      } else {
        findings.push({ file: path, message: `YAML parse error: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  return findings;
}
