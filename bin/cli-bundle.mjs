// Which compiled CLI bin/opsta.mjs runs: generator/cli-dist/opsta.mjs, built from the sources by
// scripts/bundle-cli.ts and never committed (docs/decisions.md, "The CLI runs a bundle built on
// demand"). Next to it, inputs.json records every file the bundle was built from (size, mtime,
// sha256) and the listing of every directory whose files it embeds. A run checks them: a file
// with its recorded size and mtime is taken as unchanged, one whose mtime moved (a copy, a
// checkout) is hashed, and any difference rebuilds the bundle before it runs. Plain JavaScript:
// this file runs before anything is compiled.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLI_BUNDLE = 'generator/cli-dist/opsta.mjs';
export const CLI_STAMP = 'generator/cli-dist/inputs.json';
const STAMP_VERSION = 1;

// node:crypto only when a file must be hashed: most runs compare sizes and mtimes alone.
const sha256 = (buf) => createRequire(import.meta.url)('node:crypto').createHash('sha256').update(buf).digest('hex');
const listing = (dir) => readdirSync(dir).sort().join('/');

/** Every directory under each of `tops` (relative to root), the tops included. */
export function treeDirs(root, tops) {
  const out = [];
  const walk = (rel) => {
    out.push(rel);
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) if (e.isDirectory()) walk(`${rel}/${e.name}`);
  };
  for (const t of tops) walk(t);
  return out;
}

/** The record of `files` and `dirs` (paths relative to root) as they are now. */
export function stampOf(root, files, dirs) {
  const rec = {};
  for (const f of [...new Set(files)].sort()) {
    const p = join(root, f);
    const st = statSync(p);
    rec[f] = [st.size, st.mtimeMs, sha256(readFileSync(p))];
  }
  const ls = {};
  for (const d of [...new Set(dirs)].sort()) ls[d] = listing(join(root, d));
  return { version: STAMP_VERSION, files: rec, dirs: ls };
}

/** Whether every recorded file and directory is still what the stamp says; a missing one is a change. */
export function isFresh(root, stamp) {
  if (stamp?.version !== STAMP_VERSION || typeof stamp.files !== 'object' || typeof stamp.dirs !== 'object') return false;
  try {
    for (const [f, [size, mtimeMs, hash]] of Object.entries(stamp.files)) {
      const p = join(root, f);
      const st = statSync(p);
      if (st.size !== size) return false;
      if (st.mtimeMs !== mtimeMs && sha256(readFileSync(p)) !== hash) return false;
    }
    for (const [d, names] of Object.entries(stamp.dirs)) if (listing(join(root, d)) !== names) return false;
  } catch {
    return false;
  }
  return true;
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, CLI_STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The file URL of a bundle built from the sources as they are now: the one on disk, or a new one.
 * Building needs the devDependencies (esbuild) and runs scripts/bundle-cli.ts through tsx, once
 * per change of the sources, silently: stdout and stderr belong to the command.
 */
export async function freshCliBundle(root) {
  if (!isFresh(root, readStamp(root))) {
    const { tsImport } = await import('tsx/esm/api');
    const { writeCliBundle } = await tsImport('../scripts/bundle-cli.ts', import.meta.url);
    await writeCliBundle();
  }
  return pathToFileURL(join(root, CLI_BUNDLE)).href;
}
