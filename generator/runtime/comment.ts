// The sticky pull-request comment: one per marker, a section per stage, always under GitHub's
// 65,536-character limit. Resource lists and diffs are cut first; the destructive warnings stay
// (their lines are cut only when nothing else is left, the count never is). The job summary gets
// the same report uncut as long as it fits GitHub's 1 MiB step summary, and is cut the same way
// when it does not. Pure.
import { UsageError } from './errors.ts';
import { marker, mdCode } from './markdown.ts';
import { FULL, destructiveCount, renderSection, sortSections, type Caps, type Section } from './sections.ts';

/** GitHub refuses comment bodies over 65,536 characters; keep a margin for the footer. */
export const COMMENT_LIMIT = 65_536;

/**
 * GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted, supports content
 * up to a size of 1024k"), in bytes; the rest of the MiB is left for io.ts's own cut and its note.
 */
export const SUMMARY_BUDGET = 1_000_000;

export interface CommentInput {
  markerName: string;
  sections: readonly Section[];
  /**
   * Every stage the pull request changed (changed-stacks' `all`). A stage with no section is one
   * whose job failed before it wrote one: named as such, never taken for "no change". Unset: the
   * sections alone say which stages there are.
   */
  stages?: readonly string[];
  /** Link to the run whose job summary holds the full output. */
  runUrl?: string;
  sha?: string;
  title?: string;
}

const STAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `--stages`: a JSON list of stage ids, as changed-stacks writes it. */
export function parseStages(value: string, flag = 'comment: --stages'): string[] {
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    throw new UsageError(`${flag} must be a JSON list of stage ids (changed-stacks' "all" output), got ${JSON.stringify(value.slice(0, 80))}`);
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && STAGE_ID.test(x))) throw new UsageError(`${flag} must be a JSON list of stage ids like ["10-network"], got ${JSON.stringify(value.slice(0, 80))}`);
  return list as string[];
}

const stageOf = (s: Section): string | undefined => (s.type === 'cost' ? undefined : s.stage);

function missingSection(stage: string, runUrl: string | undefined): string {
  return [`### ${mdCode(stage)}: no result`, '', '> [!WARNING]', `> This stage changed, but its job wrote no plan or render: fmt, validate, init or plan failed, or the job was cancelled. See ${runUrl ? `[the run](${runUrl})` : 'the run'}.`, ''].join('\n');
}

function render(input: CommentInput, caps: Caps, truncated: boolean): string {
  const sections = sortSections(input.sections);
  const head = [marker(input.markerName), `## ${input.title ?? 'Opsta plan'}`, ''];
  if (input.sha) head.push(`For ${mdCode(input.sha.slice(0, 12))}.`, '');
  const destroying = sections.filter((s) => destructiveCount(s) > 0);
  if (destroying.length) {
    head.push(`> [!CAUTION]`, `> **Destructive changes** in ${destroying.map((s) => `${mdCode(s.type === 'cost' ? 'cost' : s.stage)} (${destructiveCount(s)})`).join(', ')}: read them before approving.`, '');
  }
  const reported = new Set(sections.map(stageOf).filter((s): s is string => s !== undefined));
  const missing = [...new Set(input.stages ?? [])].filter((s) => !reported.has(s)).sort();
  if (reported.size === 0 && missing.length === 0) head.push('_No stage changed in this pull request: nothing to plan._', '');
  // Missing stages sit where their section would have been: pipeline order, the cost last.
  const parts = [...sections.map((s) => ({ key: stageOf(s) ?? '~', text: renderSection(s, caps) })), ...missing.map((s) => ({ key: s, text: missingSection(s, input.runUrl) }))];
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const body = parts.map((p) => p.text).join('\n');
  const summary = caps.rendering === 'summary';
  let foot = '';
  if (truncated && summary) foot = `\n---\n_This job summary is shortened to stay under GitHub's 1 MiB limit for a step summary. The full plans are this run's ${mdCode('opsta-plan-<stage>')} artifacts (the plan file and its JSON); the full render diff is in the platform job's log._\n`;
  else if (truncated) foot = `\n---\n_This comment is shortened to fit GitHub's limit; the full plans are in the job summary${input.runUrl ? ` of [the run](${input.runUrl})` : ''}._\n`;
  else if (input.runUrl && !summary) foot = `\n---\n_Full output: [the run](${input.runUrl})._\n`;
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

/**
 * The report for the job summary: everything while it fits in `limitBytes` (UTF-8, as GitHub
 * counts it), else the largest step of the same ladder that does, saying what was cut and where
 * the rest is. Past the last step, appendSummary's cut at a line is the last resort.
 */
export function renderFull(input: CommentInput, limitBytes = SUMMARY_BUDGET): string {
  let body = '';
  for (const [i, caps] of LADDER.entries()) {
    body = render(input, { ...caps, rendering: 'summary' }, i > 0);
    if (Buffer.byteLength(body) <= limitBytes) return body;
  }
  return body;
}
