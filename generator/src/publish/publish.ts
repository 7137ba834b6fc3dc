// Publish a generated tree to a branch and open (or update) its pull request, in a constant number
// of requests whatever the number of files (docs/decisions.md, "Publishing"):
//
//   reads   GET repo · GET base ref · GET branch ref · GET base tree · [GET branch tree]
//           · [GraphQL: the manifest and the texts of files whose blob differs] · GET open PRs
//   writes  [POST ref, when the branch is new] · [GraphQL createCommitOnBranch: every file in one
//           commit, race-safe through expectedHeadOid] · [POST PR + POST labels | PATCH PR]
//
// An unchanged re-publish writes nothing. The change set comes from changeset.ts, the engine
// `generate` applies to a directory: only files Opsta owns are touched, a hand edit is a conflict
// kept unless forced. Pure apart from the injected GitHub client: runs in Node and in the browser.
import { computeChangeSet, countByAction, isUpToDate, MANIFEST_PATH, PLAN_PATH, type ChangeSet } from '../changeset.ts';
import { UserError } from '../errors.ts';
import { GitHubError, type GitHubClient } from './github.ts';
import { PR_LABELS } from './pr-body.ts';
import { base64Utf8, currentTree, knownText, pathsToRead, resultTree, sameTree, treeDelta, type FileDelta, type FlatTree } from './tree.ts';

export interface PublishTarget {
  owner: string;
  repo: string;
  base: string;
  branch: string;
}

export interface PublishContent {
  /** The generated tree (generateRepository), with its manifest. */
  files: Record<string, string>;
  forceFiles?: readonly string[];
  /** opsta.plan.yaml on the branch kept as written when it says the same plan. */
  keepAsWritten?: (path: string, text: string) => boolean;
  /** The pull request for the tree the publish leaves; `basePlan` is the base branch's opsta.plan.yaml text, if any. */
  pullRequest: (ctx: { files: FileDelta[]; conflicts: string[]; basePlan?: string }) => { title: string; body: string };
  commitMessage: (cs: ChangeSet) => { headline: string; body: string };
}

export interface PublishOutcome {
  changeSet: ChangeSet;
  /** What the pull request changes against the base branch. */
  files: FileDelta[];
  branchCreated: boolean;
  commit?: string;
  pullRequest?: { number: number; url: string; action: 'opened' | 'updated' | 'unchanged' | 'would open' | 'would update' };
  /** Why no pull request: the base already holds the tree. */
  note?: string;
  /** The pull request's title and body for the tree the publish leaves. */
  proposed: { title: string; body: string };
  dryRun: boolean;
}

interface RefTree {
  head: string;
  tree: FlatTree;
}

const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');

/** The repository, the base and the publish branch as they are now. */
async function readState(gh: GitHubClient, t: PublishTarget) {
  const full = `${t.owner}/${t.repo}`;
  const repoPath = `/repos/${enc(t.owner)}/${enc(t.repo)}`;
  let repo: { default_branch?: string; permissions?: { push?: boolean } };
  try {
    repo = (await gh.rest('GET', repoPath, `read the repository ${full}`)).data;
  } catch (e) {
    if (e instanceof GitHubError && e.status === 404) throw new UserError(`repository ${full} not found, or the token cannot see it: check --repo (owner/name) and that the token's repository access includes ${full}`);
    throw e;
  }
  const ref = async (branch: string): Promise<string | undefined> => {
    try {
      return (await gh.rest('GET', `${repoPath}/git/ref/heads/${enc(branch)}`, `read the branch ${branch} of ${full}`)).data.object.sha as string;
    } catch (e) {
      if (e instanceof GitHubError && e.status === 404) return undefined;
      throw e;
    }
  };
  const baseHead = await ref(t.base);
  if (!baseHead) {
    throw new UserError(`the base branch ${t.base} does not exist in ${full}${repo.default_branch ? ` (its default branch is ${repo.default_branch})` : ''}: pass --base <branch>, or push a first commit to ${t.base}`);
  }
  const branchHead = await ref(t.branch);
  const tree = async (head: string, branch: string): Promise<FlatTree> => {
    const r = await gh.rest('GET', `${repoPath}/git/trees/${head}?recursive=1`, `read the files of ${branch}`);
    if (r.data.truncated) throw new UserError(`${full}'s branch ${branch} has more files than GitHub lists in one call; publish with --via git instead`);
    const out: FlatTree = {};
    for (const e of r.data.tree as { path: string; mode: string; type: string; sha: string }[]) if (e.type !== 'tree') out[e.path] = { mode: e.mode, sha: e.sha };
    return out;
  };
  const base: RefTree = { head: baseHead, tree: await tree(baseHead, t.base) };
  const branch: RefTree | undefined = branchHead ? (branchHead === baseHead ? { head: branchHead, tree: base.tree } : { head: branchHead, tree: await tree(branchHead, t.branch) }) : undefined;
  return { repo, repoPath, full, base, branch };
}

