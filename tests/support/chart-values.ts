/**
 * Checks a Helm values document against the facts of the chart it is for (the value paths the
 * chart reads at its pinned version: tests/fixtures/charts/, see tests/fixtures/README.md).
 *
 * Helm silently ignores a key the chart does not read (`server.httpRoute` for `httproute`), so
 * this check is the only thing that notices one. Rules (from the facts' own README):
 * - every key path given must be a known path (`values`, `templateReads`, `schemaPaths`), or lie
 *   beneath an open map (`openMaps`, `openMapsIndirect`), a `templateReads`/`schemaPaths` entry
 *   or a path whose default is null. In a map that is also in `rangedMaps` entry names are free,
 *   but an entry the facts list is checked like any other path.
 * - under a `schemaClosed` map only the keys the schema names are allowed.
 * - types: a map must not be given where the chart's default is a scalar or a list, nor a scalar
 *   or list where the default is a non-empty map. Scalars are interchangeable (templates print them).
 * - list items are checked against `path[]` when the facts describe the items; a list whose
 *   default is empty has no item facts, so its items are not checked.
 * Key names are compared exactly: Helm keys are case-sensitive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHART_FACTS_DIR = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));

type FactType = 'string' | 'number' | 'boolean' | 'map' | 'list' | 'null';

export interface ChartFacts {
  chart: string;
  /** The version the facts were read at. */
  version: string;
  /** The version the facts are meant to check (the pin in blueprints/components/<c>/blueprint.json). */
  pinned: string;
  versionNote?: string;
  values: Record<string, { type: FactType; default?: unknown }>;
  openMaps: string[];
  openMapsIndirect?: string[];
  rangedMaps?: string[];
  templateReads?: string[];
  schemaPaths?: Record<string, string>;
  schemaClosed?: string[];
}

export interface ValuesFinding {
  /** Dotted key path in the values document, escaped like the facts (`grafana.grafana\.ini`). */
  path: string;
  message: string;
}

/** Every chart facts file in the fixtures, by `<chart>@<pinned>`. */
export function loadChartFacts(dir = CHART_FACTS_DIR): Map<string, ChartFacts> {
  const out = new Map<string, ChartFacts>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const facts = JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as ChartFacts;
    out.set(`${facts.chart}@${facts.pinned}`, facts);
  }
  return out;
}

/** A key as the facts spell it inside a dotted path. */
export const escapeKey = (k: string) => k.replace(/[\\.[\]]/g, (c) => `\\${c}`);

