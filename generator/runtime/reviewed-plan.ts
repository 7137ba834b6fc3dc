// Which plan run was reviewed for a commit on the default branch: the pull request whose merge
// made that commit, then the newest completed plan run of that pull request's final head. A plan
// of an earlier head of the pull request is not what the reviewers approved, so it never counts.
import { query, type GitHub } from './github.ts';
import { repoPath, type Repo } from './publish.ts';

interface PullItem {
  number: number;
  title: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
  base: { ref: string };
}

interface RunItem {
  id: number;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  run_attempt?: number;
  run_started_at?: string;
  created_at: string;
  html_url: string;
  pull_requests?: { number: number }[] | null;
}

export interface MergedPull {
  number: number;
  title: string;
  /** The pull request's head when it was merged: the commit its reviewed plans were made of. */
  headSha: string;
}

/**
 * The merged pull request whose merge commit is `sha` (merge, squash or rebase: GitHub records
 * the commit the merge left on the base as merge_commit_sha), into `base` when given: one head
 * fast-forwarded into two branches is the merge of two pull requests, each reviewed for its own
 * base. Other merged pull requests GitHub associates with the commit (one that merely contains
 * it) are listed in `others`, never chosen.
 */
export async function mergedPullOf(gh: GitHub, r: Repo, sha: string, base?: string): Promise<{ pull?: MergedPull; others: number[] }> {
  const pulls = await gh.paginate<PullItem>(`${repoPath(r)}/commits/${encodeURIComponent(sha)}/pulls${query({ per_page: 100 })}`);
  const merged = pulls.filter((p) => p.merged_at);
  const mine = merged.find((p) => p.merge_commit_sha === sha && (base === undefined || p.base.ref === base));
  const others = merged.filter((p) => p !== mine).map((p) => p.number);
  return mine ? { pull: { number: mine.number, title: mine.title, headSha: mine.head.sha }, others } : { others };
}

export interface PlanRun {
  id: number;
  attempt: number;
  conclusion: string;
  url: string;
}

/**
 * A plan run that finished counts, whether its checks passed or failed (a budget or manifest check
 * after the plans fails the run, the plans were still made and uploaded; a stage whose plan is
 * missing is stopped by the apply as unreviewed). Cancelled, skipped, timed out: no plans.
 */
const FINISHED = new Set(['success', 'failure']);

export async function reviewedPlanRun(gh: GitHub, r: Repo, pull: MergedPull, workflow: string): Promise<{ run?: PlanRun; ignored: number }> {
  const runs = await gh.paginate<RunItem>(`${repoPath(r)}/actions/workflows/${encodeURIComponent(workflow)}/runs${query({ head_sha: pull.headSha, event: 'pull_request', status: 'completed', per_page: 100 })}`, 'workflow_runs');
  const candidates = runs.filter(
    (x) =>
      x.head_sha === pull.headSha &&
      x.event === 'pull_request' &&
      x.status === 'completed' &&
      FINISHED.has(x.conclusion ?? '') &&
      // A run GitHub ties to other pull requests (the same head opened against another base) is theirs;
      // none listed is a fork's run or a closed pull request's, and counts.
      (!x.pull_requests?.length || x.pull_requests.some((p) => p.number === pull.number)),
  );
  // Newest by when its latest attempt started: a re-run made the plans again, later.
  const when = (x: RunItem) => Date.parse(x.run_started_at ?? x.created_at);
  const best = candidates.sort((a, b) => when(b) - when(a) || b.id - a.id)[0];
  return best ? { run: { id: best.id, attempt: best.run_attempt ?? 1, conclusion: best.conclusion!, url: best.html_url }, ignored: runs.length - 1 } : { ignored: runs.length };
}
