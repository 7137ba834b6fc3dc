// Shared by tests/cli: the CLI in process (cli.ts main with captured streams), the CLI as a real
// process, plans on disk, and snapshots of directory trees that never follow symlinks.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../generator/src/cli.ts';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** An example plan, with a realistic account ID: these tests are about writing, not the placeholder check. */
export const example = (name: string) => readFileSync(join(ROOT, 'examples', `${name}.plan.yaml`), 'utf8').replace(/accountId: "\d{12}"/, 'accountId: "480912375610"');
/** aws-medium with Harbor turned off: one values file fewer (a stale file for the previous generation). */
export const noHarborText = () => example('aws-medium').replace('harbor: { enabled: true }', 'harbor: { enabled: false }');

export const tmp = (prefix = 'opsta-wt-') => mkdtempSync(join(tmpdir(), prefix));

/** Write a plan file and return its path. */
export function planFile(dir: string, text: string, name = 'plan.yaml'): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

export function generated(text: string): GeneratedFiles {
  const o = nodeGenerateOptions();
  const v = validatePlanText(text, o.catalog);
  if (!v.ok) throw new Error(`invalid plan: ${v.problems.map((p) => p.message).join('; ')}`);
  return generateRepository(v.plan, v.resolved, o);
}

/** The CLI's main() in this process: same parsing, same errors, same exit codes as `node bin/opsta.mjs`. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** The CLI as a real process, synchronously (for cwd-dependent cases and other users). */
export function cliProcess(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; prefix?: string[] } = {}) {
  const cmd = opts.prefix ? opts.prefix[0]! : process.execPath;
  const argv = [...(opts.prefix ? [...opts.prefix.slice(1), process.execPath] : []), join(ROOT, 'bin/opsta.mjs'), ...args];
  return spawnSync(cmd, argv, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: 120_000 });
}

/**
 * A copy of the CLI's sources (bin, generator, blueprints, schemas) taken once per test file. Several
 * engineers edit templates in the shared tree while tests run; processes started from this copy, and
 * the reference trees made by it, all generate from the same templates. The copy is the working tree
 * (what is under test), unless OPSTA_TEST_FROZEN_FROM names a git revision to archive instead.
 */
let frozen: string | undefined;
export function frozenRoot(): string {
  if (frozen) return frozen;
  const d = tmp('opsta-frozen-');
  // scripts/ and site/njk-precompile.ts build the CLI bundle bin/opsta.mjs runs (scripts/bundle-cli.ts).
  const parts = ['bin', 'generator', 'blueprints', 'schemas', 'scripts', 'site/njk-precompile.ts', 'package.json', 'tsconfig.json'];
  const rev = process.env.OPSTA_TEST_FROZEN_FROM;
  if (rev) execFileSync('sh', ['-c', `git -C "$0" archive "$1" ${parts.join(' ')} | tar -x -C "$2"`, ROOT, rev, d]);
  else for (const sub of parts) cpSync(join(ROOT, sub), join(d, sub), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(d, 'node_modules'));
  return (frozen = d);
}

/** What the frozen CLI generates for a plan, as path → text (one real, unpaused process). */
export function frozenReference(text: string): GeneratedFiles {
  const d = tmp();
  const out = join(d, 'ref');
  const r = spawnSync(process.execPath, [join(frozenRoot(), 'bin/opsta.mjs'), 'generate', planFile(d, text), '--out', out], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`reference generate failed: ${r.stderr}`);
  const files: GeneratedFiles = {};
  for (const p of Object.keys(filesOf(out))) files[p] = readFileSync(join(out, p), 'utf8');
  return files;
}

/** Start the CLI (from the frozen copy) as a real process, for kill and concurrency tests. */
export function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [join(frozenRoot(), 'bin/opsta.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((res) => child.on('close', (code, signal) => res({ code, signal, out, err })));
  return { child, done };
}

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Every entry under `dir`, lstat only: files as their hash (and size), symlinks as their target, directories as 'dir'. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `link:${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        walk(p, r);
      } else if (st.isFile()) out[r] = `file:${sha(readFileSync(p))}:${st.size}`;
      else out[r] = 'other';
    }
  };
  walk(dir, '');
  return out;
}

/** Only the regular files of a snapshot, as path → content hash (comparable with a generated tree). */
export function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(dir))
      .filter(([, v]) => v.startsWith('file:'))
      .map(([p, v]) => [p, v.split(':')[1]!]),
  );
}

export const hashes = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, t]) => [p, sha(t)]));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
