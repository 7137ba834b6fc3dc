// The generated health.yml of every example: which identity the scheduled run signs in as (the
// read-only drift identity where its trust admits health.yml, AWS and Azure; no one on GCP;
// never apply or plan), no kubeconfig (that identity cannot read the cluster: health-identity.test.ts),
// the report uploaded, and the report's verdict (not the job's result) recorded. The verdict and
// event scripts run for real with bash and jq.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedExample } from './support/examples.ts';
import { parseYaml } from '../support/yaml.ts';
import { makeStandins } from './health-standins.ts';
import { requireTool } from '../support/tools.ts';

type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; environment?: unknown; steps: Step[]; outputs?: Record<string, string> };

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => f.replace('.plan.yaml', ''));

function healthWorkflow(example: string) {
  const files = generatedExample(example);
  const text = files['.github/workflows/health.yml']!;
  const wf = parseYaml(text)[0] as { jobs: Record<string, Job> };
  const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { cloud: string; environment: string };
  return { text, wf, pipeline, files };
}

const DRIFT_LOGIN: Record<string, RegExp> = {
  aws: /vars\.AWS_DRIFT_ROLE_ARN/,
  azure: /vars\.AZURE_DRIFT_CLIENT_ID/,
};

describe.each(examples)('health.yml of %s', (example) => {
  const { text, wf, pipeline } = healthWorkflow(example);
  const job = wf.jobs.health!;
  const stepText = JSON.stringify(job.steps);

  it('signs in as the read-only drift identity where its trust admits health.yml, as no one on GCP; never as apply or plan, in no environment', () => {
    for (const [name, j] of Object.entries(wf.jobs)) expect(j.environment, name).toBeUndefined();
    expect(text).not.toMatch(/_APPLY_|_PLAN_/);
    for (const [name, j] of Object.entries(wf.jobs)) if (name !== 'health') expect(j.permissions?.['id-token'], name).toBeUndefined();
    if (pipeline.cloud === 'gcp') {
      // The drift provider's attribute condition admits only drift.yml's jobs (job_workflow_ref).
      expect(job.permissions).toEqual({ contents: 'read' });
      expect(text).not.toMatch(/vars\.GCP_|google-github-actions\/auth/);
      expect(text).toMatch(/It signs in as no one: the read-only drift identity's provider admits only drift\.yml/);
    } else {
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      const login = job.steps.findIndex((s) => DRIFT_LOGIN[pipeline.cloud]!.test(JSON.stringify(s)));
      const run = job.steps.findIndex((s) => s.id === 'health');
      expect(login).toBeGreaterThanOrEqual(0);
      expect(login).toBeLessThan(run);
      expect(text).toMatch(/It signs in as the read-only drift identity/);
    }
  });

  it('writes no kubeconfig, and says which checks report "not run" and why', () => {
    expect(stepText).not.toMatch(/KUBECONFIG|update-kubeconfig|get-credentials|kubeconfig_path|kubelogin convert/);
    const header = text.split('\nname: health')[0]!.replace(/\n# /g, ' ');
    expect(header).toMatch(/API server, nodes, pods, workloads, Helm releases, the Gateway\) report "not run" with the reason/);
    if (pipeline.cloud === 'gcp') expect(header).toContain('that need a cloud identity or the cluster (credentials, state backend, API server');
    else expect(header).toMatch(/That identity has no access to the cluster \((no EKS access entry|no AKS RBAC role|the bucket with RKE2's admin kubeconfig is closed to it)\), so no kubeconfig is written/);
  });

  it('uploads the JSON and Markdown report even when a check failed, and records the verdict', () => {
    const health = job.steps.find((s) => s.id === 'health')!;
    expect(health.run).toMatch(/^set -o pipefail$/m);
    expect(health.run).toContain('health --out "$RUNNER_TEMP/health/health.json" | tee "$RUNNER_TEMP/health/health.md"');
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload).toMatchObject({ if: 'always()', with: { name: 'opsta-health', path: '${{ runner.temp }}/health' } });
    const verdict = job.steps.find((s) => s.id === 'verdict')!;
    expect(verdict.if).toBe('always()');
    expect(job.outputs).toMatchObject({ status: '${{ steps.verdict.outputs.status }}', counts: '${{ steps.verdict.outputs.counts }}' });
    const record = wf.jobs.record!.steps.find((s) => s.name === 'Append to the event log')!;
    expect(record.env).toMatchObject({ STATUS: '${{ needs.health.outputs.status }}', RESULT: '${{ needs.health.result }}' });
  });
});

// The two scripts that carry the verdict, run with bash and jq as the runner would.
const hasJq = requireTool('jq', () => spawnSync('jq', ['--version']).status === 0);
describe.skipIf(!hasJq)('the verdict reaches the event log', () => {
  const { wf, files } = healthWorkflow('aws-medium');
  const verdict = wf.jobs.health!.steps.find((s) => s.id === 'verdict')!.run!;
  const record = wf.jobs.record!.steps.find((s) => s.name === 'Append to the event log')!.run!;

  function run(report: unknown | undefined, result: string) {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-health-wf-'));
    const standins = makeStandins(['node']);
    try {
      mkdirSync(join(dir, 'health'));
      if (report) writeFileSync(join(dir, 'health', 'health.json'), JSON.stringify(report));
      writeFileSync(join(dir, 'output'), '');
      execFileSync('bash', ['-e', '-c', verdict], { env: { PATH: process.env.PATH, RUNNER_TEMP: dir, GITHUB_OUTPUT: join(dir, 'output') } });
      const outputs = Object.fromEntries(
        readFileSync(join(dir, 'output'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      mkdirSync(join(dir, 'repo', '.opsta'), { recursive: true });
      writeFileSync(join(dir, 'repo', '.opsta', 'pipeline.json'), files['.opsta/pipeline.json']!);
      // The stand-in node records the status-append call (and exits 1: nobody answered it).
      standins.answer('node', {});
      try {
        execFileSync('bash', ['-e', '-c', record], {
          cwd: join(dir, 'repo'),
          env: { PATH: standins.env.PATH, RESULT: result, STATUS: outputs.status ?? '', COUNTS: outputs.counts ?? '' },
          stdio: 'pipe',
        });
      } catch {
        // expected: see above
      }
      const call = standins.calls().find((c) => c.tool === 'node');
      expect(call?.args).toMatch(/^\.opsta\/opsta\.mjs status-append --event /);
      return JSON.parse(call!.args.replace(/^\.opsta\/opsta\.mjs status-append --event /, ''));
    } finally {
      standins.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const environment = JSON.parse(files['.opsta/pipeline.json']!).environment;

  it('a partial report (job succeeded) is recorded as partial with its counts', () => {
    const counts = { pass: 20, warn: 0, fail: 0, skipped: 9 };
    expect(run({ status: 'partial', counts }, 'success')).toEqual({ type: 'health', environment, status: 'partial', counts });
  });
  it('a failing report (job failed) is recorded as fail, not as the job result', () => {
    const counts = { pass: 20, warn: 0, fail: 1, skipped: 9 };
    expect(run({ status: 'fail', counts }, 'failure')).toEqual({ type: 'health', environment, status: 'fail', counts });
  });
  it('no report at all (the job broke before the checks) records the job result, without counts', () => {
    expect(run(undefined, 'cancelled')).toEqual({ type: 'health', environment, status: 'cancelled' });
  });
});