const READ_QUERY = (n: number) =>
  `query OpstaReadBlobs($owner: String!, $name: String!${Array.from({ length: n }, (_, i) => `, $o${i}: GitObjectID!`).join('')}) { repository(owner: $owner, name: $name) {${Array.from({ length: n }, (_, i) => ` b${i}: object(oid: $o${i}) { ... on Blob { text isBinary isTruncated } }`).join('')} } }`;

/** Texts of blobs by SHA in one GraphQL request (aliases), whatever their number. */
async function readBlobs(gh: GitHubClient, t: PublishTarget, shas: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return {};
  const vars: Record<string, unknown> = { owner: t.owner, name: t.repo };
  unique.forEach((s, i) => (vars[`o${i}`] = s));
  const r = await gh.graphql<{ repository: Record<string, { text: string | null; isBinary: boolean | null; isTruncated: boolean } | null> }>(READ_QUERY(unique.length), vars, `read ${unique.length} file${unique.length === 1 ? '' : 's'} of ${t.owner}/${t.repo}`);
  if (r.errors?.length) throw new UserError(`cannot read files of ${t.owner}/${t.repo}: GitHub answered ${r.errors.map((e) => e.message).join('; ')}`);
  const out: Record<string, string> = {};
  for (let i = 0; i < unique.length; i++) {
    const b = r.data.repository[`b${i}`];
    if (b && b.text !== null && !b.isTruncated) out[unique[i]!] = b.text;
    else if (b?.isTruncated) {
      // GitHub truncates large blobs in GraphQL; read that one through REST.
      const rest = await gh.rest('GET', `/repos/${enc(t.owner)}/${enc(t.repo)}/git/blobs/${unique[i]}`, `read a large file of ${t.owner}/${t.repo}`);
      out[unique[i]!] = new TextDecoder().decode(Uint8Array.from(atob(rest.data.content.replace(/\n/g, '')), (c) => c.charCodeAt(0)));
    }
  }
  return out;
}

/** The change set of publishing `content` over `tree`, reading only what the engine needs. */
async function changeSetFor(gh: GitHubClient, t: PublishTarget, content: PublishContent, tree: FlatTree, baseTree: FlatTree) {
  const desired = content.files;
  // Read 1: the manifest (unless its blob is the generated one), the base plan for the cost delta, files that differ.
  let manifestText = tree[MANIFEST_PATH] ? knownText(tree, desired, MANIFEST_PATH) : undefined;
  const basePlanEntry = baseTree[PLAN_PATH];
  const basePlanKnown = basePlanEntry ? knownText(baseTree, desired, PLAN_PATH) : undefined;
  const first = pathsToRead(tree, desired, undefined);
  const shas1 = [...first.map((p) => tree[p]!.sha), ...(manifestText === undefined && tree[MANIFEST_PATH] ? [tree[MANIFEST_PATH].sha] : []), ...(basePlanEntry && basePlanKnown === undefined ? [basePlanEntry.sha] : [])];
  const blobs = await readBlobs(gh, t, shas1);
  if (manifestText === undefined && tree[MANIFEST_PATH]) manifestText = blobs[tree[MANIFEST_PATH].sha];
  // Read 2 (rare: the plan dropped something): owned files no longer generated, to delete only unedited ones.
  const more = pathsToRead(tree, desired, manifestText).filter((p) => !first.includes(p));
  Object.assign(blobs, await readBlobs(gh, t, more.map((p) => tree[p]!.sha)));
  const texts: Record<string, string> = {};
  for (const p of [...first, ...more]) if (blobs[tree[p]!.sha] !== undefined) texts[p] = blobs[tree[p]!.sha]!;
  const cs = computeChangeSet({ desired, current: currentTree(tree, desired, texts), previousManifest: manifestText, forceFiles: content.forceFiles, keepAsWritten: content.keepAsWritten });
  const basePlan = basePlanKnown ?? (basePlanEntry ? blobs[basePlanEntry.sha] : undefined);
  return { cs, basePlan };
}

export interface PublishOptions {
  dryRun?: boolean;
  /** Progress lines ("creating branch opsta/x"). */
  log?: (line: string) => void;
}

