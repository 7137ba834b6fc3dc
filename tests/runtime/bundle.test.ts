// The committed runtime bundle is a fresh bundle of the sources, runs with plain node and nothing
// else, and is what every generated repository carries as .opsta/opsta.mjs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../generator/src/changeset.ts';
import { RUNTIME_VERSION } from '../../generator/runtime/version.ts';
import { bundleRuntime, RUNTIME_BUNDLE } from '../../scripts/bundle-runtime.ts';
import { generatedExample } from './support/examples.ts';
import { runRuntime } from './support/bundle.ts';

describe('the runtime bundle', () => {
  it('is byte-identical to a fresh bundle of generator/runtime (run npm run bundle:runtime when this fails)', async () => {
    const fresh = await bundleRuntime();
    const committed = readFileSync(RUNTIME_BUNDLE, 'utf8');
    expect(fresh.length).toBe(committed.length);
    expect(fresh === committed, 'generator/runtime-dist/opsta.mjs is stale: run npm run bundle:runtime and commit it').toBe(true);
  });

  it('a changed source gives different bytes, so the staleness check can fail', async () => {
    const changed = await bundleRuntime([
      {
        name: 'change-version',
        setup(b) {
          b.onLoad({ filter: /generator[\\/]runtime[\\/]version\.ts$/ }, () => ({ contents: "export const RUNTIME_VERSION = '9.9.9';", loader: 'ts' }));
        },
      },
    ]);
    expect(changed).not.toBe(readFileSync(RUNTIME_BUNDLE, 'utf8'));
    expect(changed).toContain('"9.9.9"');
  });

  it('has no absolute path, timestamp or source map', () => {
    const text = readFileSync(RUNTIME_BUNDLE, 'utf8');
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/sourceMappingURL/);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/);
  });

  it('runs with plain node in a directory without node_modules', () => {
    const help = runRuntime(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`opsta runtime ${RUNTIME_VERSION}`);
    for (const sub of ['changed-stacks', 'summarize-plan', 'comment', 'budget', 'compare-plan', 'deployment', 'helm-rollback', 'revert-pr', 'status-append', 'drift', 'health', 'manifest-check']) expect(help.stdout).toContain(sub);
  });

  it('bad invocations: one line, exit 2, no stack trace', () => {
    for (const args of [['no-such-command'], ['budget'], ['budget', '--cost'], ['budget', '--nope', 'x'], ['compare-plan', '--reviewed', '/nonexistent', '--fresh', '/nonexistent']]) {
      const r = runRuntime(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(runRuntime(['budget', '--nope', 'x']).stderr).toContain('unknown flag --nope');
    expect(runRuntime(['budget']).stderr).toContain('--cost is required');
  });

  it('health dispatches to the health checks (generator/runtime/health), which refuse a pipeline without a cloud', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-health-'));
    writeFileSync(`${dir}/pipeline.json`, '{"stages":[],"health":[]}');
    const r = runRuntime(['health', '--pipeline', `${dir}/pipeline.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pipeline.cloud');
  });

  it('every generated repository carries it as .opsta/opsta.mjs, with its version and sha256 in the manifest', () => {
    const files = generatedExample('aws-medium');
    const bundle = readFileSync(RUNTIME_BUNDLE, 'utf8');
    expect(files['.opsta/opsta.mjs'] === bundle).toBe(true);
    const manifest = JSON.parse(files['.opsta/manifest.json']!) as { runtime: { path: string; version: string; sha256: string }; files: Record<string, string> };
    expect(manifest.runtime).toEqual({ path: '.opsta/opsta.mjs', version: RUNTIME_VERSION, sha256: sha256Hex(bundle) });
    expect(manifest.files['.opsta/opsta.mjs']).toBe(sha256Hex(bundle));
  });
});
