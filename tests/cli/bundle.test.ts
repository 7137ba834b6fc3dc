// bin/opsta.mjs runs generator/cli-dist/opsta.mjs: one JavaScript file built from the sources
// (scripts/bundle-cli.ts), rebuilt whenever one of them changed (bin/cli-bundle.mjs), with its
// templates, catalog and runtime built in and no TypeScript, tsx or dependency left to load.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, CLI_STAMP, isFresh, stampOf, type Stamp } from '../../bin/cli-bundle.mjs';
import { bundleCli } from '../../scripts/bundle-cli.ts';
import { generatedExample } from '../runtime/support/examples.ts';
import { filesOf, frozenRoot, hashes, ROOT } from './write-tree-helpers.ts';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const node = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env } });

/** Every module specifier the bundle imports or requires, as esbuild reads them from the file. */
async function specifiers(file: string): Promise<string[]> {
  const seen = new Set<string>();
  await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [{ name: 'record', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' ? undefined : (seen.add(a.path), { path: a.path, external: true }))) }],
  });
  return [...seen].sort();
}

beforeAll(() => {
  // The bundle as bin/opsta.mjs leaves it: built (or found fresh) by a real run.
  const r = node(['bin/opsta.mjs', '--help'], ROOT);
  if (r.status !== 0) throw new Error(`opsta --help failed: ${r.stderr}`);
}, 180_000);

describe('the CLI bundle', () => {
  it('is what a fresh build of the sources gives, byte for byte, and its record says so', async () => {
    node(['bin/opsta.mjs', '--help'], ROOT); // others edit the shared tree: the latest run's bundle
    const fresh = await bundleCli();
    const built = readFileSync(join(ROOT, CLI_BUNDLE), 'utf8');
    expect(fresh.text === built, `${CLI_BUNDLE} differs from a fresh build: bin/opsta.mjs did not rebuild it`).toBe(true);
    expect(isFresh(ROOT, JSON.parse(readFileSync(join(ROOT, CLI_STAMP), 'utf8')))).toBe(true);
    // The record covers the CLI's code, its templates, its catalog, the runtime and the build itself.
    for (const f of ['generator/src/cli.ts', 'generator/src/generate.ts', 'schemas/plan.ts', 'generator/templates/common/README.md.njk', 'blueprints/clouds/aws/cloud.json', 'generator/runtime-dist/opsta.mjs', 'scripts/bundle-cli.ts', 'site/njk-precompile.ts', 'node_modules/zod/package.json']) {
      expect(fresh.files, f).toContain(f);
    }
    expect(fresh.dirs).toContain('generator/templates');
  }, 120_000);

  it('a changed template gives different bytes, so a stale bundle cannot pass for a fresh one', async () => {
    const changed = await bundleCli([
      { name: 'change-readme', setup: (b) => b.onLoad({ filter: /README\.md\.njk$/, namespace: 'opsta-template' }, () => ({ contents: 'export default { root: function() {} };', loader: 'js' })) },
    ]);
    expect(changed.text).not.toBe(readFileSync(join(ROOT, CLI_BUNDLE), 'utf8'));
  }, 120_000);

  it('imports Node built-ins only: no tsx, no .ts file, no package', async () => {
    const specs = await specifiers(join(ROOT, CLI_BUNDLE));
    expect(specs).toContain('node:module');
    const builtins = new Set((await import('node:module')).builtinModules);
    const foreign = specs.filter((s) => !s.startsWith('node:') && !builtins.has(s));
    expect(foreign, 'the bundle must not load anything from node_modules or the sources').toEqual([]);
    expect(specs.some((s) => /tsx|\.ts$/.test(s))).toBe(false);
    expect(readFileSync(join(ROOT, CLI_BUNDLE), 'utf8')).not.toMatch(/sourceMappingURL/);
  }, 60_000);

  it('a copy of it alone (no sources, no node_modules, no tsx) prints help and generates what the sources generate', () => {
    const dir = tmp('opsta-cli-copy-');
    cpSync(join(ROOT, CLI_BUNDLE), join(dir, 'opsta.mjs'));
    writeFileSync(join(dir, 'run.mjs'), "const { main } = await import('./opsta.mjs');\nprocess.exitCode = await main(process.argv.slice(2), process);\n");
    expect(node(['--input-type=module', '-e', "await import('tsx')"], dir).status, 'tsx must not be resolvable from the copy').not.toBe(0);
    const help = node(['run.mjs', '--help'], dir);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: opsta <command>');
    cpSync(join(ROOT, 'examples/aws-large-all.plan.yaml'), join(dir, 'plan.yaml'));
    const gen = node(['run.mjs', 'generate', 'plan.yaml', '--out', 'out'], dir);
    expect(gen.stderr).toBe('');
    expect(gen.status).toBe(0);
    expect(filesOf(join(dir, 'out'))).toEqual(hashes(generatedExample('aws-large-all')));
  }, 120_000);
});

