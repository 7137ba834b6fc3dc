// The nunjucks environment shared by Node and the browser. Templates are
// first-party only; plan values enter solely as context data and leave only
// through the encoders registered here as filters.
import nunjucks from 'nunjucks';
import { hclString, markdownLine, markdownText, mermaidLabel, yamlScalar } from './encode.ts';

/** Options baked into precompiled templates too: keep one copy. */
export const NUNJUCKS_OPTIONS = { autoescape: false, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true } as const;

/** A template as source text (Node) or as a precompiled module (the planner's Vite build). */
export type TemplateEntry = string | { root: unknown };
export type TemplateSet = Record<string, TemplateEntry>;

class MapLoader extends nunjucks.Loader {
  constructor(private readonly templates: TemplateSet) {
    super();
  }
  getSource(name: string) {
    const t = this.templates[name];
    if (t === undefined) throw new Error(`template not found: ${name}`);
    return typeof t === 'string'
      ? { src: t, path: name, noCache: false }
      : ({ src: { type: 'code', obj: t }, path: name, noCache: false } as unknown as nunjucks.LoaderSource);
  }
}

export type Render = (name: string, context: object) => string;

export function createRenderer(templates: TemplateSet): Render {
  const env = new nunjucks.Environment(new MapLoader(templates), NUNJUCKS_OPTIONS);
  env.addFilter('yaml', yamlScalar);
  env.addFilter('hcl', (v: unknown) => {
    if (typeof v !== 'string') throw new TypeError(`hcl filter needs a string, got ${typeof v}`);
    return hclString(v);
  });
  env.addFilter('md', (v: unknown) => markdownText(String(v)));
  env.addFilter('mdline', (v: unknown) => markdownLine(String(v)));
  env.addFilter('mermaid', (v: unknown) => mermaidLabel(String(v)));
  env.addFilter('money', (v: number) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  return (name, context) => {
    try {
      return env.render(name, context);
    } catch (e) {
      // nunjucks puts "(unknown path) [Line x, Column y]" first and the real cause after it.
      throw new Error(`rendering ${name} failed: ${String((e as Error).message).replace(/\s+/g, ' ').trim()}`);
    }
  };
}
