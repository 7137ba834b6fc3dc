// After a failed `helmfile apply`: what happened to each release of the helmfile, and the run
// says which. helmfile.yaml sets `atomic: true` (docs/decisions.md), so Helm itself rolls a failed
// upgrade back (a new revision "Rollback to N") and uninstalls a failed first install; this finds
// those in `helm history` since the step started (or in Helm's own message in the helmfile log)
// and names them. A release still left failed or pending (atomic's own rollback failed, or the
// run was cancelled mid-upgrade) goes back to its last good revision with `helm rollback`.
// The decisions (which revision, was it Helm's rollback) are pure; the tool calls are at the edge.
import { parseFlags } from './args.ts';
import { CheckFailed, UsageError } from './errors.ts';
import { run } from './exec.ts';
import { appendSummary, readText, setOutput, type Io } from './io.ts';
import { mdFence } from './markdown.ts';

/** One entry of `helm history <release> --output json`. */
export interface HelmRevision {
  revision: number;
  status: string;
  updated?: string;
  chart?: string;
  app_version?: string;
  description?: string;
}

export interface RollbackResult {
  name: string;
  namespace: string;
  status: string;
  /** Revision that failed. */
  from?: number;
  /** Revision rolled back to. */
  to?: number;
  /** Helm's rollback: the new revision that re-deployed `to`. */
  as?: number;
  /** Chart (name-version) and app version of the revision now deployed. */
  chart?: string;
  appVersion?: string;
  outcome: 'rolled-back' | 'helm-rolled-back' | 'uninstalled' | 'rollback-failed' | 'no-good-revision';
  detail?: string;
}

const GOOD = new Set(['deployed', 'superseded']);
export const needsRollback = (status: string): boolean => status === 'failed' || status.startsWith('pending-');
/** Outcomes that leave a release as it was before the run (or absent, as before a first install). */
export const SETTLED = new Set<RollbackResult['outcome']>(['rolled-back', 'helm-rolled-back', 'uninstalled']);

/** The newest good revision older than the current one, or undefined (a failed first install). */
export function lastGoodRevision(history: readonly HelmRevision[], current: number): number | undefined {
  return history
    .filter((h) => h.revision < current && GOOD.has(h.status))
    .map((h) => h.revision)
    .sort((a, b) => b - a)[0];
}

/**
 * Helm's atomic rollback of this run: the newest revision is deployed with the description
 * "Rollback to N" and the one before it failed, written at or after `since` (Helm stamps
 * revisions with the runner's own clock) or, without a time, named in the helmfile log.
 */
export function atomicRollback(history: readonly HelmRevision[], opts: { since?: number; inLog?: boolean }): { from: number; to: number; as: number; chart?: string; appVersion?: string } | undefined {
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const current = sorted.at(-1);
  const prev = sorted.at(-2);
  const m = /^Rollback to (\d+)$/.exec(current?.description ?? '');
  if (!current || !prev || !m || current.status !== 'deployed' || prev.status !== 'failed') return undefined;
  const at = Date.parse(current.updated ?? '');
  const recent = opts.since !== undefined && Number.isFinite(at) ? at >= opts.since : false;
  if (!recent && !opts.inLog) return undefined;
  return { from: prev.revision, to: Number(m[1]), as: current.revision, ...(current.chart ? { chart: current.chart } : {}), ...(current.app_version ? { appVersion: current.app_version } : {}) };
}

/** Releases Helm's atomic mode undid, by name, from its fixed messages in the helmfile log. */
export function atomicMentions(log: string): { rolledBack: Set<string>; uninstalled: Set<string> } {
  const rolledBack = new Set<string>();
  const uninstalled = new Set<string>();
  for (const m of log.matchAll(/release (\S+) failed, and has been (rolled back|uninstalled) due to atomic being set/g)) (m[2] === 'uninstalled' ? uninstalled : rolledBack).add(m[1]!);
  return { rolledBack, uninstalled };
}

interface HelmfileRelease {
  name: string;
  namespace: string;
  enabled?: boolean;
  installed?: boolean;
}

