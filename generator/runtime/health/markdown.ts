// The report as Markdown for the job summary and the status branch. Every string that came from
// a server or a cluster (reasons quote them, targets name them) goes through mdText/mdCode, so
// nothing in a response can ping, link, inject HTML or break the table.
import type { HealthReport } from '../../../schemas/health-report.ts';
import { mdCode, mdText } from '../markdown.ts';

const ICON = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ not run' } as const;
const HEADLINE = { pass: '✅ healthy', warn: '⚠️ degraded', fail: '❌ failing', partial: '◐ partially checked' } as const;
/** Bidirectional overrides would reorder what a reader sees; they have no business in a report. */
const clean = (s: string) => s.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

export function renderHealthMarkdown(report: HealthReport): string {
  const c = report.counts;
  const where = [report.cluster, report.environment, report.cloud]
    .filter(Boolean)
    .map((s) => mdText(clean(s!)))
    .join(' · ');
  const lines = [
    `## Health: ${HEADLINE[report.status]}${where ? ` (${where})` : ''}`,
    '',
    `${c.pass} passed, ${c.warn} warned, ${c.fail} failed, ${c.skipped} not run; ${report.checks.length} checks in ${report.durationMs} ms (run concurrently; ${report.sumOfCheckDurationsMs} ms one after another), started ${mdText(report.startedAt)}.`,
    '',
  ];
  // What was not run says why once, above the table, so a partial run is never read as a full one.
  const reasons = [...new Set(report.checks.filter((r) => r.status === 'skipped').map((r) => r.reason))];
  if (reasons.length) lines.push(`Not run (${c.skipped}): ${reasons.map((r) => mdText(clean(r.replace(/^not run: /, '')))).join('; ')}.`, '');
  // Failures first, then warnings, so the first screen is what needs doing; what was not run last.
  const order = { fail: 0, warn: 1, pass: 2, skipped: 3 } as const;
  const rows = [...report.checks].sort((a, b) => order[a.status] - order[b.status]);
  lines.push('| Status | Check | Target | Reason | Time |', '|---|---|---|---|---:|');
  for (const r of rows) {
    lines.push(`| ${ICON[r.status]} | ${mdCode(clean(r.id))} | ${r.target ? mdText(clean(r.target)) : ''} | ${mdText(clean(r.reason))} | ${r.durationMs} ms |`);
  }
  return `${lines.join('\n')}\n`;
}