describe('bin/opsta.mjs', () => {
  /** The files the bundle was built from, bin/ and the bundle itself, in a directory of their own: no node_modules/tsx, no esbuild. */
  function checkoutWithoutDependencies(): string {
    // Others edit the shared tree while tests run: copy again until the copy matches its record.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) node(['bin/opsta.mjs', '--help'], ROOT);
      const dir = tmp('opsta-cli-nodeps-');
      const stamp = JSON.parse(readFileSync(join(ROOT, CLI_STAMP), 'utf8')) as Stamp;
      for (const f of [...Object.keys(stamp.files), CLI_STAMP, 'bin/opsta.mjs', 'bin/cli-bundle.mjs', 'package.json']) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        cpSync(join(ROOT, f), join(dir, f));
      }
      for (const d of Object.keys(stamp.dirs)) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
      if (isFresh(dir, stamp)) return dir;
    }
    throw new Error('the sources kept changing while they were copied');
  }

  it('runs the bundle, not the sources: --help and generate work where tsx and esbuild are absent', () => {
    const dir = checkoutWithoutDependencies();
    expect(existsSync(join(dir, 'node_modules/tsx')) || existsSync(join(dir, 'node_modules/esbuild/lib'))).toBe(false);
    const help = node(['bin/opsta.mjs', '--help'], dir);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: opsta <command>');
    const gen = node(['bin/opsta.mjs', 'generate', 'examples/aws-medium.plan.yaml', '--out', join(dir, 'out')], ROOT);
    expect(gen.stderr).toBe('');
    expect(gen.status).toBe(0);
    // Run from ROOT with the copy's bin: a plan path relative to the working directory, as always.
    expect(filesOf(join(dir, 'out'))).toEqual(hashes(generatedExample('aws-medium')));
  }, 120_000);

  it('OPSTA_CLI_FROM_SOURCE=1 runs the sources through tsx (the bench\'s "before"), with the same output', () => {
    const bundled = node(['bin/opsta.mjs', 'validate', 'examples/gcp-medium.plan.yaml'], ROOT);
    const source = node(['bin/opsta.mjs', 'validate', 'examples/gcp-medium.plan.yaml'], ROOT, { OPSTA_CLI_FROM_SOURCE: '1' });
    expect(source.status).toBe(0);
    expect(source.stdout).toContain('is valid');
    expect([source.stdout, source.stderr]).toEqual([bundled.stdout, bundled.stderr]);
    // Where tsx is absent, the same switch fails: it really loads the sources through tsx.
    expect(node(['bin/opsta.mjs', '--help'], checkoutWithoutDependencies(), { OPSTA_CLI_FROM_SOURCE: '1' }).status).toBe(70);
  }, 120_000);

  it('a changed source it cannot rebuild from (no esbuild, no tsx) is one line and exit 70, not a stale run', () => {
    const dir = checkoutWithoutDependencies();
    appendFileSync(join(dir, 'generator/templates/common/README.md.njk'), '\nchanged\n');
    const r = node(['bin/opsta.mjs', '--help'], dir);
    expect(r.status).toBe(70);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^opsta: cannot build the CLI from its sources \(npm run bundle:cli\): .+\nIn a checkout, npm ci installs what the build needs\.\n$/);
  }, 120_000);

  it('rebuilds the bundle when a source changed, and the command runs the new code', () => {
    // The test copy of the checkout (the shared tree is not ours to edit), node_modules linked; no
    // other test in this file runs from it.
    const dir = frozenRoot();
    const before = existsSync(join(dir, CLI_BUNDLE)) ? readFileSync(join(dir, CLI_BUNDLE), 'utf8') : '';
    const marker = 'Rebuilt-from-the-changed-template';
    appendFileSync(join(dir, 'generator/templates/common/README.md.njk'), `\n${marker}\n`);
    const out = join(dir, 'out');
    const r = node(['bin/opsta.mjs', 'generate', join(ROOT, 'examples/aws-medium.plan.yaml'), '--out', out], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(marker);
    expect(readFileSync(join(dir, CLI_BUNDLE), 'utf8')).not.toBe(before);
    expect(isFresh(dir, JSON.parse(readFileSync(join(dir, CLI_STAMP), 'utf8')))).toBe(true);
  }, 240_000);
});

describe('the freshness record (bin/cli-bundle.mjs)', () => {
  function fixture() {
    const dir = tmp('opsta-stamp-');
    mkdirSync(join(dir, 'tpl/sub'), { recursive: true });
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'tpl/sub/x.njk'), 'x');
    return { dir, stamp: stampOf(dir, ['a.ts', 'tpl/sub/x.njk'], ['tpl', 'tpl/sub']) };
  }

  it('is fresh as recorded, and after a touch or a copy that keeps the contents', () => {
    const { dir, stamp } = fixture();
    expect(isFresh(dir, stamp)).toBe(true);
    utimesSync(join(dir, 'a.ts'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(isFresh(dir, stamp)).toBe(true);
    const copy = tmp('opsta-stamp-copy-');
    cpSync(dir, copy, { recursive: true });
    expect(isFresh(copy, stamp)).toBe(true);
  });

  it('is stale after an edit of the same size, a file added to or removed from a recorded directory, a deleted input, or another record format', () => {
    const edit = fixture();
    writeFileSync(join(edit.dir, 'a.ts'), 'export const a = 2;\n');
    expect(isFresh(edit.dir, edit.stamp)).toBe(false);
    const added = fixture();
    writeFileSync(join(added.dir, 'tpl/new.njk'), 'n');
    expect(isFresh(added.dir, added.stamp)).toBe(false);
    const removed = fixture();
    rmSync(join(removed.dir, 'tpl/sub/x.njk'));
    expect(isFresh(removed.dir, removed.stamp)).toBe(false);
    const deleted = fixture();
    rmSync(join(deleted.dir, 'a.ts'));
    expect(isFresh(deleted.dir, deleted.stamp)).toBe(false);
    const other = fixture();
    expect(isFresh(other.dir, { ...other.stamp, version: 0 })).toBe(false);
    expect(isFresh(other.dir, undefined)).toBe(false);
  });
});
