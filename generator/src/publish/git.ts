// `--via git`: the same change set, pushed with isomorphic-git over smart HTTP (GitHub Enterprise,
// other hosts, or no API at all). Objects live in an in-memory file system; no working tree is
// checked out: blobs, trees and the commit are written directly, then the branch is pushed without
// force, so a push that landed meanwhile makes ours fail (never overwritten). A push whose answer is
// lost is judged by the branch as it is afterwards, so a rerun never makes a second commit. The http
// client is injected (isomorphic-git/http/node in the CLI, http/web in the browser).
import git, { type HttpClient } from 'isomorphic-git';
import { computeChangeSet, countByAction, isUpToDate, MANIFEST_PATH, PLAN_PATH } from '../changeset.ts';
import { UserError } from '../errors.ts';
import { redact } from './github.ts';
import { memoryFs } from './memory-fs.ts';
import type { PublishContent, PublishOutcome, PublishTarget } from './publish.ts';
import { currentTree, pathsToRead, resultTree, sameTree, treeDelta, type FlatTree } from './tree.ts';

export interface GitPublishOptions {
  url: string;
  token?: string;
  http: HttpClient;
  dryRun?: boolean;
  author?: { name: string; email: string };
  /** Seconds since the epoch for the commit (the CLI passes the clock; tests a fixed value). */
  timestamp: number;
  log?: (line: string) => void;
}

const DIR = '/repo';

