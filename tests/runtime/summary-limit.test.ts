// The job summary under GitHub's 1 MiB limit for a step summary (over it the runner drops the
// step's whole summary: "$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
// 1024k"): the comment's full report shortened by the same ladder as the comment, and every
// append cut at a line, saying what was cut and where the full text is. Huge plans made here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFull, SUMMARY_BUDGET } from '../../generator/runtime/comment.ts';
import { capSummary, STEP_SUMMARY_LIMIT } from '../../generator/runtime/io.ts';
import { summarizePlan } from '../../generator/runtime/plan-summary.ts';
// Async: stdout here is over spawnSync's 1 MiB buffer.
import { runRuntimeAsync as runRuntime } from './support/bundle.ts';

/** A plan of `n` resources with long for_each keys, every tenth deleted. */
function hugePlan(n: number) {
  return {
    format_version: '1.2',
    resource_changes: Array.from({ length: n }, (_, i) => ({
      address: `module.tenants["tenant-${String(i).padStart(6, '0')}-${'x'.repeat(60)}"].aws_s3_object.o`,
      mode: 'managed',
      change: { actions: i % 10 === 0 ? ['delete'] : ['create'] },
    })),
  };
}
const bytes = (s: string) => Buffer.byteLength(s);

describe('renderFull (the comment job\'s summary)', () => {
  it('a plan that fits is reported whole, with no note', () => {
    const md = renderFull({ markerName: 'plan', sections: [summarizePlan('10-network', hugePlan(200))] });
    expect(md.match(/\*\*(create|delete)\*\* `/g)).toHaveLength(200);
    expect(md).not.toMatch(/shortened|more, in the plan/);
  });

  it('a huge plan is shortened under the budget: destructive warnings and counts kept, the cut said, the artifact named', () => {
    const summary = summarizePlan('10-network', hugePlan(40_000));
    const md = renderFull({ markerName: 'plan', sections: [summary] });
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BUDGET);
    expect(SUMMARY_BUDGET).toBeLessThan(STEP_SUMMARY_LIMIT);
    expect(md).toContain('36000 to add, 0 to change, 4000 to destroy');
    expect(md).toContain('**4000 resources will be destroyed**');
    expect(md).toMatch(/- _… \d+ more, in the plan: the run's artifact `opsta-plan-10-network` \(plan\.json\)\._/);
    expect(md).toContain("shortened to stay under GitHub's 1 MiB limit for a step summary");
    expect(md).toContain('`opsta-plan-<stage>` artifacts');
    // Not the comment's wording: the summary cannot point to itself.
    expect(md).not.toContain('listed in the job summary');
  });
});

describe('capSummary and appendSummary (every subcommand\'s summary)', () => {
  it('cuts at a line under the limit, counting what the step summary already holds, and says how much was cut', () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${'€'.repeat(20)}`).join('\n');
    const used = 300_000;
    const out = capSummary(text, used);
    expect(used + bytes(out)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    const kept = out.slice(0, out.indexOf('\n> [!WARNING]'));
    // Whole lines only, no character split.
    expect(text.startsWith(kept)).toBe(true);
    expect(kept.endsWith('\n')).toBe(true);
    expect(out).toContain(`**Cut here**: ${(bytes(text) - bytes(kept)).toLocaleString('en-US')} more bytes`);
    expect(out).toContain('`opsta-plan-<stage>` artifact');
    expect(capSummary('short\n', used)).toBe('short\n');
  });

  it('closes a code fence and <details> left open by the cut, so the note is not swallowed by them', () => {
    const body = `<details><summary>Show</summary>\n\n\`\`\`\`diff\n${'+ added line\n'.repeat(120_000)}\`\`\`\`\n\n</details>\n`;
    const out = capSummary(body);
    expect(bytes(out)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    expect(out).toMatch(/\+ added line\n\n````\n\n<\/details>\n\n> \[!WARNING\]/);
  });

  it('summarize-plan of a huge plan (the bundle): its step summary stays under 1 MiB, the cut is said, stdout has it all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-huge-'));
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(hugePlan(30_000)));
    const r = await runRuntime(['summarize-plan', '--stage', '10-network', '--plan-json', planPath, '--out-dir', join(dir, 'out')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bytes(r.summary)).toBeGreaterThan(STEP_SUMMARY_LIMIT / 2);
    expect(bytes(r.summary)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    expect(r.summary).toMatch(/> \*\*Cut here\*\*: [\d,]+ more bytes of this report are left out/);
    expect(bytes(r.stdout)).toBeGreaterThan(STEP_SUMMARY_LIMIT);
    expect(JSON.parse(readFileSync(join(dir, 'out', '10-network.plan-summary.json'), 'utf8')).changes).toHaveLength(27_000);
  });
});
