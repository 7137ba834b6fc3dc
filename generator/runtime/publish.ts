// What the runtime publishes on GitHub, each idempotent so that a rerun of a job never
// duplicates anything: the sticky comment and the drift issue are found again by their hidden
// marker, a deployment by the run id in its payload.
import { query, type GitHub } from './github.ts';
import { UsageError } from './errors.ts';
import { marker } from './markdown.ts';

export interface Repo {
  owner: string;
  repo: string;
}

/** The API path of a repository (owner and name are checked by repository() in io.ts). */
export const repoPath = (r: Repo): string => `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}`;

interface Author {
  type?: string;
}
interface IssueComment {
  id: number;
  body?: string | null;
  user?: Author | null;
}
interface IssueItem {
  number: number;
  state: string;
  body?: string | null;
  user?: Author | null;
  pull_request?: unknown;
}

/** Only a bot's comment (the workflow token's own) is taken over, never a person's that quotes the marker. */
function isOurs(body: string | undefined | null, user: { type?: string } | null | undefined, markerLine: string): boolean {
  return typeof body === 'string' && body.startsWith(markerLine) && user?.type === 'Bot';
}

export async function upsertComment(gh: GitHub, r: Repo, issueNumber: number, markerName: string, body: string): Promise<{ id: number; created: boolean }> {
  const m = marker(markerName);
  if (!body.startsWith(m)) throw new Error('the comment body must start with its marker');
  const comments = await gh.paginate<IssueComment>(`${repoPath(r)}/issues/${issueNumber}/comments${query({ per_page: 100 })}`);
  const mine = comments.find((c) => isOurs(c.body, c.user, m));
  if (mine) {
    if (mine.body !== body) await gh.request('PATCH', `${repoPath(r)}/issues/comments/${mine.id}`, { body });
    return { id: mine.id, created: false };
  }
  const { data } = await gh.request<IssueComment>('POST', `${repoPath(r)}/issues/${issueNumber}/comments`, { body });
  return { id: data.id, created: true };
}

export interface DeploymentStart {
  environment: string;
  ref: string;
  runId: string;
  description?: string;
}

export async function startDeployment(gh: GitHub, r: Repo, d: DeploymentStart): Promise<{ id: number; created: boolean }> {
  const existing = await gh.paginate<{ id: number; payload?: unknown }>(`${repoPath(r)}/deployments${query({ sha: d.ref, environment: d.environment, per_page: 100 })}`);
  const again = existing.find((x) => typeof x.payload === 'object' && x.payload !== null && (x.payload as { opstaRunId?: unknown }).opstaRunId === d.runId);
  if (again) return { id: again.id, created: false };
  const res = await gh.request<{ id?: number; message?: string }>('POST', `${repoPath(r)}/deployments`, {
    ref: d.ref,
    environment: d.environment,
    auto_merge: false,
    required_contexts: [],
    transient_environment: false,
    payload: { opstaRunId: d.runId },
    description: (d.description ?? `Opsta apply, run ${d.runId}`).slice(0, 140),
  });
  // 202: GitHub merged the default branch into the ref first (auto_merge is off, so not expected).
  if (res.status !== 201 || typeof res.data.id !== 'number') throw new UsageError(`GitHub did not create the deployment: ${res.data.message ?? res.status}`);
  return { id: res.data.id, created: true };
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

/** A status is an event: posted unless the deployment's latest status is already this one (a retried or re-run step). */
export async function deploymentStatus(gh: GitHub, r: Repo, id: number, state: DeploymentState, description: string, logUrl?: string): Promise<{ created: boolean }> {
  const text = description.slice(0, 140);
  const { data: latest } = await gh.request<{ state: string; description?: string | null; log_url?: string | null }[]>('GET', `${repoPath(r)}/deployments/${id}/statuses${query({ per_page: 1 })}`);
  if (latest[0] && latest[0].state === state && latest[0].description === text && (latest[0].log_url ?? '') === (logUrl ?? '')) return { created: false };
  await gh.request('POST', `${repoPath(r)}/deployments/${id}/statuses`, { state, description: text, ...(logUrl ? { log_url: logUrl } : {}) });
  return { created: true };
}

export const DRIFT_LABEL = 'opsta-drift';

export interface DriftReport {
  stage: string;
  /** Markdown of the drift (the plan summary), already escaped. */
  details: string;
  runUrl?: string;
}

/** One issue per stack: created or reopened on drift, updated when it changes, closed when the drift is gone. */
export async function syncDriftIssue(gh: GitHub, r: Repo, stage: string, report: DriftReport | undefined): Promise<{ action: 'none' | 'created' | 'updated' | 'reopened' | 'closed'; number?: number }> {
  const m = marker(`drift:${stage}`);
  const issues = await gh.paginate<IssueItem>(`${repoPath(r)}/issues${query({ labels: DRIFT_LABEL, state: 'all', per_page: 100 })}`);
  const mine = issues.filter((i) => !i.pull_request && isOurs(i.body, i.user, m)).sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1))[0];
  if (!report) {
    if (!mine || mine.state === 'closed') return { action: 'none', ...(mine ? { number: mine.number } : {}) };
    const gone = `The drift of stage \`${stage}\` is gone: the latest plan matches the infrastructure.`;
    // Said once: a retry after a lost answer finds it as the newest comment.
    const said = await gh.paginate<IssueComment>(`${repoPath(r)}/issues/${mine.number}/comments${query({ per_page: 100 })}`);
    const last = said.at(-1);
    if (!(last && last.body === gone && last.user?.type === 'Bot')) await gh.request('POST', `${repoPath(r)}/issues/${mine.number}/comments`, { body: gone });
    await gh.request('PATCH', `${repoPath(r)}/issues/${mine.number}`, { state: 'closed', state_reason: 'completed' });
    return { action: 'closed', number: mine.number };
  }
  const body = [m, `Terraform found drift in stage \`${stage}\`: the infrastructure no longer matches the configuration on the default branch.`, '', report.details, '', report.runUrl ? `Last checked by [this run](${report.runUrl}).` : '', 'Fix it by applying the configuration again (or by changing the configuration to match); this issue closes itself when the drift is gone.', ''].join('\n');
  if (!mine) {
    const { data } = await gh.request<{ number: number }>('POST', `${repoPath(r)}/issues`, { title: `Drift: ${stage}`, body, labels: [DRIFT_LABEL] });
    return { action: 'created', number: data.number };
  }
  if (mine.state === 'closed') {
    await gh.request('PATCH', `${repoPath(r)}/issues/${mine.number}`, { state: 'open', body });
    return { action: 'reopened', number: mine.number };
  }
  if (mine.body !== body) await gh.request('PATCH', `${repoPath(r)}/issues/${mine.number}`, { body });
  return { action: mine.body !== body ? 'updated' : 'none', number: mine.number };
}
