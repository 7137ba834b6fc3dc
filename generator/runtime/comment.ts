// The sticky pull-request comment: one per marker, a section per stage, always under GitHub's
// 65,536-character limit. Resource lists and diffs are cut first; the destructive warnings stay
// (their lines are cut only when nothing else is left, the count never is). Pure.
import { marker, mdCode } from './markdown.ts';
import { FULL, destructiveCount, renderSection, sortSections, type Caps, type Section } from './sections.ts';

/** GitHub refuses comment bodies over 65,536 characters; keep a margin for the footer. */
export const COMMENT_LIMIT = 65_536;

export interface CommentInput {
  markerName: string;
  sections: readonly Section[];
  /** Link to the run whose job summary holds the full output. */
  runUrl?: string;
  sha?: string;
  title?: string;
}

function render(input: CommentInput, caps: Caps, truncated: boolean): string {
  const sections = sortSections(input.sections);
  const head = [marker(input.markerName), `## ${input.title ?? 'Opsta plan'}`, ''];
  if (input.sha) head.push(`For ${mdCode(input.sha.slice(0, 12))}.`, '');
  const destroying = sections.filter((s) => destructiveCount(s) > 0);
  if (destroying.length) {
    head.push(`> [!CAUTION]`, `> **Destructive changes** in ${destroying.map((s) => `${mdCode(s.type === 'cost' ? 'cost' : s.stage)} (${destructiveCount(s)})`).join(', ')}: read them before approving.`, '');
  }
  if (sections.length === 0) head.push('_No stage changed in this pull request._', '');
  const body = sections.map((s) => renderSection(s, caps)).join('\n');
  const foot = truncated ? `\n---\n_This comment is shortened to fit GitHub's limit; the full plans are in the job summary${input.runUrl ? ` of [the run](${input.runUrl})` : ''}._\n` : input.runUrl ? `\n---\n_Full output: [the run](${input.runUrl})._\n` : '';
  return `${head.join('\n')}${body}${foot}`;
}

/** Steps from everything to nothing: lists first, then diffs, then the destructive lines. */
const LADDER: Caps[] = [
  FULL,
  ...[500, 200, 100, 50, 20, 10, 5, 0].map((items) => ({ items, chars: Infinity, destructive: Infinity })),
  ...[20_000, 8_000, 3_000, 1_000, 0].map((chars) => ({ items: 0, chars, destructive: Infinity })),
  ...[200, 100, 50, 20, 10, 5, 0].map((destructive) => ({ items: 0, chars: 0, destructive })),
];

export function renderComment(input: CommentInput, limit = COMMENT_LIMIT): { body: string; truncated: boolean } {
  for (const [i, caps] of LADDER.entries()) {
    const body = render(input, caps, i > 0);
    if (body.length < limit) return { body, truncated: i > 0 };
  }
  // Only a pathological number of sections gets here; cut at a line and say so.
  const body = render(input, LADDER[LADDER.length - 1]!, true);
  const cut = body.lastIndexOf('\n', limit - 200);
  return { body: `${body.slice(0, cut)}\n\n_… cut to fit GitHub's limit; see the job summary._\n`, truncated: true };
}

/** The full report for the job summary: nothing cut. */
export function renderFull(input: CommentInput): string {
  return render(input, FULL, false);
}