const parentOf = (path: string): string | undefined => {
  // The last unescaped `.`; `[]` belongs to its list path.
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i] === '.' && !isEscaped(path, i)) return path.slice(0, i);
  }
  return undefined;
};
const isEscaped = (s: string, i: number) => {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 1;
};
/** `a.b[].c` → the ancestors `a.b[]`, `a.b`, `a`, nearest first. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  let p: string | undefined = path;
  while (p !== undefined) {
    if (p.endsWith('[]')) p = p.slice(0, -2);
    else p = parentOf(p);
    if (p !== undefined) out.push(p);
  }
  return out;
}

class FactIndex {
  readonly known = new Set<string>();
  readonly open: Set<string>;
  readonly ranged: Set<string>;
  readonly opaque: Set<string>;
  readonly closed: Set<string>;
  /** Paths with described children (so their map default is not empty). */
  readonly hasChildren = new Set<string>();

  constructor(readonly facts: ChartFacts) {
    for (const p of Object.keys(facts.values)) this.known.add(p);
    for (const p of Object.keys(facts.schemaPaths ?? {})) this.known.add(p);
    for (const p of facts.templateReads ?? []) this.known.add(p);
    for (const p of this.known) for (const a of ancestors(p)) this.hasChildren.add(a);
    this.open = new Set([...facts.openMaps, ...(facts.openMapsIndirect ?? [])]);
    this.ranged = new Set(facts.rangedMaps ?? []);
    // Paths whose content is not described: anything beneath them is accepted.
    this.opaque = new Set([
      ...(facts.templateReads ?? []),
      ...Object.keys(facts.schemaPaths ?? {}),
      ...Object.entries(facts.values)
        .filter(([, v]) => v.type === 'null')
        .map(([p]) => p),
    ]);
    this.closed = new Set((facts.schemaClosed ?? []).map((p) => (p === '(root)' ? '' : p)));
  }

  /** Why an unknown path is still accepted, or undefined if it is not. */
  acceptedBeneath(path: string): string | undefined {
    const chain = ancestors(path);
    for (let i = 0; i < chain.length; i++) {
      const a = chain[i]!;
      if (this.closed.has(a)) return undefined;
      if (this.opaque.has(a)) return a;
      if (this.open.has(a)) {
        // In a ranged map an entry the facts list is checked like any other path.
        const entry = i === 0 ? path : chain[i - 1]!;
        if (this.ranged.has(a) && this.known.has(entry) && entry !== path) return undefined;
        return a;
      }
    }
    return undefined;
  }

  typeOf(path: string): FactType | undefined {
    return this.facts.values[path]?.type;
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const kindOf = (v: Json): 'map' | 'list' | 'scalar' | 'null' =>
  v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'map' : 'scalar';

/** The findings for one values document (an empty list means every key is one the chart reads). */
export function checkChartValues(values: unknown, facts: ChartFacts): ValuesFinding[] {
  const index = new FactIndex(facts);
  const findings: ValuesFinding[] = [];
  const closedRoot = index.closed.has('');

  const visit = (v: Json, path: string, parentPath: string | undefined, free: boolean) => {
    const here = index.known.has(path);
    let isFree = free;
    if (!isFree && !here) {
      if (parentPath !== undefined && index.closed.has(parentPath)) {
        findings.push({ path, message: `not a key of ${parentPath || 'the top level'}, where the chart's schema allows only the keys it names` });
        return;
      }
      const beneath = index.acceptedBeneath(path);
      if (beneath === undefined) {
        findings.push({ path, message: unknownMessage(path, index) });
        return;
      }
      isFree = true;
    }
    if (!isFree) {
      const t = index.typeOf(path);
      const k = kindOf(v);
      if (t && t !== 'null' && k !== 'null') {
        if (k === 'map' && t !== 'map') {
          findings.push({ path, message: `a map is given, but the chart's default here is a ${t}` });
          return;
        }
        if (k !== 'map' && t === 'map' && index.hasChildren.has(path)) {
          findings.push({ path, message: `a ${k} is given, but the chart expects a map here (its default has keys)` });
          return;
        }
      }
    }
    if (Array.isArray(v)) {
      const item = `${path}[]`;
      const itemsDescribed = index.known.has(item);
      for (const x of v) if (x !== null && typeof x === 'object' && itemsDescribed && !isFree) visitChildren(x, item, false);
    } else if (v !== null && typeof v === 'object') {
      visitChildren(v, path, isFree);
    }
  };
  const visitChildren = (v: Json, path: string, free: boolean) => {
    if (Array.isArray(v) || v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      const child = path === '' ? escapeKey(k) : `${path}.${escapeKey(k)}`;
      visit(x, child, path, free);
    }
  };

  if (values === null || values === undefined) return findings;
  if (typeof values !== 'object' || Array.isArray(values)) return [{ path: '', message: 'a values file must be a map' }];
  for (const [k, x] of Object.entries(values as Record<string, Json>)) {
    const p = escapeKey(k);
    if (closedRoot && !index.known.has(p)) {
      findings.push({ path: p, message: 'not a top-level key of the chart (its schema allows only the keys it names)' });
      continue;
    }
    visit(x, p, closedRoot ? '' : undefined, false);
  }
  return findings;
}

/** "did you mean" for near misses, most usefully a different letter case (`httpRoute`/`httproute`). */
function unknownMessage(path: string, index: FactIndex): string {
  const parent = ancestors(path)[0];
  const last = parent === undefined ? path : path.slice(parent.length + 1);
  const siblings = [...index.known].filter((p) => ancestors(p)[0] === parent).map((p) => (parent === undefined ? p : p.slice(parent.length + 1)));
  const same = siblings.find((s) => s.toLowerCase() === last.toLowerCase());
  const hint = same ? ` (did you mean "${same}"? Helm keys are case-sensitive)` : '';
  return `the chart ${index.facts.chart} ${index.facts.version} reads no value "${path}"${hint}; Helm would ignore it`;
}