function json<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${what} did not print JSON: ${text.slice(0, 120)}`);
  }
}

export function helmRollback(opts: { helmfile: string; timeout: string; since?: number; log?: string; env?: Record<string, string | undefined> }): RollbackResult[] {
  const env = opts.env ?? process.env;
  const list = run('helmfile', ['--file', opts.helmfile, 'list', '--output', 'json'], { env });
  if (list.code !== 0) throw new UsageError(`helmfile list failed (exit ${list.code}): ${list.stderr.trim().split('\n').pop() ?? ''}`);
  const releases = json<HelmfileRelease[]>(list.stdout, 'helmfile list');
  const results: RollbackResult[] = [];
  const said = atomicMentions(opts.log ?? '');
  const history = (r: HelmfileRelease) => run('helm', ['history', r.name, '--namespace', r.namespace, '--max', '50', '--output', 'json'], { env });
  for (const r of releases) {
    if (r.enabled === false || r.installed === false) continue;
    const st = run('helm', ['status', r.name, '--namespace', r.namespace, '--output', 'json'], { env });
    if (st.code !== 0) {
      // Not installed: never reached, or a first install that failed and atomic removed.
      if (said.uninstalled.has(r.name)) results.push({ name: r.name, namespace: r.namespace, status: 'uninstalled', outcome: 'uninstalled', detail: 'its first install failed and Helm uninstalled it (atomic); there is no earlier revision, the next apply installs it again' });
      continue;
    }
    const status = json<{ version?: number; info?: { status?: string } }>(st.stdout, `helm status ${r.name}`);
    const state = status.info?.status ?? 'unknown';
    const current = Number(status.version);
    if (!needsRollback(state)) {
      if (state !== 'deployed' || (opts.since === undefined && !said.rolledBack.has(r.name))) continue;
      const hist = history(r);
      if (hist.code !== 0) continue;
      const undone = atomicRollback(json<HelmRevision[]>(hist.stdout, `helm history ${r.name}`), { ...(opts.since !== undefined ? { since: opts.since } : {}), inLog: said.rolledBack.has(r.name) });
      if (undone) results.push({ name: r.name, namespace: r.namespace, status: 'failed', ...undone, outcome: 'helm-rolled-back' });
      continue;
    }
    const hist = history(r);
    if (hist.code !== 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: 'rollback-failed', detail: `helm history failed: ${hist.stderr.trim().split('\n').pop()}` });
      continue;
    }
    const revisions = json<HelmRevision[]>(hist.stdout, `helm history ${r.name}`);
    const to = lastGoodRevision(revisions, current);
    if (to === undefined) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: 'no-good-revision', detail: 'its first install failed; there is no earlier revision (fix the values and apply again, or helm uninstall it)' });
      continue;
    }
    const good = revisions.find((h) => h.revision === to);
    const rb = run('helm', ['rollback', r.name, String(to), '--namespace', r.namespace, '--wait', '--timeout', opts.timeout], { env });
    results.push({ name: r.name, namespace: r.namespace, status: state, from: current, to, ...(good?.chart ? { chart: good.chart } : {}), ...(good?.app_version ? { appVersion: good.app_version } : {}), outcome: rb.code === 0 ? 'rolled-back' : 'rollback-failed', ...(rb.code === 0 ? {} : { detail: rb.stderr.trim().split('\n').pop() ?? `exit ${rb.code}` }) });
  }
  return results;
}

const version = (r: RollbackResult) => (r.chart ? ` (chart ${r.chart}${r.appVersion ? `, app ${r.appVersion}` : ''})` : '');

export function describeRollbacks(results: readonly RollbackResult[]): string {
  if (results.length === 0) return 'No Helm release is failed or pending: nothing to roll back.';
  return results
    .map((r) =>
      r.outcome === 'rolled-back'
        ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, rolled back to revision ${r.to}${version(r)}`
        : r.outcome === 'helm-rolled-back'
          ? `${r.namespace}/${r.name}: revision ${r.from} failed; Helm rolled it back to revision ${r.to}${version(r)} as revision ${r.as} (atomic)`
          : r.outcome === 'uninstalled'
            ? `${r.namespace}/${r.name}: not installed: ${r.detail}`
            : r.outcome === 'no-good-revision'
              ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, not rolled back: ${r.detail}`
              : `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, ROLLBACK FAILED${r.to ? ` (to revision ${r.to})` : ''}: ${r.detail}`,
    )
    .join('\n');
}

/** `helm-rollback [--helmfile f] [--timeout 10m] [--since <ISO time>] [--log <helmfile output>]`. */
export async function helmRollbackCommand(argv: readonly string[], io: Io): Promise<number> {
  const f = parseFlags(argv, ['helmfile', 'timeout', 'since', 'log'], 'helm-rollback');
  const timeout = f.timeout ?? '10m';
  if (!/^\d+[smh]$/.test(timeout)) throw new UsageError(`helm-rollback: --timeout must be a duration like 10m, got ${JSON.stringify(timeout)}`);
  const since = f.since ? Date.parse(f.since) : undefined;
  if (since !== undefined && !Number.isFinite(since)) throw new UsageError(`helm-rollback: --since must be an ISO 8601 UTC time, as date -u +%Y-%m-%dT%H:%M:%SZ prints it (when helmfile apply started), got ${JSON.stringify(f.since)}`);
  // A missing log is not an error: helmfile may have failed before writing one.
  let log = '';
  if (f.log) {
    try {
      log = readText(f.log, 'the helmfile log');
    } catch {
      log = '';
    }
  }
  const results = helmRollback({ helmfile: f.helmfile ?? 'platform/helmfile.yaml', timeout, ...(since !== undefined ? { since } : {}), log, env: io.env });
  const text = describeRollbacks(results);
  setOutput(io, 'rolled_back', JSON.stringify(results.filter((x) => x.outcome === 'rolled-back').map(({ name, namespace, from, to }) => ({ name, namespace, from, to }))));
  // Every release the failure touched and what became of it: the deploy event records this list.
  setOutput(io, 'releases', JSON.stringify(results.map(({ name, namespace, outcome, from, to, as, chart, appVersion }) => ({ name, namespace, outcome, from, to, as, chart, appVersion }))));
  appendSummary(io, `### Helm rollback\n\n${mdFence(text)}\n`);
  if (results.some((x) => !SETTLED.has(x.outcome))) throw new CheckFailed(text);
  io.stdout(`${text}\n`);
  return 0;
}
