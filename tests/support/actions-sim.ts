/**
 * Walks one job of a generated workflow the way the Actions runner orders it, without running
 * its scripts: each step's `if:` is evaluated with GitHub's own expression engine
 * (`@actions/expressions`, the version `@actions/workflow-parser` ships) against the `steps`,
 * `needs`, `github`, `env` and `job` contexts and the status functions; a step the test says
 * fails makes the job failed, and later steps run only if their condition still holds. Steps the
 * test gives an implementation (by id) run it and set outputs; the job's `outputs:` are then
 * evaluated like GitHub does. Used to prove failure routing, not to replace a real run.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';

export interface SimStep {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
export interface SimJob {
  steps?: SimStep[];
  outputs?: Record<string, string>;
  if?: string;
}

export interface StepRecord {
  outcome: 'success' | 'failure' | 'skipped' | 'cancelled';
  conclusion: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
}

const CONTEXTS = ['steps', 'needs', 'github', 'env', 'job', 'inputs', 'vars', 'secrets', 'runner', 'matrix', 'strategy'];
const STATUS = ['success', 'failure', 'always', 'cancelled'];

function truthy(d: data.ExpressionData): boolean {
  if (d.kind === data.Kind.Null) return false;
  if (d.kind === data.Kind.Boolean) return d.coerceString() === 'true';
  if (d.kind === data.Kind.Number) return d.number() !== 0 && !Number.isNaN(d.number());
  if (d.kind === data.Kind.String) return d.coerceString() !== '';
  return true;
}

/** Evaluates an expression (with or without `${{ }}`) in the given contexts; the status is the job's so far. */
export function evaluate(expression: string, contexts: Record<string, unknown>, status: { failed: boolean; cancelled?: boolean } = { failed: false }): data.ExpressionData {
  const text = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const lexed = new Lexer(text).lex();
  const expr = new Parser(lexed.tokens, CONTEXTS, STATUS.map((name) => ({ name, minArgs: 0, maxArgs: 0 }))).parse();
  const fn = (name: string, value: () => boolean) => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) }] as const;
  const functions = new Map([
    fn('success', () => !status.failed && !status.cancelled),
    fn('failure', () => status.failed),
    fn('always', () => true),
    fn('cancelled', () => !!status.cancelled),
  ]);
  const ctx = JSON.parse(JSON.stringify(Object.fromEntries(CONTEXTS.map((c) => [c, contexts[c] ?? {}]))), data.reviver) as data.Dictionary;
  return new Evaluator(expr, ctx, functions).evaluate();
}

export const conditionHolds = (cond: string | undefined, contexts: Record<string, unknown>, status: { failed: boolean; cancelled?: boolean }): boolean => {
  // A condition without a status function gets an implicit success() && (…), as on GitHub.
  const c = cond ?? 'success()';
  const withStatus = /\b(success|failure|always|cancelled)\s*\(/.test(c) ? c : `success() && (${c.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')})`;
  return truthy(evaluate(withStatus, contexts, status));
};

export interface SimResult {
  steps: Record<string, StepRecord>;
  /** Names (or ids) of the steps that ran, in order. */
  ran: string[];
  /** Their indexes in the job's steps. */
  ranIndex: number[];
  outputs: Record<string, string>;
  result: 'success' | 'failure' | 'cancelled';
}

/**
 * Runs the job's steps in order. `fails(step, index)` says whether a step that runs fails (or is
 * cancelled: then the job is cancelled and only always()/cancelled() steps run); `impl` gives
 * outputs for steps by id (called with the steps context so far and the job status).
 */
export function simulateJob(
  job: SimJob,
  opts: {
    fails: (step: SimStep, index: number) => false | 'failure' | 'cancelled';
    impl?: Record<string, (steps: Record<string, StepRecord>, jobStatus: string) => Record<string, string>>;
    contexts?: Record<string, unknown>;
  },
): SimResult {
  const steps: Record<string, StepRecord> = {};
  const ran: string[] = [];
  const ranIndex: number[] = [];
  const status = { failed: false, cancelled: false };
  (job.steps ?? []).forEach((step, i) => {
    const contexts = { ...opts.contexts, steps, job: { status: status.cancelled ? 'cancelled' : status.failed ? 'failure' : 'success' } };
    const runs = conditionHolds(step.if, contexts, status);
    if (!runs) {
      if (step.id) steps[step.id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
      return;
    }
    ran.push(step.name ?? step.id ?? step.uses ?? `#${i}`);
    ranIndex.push(i);
    const failure = opts.fails(step, i);
    const outputs = step.id && opts.impl?.[step.id] ? opts.impl[step.id]!(steps, contexts.job.status) : {};
    if (failure === 'cancelled') status.cancelled = true;
    else if (failure) status.failed = true;
    if (step.id) steps[step.id] = { outcome: failure || 'success', conclusion: failure || 'success', outputs };
  });
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.outputs ?? {})) outputs[k] = evaluate(v, { ...opts.contexts, steps }).coerceString();
  return { steps, ran, ranIndex, outputs, result: status.cancelled ? 'cancelled' : status.failed ? 'failure' : 'success' };
}