export async function publishViaApi(gh: GitHubClient, t: PublishTarget, content: PublishContent, opts: PublishOptions = {}): Promise<PublishOutcome> {
  const log = opts.log ?? (() => {});
  const state = await readState(gh, t);
  const current = state.branch ?? state.base;
  const { cs, basePlan } = await changeSetFor(gh, t, content, current.tree, state.base.tree);
  const refused = cs.changes.filter((c) => c.action === 'refused');
  if (refused.length) throw new UserError(`refusing to publish to ${t.branch}; nothing was changed:\n${refused.map((c) => `  ${c.path}: ${c.reason}`).join('\n')}`);
  const after = isUpToDate(cs) ? current.tree : resultTree(current.tree, cs);
  const files = treeDelta(state.base.tree, after);
  const conflicts = cs.changes.filter((c) => c.action === 'conflict').map((c) => c.path);
  const pr = content.pullRequest({ files, conflicts, basePlan });
  const outcome: PublishOutcome = { changeSet: cs, files, branchCreated: false, dryRun: Boolean(opts.dryRun), proposed: pr };
  const baseHolds = sameTree(after, state.base.tree);

  const open = () => openPullRequest(gh, state.repoPath, t);

  if (opts.dryRun) {
    if (!baseHolds || state.branch) {
      const existing = state.branch ? await open() : undefined;
      // The real run leaves an open pull request alone when its title, body and labels already match.
      const same = existing && existing.title === pr.title && (existing.body ?? '') === pr.body && PR_LABELS.every((l) => existing.labels.some((x) => x.name === l));
      outcome.pullRequest = existing ? { number: existing.number, url: existing.html_url, action: same ? 'unchanged' : 'would update' } : { number: 0, url: '', action: 'would open' };
    }
    if (baseHolds && !state.branch) outcome.note = `${t.base} already holds this plan's files: no branch or pull request needed`;
    return outcome;
  }

  let head = current.head;
  if (!isUpToDate(cs)) {
    if (!state.branch) {
      if (baseHolds) {
        outcome.note = `${t.base} already holds this plan's files: no branch or pull request needed`;
        return outcome;
      }
      log(`creating the branch ${t.branch} from ${t.base}`);
      await createBranch(gh, state.repoPath, t, state.base.head);
      outcome.branchCreated = true;
    }
    const n = countByAction(cs);
    log(`committing ${n.add} added, ${n.update} updated, ${n.delete} deleted file${n.add + n.update + n.delete === 1 ? '' : 's'} to ${t.branch}`);
    head = await commit(gh, state.repoPath, t, cs, head, after, content.commitMessage(cs));
    outcome.commit = head;
  } else if (!state.branch) {
    outcome.note = `${t.base} already holds this plan's files: no branch or pull request needed`;
    return outcome;
  }

  if (baseHolds) {
    outcome.note = `${t.branch} holds the same files as ${t.base}: no pull request needed`;
    return outcome;
  }
  outcome.pullRequest = await upsertPullRequest(gh, state.repoPath, t, pr, open, log);
  return outcome;
}

type OpenPullRequest = { number: number; html_url: string; title: string; body: string | null; labels: { name: string }[] };

async function openPullRequest(gh: GitHubClient, repoPath: string, t: PublishTarget): Promise<OpenPullRequest | undefined> {
  const r = await gh.rest('GET', `${repoPath}/pulls?state=open&head=${encodeURIComponent(`${t.owner}:${t.branch}`)}&base=${encodeURIComponent(t.base)}`, `list the open pull requests of ${t.branch}`);
  return (r.data as OpenPullRequest[])[0];
}

/** Open or update the pull request of a branch pushed some other way (--via git). */
export async function upsertPullRequestFor(gh: GitHubClient, t: PublishTarget, outcome: PublishOutcome, log: (line: string) => void = () => {}) {
  const repoPath = `/repos/${enc(t.owner)}/${enc(t.repo)}`;
  return upsertPullRequest(gh, repoPath, t, outcome.proposed, () => openPullRequest(gh, repoPath, t), log);
}

async function createBranch(gh: GitHubClient, repoPath: string, t: PublishTarget, baseHead: string): Promise<void> {
  try {
    await gh.rest('POST', `${repoPath}/git/refs`, `create the branch ${t.branch}`, { ref: `refs/heads/${t.branch}`, sha: baseHead });
  } catch (e) {
    if (!(e instanceof GitHubError && e.status === 422 && /already exists/i.test(e.githubMessage))) throw e;
    // Our own earlier attempt (its answer lost), or another publish: fine only if it points where we wanted.
    const now = (await gh.rest('GET', `${repoPath}/git/ref/heads/${enc(t.branch)}`, `read the branch ${t.branch}`)).data.object.sha;
    if (now !== baseHead) throw raced(t, baseHead, now);
  }
}

function raced(t: PublishTarget, expected: string, now: string): UserError {
  return new UserError(
    `the branch ${t.branch} changed while publishing (it was at ${expected.slice(0, 12)}, it is now at ${now.slice(0, 12)}: another publish or push landed first); nothing was committed. Run opsta publish again: it compares with the new state, and a hand edit there becomes a conflict`,
  );
}

