// The report as Markdown for the job summary and the status branch. Every string that came from
// a server or a cluster (reasons quote them, targets name them) goes through mdText/mdCode, so
// nothing in a response can ping, link, inject HTML or break the table.
import type { HealthReport } from '../../../schemas/health-report.ts';
import { mdCode, mdText } from '../markdown.ts';

const ICON = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' } as const;
/** Bidirectional overrides would reorder what a reader sees; they have no business in a report. */
const clean = (s: string) => s.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

export function renderHealthMarkdown(report: HealthReport): string {
  const c = report.counts;
  const where = [report.cluster, report.environment, report.cloud]
    .filter(Boolean)
    .map((s) => mdText(clean(s!)))
    .join(' · ');
  const lines = [
    `## Health: ${ICON[report.status]}${where ? ` (${where})` : ''}`,
    '',
    `${c.pass} passed, ${c.warn} warned, ${c.fail} failed; ${report.checks.length} checks in ${report.durationMs} ms (run concurrently; ${report.sumOfCheckDurationsMs} ms one after another), started ${mdText(report.startedAt)}.`,
    '',
  ];
  // Failures first, then warnings, so the first screen is what needs doing.
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const rows = [...report.checks].sort((a, b) => order[a.status] - order[b.status]);
  lines.push('| Status | Check | Target | Reason | Time |', '|---|---|---|---|---:|');
  for (const r of rows) {
    lines.push(`| ${ICON[r.status]} | ${mdCode(clean(r.id))} | ${r.target ? mdText(clean(r.target)) : ''} | ${mdText(clean(r.reason))} | ${r.durationMs} ms |`);
  }
  return `${lines.join('\n')}\n`;
}
