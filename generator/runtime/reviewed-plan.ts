// Which plan run was reviewed for a commit on the default branch: the pull request whose merge
// made that commit, then the newest completed plan run of that pull request's final head that
// holds the plans (its opsta-plan-* artifacts). A plan of an earlier head of the pull request is
// not what the reviewers approved, so it never counts; a run of the final head that made no plans
// (a label's run re-runs only the budget) is not the review either.
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
  /** The stages whose plans the run holds (opsta-plan-<stage> artifacts), sorted. */
  stages: string[];
}

/** What plan.yml names each stage's plan artifact: the prefix and the stage id. */
export const PLAN_ARTIFACT_PREFIX = 'opsta-plan-';

/** A finished run of the final head that was not chosen, newest first, and why. */
export interface PassedOver {
  id: number;
  why: 'no-plans' | 'expired';
}

interface ArtifactItem {
  name: string;
  expired: boolean;
}

/**
 * A plan run that finished counts, whether its checks passed or failed (a budget or manifest check
 * after the plans fails the run, the plans were still made and uploaded; a stage whose plan is
 * missing is stopped by the apply as unreviewed). Cancelled, skipped, timed out: no plans.
 */
const FINISHED = new Set(['success', 'failure']);

/**
 * The newest finished run of the final head that still holds plans. GitHub's run list does not say
 * which activity of `pull_request` started a run (opened, synchronize, labeled…), so the run's own
 * artifacts decide: a label's run, which plans nothing, holds no opsta-plan-* artifact, and a run
 * whose plans expired holds only expired ones; both are passed over for an older run that has them.
 */
export async function reviewedPlanRun(gh: GitHub, r: Repo, pull: MergedPull, workflow: string): Promise<{ run?: PlanRun; ignored: number; passedOver: PassedOver[] }> {
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
  candidates.sort((a, b) => when(b) - when(a) || b.id - a.id);
  const passedOver: PassedOver[] = [];
  for (const c of candidates) {
    const artifacts = await gh.paginate<ArtifactItem>(`${repoPath(r)}/actions/runs/${c.id}/artifacts${query({ per_page: 100 })}`, 'artifacts');
    const plans = artifacts.filter((a) => a.name.startsWith(PLAN_ARTIFACT_PREFIX) && a.name.length > PLAN_ARTIFACT_PREFIX.length);
    const live = plans.filter((a) => !a.expired);
    if (live.length === 0) {
      passedOver.push({ id: c.id, why: plans.length ? 'expired' : 'no-plans' });
      continue;
    }
    const stages = [...new Set(live.map((a) => a.name.slice(PLAN_ARTIFACT_PREFIX.length)))].sort();
    return { run: { id: c.id, attempt: c.run_attempt ?? 1, conclusion: c.conclusion!, url: c.html_url, stages }, ignored: runs.length - 1, passedOver };
  }
  return { ignored: runs.length, passedOver };
}
