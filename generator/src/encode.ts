// Per-format encoders. Every value that reaches generated text goes through one
// of these; templates never emit a plan value any other way.

/**
 * A YAML scalar that always parses back to exactly `value`. JSON strings are
 * valid YAML double-quoted scalars, so `"on"`, `"0755"`, `"x\nimage: evil"` stay strings.
 * Line and paragraph separators are escaped too: JSON allows them raw, YAML
 * treats them as line breaks inside quotes.
 */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('cannot encode a non-finite number as YAML');
    return Object.is(value, -0) ? '-0.0' : String(value); // YAML reads "-0" as the integer 0
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value).replace(/\u2028/g, '\\L').replace(/\u2029/g, '\\P').replace(/\u0085/g, '\\N');
  if (Array.isArray(value)) return `[${value.map(yamlScalar).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${yamlScalar(k)}: ${yamlScalar(v)}`)
      .join(', ')}}`;
  }
  throw new TypeError(`cannot encode ${typeof value} as YAML`);
}

/**
 * An HCL quoted string. Only `\n \r \t \" \\ \uNNNN` are valid escapes in HCL;
 * `${` and `%{` start templates and are doubled. Used solely for first-party
 * catalog values and the few validated plan values a backend block must hold
 * literally (backend blocks cannot reference variables). HCL reads the result
 * back as the same string, normalized to Unicode NFC as HCL does with every literal.
 */
export function hclString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  out += '"';
  // A function replacement: in a replacement string "$$" would mean a single "$".
  return out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * The one line a value may take in Markdown (a table cell, a sentence, inline
 * code): control characters and Unicode line separators become spaces, so an
 * escape sequence or a stray line break can neither end the line nor colour a
 * terminal, and bidirectional controls are dropped, so nothing reorders what a reader sees.
 */
export function markdownPlain(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Inline Markdown text (a table cell or a sentence) that renders as itself: HTML
 * and the punctuation that starts emphasis, code, links or table cells are
 * escaped, and `@` / `#123` get a zero-width joiner so nobody is pinged and
 * nothing is cross-linked (the approach Renovate and Dependabot use). Every `@`
 * gets one, whatever follows, so no guess is made about which characters GitHub
 * takes for a name. `(){}` stay as they are: with `[` and `]` escaped they open
 * no link, and GitHub's Markdown gives them no other meaning.
 * Used for READMEs and pull-request bodies here, and by the executor runtime for
 * its comments, issues and job summaries (generator/runtime/markdown.ts).
 */
export function markdownText(value: string): string {
  return markdownPlain(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200d')
    .replace(/#(?=\d)/g, '#\u200d');
}

/**
 * markdownText for a value that starts a line of its own (a paragraph): a
 * leading marker would turn it into a heading, list or quote, so it is escaped
 * too. Backslash escapes only work before punctuation: `1\.` (not `\1.`).
 */
export function markdownLine(value: string): string {
  return markdownText(value).replace(/^(\s*)(?:([#+=-])|(\d+)([.)]))/, (_m, sp: string, mark?: string, digits?: string, punct?: string) =>
    mark ? `${sp}\\${mark}` : `${sp}${digits}\\${punct}`,
  );
}

/** A Mermaid node label: quoted, with anything that could close the quote or start markup entity-encoded. */
export function mermaidLabel(value: string): string {
  return `"${value.replace(/[^A-Za-z0-9 .,:/+()-]/g, (c) => `#${c.codePointAt(0)};`)}"`;
}
