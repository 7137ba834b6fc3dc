// npm run bundle:runtime: the executor's runtime (generator/runtime/) as one self-contained ES
// module for Node 20, committed at generator/runtime-dist/opsta.mjs and copied by the generator
// into every generated repository as .opsta/opsta.mjs. Deterministic: no timestamps, no absolute
// paths, no source maps, so the same sources give the same bytes (tests/runtime/bundle.test.ts
// rebuilds it in memory and fails when the committed file is stale).
import { build, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RUNTIME_BUNDLE = join(ROOT, 'generator/runtime-dist/opsta.mjs');

const BANNER = [
  '// .opsta/opsta.mjs: the Opsta executor runtime (node .opsta/opsta.mjs --help).',
  '// Bundled by scripts/bundle-runtime.ts from generator/runtime/ in the Opsta repository; do not edit.',
  '// Its sha256 is recorded in .opsta/manifest.json (runtime.sha256).',
].join('\n');

/** `plugins` only for the staleness test (a changed source must change the bytes). */
export async function bundleRuntime(plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['generator/runtime/cli.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Readable for a reviewer: not minified, one module after another with its relative path.
    minify: false,
    legalComments: 'eof',
    sourcemap: false,
    charset: 'utf8',
    // Some dependencies are CommonJS and require() Node built-ins; ESM has no require of its own.
    banner: { js: `${BANNER}\nimport { createRequire as __opstaCreateRequire } from 'node:module';\nconst require = __opstaCreateRequire(import.meta.url);` },
    logLevel: 'silent',
    plugins,
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  const text = out.text;
  if (text.includes(ROOT)) throw new Error(`the bundle contains the absolute path ${ROOT}; it would differ per machine`);
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await bundleRuntime();
  mkdirSync(dirname(RUNTIME_BUNDLE), { recursive: true });
  writeFileSync(RUNTIME_BUNDLE, text);
  console.log(`wrote ${RUNTIME_BUNDLE.slice(ROOT.length)} (${text.length} bytes)`);
}
