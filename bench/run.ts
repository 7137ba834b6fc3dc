// npm run bench: performance figures, measured rather than asserted in tests.
//  - in-process generation time for the largest example plan (median and p95 of many runs)
//  - whole-process time of `opsta --help` and `opsta generate`, compiled bundle and tsx from sources (median and min)
//  - validation time at the 1 MiB input limit, valid and hostile (bench/validate.ts)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validatePlanText } from '../schemas/plan-yaml.ts';
import { generateRepository } from '../generator/src/generate.ts';
import { nodeGenerateOptions } from '../generator/src/node.ts';
import { quantile } from './stats.ts';
import { validateBench } from './validate.ts';
import { publishBench } from './publish.ts';
import { healthBench } from './health.ts';

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

const opts = nodeGenerateOptions();
const examples = readdirSync('examples').filter((f) => f.endsWith('.plan.yaml'));
const sized = examples.map((f) => {
  const v = validatePlanText(readFileSync(join('examples', f), 'utf8'), opts.catalog);
  if (!v.ok) throw new Error(`${f} is invalid`);
  const files = generateRepository(v.plan, v.resolved, opts);
  return { f, v, bytes: Object.values(files).reduce((a, t) => a + t.length, 0), count: Object.keys(files).length };
});
const largest = sized.sort((a, b) => b.bytes - a.bytes)[0]!;

const RUNS = 200;
for (let i = 0; i < 20; i++) generateRepository(largest.v.plan, largest.v.resolved, opts); // warm-up
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  generateRepository(largest.v.plan, largest.v.resolved, opts);
  times.push(performance.now() - t0);
}
const vtimes: number[] = [];
const text = readFileSync(join('examples', largest.f), 'utf8');
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  validatePlanText(text, opts.catalog);
  vtimes.push(performance.now() - t0);
}

// Whole process, as a user runs it: `opsta --help` and `opsta generate <largest example>`, through
// the compiled bundle bin/opsta.mjs runs (after) and through tsx from the sources, as bin/ did before
// the bundle (OPSTA_CLI_FROM_SOURCE=1). Runs alternate between the two, so a busy machine slows both alike.
const PROC_RUNS = 7;
const CLI_WAYS = { bundle: {}, 'tsx (sources)': { OPSTA_CLI_FROM_SOURCE: '1' } } as const;
const CLI_COMMANDS = { '--help': ['--help'], generate: ['generate', join('examples', largest.f), '--force', '--out'] } as const;
const { bundleCli } = await import('../scripts/bundle-cli.ts');
// The first run builds the bundle if a source changed since the last one; that build is measured below.
if (spawnSync(process.execPath, ['bin/opsta.mjs', '--help']).status !== 0) throw new Error('opsta --help failed');
const proc: Record<string, number[]> = {};
for (let i = 0; i < PROC_RUNS; i++) {
  for (const [way, env] of Object.entries(CLI_WAYS)) {
    for (const [name, args] of Object.entries(CLI_COMMANDS)) {
      const out = mkdtempSync(join(tmpdir(), 'opsta-bench-'));
      const argv = name === 'generate' ? [...args, out] : [...args];
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['bin/opsta.mjs', ...argv], { encoding: 'utf8', env: { ...process.env, ...env } });
      (proc[`${name} via ${way}`] ??= []).push(performance.now() - t0);
      rmSync(out, { recursive: true, force: true });
      if (r.status !== 0) throw new Error(`opsta ${name} (${way}) failed: ${r.stderr}`);
    }
  }
}
const builds: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await bundleCli();
  builds.push(performance.now() - t0);
}

console.log(`Largest example: ${largest.f} (${largest.count} files, ${(largest.bytes / 1024).toFixed(1)} KiB)`);
console.log(`In-process generateRepository, ${RUNS} runs: median ${fmt(quantile(times, 0.5))}, p95 ${fmt(quantile(times, 0.95))}`);
console.log(`In-process validatePlanText,   ${RUNS} runs: median ${fmt(quantile(vtimes, 0.5))}, p95 ${fmt(quantile(vtimes, 0.95))}`);
for (const [what, t] of Object.entries(proc)) console.log(`Whole process \`opsta ${what}\`, ${PROC_RUNS} runs: median ${fmt(quantile(t, 0.5))}, min ${fmt(Math.min(...t))}`);
console.log(`Building the CLI bundle (bin/opsta.mjs does it on the first run after a change), in process, 3 runs: median ${fmt(quantile(builds, 0.5))}, min ${fmt(Math.min(...builds))}`);
console.log('');
for (const line of validateBench()) console.log(line);
console.log('');
for (const line of await publishBench()) console.log(line);
console.log('');
for (const line of await healthBench()) console.log(line);

// The planner's figures need the Debian chromium; without it they are skipped, loudly.
import { existsSync } from 'node:fs';
if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  const { siteBench } = await import('./site.ts');
  console.log('');
  for (const line of await siteBench()) console.log(line);
} else {
  console.warn('\nSKIPPED planner figures: no chromium at /usr/bin/chromium (apt-get install -y chromium)');
}
