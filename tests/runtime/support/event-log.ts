// The generated workflows' "Append to the event log" steps, run for real with bash and jq: the
// step's script in a checkout holding only .opsta/pipeline.json, with a stand-in `node` on PATH that
// records the runtime call. The event the step would append is that call's --event argument.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeStandins } from '../health-standins.ts';

const APPEND = /^\.opsta\/opsta\.mjs status-append --event /;

/** Run `script` in `dir/repo` with `env` (PATH is the stand-ins'); the event it passes to status-append. */
export function recordedEvent(script: string, o: { dir: string; pipelineJson: string; env: Record<string, string> }): unknown {
  const standins = makeStandins(['node']);
  try {
    const repo = join(o.dir, 'repo');
    mkdirSync(join(repo, '.opsta'), { recursive: true });
    writeFileSync(join(repo, '.opsta', 'pipeline.json'), o.pipelineJson);
    standins.answer('node', {});
    try {
      execFileSync('bash', ['-e', '-c', script], { cwd: repo, env: { ...o.env, PATH: standins.env.PATH }, stdio: 'pipe' });
    } catch {
      // The stand-in node has no answer for the call it records, so it exits 1.
    }
    const call = standins.calls().find((c) => c.tool === 'node');
    expect(call?.args).toMatch(APPEND);
    return JSON.parse(call!.args.replace(APPEND, ''));
  } finally {
    standins.cleanup();
  }
}
