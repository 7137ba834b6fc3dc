// After a failed Terraform stage: a pull request that reverts the merge. Terraform has no undo;
// merging the revert plans and applies the previous configuration, which is as close as it gets,
// and a person decides. The git work happens in a temporary worktree: the job's checkout stays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckFailed } from './errors.ts';
import { run, runOk } from './exec.ts';
import { query, type GitHub } from './github.ts';
import { mdCode, mdText } from './markdown.ts';
import { repoPath, type Repo } from './publish.ts';
import { mergedPullOf } from './reviewed-plan.ts';

export const revertBranch = (sha: string): string => `opsta/revert-${sha.slice(0, 12)}`;

export interface RevertCommitOptions {
  /** The checkout (any clone that has the merge commit). */
  cwd: string;
  sha: string;
  remote: string;
  gitEnv?: Record<string, string>;
}

/**
 * Revert `sha` on a branch of its own and push it. The revert's dates are the merge's, so a
 * rerun makes the same commit and the push is a no-op, not a second branch.
 */
export function pushRevertBranch(o: RevertCommitOptions): { branch: string; commit: string } {
  const env = { ...process.env, ...o.gitEnv, GIT_TERMINAL_PROMPT: '0' };
  const git = (args: string[], cwd = o.cwd) => runOk('git', args, { cwd, env });
  // A shallow checkout (fetch-depth 1) lacks the parent the revert needs.
  if (run('git', ['cat-file', '-e', `${o.sha}^1`], { cwd: o.cwd, env }).code !== 0) git(['fetch', '--quiet', '--no-tags', '--depth=2', o.remote, o.sha]);
  const parents = git(['rev-list', '--parents', '-n', '1', o.sha]).trim().split(' ').length - 1;
  const date = git(['show', '-s', '--format=%cI', o.sha]).trim();
  const dir = mkdtempSync(join(tmpdir(), 'opsta-revert-'));
  const branch = revertBranch(o.sha);
  try {
    git(['worktree', 'add', '--quiet', '--detach', dir, o.sha]);
    const revertEnv = { ...env, GIT_AUTHOR_NAME: 'opsta', GIT_AUTHOR_EMAIL: 'opsta@users.noreply.github.com', GIT_COMMITTER_NAME: 'opsta', GIT_COMMITTER_EMAIL: 'opsta@users.noreply.github.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const r = run('git', ['revert', '--no-edit', ...(parents > 1 ? ['-m', '1'] : []), o.sha], { cwd: dir, env: revertEnv });
    if (r.code !== 0) throw new CheckFailed(`git revert ${o.sha.slice(0, 12)} does not apply cleanly (${r.stderr.trim().split('\n').pop()}); revert the merge by hand`);
    const commit = git(['rev-parse', 'HEAD'], dir).trim();
    // The branch is Opsta's own: force, so a rerun after a partial push still lands.
    git(['push', '--quiet', '--force', o.remote, `${commit}:refs/heads/${branch}`], dir);
    return { branch, commit };
  } finally {
    run('git', ['worktree', 'remove', '--force', dir], { cwd: o.cwd, env });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What to do before the revert can be merged. GitHub starts no workflow for an event the workflow
 * token caused (workflow_dispatch and repository_dispatch aside: "Triggering a workflow from a
 * workflow"), so plan.yml never runs on the pull request revert-pr opens; merged unplanned, the
 * apply finds no reviewed plan and stops. A person's close and reopen, or push, starts it.
 */
export function planTheRevert(branch: string): string {
  return `**No plan has run on this pull request yet.** GitHub starts no workflow for a pull request opened with the workflow token (\`GITHUB_TOKEN\`), so \`plan.yml\` has not planned this revert, and merged as it is, the apply finds no reviewed plan and stops every stage it changes as unreviewed. To plan it, close this pull request and reopen it, or push a commit to its branch ${mdCode(branch)} (for example \`git commit --allow-empty -m "Plan the revert"\` and \`git push\`): \`plan.yml\` then runs, and its comment shows what the revert would do. Merge only after that plan is reviewed.`;
}

export function revertPullRequestBody(p: RevertPullRequest, source: { number: number } | undefined): string {
  return [
    `Stage ${mdCode(p.stage)} failed while applying ${mdCode(p.sha.slice(0, 12))}${source ? ` (merged from #${source.number})` : ''}${p.runUrl ? ` in [this run](${p.runUrl})` : ''}.`,
    '',
    planTheRevert(p.branch),
    '',
    'This pull request reverts that merge. **Terraform has no undo**: merging it plans and applies the previous configuration on top of whatever the failed apply left behind. Resources the failed apply already destroyed do not come back with their data. Review its plan like any other change, or close it and fix forward.',
    '',
    source ? '' : `_The merged pull request could not be found; ${mdText(p.sha)} is the commit reverted._`,
  ].join('\n');
}

export interface RevertPullRequest {
  stage: string;
  sha: string;
  branch: string;
  base: string;
  runUrl?: string;
}

export async function openRevertPullRequest(gh: GitHub, r: Repo, p: RevertPullRequest): Promise<{ number: number; url: string; created: boolean }> {
  const open = await gh.request<{ number: number; html_url: string }[]>('GET', `${repoPath(r)}/pulls${query({ state: 'open', head: `${r.owner}:${p.branch}`, per_page: 10 })}`);
  if (open.data[0]) return { number: open.data[0].number, url: open.data[0].html_url, created: false };
  // The title is a courtesy: without it the revert pull request still opens.
  const source = (await mergedPullOf(gh, r, p.sha, p.base).catch(() => undefined))?.pull;
  const title = source ? `Revert "${source.title}"` : `Revert ${p.sha.slice(0, 12)}`;
  const body = revertPullRequestBody(p, source);
  const { data } = await gh.request<{ number: number; html_url: string }>('POST', `${repoPath(r)}/pulls`, { title: title.slice(0, 250), head: p.branch, base: p.base, body, maintainer_can_modify: true });
  return { number: data.number, url: data.html_url, created: true };
}
