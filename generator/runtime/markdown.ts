// Markdown for pull-request comments, issues and job summaries. Everything that comes from a
// plan, a chart or a label is inert: no mention pings, no issue links, no HTML, no breaking out
// of a code fence.

/** Escape inline text: HTML, Markdown emphasis/link syntax, @mentions and #references. */
export function mdText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()|~])/g, '\\$1')
    // A zero-width joiner after @ and # stops GitHub from linking users, teams and issues.
    .replace(/@/g, '@\u200d')
    .replace(/#(?=\d)/g, '#\u200d')
    .replace(/\r?\n/g, ' ');
}

/** Inline code: backtick fence longer than any run inside. */
export function mdCode(s: string): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
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
