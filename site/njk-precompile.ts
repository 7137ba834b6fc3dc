// Vite plugin: turns every `.njk` import into an ES module whose default export is the
// object nunjucks' precompiled code returns (`{ root, b_<block>... }`). The planner feeds
// these to render.ts's MapLoader, so the browser only needs nunjucks-slim (no runtime
// compiler, no `new Function`, no CSP `unsafe-eval`).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import nunjucks from 'nunjucks';
import type { Plugin } from 'vite';
import { NUNJUCKS_OPTIONS } from '../generator/src/render.ts';

// The lexer options (trimBlocks, lstripBlocks) are baked in at precompile time: use the
// same options object as the Node renderer.
const env = new nunjucks.Environment([], NUNJUCKS_OPTIONS);

/** ES module source for one template. `name` only shows up in error messages. */
export function precompileNjk(src: string, name: string): string {
  // `template` is a function body ending in `return { root: root, ... }`: wrap it in an IIFE.
  // (@types/nunjucks types the wrapper's argument as one template; nunjucks passes an array.)
  const wrapper = (templates: { template: string }[]) => `export default (function(){\n${templates[0]!.template}\n})();\n`;
  return nunjucks.precompileString(src, { name, env, wrapper } as unknown as nunjucks.PrecompileOptions);
}

export function njkPrecompile(): Plugin {
  return {
    name: 'opsta-njk-precompile',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.njk')) return null; // `?raw` and other queries fall through
      return { code: precompileNjk(readFileSync(id, 'utf8'), basename(id)), map: null };
    },
  };
}
