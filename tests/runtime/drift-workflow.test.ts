// The generated drift.yml carries what each stack's plan found to the event log: every matrix leg
// writes and uploads its stack's result (the runtime's status output and the issue step's outcome),
// the record job downloads them all and appends one drift event with status drifted|clean|failed
// and the stacks named. The two scripts run for real with bash and jq, as the runner would; the
// runtime's status-append is a recording stand-in node. Wiring (ids, artifact names, paths) is read
// from the parsed workflow, so renaming one side breaks the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedExample } from './support/examples.ts';
import { parseYaml } from '../support/yaml.ts';
import { recordedEvent } from './support/event-log.ts';
import { requireTool } from '../support/tools.ts';

type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'continue-on-error'?: boolean };
type Job = { steps: Step[]; needs?: string; if?: string; strategy?: { matrix: { stack: string[] } } };

function driftWorkflow(example: string) {
  const files = generatedExample(example);
  const wf = parseYaml(files['.github/workflows/drift.yml']!)[0] as { jobs: Record<string, Job> };
  return { wf, files };
}

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => f.replace('.plan.yaml', ''));

describe.each(examples)('drift.yml of %s: the wiring from each leg to the event', (example) => {
  const { wf } = driftWorkflow(example);
  const leg = wf.jobs.drift!;
  const record = wf.jobs.record!;

  it('each leg records its stack after the issue step whatever happened, and uploads it under a name the record job downloads', () => {
    const issue = leg.steps.find((s) => s.id === 'issue')!;
    expect(issue.run).toContain('node .opsta/opsta.mjs drift ');
    const result = leg.steps.find((s) => s.name === 'Record the result of this stack')!;
    expect(leg.steps.indexOf(result)).toBeGreaterThan(leg.steps.indexOf(issue));
    expect(result.if).toBe('always()');
    expect(result.env).toEqual({ STATUS: '${{ steps.issue.outputs.status }}', ISSUE: '${{ steps.issue.outcome }}' });
    const upload = leg.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with).toMatchObject({ name: 'opsta-drift-${{ matrix.stack }}', path: '${{ runner.temp }}/drift-result' });
    const download = record.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'opsta-drift-*', 'merge-multiple': true, path: '${{ runner.temp }}/drift-result' });
    expect(record.if).toBe('always()');
    expect(record.needs).toBe('drift');
    const append = record.steps.find((s) => s.name === 'Append to the event log')!;
    expect(record.steps.indexOf(append)).toBeGreaterThan(record.steps.indexOf(download));
    expect(append.env).toMatchObject({ RESULT: '${{ needs.drift.result }}' });
  });
});

const hasJq = requireTool('jq', () => spawnSync('jq', ['--version']).status === 0);
describe.skipIf(!hasJq)('what each stack found reaches the drift event', () => {
  const { wf, files } = driftWorkflow('aws-medium');
  const stacks = wf.jobs.drift!.strategy!.matrix.stack;
  const legScript = wf.jobs.drift!.steps.find((s) => s.name === 'Record the result of this stack')!.run!;
  const recordScript = wf.jobs.record!.steps.find((s) => s.name === 'Append to the event log')!.run!;
  const environment = JSON.parse(files['.opsta/pipeline.json']!).environment as string;

  /** Legs: stack → the issue step's status output and outcome, or undefined for a leg that left no result. */
  function run(legs: Record<string, { status: string; issue: string } | undefined>, result: string) {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-drift-wf-'));
    try {
      // Each leg runs on its own runner; its artifact lands in the record job's download path.
      const downloaded = join(dir, 'record', 'drift-result');
      mkdirSync(downloaded, { recursive: true });
      for (const [stack, leg] of Object.entries(legs)) {
        if (!leg) continue;
        const temp = join(dir, `leg-${stack}`);
        mkdirSync(temp);
        execFileSync('bash', ['-e', '-c', legScript], { env: { PATH: process.env.PATH, RUNNER_TEMP: temp, STACK: stack, STATUS: leg.status, ISSUE: leg.issue } });
        for (const f of readdirSync(join(temp, 'drift-result'))) writeFileSync(join(downloaded, f), readFileSync(join(temp, 'drift-result', f)));
      }
      return recordedEvent(recordScript, { dir, pipelineJson: files['.opsta/pipeline.json']!, env: { RUNNER_TEMP: join(dir, 'record'), RESULT: result } }) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const ok = (status: string) => ({ status, issue: 'success' });

  it('checks the stacks drift.yml plans', () => {
    expect(stacks).toEqual(['10-network', '20-cluster']);
  });
  it('nothing drifted: clean', () => {
    expect(run({ '10-network': ok('clean'), '20-cluster': ok('clean') }, 'success')).toEqual({ type: 'drift', environment, status: 'clean', drifted: [], failed: [], checked: stacks, result: 'success' });
  });
  it('one stack drifted (the job succeeded, as the runtime exits 0 on drift): drifted, naming it', () => {
    expect(run({ '10-network': ok('clean'), '20-cluster': ok('drifted') }, 'success')).toMatchObject({ status: 'drifted', drifted: ['20-cluster'], failed: [] });
  });
  it('a failed plan next to a drifted stack: failed, both named', () => {
    expect(run({ '10-network': { status: 'failed', issue: 'failure' }, '20-cluster': ok('drifted') }, 'failure')).toMatchObject({ status: 'failed', drifted: ['20-cluster'], failed: ['10-network'], result: 'failure' });
  });
  it('a plan that never ran (the issue step skipped, no status) and a leg that left no result: failed', () => {
    expect(run({ '10-network': { status: '', issue: 'skipped' }, '20-cluster': ok('clean') }, 'failure')).toMatchObject({ status: 'failed', failed: ['10-network'] });
    expect(run({ '10-network': ok('clean'), '20-cluster': undefined }, 'cancelled')).toMatchObject({ status: 'failed', drifted: [], failed: ['20-cluster'], result: 'cancelled' });
    expect(run({}, 'failure')).toMatchObject({ status: 'failed', failed: stacks });
  });
  it('drift found but the issue update failed: failed, the drift still named', () => {
    expect(run({ '10-network': { status: 'drifted', issue: 'failure' }, '20-cluster': ok('clean') }, 'failure')).toMatchObject({ status: 'failed', drifted: ['10-network'], failed: ['10-network'] });
  });
});
