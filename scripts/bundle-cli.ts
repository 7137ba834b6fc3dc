// npm run bundle:cli: the opsta CLI (generator/src/cli.ts) as one self-contained ES module at
// generator/cli-dist/opsta.mjs, which bin/opsta.mjs runs. Everything it reads at run time is
// built in: the generator's templates and the blueprints' templates precompiled (as the planner
// does, site/njk-precompile.ts: no template is parsed when the CLI runs), the blueprint files, the
// runtime bundle. So a copy of the file generates alone, and a run reads nothing but the plan.
// Not committed: bin/opsta.mjs rebuilds it whenever an input changed (bin/cli-bundle.mjs reads
// the inputs.json written here). docs/decisions.md, "The CLI runs a bundle built on demand".
import type { Plugin } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLUEPRINTS_DIR, readBlueprintFiles } from '../blueprints/load-node.ts';
import { readTemplates, RUNTIME_BUNDLE_PATH, TEMPLATES_DIR } from '../generator/src/node.ts';
import { precompileNjk } from '../site/njk-precompile.ts';
import { CLI_BUNDLE, CLI_STAMP, stampOf, treeDirs, type Stamp } from '../bin/cli-bundle.mjs';
import { bundleNode, ROOT } from './esbuild-node.ts';

export { CLI_BUNDLE, CLI_STAMP };

const BANNER = [
  '// generator/cli-dist/opsta.mjs: the opsta CLI, run by bin/opsta.mjs.',
  '// Built by scripts/bundle-cli.ts from generator/src/cli.ts with its templates, blueprints and runtime',
  '// built in; rebuilt by bin/opsta.mjs whenever a source changes; never committed, do not edit.',
].join('\n');

// The bundle's entry: cli.ts's exports, with the assets handed to node.ts before main() runs.
// require(), not import: esbuild then evaluates the assets module when node.ts first asks for it.
const ENTRY = `import { provideAssets } from './generator/src/node.ts';
provideAssets(() => require('opsta-assets:all'));
export { main, guardProcessStreams, reportError } from './generator/src/cli.ts';
`;

/** Besides esbuild's own inputs, what the bundle depends on: the build code and the bundler's version. */
const BUILD_FILES = ['scripts/bundle-cli.ts', 'scripts/esbuild-node.ts', 'site/njk-precompile.ts', 'bin/cli-bundle.mjs', 'node_modules/esbuild/package.json'];

const rel = (abs: string) => relative(ROOT, abs).split(sep).join('/');

