// The dependency graph's labels (generator/src/graph.ts writes them in English, as `opsta graph`
// prints them) in the user's language, line by line. English is returned untouched, so the
// planner's English graph stays byte for byte what the CLI prints; tests/site/i18n.test.ts checks
// the English catalog reproduces every label, so a label the generator changes is noticed.
import { mermaidLabel } from '../../../generator/src/encode.ts';
import type { MessageKey } from './en.ts';
import type { Locale } from './locale.ts';

/** `  subgraph s10["…"]` or `    harbor["…"]`. */
const LINE = /^(\s*(?:subgraph )?)(\w+)\[("[^"]*")\]$/;
const FIXED: Record<string, MessageKey> = {
  s10: 'graph.label.s10',
  s20: 'graph.label.s20',
  s25: 'graph.label.s25',
  s30: 'graph.label.s30',
  s40: 'graph.label.s40',
  prerequisites: 'graph.label.prerequisites',
  config: 'graph.label.config',
};

/** Inverse of mermaidLabel: strip the quotes, decode `#NNN;` entities. */
export function decodeLabel(quoted: string): string {
  return quoted.slice(1, -1).replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** One node's or subgraph's label in the language of `L`, undefined when not recognised. */
export function graphLabel(id: string, label: string, L: Pick<Locale, 't' | 'componentName'>, isComponent: (id: string) => boolean): string | undefined {
  if (Object.hasOwn(FIXED, id)) return L.t(FIXED[id]!);
  if (id === 'network') {
    const m = /^(.+) network (\S+), (\d+) zones$/.exec(label);
    return m ? L.t('graph.label.network', { cloud: m[1]!, cidr: m[2]!, zones: m[3]! }) : undefined;
  }
  const money = /^(.*) · (\$\d+)\/mo$/.exec(label);
  const base = money ? money[1]! : label;
  const name = id === 'cluster' ? base : isComponent(id) ? L.componentName(id) : undefined;
  if (name === undefined) return undefined;
  return money ? L.t('graph.label.money', { label: name, usd: money[2]! }) : name;
}

export function localizeGraph(code: string, L: Pick<Locale, 't' | 'componentName'>, isComponent: (id: string) => boolean): string {
  if (!code) return code;
  return code
    .split('\n')
    .map((line) => {
      const m = LINE.exec(line);
      if (!m) return line;
      const out = graphLabel(m[2]!, decodeLabel(m[3]!), L, isComponent);
      return out === undefined ? line : `${m[1]}${m[2]}[${mermaidLabel(out)}]`;
    })
    .join('\n');
}
