// Generator drift in a pull request: files Opsta generated whose content no longer is what it
// wrote (.opsta/manifest.json). Hashing and manifest parsing are the change-set engine's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, sha256Hex } from '../src/changeset.ts';
import { UsageError } from './errors.ts';

export interface ManifestDrift {
  path: string;
  problem: 'edited' | 'missing';
}

/** Pure: compare the manifest's hashes with the hashes of what is there (undefined for a missing file). */
export function manifestDrift(manifestText: string, hashOf: (path: string) => string | undefined): ManifestDrift[] {
  const m = parseManifest(manifestText);
  if (m.problem) throw new UsageError(m.problem);
  const out: ManifestDrift[] = [];
  for (const [path, want] of Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const have = hashOf(path);
    if (have === undefined) out.push({ path, problem: 'missing' });
    else if (have !== want) out.push({ path, problem: 'edited' });
  }
  return out;
}

export function hashOnDisk(root: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return sha256Hex(readFileSync(join(root, path), 'utf8'));
    } catch {
      return undefined;
    }
  };
}

export function describeManifestDrift(drift: readonly ManifestDrift[]): string {
  if (drift.length === 0) return 'Every generated file is as Opsta wrote it.';
  return [
    `${drift.length} generated file${drift.length === 1 ? '' : 's'} differ from what Opsta wrote (.opsta/manifest.json):`,
    ...drift.map((d) => `  ${d.problem === 'missing' ? 'missing' : 'edited '} ${d.path}${d.path === 'opsta.plan.yaml' ? ' (the plan changed but the repository was not regenerated: run opsta generate and commit the result)' : ''}`),
    'Change opsta.plan.yaml and run `opsta generate` instead of editing generated files; a hand edit is overwritten, or blocks, the next regeneration.',
  ].join('\n');
}
