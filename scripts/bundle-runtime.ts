// npm run bundle:runtime: the executor's runtime (generator/runtime/) as one self-contained ES
// module for Node 20, committed at generator/runtime-dist/opsta.mjs and copied by the generator
// into every generated repository as .opsta/opsta.mjs. Deterministic: no timestamps, no absolute
// paths, no source maps, so the same sources give the same bytes (tests/runtime/bundle.test.ts
// rebuilds it in memory and fails when the committed file is stale).
import type { Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode, ROOT } from './esbuild-node.ts';

export { ROOT };
export const RUNTIME_BUNDLE = join(ROOT, 'generator/runtime-dist/opsta.mjs');

const BANNER = [
  '// .opsta/opsta.mjs: the Opsta executor runtime (node .opsta/opsta.mjs --help).',
  '// Bundled by scripts/bundle-runtime.ts from generator/runtime/ in the Opsta repository; do not edit.',
  '// Its sha256 is recorded in .opsta/manifest.json (runtime.sha256).',
].join('\n');

/** `plugins` only for the staleness test (a changed source must change the bytes). */
export async function bundleRuntime(plugins: Plugin[] = []): Promise<string> {
  return (await bundleNode({ entry: { path: 'generator/runtime/cli.ts' }, banner: BANNER, plugins })).text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await bundleRuntime();
  mkdirSync(dirname(RUNTIME_BUNDLE), { recursive: true });
  writeFileSync(RUNTIME_BUNDLE, text);
  console.log(`wrote ${RUNTIME_BUNDLE.slice(ROOT.length)} (${text.length} bytes)`);
}