/** The virtual module opsta-assets:all, and the files and directories it was made from. */
function assetsPlugin(read: { files: string[]; dirs: string[] }): Plugin {
  return {
    name: 'opsta-assets',
    setup(b) {
      b.onResolve({ filter: /^opsta-(assets|template):/ }, (a) => ({ path: a.path.slice(a.path.indexOf(':') + 1), namespace: a.path.slice(0, a.path.indexOf(':')) }));
      b.onLoad({ filter: /.*/, namespace: 'opsta-template' }, (a) => {
        read.files.push(a.path);
        // Named as the renderer names it (its key in the template set), for nunjucks' own messages.
        const root = [rel(TEMPLATES_DIR), rel(BLUEPRINTS_DIR)].find((r) => a.path.startsWith(`${r}/`))!;
        return { contents: precompileNjk(readFileSync(join(ROOT, a.path), 'utf8'), a.path.slice(root.length + 1)), loader: 'js' };
      });
      b.onLoad({ filter: /^all$/, namespace: 'opsta-assets' }, () => {
        const templates = Object.keys(readTemplates()).sort().map((k) => [k, rel(join(TEMPLATES_DIR, k))] as const);
        const blueprintFiles = readBlueprintFiles();
        const components = Object.keys(blueprintFiles).filter((k) => k.endsWith('.njk')).sort().map((k) => [k, rel(join(BLUEPRINTS_DIR, k))] as const);
        for (const k of Object.keys(blueprintFiles)) read.files.push(rel(join(BLUEPRINTS_DIR, k)));
        read.files.push(rel(RUNTIME_BUNDLE_PATH));
        read.dirs.push(...treeDirs(ROOT, [rel(TEMPLATES_DIR), ...['clouds', 'components'].map((t) => rel(join(BLUEPRINTS_DIR, t)))]));
        const imports = (list: readonly (readonly [string, string])[], prefix: string) => list.map(([, path], i) => `import ${prefix}${i} from ${JSON.stringify(`opsta-template:${path}`)};`).join('\n');
        const object = (list: readonly (readonly [string, string])[], prefix: string) => `{\n${list.map(([key], i) => `  ${JSON.stringify(key)}: ${prefix}${i},`).join('\n')}\n}`;
        // JSON.parse of one string: V8 reads JSON faster than the same data as an object literal.
        return {
          contents: [
            imports(templates, 't'),
            imports(components, 'c'),
            `export const templates = ${object(templates, 't')};`,
            `export const componentTemplates = ${object(components, 'c')};`,
            `export const blueprintFiles = JSON.parse(${JSON.stringify(JSON.stringify(blueprintFiles))});`,
            `export const runtime = ${JSON.stringify(readFileSync(RUNTIME_BUNDLE_PATH, 'utf8'))};`,
            '',
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

export interface CliBundle {
  text: string;
  /** Every file the bundle was made from, relative to the repository. */
  files: string[];
  /** Every directory whose files it embeds: a file added or removed there changes the bundle. */
  dirs: string[];
}

/** `plugins` only for tests (a changed source must change the bytes). */
export async function bundleCli(plugins: Plugin[] = []): Promise<CliBundle> {
  const read = { files: [] as string[], dirs: [] as string[] };
  const { text, inputs } = await bundleNode({ entry: { contents: ENTRY }, banner: BANNER, plugins: [...plugins, assetsPlugin(read)] });
  return { text, files: [...new Set([...inputs.flatMap(dependencyRecord), ...read.files, ...BUILD_FILES])].sort(), dirs: [...new Set(read.dirs)].sort() };
}

/**
 * A dependency's files stand for themselves through their package's package.json (its version):
 * about 20 files for a run to check instead of some 160, with any package manager.
 */
function dependencyRecord(input: string): string {
  const m = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? `${m[1]}/package.json` : input;
}

/** Write `text` to `path` through a rename, so a concurrent run reads the old file or the new one. */
function replaceFile(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Build the bundle and write it with its inputs.json (bundle first: a run that sees the new record
 * finds the new bundle). A file changed while the build read it (its mtime is after the start) is
 * not recorded as built: the build runs again.
 */
export async function writeCliBundle(): Promise<{ bytes: number; files: number }> {
  mkdirSync(dirname(join(ROOT, CLI_BUNDLE)), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const started = Date.now();
    const b = await bundleCli();
    const stamp: Stamp = stampOf(ROOT, b.files, b.dirs);
    const moved = Object.values(stamp.files).some(([, mtimeMs]) => mtimeMs > started) || b.dirs.some((d) => statSync(join(ROOT, d)).mtimeMs > started);
    if (moved && attempt < 3) continue;
    replaceFile(join(ROOT, CLI_BUNDLE), b.text);
    // Still moving after three builds: the bundle is written but not recorded, so the next run builds again.
    if (!moved) replaceFile(join(ROOT, CLI_STAMP), `${JSON.stringify({ ...stamp, files: { ...stamp.files, ...stampOf(ROOT, [CLI_BUNDLE], []).files } })}\n`);
    return { bytes: b.text.length, files: b.files.length };
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { bytes, files } = await writeCliBundle();
  console.log(`wrote ${CLI_BUNDLE} (${bytes} bytes, from ${files} files)`);
}