export async function publishViaGit(t: Omit<PublishTarget, 'owner' | 'repo'>, content: PublishContent, o: GitPublishOptions): Promise<PublishOutcome & { pushed: boolean }> {
  const fs = memoryFs();
  const log = o.log ?? (() => {});
  // GitHub takes the token as the password with any user name; other hosts as a password too.
  const { http } = o;
  const onAuth = () => (o.token ? { username: 'x-access-token', password: o.token } : undefined);
  const failure = (what: string, e: unknown): UserError => {
    if (e instanceof UserError) return e;
    const err = e as { code?: string; message?: string; data?: { statusCode?: number } };
    const status = err.data?.statusCode;
    const hint =
      status === 401 ? ': the server refused the credentials; set GITHUB_TOKEN or GH_TOKEN to a token that may push here'
      : status === 403 ? ': the token may not push here (it needs Contents: write, and Workflows: write for .github/workflows)'
      : status === 404 ? ': no repository at that URL; check --git-url'
      : err.code === 'HttpError' ? '' : '; check --git-url and the network';
    return new UserError(redact(`cannot ${what} (${o.url}): ${err.message ?? String(e)}${hint}`, o.token));
  };
  const wrap = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw failure(what, e);
    }
  };
  const remoteHeads = async (): Promise<Record<string, string>> => {
    const info = await git.getRemoteInfo2({ http, url: o.url, onAuth, protocolVersion: 1 });
    const heads: Record<string, string> = {};
    for (const r of info.refs ?? []) if (r.ref.startsWith('refs/heads/')) heads[r.ref.slice('refs/heads/'.length)] = r.oid;
    return heads;
  };
  const raced = (now: string | undefined) =>
    new UserError(`the branch ${t.branch} changed while publishing (it is now at ${now?.slice(0, 12) ?? 'nothing: it was deleted'}: another publish or push landed first); nothing was pushed. Run opsta publish again: it compares with the new state`);

  await git.init({ fs, dir: DIR, defaultBranch: t.base });
  await git.addRemote({ fs, dir: DIR, remote: 'origin', url: o.url });
  const heads = await wrap('read the remote', remoteHeads);
  const baseHead = heads[t.base];
  if (!baseHead) throw new UserError(`the base branch ${t.base} does not exist at ${o.url}: pass --base <branch>, or push a first commit to ${t.base}`);
  const branchHead = heads[t.branch];
  for (const ref of branchHead && branchHead !== baseHead ? [t.base, t.branch] : [t.base]) {
    await wrap(`fetch ${ref}`, () => git.fetch({ fs, http, dir: DIR, remote: 'origin', ref, remoteRef: ref, singleBranch: true, tags: false, onAuth }));
  }

  const readFlat = async (commit: string): Promise<FlatTree> => {
    const out: FlatTree = {};
    const walk = async (oid: string, prefix: string) => {
      const { tree } = await git.readTree({ fs, dir: DIR, oid });
      for (const e of tree) {
        if (e.type === 'tree') await walk(e.oid, `${prefix}${e.path}/`);
        else out[`${prefix}${e.path}`] = { mode: e.mode, sha: e.oid };
      }
    };
    await walk((await git.readCommit({ fs, dir: DIR, oid: commit })).commit.tree, '');
    return out;
  };
  const text = async (oid: string) => new TextDecoder().decode((await git.readBlob({ fs, dir: DIR, oid })).blob);

  const baseTree = await readFlat(baseHead);
  const currentHead = branchHead ?? baseHead;
  const tree = branchHead && branchHead !== baseHead ? await readFlat(branchHead) : baseTree;
  // Everything is local now: read whatever the engine needs.
  const manifestText = tree[MANIFEST_PATH] ? await text(tree[MANIFEST_PATH].sha) : undefined;
  const texts: Record<string, string> = {};
  for (const p of pathsToRead(tree, content.files, manifestText)) texts[p] = await text(tree[p]!.sha);
  const cs = computeChangeSet({ desired: content.files, current: currentTree(tree, content.files, texts), previousManifest: manifestText, forceFiles: content.forceFiles, keepAsWritten: content.keepAsWritten });
  const refused = cs.changes.filter((c) => c.action === 'refused');
  if (refused.length) throw new UserError(`refusing to publish to ${t.branch}; nothing was changed:\n${refused.map((c) => `  ${c.path}: ${c.reason}`).join('\n')}`);
  const after = isUpToDate(cs) ? tree : resultTree(tree, cs);
  const files = treeDelta(baseTree, after);
  const conflicts = cs.changes.filter((c) => c.action === 'conflict').map((c) => c.path);
  const basePlan = baseTree[PLAN_PATH] ? await text(baseTree[PLAN_PATH].sha) : undefined;
  const proposed = content.pullRequest({ files, conflicts, basePlan });
  const outcome: PublishOutcome & { pushed: boolean } = { changeSet: cs, files, branchCreated: false, dryRun: Boolean(o.dryRun), pushed: false, proposed };
  const baseHolds = sameTree(after, baseTree);
  if (baseHolds && !branchHead) outcome.note = `${t.base} already holds this plan's files: no branch or pull request needed`;
  if (o.dryRun || isUpToDate(cs) || (baseHolds && !branchHead)) return outcome;

  // Objects: the blobs that change, then every tree bottom-up, then one commit on the branch head.
  const entries: Record<string, { mode: string; oid: string }> = {};
  for (const [p, e] of Object.entries(tree)) entries[p] = { mode: e.mode, oid: e.sha };
  for (const d of cs.deletes) delete entries[d.path];
  for (const [p, body] of [...Object.entries(cs.writes), [MANIFEST_PATH, cs.manifest] as const]) {
    entries[p] = { mode: '100644', oid: await git.writeBlob({ fs, dir: DIR, blob: new TextEncoder().encode(body) }) };
  }
  const writeDir = async (prefix: string): Promise<string> => {
    const here: { mode: string; path: string; oid: string; type: 'blob' | 'tree' | 'commit' }[] = [];
    const dirs = new Set<string>();
    for (const [p, e] of Object.entries(entries)) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const i = rest.indexOf('/');
      if (i >= 0) dirs.add(rest.slice(0, i));
      else here.push({ mode: e.mode, path: rest, oid: e.oid, type: e.mode === '160000' ? 'commit' : 'blob' });
    }
    for (const d of dirs) here.push({ mode: '040000', path: d, oid: await writeDir(`${prefix}${d}/`), type: 'tree' });
    return git.writeTree({ fs, dir: DIR, tree: here });
  };
  const treeOid = await writeDir('');
  const message = content.commitMessage(cs);
  const who = { ...(o.author ?? { name: 'Opsta', email: 'opsta@users.noreply.github.com' }), timestamp: o.timestamp, timezoneOffset: 0 };
  const commit = await git.writeCommit({ fs, dir: DIR, commit: { message: `${message.headline}\n\n${message.body}\n`, tree: treeOid, parent: [currentHead], author: who, committer: who } });
  await git.writeRef({ fs, dir: DIR, ref: `refs/heads/${t.branch}`, value: commit, force: true });
  const n = countByAction(cs);
  log(`pushing ${n.add} added, ${n.update} updated, ${n.delete} deleted file${n.add + n.update + n.delete === 1 ? '' : 's'} to ${t.branch}`);
  let movedTo: string | undefined;
  try {
    await git.push({
      fs, http, dir: DIR, url: o.url, ref: t.branch, remoteRef: t.branch, onAuth,
      // The remote as the push sees it: if the branch moved since we read it, stop (never a lost commit).
      onPrePush: ({ remoteRef }) => {
        const now = remoteRef?.oid && !/^0+$/.test(remoteRef.oid) ? remoteRef.oid : undefined;
        if (now === branchHead) return true;
        movedTo = now ?? 'deleted';
        return false;
      },
    });
  } catch (e) {
    if (movedTo) throw raced(movedTo === 'deleted' ? undefined : movedTo);
    const status = (e as { data?: { statusCode?: number } }).data?.statusCode;
    if (status === 401 || status === 403 || status === 404) throw failure(`push ${t.branch}`, e);
    // Refused by the server, or the connection failed before we read its answer: the branch as it is
    // now tells which. Receive-pack updates the ref only if it still holds what our push said it held,
    // so a push that landed meanwhile shows here, and our own push may have landed with its answer lost.
    const now = await remoteHeads().then((h) => ({ head: h[t.branch] }), () => undefined);
    if (now?.head === commit) log(`the answer to the push was lost, but ${t.branch} holds this commit`);
    else if (now && now.head !== branchHead) throw raced(now.head);
    else if ((e as { code?: string }).code === 'GitPushError') {
      const why = Object.entries((e as { data?: { result?: { refs?: Record<string, { error?: string }> } } }).data?.result?.refs ?? {}).map(([ref, v]) => `${ref}: ${v.error ?? 'refused'}`).join('; ');
      throw new UserError(redact(`the server refused the push to ${t.branch} (${o.url})${why ? `: ${why}` : ''}; nothing was pushed. Check the branch's protection rules and hooks on the server`, o.token));
    } else {
      const landed = now ? `nothing landed (${t.branch} is as it was)` : 'whether it landed is unknown';
      throw new UserError(redact(`cannot push ${t.branch} (${o.url}): ${(e as Error)?.message ?? String(e)}; ${landed}. Run opsta publish again: it compares with the branch as it is then, so it finishes the job without a second commit (check --git-url and the network if it keeps failing)`, o.token));
    }
  }
  outcome.commit = commit;
  outcome.branchCreated = !branchHead;
  outcome.pushed = true;
  return outcome;
}

