// Text on its way to a terminal. Plan values, unknown keys and file names end up in
// messages; a terminal executes ESC sequences (clear the screen, set the window title,
// rewrite earlier lines) and bidi controls reorder what the reader sees, so every such
// character is shown as an escape instead. Messages stay plain text elsewhere (the
// planner shows the same ones); this is the CLI's edge.

/**
 * C0 controls except tab and newline, DEL, C1 controls; Unicode format characters (bidi
 * embeddings, overrides and isolates, zero-width characters, the BOM); line and paragraph
 * separators; lone surrogates.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]|\p{Cs}/gu;

/**
 * JSON's escape syntax (`\u001b`, `\r`): readable, and a JSON document written through
 * forTerminal (`cost --json`) still parses to the same values.
 */
function escapeChar(c: string): string {
  const code = c.codePointAt(0)!;
  return code === 0x0d ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character that could act on a terminal shown as `\u001b`, `\u202e`, …; newlines and tabs kept. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A writer that escapes everything written through it. */
export function escapingWriter<W extends { write(s: string): unknown }>(w: W): { write(s: string): unknown } {
  return { write: (s: string) => w.write(forTerminal(s)) };
}
