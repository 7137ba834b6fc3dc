// After a failed `helmfile apply`: every release of the helmfile left failed (or stuck pending)
// goes back to its last good revision with `helm rollback`, and the run says which.
// The decision (which revision) is pure; the tool calls are at the edge.
import { UsageError } from './errors.ts';
import { run } from './exec.ts';

export interface HelmRevision {
  revision: number;
  status: string;
}

export interface RollbackResult {
  name: string;
  namespace: string;
  status: string;
  /** Revision that failed. */
  from?: number;
  /** Revision rolled back to. */
  to?: number;
  outcome: 'rolled-back' | 'rollback-failed' | 'no-good-revision';
  detail?: string;
}

const GOOD = new Set(['deployed', 'superseded']);
export const needsRollback = (status: string): boolean => status === 'failed' || status.startsWith('pending-');

/** The newest good revision older than the current one, or undefined (a failed first install). */
export function lastGoodRevision(history: readonly HelmRevision[], current: number): number | undefined {
  return history
    .filter((h) => h.revision < current && GOOD.has(h.status))
    .map((h) => h.revision)
    .sort((a, b) => b - a)[0];
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

export function helmRollback(opts: { helmfile: string; timeout: string; env?: Record<string, string | undefined> }): RollbackResult[] {
  const env = opts.env ?? process.env;
  const list = run('helmfile', ['--file', opts.helmfile, 'list', '--output', 'json'], { env });
  if (list.code !== 0) throw new UsageError(`helmfile list failed (exit ${list.code}): ${list.stderr.trim().split('\n').pop() ?? ''}`);
  const releases = json<HelmfileRelease[]>(list.stdout, 'helmfile list');
  const results: RollbackResult[] = [];
  for (const r of releases) {
    if (r.enabled === false || r.installed === false) continue;
    const st = run('helm', ['status', r.name, '--namespace', r.namespace, '--output', 'json'], { env });
    if (st.code !== 0) continue; // never installed: nothing to roll back
    const status = json<{ version?: number; info?: { status?: string } }>(st.stdout, `helm status ${r.name}`);
    const state = status.info?.status ?? 'unknown';
    if (!needsRollback(state)) continue;
    const current = Number(status.version);
    const hist = run('helm', ['history', r.name, '--namespace', r.namespace, '--max', '50', '--output', 'json'], { env });
    if (hist.code !== 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: 'rollback-failed', detail: `helm history failed: ${hist.stderr.trim().split('\n').pop()}` });
      continue;
    }
    const to = lastGoodRevision(json<HelmRevision[]>(hist.stdout, `helm history ${r.name}`), current);
    if (to === undefined) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: 'no-good-revision', detail: 'its first install failed; there is no earlier revision (fix the values and apply again, or helm uninstall it)' });
      continue;
    }
    const rb = run('helm', ['rollback', r.name, String(to), '--namespace', r.namespace, '--wait', '--timeout', opts.timeout], { env });
    results.push({ name: r.name, namespace: r.namespace, status: state, from: current, to, outcome: rb.code === 0 ? 'rolled-back' : 'rollback-failed', ...(rb.code === 0 ? {} : { detail: rb.stderr.trim().split('\n').pop() ?? `exit ${rb.code}` }) });
  }
  return results;
}

export function describeRollbacks(results: readonly RollbackResult[]): string {
  if (results.length === 0) return 'No Helm release is failed or pending: nothing to roll back.';
  return results
    .map((r) =>
      r.outcome === 'rolled-back'
        ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, rolled back to revision ${r.to}`
        : r.outcome === 'no-good-revision'
          ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, not rolled back: ${r.detail}`
          : `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, ROLLBACK FAILED${r.to ? ` (to revision ${r.to})` : ''}: ${r.detail}`,
    )
    .join('\n');
}
