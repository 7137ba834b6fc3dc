// Plan text quoted inside a validation message. Messages are plain text shared by the CLI
// and the planner, so a value is capped here (1 MiB of input must not become 1 MiB of
// message) and JSON-quoted (a newline in a value cannot start a fake problem line);
// escaping for a terminal happens at the CLI edge (generator/src/terminal.ts).

/** How many characters of a user value a message echoes. */
export const ECHO_LIMIT = 80;

/** The first `max` characters of `s` (never splitting a surrogate pair), and how many were left out. */
export function cap(s: string, max = ECHO_LIMIT): { head: string; omitted: number } {
  if (s.length <= max) return { head: s, omitted: 0 };
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a high surrogate with its low half
  return { head: s.slice(0, end), omitted: s.length - end };
}

/** `"value"` for a message: JSON-quoted, at most ECHO_LIMIT characters, with how many more there were. */
export function quote(s: string, max = ECHO_LIMIT): string {
  const { head, omitted } = cap(s, max);
  return omitted === 0 ? JSON.stringify(head) : `${JSON.stringify(`${head}…`)} (${omitted} more characters)`;
}
