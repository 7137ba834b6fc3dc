// One esbuild configuration for the two bundles Opsta builds from its TypeScript sources: the
// executor runtime (scripts/bundle-runtime.ts) and the CLI (scripts/bundle-cli.ts). Deterministic:
// no timestamps, no absolute paths, no source maps, so the same sources give the same bytes.
import { build, type Metafile, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface NodeBundle {
  text: string;
  /** Every file esbuild read, relative to ROOT (virtual modules excluded). */
  inputs: string[];
}

export interface NodeBundleOptions {
  /** A source file relative to ROOT, or the contents of an entry module resolved from ROOT. */
  entry: { path: string } | { contents: string };
  /** Comment lines put first in the file. */
  banner: string;
  plugins?: Plugin[];
}

/** One self-contained ES module for Node 20, every dependency inlined, as text. */
export async function bundleNode({ entry, banner, plugins = [] }: NodeBundleOptions): Promise<NodeBundle> {
  const result = await build({
    absWorkingDir: ROOT,
    ...('path' in entry ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: 'opsta-entry:bundle.ts', loader: 'ts' } }),
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
    banner: { js: `${banner}\nimport { createRequire as __opstaCreateRequire } from 'node:module';\nconst require = __opstaCreateRequire(import.meta.url);` },
    logLevel: 'silent',
    metafile: true,
    plugins,
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  const text = out.text;
  if (text.includes(ROOT)) throw new Error(`the bundle contains the absolute path ${ROOT}; it would differ per machine`);
  return { text, inputs: realInputs(result.metafile) };
}

/** Inputs that are files on disk: esbuild names virtual modules (and the entry given as contents) "<namespace>:<path>". */
function realInputs(meta: Metafile): string[] {
  return Object.keys(meta.inputs).filter((p) => !/^[a-z-]+:/.test(p)).sort();
}