const COMMIT_MUTATION = `mutation OpstaCommit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;

/** One commit with every change, only if the branch is still at `expectedHead`; returns the new head. */
async function commit(gh: GitHubClient, repoPath: string, t: PublishTarget, cs: ChangeSet, expectedHead: string, intended: FlatTree, message: { headline: string; body: string }): Promise<string> {
  const additions = [...Object.entries(cs.writes), [MANIFEST_PATH, cs.manifest] as const].map(([path, text]) => ({ path, contents: base64Utf8(text) }));
  const deletions = cs.deletes.map((d) => ({ path: d.path }));
  const input = { branch: { repositoryNameWithOwner: `${t.owner}/${t.repo}`, branchName: t.branch }, expectedHeadOid: expectedHead, message, fileChanges: { additions, deletions } };
  const r = await gh.graphql<{ createCommitOnBranch: { commit: { oid: string } } | null }>(COMMIT_MUTATION, { input }, `commit to ${t.branch}`);
  if (!r.errors?.length && r.data?.createCommitOnBranch?.commit) return r.data.createCommitOnBranch.commit.oid;
  const err = r.errors?.[0];
  const stale = err?.type === 'STALE_DATA' || /expected branch to point to/i.test(err?.message ?? '');
  if (!stale) {
    const perm = /workflow/i.test(err?.message ?? '') ? ' (a token that changes .github/workflows needs the Workflows: write permission)' : err?.type === 'FORBIDDEN' ? ' (the token needs Contents: write on this repository)' : '';
    throw new UserError(`cannot commit to ${t.branch}: GitHub answered ${err?.type ? `${err.type}: ` : ''}${err?.message ?? 'no commit'}${perm}`);
  }
  // The branch moved. If it moved to exactly our commit (an earlier attempt whose answer was lost), that is success.
  const now = (await gh.rest('GET', `${repoPath}/git/ref/heads/${enc(t.branch)}`, `read the branch ${t.branch}`)).data.object.sha as string;
  const c = (await gh.rest('GET', `${repoPath}/git/commits/${now}`, `read the commit ${now.slice(0, 12)}`)).data as { parents: { sha: string }[] };
  if (c.parents.length === 1 && c.parents[0]!.sha === expectedHead) {
    const tr = await gh.rest('GET', `${repoPath}/git/trees/${now}?recursive=1`, `read the files of ${t.branch}`);
    const landed: FlatTree = {};
    for (const e of tr.data.tree as { path: string; mode: string; type: string; sha: string }[]) if (e.type !== 'tree') landed[e.path] = { mode: e.mode, sha: e.sha };
    if (sameTree(landed, intended)) return now;
  }
  throw raced(t, expectedHead, now);
}

async function upsertPullRequest(
  gh: GitHubClient,
  repoPath: string,
  t: PublishTarget,
  pr: { title: string; body: string },
  open: () => Promise<OpenPullRequest | undefined>,
  log: (line: string) => void,
): Promise<NonNullable<PublishOutcome['pullRequest']>> {
  let existing = await open();
  let action: 'opened' | 'updated' | 'unchanged' = 'unchanged';
  if (!existing) {
    log(`opening a pull request from ${t.branch} into ${t.base}`);
    try {
      const r = await gh.rest('POST', `${repoPath}/pulls`, `open a pull request from ${t.branch}`, { title: pr.title, head: t.branch, base: t.base, body: pr.body, maintainer_can_modify: true });
      existing = { ...r.data, labels: r.data.labels ?? [] };
      action = 'opened';
    } catch (e) {
      // An earlier attempt opened it and its answer was lost: find it instead of failing.
      if (!(e instanceof GitHubError && e.status === 422 && /already exists/i.test(e.githubMessage))) throw e;
      existing = await open();
      if (!existing) throw e;
    }
  }
  if (action !== 'opened' && (existing!.title !== pr.title || (existing!.body ?? '') !== pr.body)) {
    log(`updating pull request #${existing!.number}`);
    await gh.rest('PATCH', `${repoPath}/pulls/${existing!.number}`, `update pull request #${existing!.number}`, { title: pr.title, body: pr.body });
    action = 'updated';
  }
  const have = new Set((existing!.labels ?? []).map((l) => l.name));
  if (PR_LABELS.some((l) => !have.has(l))) {
    await gh.rest('POST', `${repoPath}/issues/${existing!.number}/labels`, `label pull request #${existing!.number}`, { labels: [...PR_LABELS] });
  }
  return { number: existing!.number, url: existing!.html_url, action };
}
