// Validation time at the input limit: the largest plan the CLI accepts (MAX_PLAN_BYTES), and
// hostile plans of that size (1 MiB of unknown keys, one 1 MiB key, a 1 MiB value, a 1 MiB list).
// Each is decoded and validated in process, as `opsta validate` does after reading the file.
// The target: under a second each.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { decodePlan, MAX_PLAN_BYTES } from '../generator/src/plan-file.ts';
import { nodeGenerateOptions } from '../generator/src/node.ts';
import { validatePlanText } from '../schemas/plan-yaml.ts';
import { quantile } from './stats.ts';

const LIMIT_MS = 1000;

/** The inputs, each at most MAX_PLAN_BYTES of UTF-8. */
export function limitInputs(base: string): Record<string, string> {
  const room = MAX_PLAN_BYTES - Buffer.byteLength(base);
  const comment = `# ${'x'.repeat(77)}\n`;
  let keys = '';
  for (let i = 0; keys.length < room - 16; i++) keys += `k${String(i).padStart(9, '0')}: 1\n`;
  const fill = 'a'.repeat(room - 64);
  const inputs = {
    'largest allowed plan (valid, padded with comments to 1 MiB)': base + comment.repeat(Math.floor(room / comment.length)),
    '1 MiB of unknown top-level keys': base + keys,
    'one unknown key of 1 MiB': `${base}${fill}: 1\n`,
    'cloud.provider of 1 MiB': base.replace('provider: aws', `provider: aws${fill}`),
    'github.reviewers: a 1 MiB list': base.replace(/reviewers: .*/, `reviewers: [${'1,'.repeat(Math.floor(room / 2) - 16)}1]`),
  };
  for (const [name, text] of Object.entries(inputs)) {
    if (Buffer.byteLength(text) > MAX_PLAN_BYTES) throw new Error(`bench input "${name}" is over the limit`);
  }
  return inputs;
}

export function validateBench(runs = 7): string[] {
  const { catalog } = nodeGenerateOptions();
  const base = readFileSync('examples/aws-large-all.plan.yaml', 'utf8');
  const lines = [`Validation at the 1 MiB input limit (decode + validatePlanText, ${runs} runs each; target < ${LIMIT_MS} ms):`];
  for (const [name, text] of Object.entries(limitInputs(base))) {
    const bytes = Buffer.from(text);
    const times: number[] = [];
    let outcome = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const v = validatePlanText(decodePlan(bytes, 'bench.yaml'), catalog);
      times.push(performance.now() - t0);
      outcome = v.ok ? 'valid' : `${v.problems.length} problem(s), ${v.problems.reduce((a, p) => a + p.path.length + p.message.length, 0)} characters`;
    }
    const median = quantile(times, 0.5);
    lines.push(`  ${name}: median ${median.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (${outcome})${median >= LIMIT_MS ? '  OVER TARGET' : ''}`);
  }
  return lines;
}
