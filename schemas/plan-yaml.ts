// Plan YAML text → plan. A module of its own so that importing the validator
// (the planner's first chunk) does not pull in the YAML parser.
import yaml from 'js-yaml';
import type { Catalog } from './blueprint.ts';
import { validatePlan, type PlanSource, type Problem, type Validation } from './validate.ts';

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Numbers as YAML's plain scalars spelled them (`1.30`, `012345678901`, `.inf`), keyed by the
 * value read. Collected by a second parse, on the first question only: valid plans and plans
 * with no number in the wrong place never pay for it.
 */
class NumberSpellings implements PlanSource {
  private byValue: Map<string, Set<string>> | undefined;
  constructor(private readonly text: string) {}
  add(value: number, raw: string): void {
    this.byValue ??= new Map();
    const key = String(value);
    let set = this.byValue.get(key);
    if (!set) this.byValue.set(key, (set = new Set()));
    set.add(raw);
  }
  numberText(value: number): string | undefined {
    if (!this.byValue) {
      this.byValue = new Map();
      parsePlanYaml(this.text, this);
    }
    const set = this.byValue.get(String(value));
    return set && set.size === 1 ? [...set][0] : undefined; // two spellings of one value: can't tell which was meant
  }
}

const NUMBER_TAGS = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);
/** What a plain number scalar can look like in YAML 1.2 core: digits, signs, dots, exponents, 0x/0o, .inf/.nan. */
const PLAIN_NUMBER = /^[-+]?[0-9A-Za-z._]+$/;

/**
 * Parse plan YAML. CORE_SCHEMA keeps `2026-01-01` a string and `on`/`yes` plain strings.
 * `spellings`, if given, receives every plain number scalar with its text as written.
 */
export function parsePlanYaml(text: string, spellings?: { add(value: number, raw: string): void }): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  // js-yaml refuses a NUL before tracking lines, so its mark says "line 1, column <offset>": locate it here.
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const { line, column } = lineColumn(text, nul);
    return { ok: false, problems: [{ path: '', message: `not valid YAML at line ${line}, column ${column}: a NUL byte is not allowed in a plan (is this a binary file?)` }] };
  }
  const starts: number[] = [];
  const listener = spellings
    ? (event: yaml.EventType, st: yaml.State) => {
        // js-yaml's State type omits the fields the loader sets on it while composing a node.
        const state = st as unknown as { position: number; result: unknown; tag: string | null };
        if (event === 'open') {
          starts.push(state.position);
          return;
        }
        const start = starts.pop() ?? state.position;
        if (typeof state.result !== 'number' || !state.tag || !NUMBER_TAGS.has(state.tag)) return;
        // The node's text may start with the separating spaces, a line break or a comment line.
        const written = text.slice(start, state.position);
        const raw = written.slice(written.lastIndexOf('\n') + 1).trim();
        if (PLAIN_NUMBER.test(raw)) spellings.add(state.result, raw);
      }
    : undefined;
  try {
    return { ok: true, value: yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false, ...(listener ? { listener } : {}) }) };
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number } };
    const where = err.mark ? ` at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
    return { ok: false, problems: [{ path: '', message: `not valid YAML${where}: ${err.reason ?? String(e)}` }] };
  }
}

/** The marker comment that lets a plan keep placeholder account values (this repository's examples). */
export const EXAMPLE_PLACEHOLDERS_MARKER = '# opsta: example-placeholders';

/**
 * Whether the plan's leading comment block (the comment and blank lines before its first
 * YAML line) holds the example marker. Only there: a marker-like line inside a multi-line
 * string further down is text, not a marker.
 */
export function hasExamplePlaceholdersMarker(text: string): boolean {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    if (!t.startsWith('#')) return false;
    if (/^#\s*opsta:\s*example-placeholders\s*$/.test(t)) return true;
  }
  return false;
}

export function validatePlanText(text: string, catalog: Catalog): Validation {
  const parsed = parsePlanYaml(text);
  return parsed.ok ? validatePlan(parsed.value, catalog, new NumberSpellings(text), { allowPlaceholders: hasExamplePlaceholdersMarker(text) }) : parsed;
}
