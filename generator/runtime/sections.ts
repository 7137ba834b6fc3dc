// The comment's building blocks, as the summarize-* and budget subcommands write them to the
// --out-dir as `<name>.<type>-summary.json`, and their Markdown. Pure.
import { mdCode, mdFence, mdText } from './markdown.ts';
import { countsLine, hasChanges, type PlanSummary, type ResourceLine } from './plan-summary.ts';

export interface TextSection {
  type: 'text';
  stage: string;
  title: string;
  /** Shown fenced (a diff); truncated first when the comment is too long. */
  body: string;
  lang?: string;
}

export interface CostSection {
  type: 'cost';
  status: 'ok' | 'warn' | 'over' | 'acknowledged' | 'no-budget';
  totalUsd: number;
  budgetUsd?: number;
  baseUsd?: number;
  message: string;
}

export type Section = PlanSummary | TextSection | CostSection;

/** How much of the truncatable parts to show: Infinity for everything. */
export interface Caps {
  /** Resource lines per stage in the "all changes" list. */
  items: number;
  /** Characters of a text body (a Helm diff). */
  chars: number;
  /** Lines of the destructive list; the warning and its counts are always shown. */
  destructive: number;
  /** Where what is cut can be read: the comment points to the job summary, the summary to the artifacts and the log. */
  rendering?: 'comment' | 'summary';
}

export const FULL: Caps = { items: Infinity, chars: Infinity, destructive: Infinity };

/** Long addresses (for_each keys can be anything) keep both ends. */
export function clip(s: string, max = 200): string {
  return s.length <= max ? s : `${s.slice(0, max / 2 - 1)}…${s.slice(s.length - max / 2)}`;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function resourceLine(r: ResourceLine): string {
  const notes = [r.reason?.replace(/_/g, ' '), r.movedFrom ? `moved from ${mdCode(clip(r.movedFrom))}` : undefined, r.importing ? 'imported' : undefined].filter(Boolean);
  return `- **${r.kind}** ${mdCode(clip(r.address))}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

function more(n: number, stage: string, caps: Caps): string {
  return caps.rendering === 'summary' ? `- _… ${n} more, in the plan: the run's artifact ${mdCode(`opsta-plan-${stage}`)} (plan.json)._` : `- _… ${n} more, listed in the job summary._`;
}

export function destructiveCount(s: Section): number {
  return s.type === 'plan' ? s.destructive.length : 0;
}

export function renderSection(s: Section, caps: Caps = FULL): string {
  if (s.type === 'cost') {
    const icon = { ok: '✅', warn: '⚠️', over: '❌', acknowledged: '☑️', 'no-budget': 'ℹ️' }[s.status];
    const lines = [`### Monthly cost`, '', `${icon} ${mdText(s.message)}`, ''];
    const rows = [`| Estimate | ${usd(s.totalUsd)} |`];
    if (s.baseUsd !== undefined) rows.push(`| Base branch | ${usd(s.baseUsd)} |`, `| Change | ${s.totalUsd - s.baseUsd >= 0 ? '+' : '−'}${usd(Math.abs(s.totalUsd - s.baseUsd))} |`);
    if (s.budgetUsd !== undefined) rows.push(`| Budget | ${usd(s.budgetUsd)} (${Math.round((s.totalUsd / s.budgetUsd) * 100)} %) |`);
    return [...lines, '| | Monthly |', '|---|---:|', ...rows, ''].join('\n');
  }
  if (s.type === 'text') {
    const where = caps.rendering === 'summary' ? "the job's log" : 'the job summary';
    const body = s.body.length > caps.chars ? `${s.body.slice(0, Math.max(0, s.body.lastIndexOf('\n', caps.chars)))}\n… truncated: ${s.body.length - caps.chars} more characters in ${where}\n` : s.body;
    return [`### ${mdCode(s.stage)}: ${mdText(s.title)}`, '', s.body.trim() === '' ? '_No changes._' : `<details><summary>Show</summary>\n\n${mdFence(body, s.lang ?? '')}\n\n</details>`, ''].join('\n');
  }
  const out = [`### ${mdCode(s.stage)}: ${countsLine(s)}`, ''];
  if (s.errored) out.push('> [!WARNING]', '> The plan errored: the changes below are what Terraform planned before the error, not the whole change.', '');
  if (s.destructive.length) {
    const replaced = s.destructive.filter((r) => r.kind === 'replace').length;
    out.push('> [!CAUTION]', `> **${s.destructive.length} resource${s.destructive.length === 1 ? '' : 's'} will be destroyed** (${replaced} of them replaced): deleted data does not come back, check each one.`);
    const shown = s.destructive.slice(0, caps.destructive);
    for (const r of shown) out.push(`> ${resourceLine(r)}`);
    if (shown.length < s.destructive.length) out.push(`> ${more(s.destructive.length - shown.length, s.stage, caps)}`);
    out.push('');
  }
  if (!hasChanges(s)) return [...out, '_No changes: the infrastructure matches the configuration._', ''].join('\n');
  if (s.changes.length || s.outputs.length) {
    out.push(`<details><summary>Other changes (${s.changes.length + s.outputs.length})</summary>`, '');
    const shown = s.changes.slice(0, caps.items);
    for (const r of shown) out.push(resourceLine(r));
    if (shown.length < s.changes.length) out.push(more(s.changes.length - shown.length, s.stage, caps));
    const outs = s.outputs.slice(0, Math.max(0, caps.items - shown.length));
    for (const o of outs) out.push(`- **output** ${mdCode(clip(o))}`);
    if (outs.length < s.outputs.length) out.push(more(s.outputs.length - outs.length, s.stage, caps));
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/** Stages in pipeline order (ids start with their order number), the cost last. */
export function sortSections(sections: readonly Section[]): Section[] {
  const key = (s: Section) => (s.type === 'cost' ? '~' : `${s.stage}\u0000${s.type}`);
  return [...sections].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
