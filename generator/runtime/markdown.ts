// Markdown for pull-request comments, issues and job summaries. Everything that comes from a
// plan, a chart or a label is inert: no mention pings, no issue links, no HTML, no breaking out
// of a code fence. The escaping rules are the generator's own (generator/src/encode.ts), bundled in.
import { markdownLine, markdownPlain } from '../src/encode.ts';

/**
 * Inline text: encode.ts's markdownText (HTML, emphasis, code, link and table syntax, @mentions and
 * #references inert), line-safe, since the runtime's texts often open a paragraph (an outcome
 * message, a summary line) where a leading `#`, `-` or `1.` would make a heading or a list.
 */
export const mdText: (s: string) => string = markdownLine;

/** Inline code: backtick fence longer than any run inside. */
export function mdCode(s: string): string {
  const clean = markdownPlain(s);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced block: the fence is longer than any backtick run in the body, so the body cannot end it. */
export function mdFence(body: string, lang = ''): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${body.replace(/\u0000/g, '')}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}

/** A hidden marker that finds a comment or issue again; the name is restricted so it cannot close the HTML comment. */
export function marker(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(name)) throw new Error(`marker name ${JSON.stringify(name)} must be letters, digits and : . _ -`);
  return `<!-- opsta:${name} -->`;
}
