// The filesystem edge of `generate`: applies a change set (changeset.ts) to a directory so that
// at every moment the directory holds the old tree or the new one, or an interrupted write that
// the next run finishes, and never a zero-byte, truncated or outside-the-target file.
//
// Protocol (docs/decisions.md, "Writing the tree"):
// - Absent target: every file is built and fsynced in a sibling temporary directory, which is
//   renamed to the target in one step.
// - Existing target (including an empty one or one holding only .git, whose inode is kept: it may be
//   the shell's working directory or a mount point): under an exclusive lock `.opsta.lock`, new files
//   are staged and fsynced in `.opsta-staging/` inside the target (same filesystem), the old versions
//   of files to replace or delete are hard-linked beside them, then a journal is committed. The change
//   set is applied by renames, manifest last as the completion marker. An error while applying rolls
//   back to the old tree from the backups; a kill is finished (rolled forward) by the next run.
// - No path component inside the target is followed if it is a symlink (lstat each), and every
//   directory written into is checked by real path to be inside the target.
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { computeChangeSet, isIgnoredPath, MANIFEST_PATH, parseManifest, type ChangeSet, type CurrentTree } from './changeset.ts';
import { fsErrorToUserError, UserError } from './errors.ts';

export const LOCK_NAME = '.opsta.lock';
export const STAGING_NAME = '.opsta-staging';
const JOURNAL = 'journal.json';
const NEW_PREFIX = '.opsta-new-';
/** Files larger than this are hashed but not kept as text (no diff is shown for them). */
const MAX_TEXT_BYTES = 1 << 20;

export interface WriteTreeOptions {
  /** Allow a target that already holds files (an earlier generation or someone else's). */
  force?: boolean;
  /** Conflicting paths to overwrite or delete anyway (--force-file). */
  forceFiles?: readonly string[];
  /** Keep this file as the user wrote it (opsta.plan.yaml saying the same plan). */
  keepAsWritten?: (path: string, text: string) => boolean;
  /** Lines telling the user what happened beyond the change set (an interrupted run finished, a stale lock removed). */
  note?: (line: string) => void;
  /** Attach diffs to updates too (diff's output). */
  diffUpdates?: boolean;
}

export interface WriteTreeResult {
  changeSet: ChangeSet;
  /** The real path written to. */
  root: string;
  /** The target did not exist and was created by one rename. */
  created: boolean;
  /** Nothing needed writing. */
  upToDate: boolean;
}

// ---------------------------------------------------------------- errors

/** Run an fs call; an errno error becomes a UserError naming `shown` and what to do. */
function fsDo<T>(shown: string, action: string, fn: () => T, suffix = ''): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) throw e;
    const u = fsErrorToUserError(e, shown, action);
    if (u) throw new UserError(`${u.message}${suffix}`, 2);
    throw e;
  }
}

function asUserError(e: unknown, shown: string, action: string, suffix: string): unknown {
  if (e instanceof UserError) return new UserError(`${e.message}${suffix}`, e.exitCode);
  const u = fsErrorToUserError(e, shown, action);
  return u ? new UserError(`${u.message}${suffix}`, 2) : e;
}

const errno = (e: unknown) => (e as { code?: string } | null)?.code;

// ---------------------------------------------------------------- test hook

/** OPSTA_TEST_WRITE_PAUSE_MS: sleep after each staged file and each rename, so tests can kill a write midway. */
function pause(): void {
  const ms = Number(process.env.OPSTA_TEST_WRITE_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// ---------------------------------------------------------------- low-level durable writes

function fsyncPath(path: string): void {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Create `path` (must not exist), write all of `text`, fsync. */
function writeNewFile(path: string, text: string | Buffer): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Read a regular file without following a symlink at its last component. */
function readNoFollow(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'EISDIR' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const hashBytes = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------- resolving the target

interface Target {
  /** What the user typed, for messages. */
  shown: string;
  /** Real path of the target (symlinks above and at the target itself resolved). */
  root: string;
  exists: boolean;
}

/** Resolve --out: a symlink *to* the target is fine (the user chose it); anything not a directory is refused. */
export function resolveTarget(out: string): Target {
  const abs = resolve(out);
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTDIR') throw asUserError(e, out, 'use', '');
    // Absent: its nearest existing ancestor must be a directory.
    let up = dirname(abs);
    for (;;) {
      try {
        const s = statSync(up);
        if (!s.isDirectory()) throw new UserError(`cannot create ${out}: ${up} is not a directory; choose another --out`);
        break;
      } catch (e2) {
        if (e2 instanceof UserError) throw e2;
        if ((errno(e2) !== 'ENOENT' && errno(e2) !== 'ENOTDIR') || up === dirname(up)) throw asUserError(e2, up, 'use', '');
        up = dirname(up);
      }
    }
    return { shown: out, root: join(realpathSync(up), abs.slice(up.length)), exists: false };
  }
  if (st.isSymbolicLink()) {
    let real;
    try {
      real = realpathSync(abs);
    } catch (e) {
      if (errno(e) === 'ENOENT') throw new UserError(`${out} is a symlink to a path that does not exist; create that directory or choose another --out`);
      throw asUserError(e, out, 'resolve', '');
    }
    if (!statSync(real).isDirectory()) throw new UserError(`${out} is a symlink to ${real}, which is not a directory; choose a directory for --out`);
    return { shown: out, root: real, exists: true };
  }
  if (!st.isDirectory()) throw new UserError(`${out} is not a directory (it is ${st.isFile() ? 'a file' : 'a special file'}); choose a directory for --out`);
  return { shown: out, root: realpathSync(abs), exists: true };
}

// ---------------------------------------------------------------- scanning

/** Every entry under root without following symlinks; `.git` and the writer's own files are not entered. Files in `hashPaths` are read and hashed. */
export function scanTree(root: string, hashPaths: Set<string>, shown = root): CurrentTree {
  const tree: CurrentTree = {};
  const walk = (dir: string, rel: string) => {
    const entries = fsDo(join(shown, rel), 'read the directory', () => readdirSync(dir, { withFileTypes: true }));
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (isIgnoredPath(p)) continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        tree[p] = { kind: 'dir' };
        walk(abs, p);
      } else if (e.isSymbolicLink()) tree[p] = { kind: 'symlink' };
      else if (e.isFile()) {
        if (!hashPaths.has(p)) tree[p] = { kind: 'file' };
        else {
          const buf = fsDo(join(shown, p), 'read', () => readNoFollow(abs));
          tree[p] = { kind: 'file', sha256: hashBytes(buf), ...(buf.length <= MAX_TEXT_BYTES ? { text: buf.toString('utf8') } : {}) };
        }
      } else tree[p] = { kind: 'other' };
    }
  };
  walk(root, '');
  return tree;
}

function readPreviousManifest(root: string, tree: CurrentTree): string | undefined {
  return tree[MANIFEST_PATH]?.kind === 'file' ? (tree[MANIFEST_PATH] as { text?: string }).text ?? '' : undefined;
}

/** Scan what the change set needs: the desired paths, the previous manifest's paths and the manifest itself. */
function scanForChangeSet(root: string, desired: Record<string, string>, shown: string): { tree: CurrentTree; previousManifest?: string } {
  const manifestOnly = scanTree(root, new Set([MANIFEST_PATH]), shown);
  const previousManifest = readPreviousManifest(root, manifestOnly);
  const hashPaths = new Set([...Object.keys(desired), MANIFEST_PATH, ...Object.keys(parseManifest(previousManifest).files)]);
  const tree = scanTree(root, hashPaths, shown);
  return { tree, previousManifest };
}

// ---------------------------------------------------------------- lock

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/** Take `.opsta.lock` in the target (open 'wx'); a lock of a dead process on this host is stale and replaced once. */
function acquireLock(t: Target, note: (s: string) => void): () => void {
  const path = join(t.root, LOCK_NAME);
  const shownLock = join(t.shown, LOCK_NAME);
  const body = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockInfo)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeNewFile(path, body);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw asUserError(e, shownLock, 'create the lock file', `; nothing in ${t.shown} was changed`);
    }
    let raw = '';
    let info: Partial<LockInfo> = {};
    try {
      raw = readNoFollow(path).toString('utf8');
      info = JSON.parse(raw) as LockInfo;
    } catch {
      // unreadable or half-written lock: treated as held, below
    }
    const sameHost = info.host === hostname();
    const live = typeof info.pid === 'number' && (!sameHost || pidAlive(info.pid));
    if (live || attempt > 0 || typeof info.pid !== 'number') {
      const who = typeof info.pid === 'number' ? `another opsta generate (pid ${info.pid}${sameHost ? '' : ` on ${info.host}`})` : 'another opsta generate';
      throw new UserError(`${who} is writing ${t.shown}; wait for it to finish and run again (if none is running, delete ${shownLock})`);
    }
    // Stale: remove it only if it is still the same lock we read (another run may have replaced it meanwhile).
    try {
      if (readNoFollow(path).toString('utf8') === raw) unlinkSync(path);
    } catch {
      // gone already
    }
    note(`removed a stale lock left by opsta generate (pid ${info.pid}), which is no longer running`);
  }
}

/** The pid holding the target's lock, when it is alive on this host (diff reads nothing mid-write). */
function liveLockHolder(t: Target): number | undefined {
  try {
    const info = JSON.parse(readNoFollow(join(t.root, LOCK_NAME)).toString('utf8')) as LockInfo;
    return info.host !== hostname() || pidAlive(info.pid) ? info.pid : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- journal

interface WriteOp {
  op: 'write';
  path: string;
  /** Staged new file, relative to the staging directory. */
  staged: string;
  /** Hard link (or copy) of the file being replaced, for a rollback. */
  backup?: string;
}
interface DeleteOp {
  op: 'delete';
  path: string;
  /** The content it must still have to be deleted. */
  sha256: string;
  backup: string;
}
type Op = WriteOp | DeleteOp;
interface Journal {
  version: 1;
  ops: Op[];
}

/** Create each missing directory of `rel` under root, refusing a symlink or file on the way; returns the directories created. */
function ensureDir(t: Target, realRoot: string, relDir: string, created: string[]): void {
  if (relDir === '' || relDir === '.') return;
  let cur = t.root;
  let rel = '';
  for (const part of relDir.split('/')) {
    cur = join(cur, part);
    rel = rel ? `${rel}/${part}` : part;
    let st;
    try {
      st = lstatSync(cur);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw asUserError(e, join(t.shown, rel), 'inspect', '');
      fsDo(join(t.shown, rel), 'create the directory', () => mkdirSync(cur));
      created.push(cur);
      continue;
    }
    if (st.isSymbolicLink()) throw new UserError(`${join(t.shown, rel)} is a symlink; Opsta never writes through one: move it away and run again`);
    if (!st.isDirectory()) throw new UserError(`${join(t.shown, rel)} is not a directory, so nothing can be written under it; move it away and run again`);
  }
  const real = realpathSync(cur);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new UserError(`${join(t.shown, relDir)} resolves outside ${t.shown}; refusing to write there`);
}

/** Refuse if `rel`'s last component became a symlink or directory since the scan. */
function checkLeaf(t: Target, rel: string): boolean {
  try {
    const st = lstatSync(join(t.root, rel));
    if (st.isSymbolicLink() || !st.isFile()) throw new UserError(`${join(t.shown, rel)} is ${st.isSymbolicLink() ? 'a symlink' : 'not a regular file'}; Opsta never replaces one: move it away and run again`);
    return true;
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (errno(e) === 'ENOENT') return false;
    throw asUserError(e, join(t.shown, rel), 'inspect', '');
  }
}

function fsyncDirs(dirs: Iterable<string>): void {
  for (const d of new Set(dirs)) {
    try {
      fsyncPath(d);
    } catch {
      // a directory removed meanwhile (an emptied parent) needs no sync
    }
  }
}

/** Remove directories left empty by deletions, deepest first, never the root. */
function removeEmptyParents(root: string, rels: string[]): void {
  const dirs = new Set<string>();
  for (const r of rels) {
    let d = dirname(r);
    while (d !== '.' && d !== '') {
      dirs.add(d);
      d = dirname(d);
    }
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(root, d));
    } catch {
      // not empty (or already gone): keep it
    }
  }
}

/** Apply the journal's ops from the start; ops already done (a rerun) are recognised and skipped. Returns how many were already done. */
function applyJournal(t: Target, realRoot: string, staging: string, journal: Journal, applied?: Op[], createdDirs: string[] = []): number {
  let alreadyDone = 0;
  const touched: string[] = [];
  for (const op of journal.ops) {
    const target = join(t.root, op.path);
    if (op.op === 'write') {
      const staged = join(staging, op.staged);
      if (!existsNoFollow(staged)) {
        alreadyDone++;
        continue;
      }
      ensureDir(t, realRoot, dirname(op.path), createdDirs);
      checkLeaf(t, op.path);
      fsDo(join(t.shown, op.path), 'write', () => renameSync(staged, target));
    } else {
      if (!checkLeaf(t, op.path) || hashBytes(readNoFollow(target)) !== op.sha256) {
        alreadyDone++;
        continue;
      }
      fsDo(join(t.shown, op.path), 'delete', () => unlinkSync(target));
    }
    applied?.push(op);
    touched.push(dirname(target));
    pause();
  }
  fsyncDirs(touched);
  removeEmptyParents(t.root, journal.ops.filter((o) => o.op === 'delete').map((o) => o.path));
  return alreadyDone;
}

function existsNoFollow(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Undo applied ops (newest first) from the backups: used when an error stops the apply midway. */
function rollback(t: Target, staging: string, applied: Op[], createdDirs: string[]): void {
  for (const op of [...applied].reverse()) {
    const target = join(t.root, op.path);
    if (op.backup) renameSync(join(staging, op.backup), target);
    else unlinkSync(target);
  }
  for (const d of [...createdDirs].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty: keep
    }
  }
}

function removeStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Finish (or discard) what an interrupted run left in `.opsta-staging`. */
function recover(t: Target, realRoot: string, note: (s: string) => void): boolean {
  const staging = join(t.root, STAGING_NAME);
  let st;
  try {
    st = lstatSync(staging);
  } catch {
    return false;
  }
  if (st.isSymbolicLink() || !st.isDirectory()) throw new UserError(`${join(t.shown, STAGING_NAME)} is not Opsta's staging directory (a symlink or file); move it away and run again`);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readNoFollow(join(staging, JOURNAL)).toString('utf8')) as Journal;
  } catch {
    journal = undefined;
  }
  if (!journal) {
    removeStaging(staging);
    note(`an earlier generate was interrupted before it changed anything in ${t.shown}; removed its temporary files`);
    return false;
  }
  const total = journal.ops.length;
  const done = countDone(t, staging, journal);
  note(`the previous generate was interrupted after ${done} of ${total} files; finishing it`);
  applyJournal(t, realRoot, staging, journal);
  fsDo(join(t.shown, STAGING_NAME), 'remove', () => removeStaging(staging));
  fsyncPath(t.root);
  return true;
}

function countDone(t: Target, staging: string, journal: Journal): number {
  let done = 0;
  for (const op of journal.ops) {
    if (op.op === 'write') done += existsNoFollow(join(staging, op.staged)) ? 0 : 1;
    else done += existsNoFollow(join(t.root, op.path)) ? 0 : 1;
  }
  return done;
}

/** The state an interrupted write left, for `diff` (which never writes): undefined when there is none. */
function interruptedState(t: Target): { done: number; total: number } | undefined {
  const staging = join(t.root, STAGING_NAME);
  try {
    const journal = JSON.parse(readNoFollow(join(staging, JOURNAL)).toString('utf8')) as Journal;
    return { done: countDone(t, staging, journal), total: journal.ops.length };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the two write paths

function changeSetFor(t: Target, desired: Record<string, string>, opts: WriteTreeOptions, exists: boolean): ChangeSet {
  const { tree, previousManifest } = exists ? scanForChangeSet(t.root, desired, t.shown) : { tree: {}, previousManifest: undefined };
  return computeChangeSet({ desired, current: tree, previousManifest, forceFiles: opts.forceFiles, keepAsWritten: opts.keepAsWritten, diffUpdates: opts.diffUpdates });
}

function refuseIfNeeded(t: Target, cs: ChangeSet, opts: WriteTreeOptions, finishedInterrupted = false): void {
  const refused = cs.changes.filter((c) => c.action === 'refused');
  if (refused.length > 0) {
    throw new UserError(`refusing to write ${t.shown}; nothing was changed:\n${refused.map((c) => `  ${c.path}: ${c.reason}`).join('\n')}`);
  }
  // A rerun that just finished an interrupted write is done when nothing else changes, --force or not.
  if (cs.target !== 'empty' && !opts.force && !(finishedInterrupted && isNoop(cs))) {
    throw new UserError(
      cs.target === 'opsta'
        ? `${t.shown} is not empty (it holds an earlier Opsta generation); pass --force to regenerate into it (only files Opsta wrote and nobody edited change; see the change set first with "opsta diff <plan> --in ${t.shown}")`
        : `${t.shown} is not empty and is not an Opsta generation; choose an empty directory, or pass --force to generate into it (files already there are never overwritten: same-named ones are reported as conflicts and kept)`,
    );
  }
}

const isNoop = (cs: ChangeSet) => cs.manifestUnchanged && Object.keys(cs.writes).length === 0 && cs.deletes.length === 0;

/** The change set `generate` would apply to `out`, without writing anything (opsta diff). */
export function diffTree(out: string, desired: Record<string, string>, opts: Omit<WriteTreeOptions, 'force' | 'note'> = {}): { changeSet: ChangeSet; root: string; exists: boolean } {
  const t = resolveTarget(out);
  if (t.exists) {
    const holder = liveLockHolder(t);
    if (holder !== undefined) throw new UserError(`another opsta generate (pid ${holder}) is writing ${out}; run diff again when it has finished`);
    const interrupted = interruptedState(t);
    if (interrupted) throw new UserError(`${out} holds a generate that was interrupted after ${interrupted.done} of ${interrupted.total} files; run opsta generate again to finish it, then diff`);
  }
  return { changeSet: changeSetFor(t, desired, opts, t.exists), root: t.root, exists: t.exists };
}

/** Write `desired` (the core's output) into `out` by the change-set rules; all or nothing. */
export function writeTree(out: string, desired: Record<string, string>, opts: WriteTreeOptions = {}): WriteTreeResult {
  const note = opts.note ?? (() => {});
  const t = resolveTarget(out);
  if (!t.exists) {
    const created = createByRename(t, desired, opts, note);
    if (created) return created;
    // Someone else created the target meanwhile: fall through to the existing-target path, which locks.
    t.exists = true;
    t.root = realpathSync(t.root);
  }
  return updateInPlace(t, desired, opts, note);
}

/** Absent target: stage everything beside it, then one rename. Undefined when the target appeared meanwhile (nothing written). */
function createByRename(t: Target, desired: Record<string, string>, opts: WriteTreeOptions, note: (s: string) => void): WriteTreeResult | undefined {
  const parent = dirname(t.root);
  fsDo(parent, 'create the directory', () => mkdirSync(parent, { recursive: true }));
  const base = basename(t.root).slice(0, 40);
  cleanStaleSiblings(parent, base, note);
  const cs = changeSetFor(t, desired, opts, false);
  const staging = join(parent, `${NEW_PREFIX}${base}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  const nothing = `; nothing was written to ${t.shown}`;
  try {
    fsDo(t.shown, 'create', () => mkdirSync(staging), nothing);
    const dirs = new Set<string>([staging]);
    const files = { ...cs.writes, [MANIFEST_PATH]: cs.manifest };
    for (const [rel, text] of Object.entries(files)) {
      const abs = join(staging, rel);
      mkdirSync(dirname(abs), { recursive: true });
      for (let d = dirname(abs); d.length > staging.length; d = dirname(d)) dirs.add(d);
      writeNewFile(abs, text);
      pause();
    }
    fsyncDirs([...dirs].sort((a, b) => b.length - a.length));
  } catch (e) {
    removeStaging(staging);
    throw asUserError(e, t.shown, 'write', nothing);
  }
  try {
    renameSync(staging, t.root);
  } catch (e) {
    removeStaging(staging);
    if (errno(e) === 'ENOTEMPTY' || errno(e) === 'EEXIST') return undefined;
    throw asUserError(e, t.shown, 'create', nothing);
  }
  fsyncPath(parent);
  return { changeSet: cs, root: t.root, created: true, upToDate: false };
}

/** Temporary siblings of an earlier run on this target whose process is gone (killed before its one rename). */
function cleanStaleSiblings(parent: string, base: string, note: (s: string) => void): void {
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const prefix = `${NEW_PREFIX}${base}-`;
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const pid = Number(n.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || pidAlive(pid)) continue;
    const p = join(parent, n);
    if (!existsNoFollow(p) || !lstatSync(p).isDirectory()) continue;
    removeStaging(p);
    note(`an earlier generate (pid ${pid}) was interrupted before it wrote anything; removed its temporary directory ${n}`);
  }
}

function updateInPlace(t: Target, desired: Record<string, string>, opts: WriteTreeOptions, note: (s: string) => void): WriteTreeResult {
  const realRoot = t.root;
  const release = acquireLock(t, note);
  try {
    const finished = recover(t, realRoot, note);
    const cs = changeSetFor(t, desired, opts, true);
    refuseIfNeeded(t, cs, opts, finished);
    if (isNoop(cs)) return { changeSet: cs, root: t.root, created: false, upToDate: true };

    const staging = join(t.root, STAGING_NAME);
    const nothing = `; nothing in ${t.shown} was changed`;
    const journal: Journal = { version: 1, ops: [] };
    // Stage: new files and backups of the files they replace; then the journal, the commit point.
    try {
      fsDo(join(t.shown, STAGING_NAME), 'create', () => mkdirSync(staging));
      let i = 0;
      for (const [path, text] of Object.entries(cs.writes)) {
        const op: WriteOp = { op: 'write', path, staged: `n${i}` };
        writeNewFile(join(staging, op.staged), text);
        if (checkLeaf(t, path)) {
          op.backup = `b${i}`;
          backup(join(t.root, path), join(staging, op.backup));
        }
        journal.ops.push(op);
        i++;
        pause();
      }
      for (const d of cs.deletes) {
        const op: DeleteOp = { op: 'delete', path: d.path, sha256: d.sha256, backup: `b${i++}` };
        if (checkLeaf(t, d.path)) backup(join(t.root, d.path), join(staging, op.backup));
        journal.ops.push(op);
      }
      journal.ops.push({ op: 'write', path: MANIFEST_PATH, staged: 'manifest', ...(checkLeaf(t, MANIFEST_PATH) ? { backup: 'b-manifest' } : {}) });
      writeNewFile(join(staging, 'manifest'), cs.manifest);
      if (journal.ops.at(-1)!.backup) backup(join(t.root, MANIFEST_PATH), join(staging, 'b-manifest'));
      fsyncPath(staging);
      writeNewFile(join(staging, `${JOURNAL}.tmp`), `${JSON.stringify(journal)}\n`);
      renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL));
      fsyncPath(staging);
    } catch (e) {
      removeStaging(staging);
      throw asUserError(e, t.shown, 'write', nothing);
    }
    // Apply: renames in journal order, manifest last. An error rolls back; a kill is finished by the next run.
    const applied: Op[] = [];
    const createdDirs: string[] = [];
    try {
      applyJournal(t, realRoot, staging, journal, applied, createdDirs);
    } catch (e) {
      try {
        rollback(t, staging, applied, createdDirs);
        removeStaging(staging);
      } catch {
        throw asUserError(e, t.shown, 'write', `; the write stopped after ${applied.length} of ${journal.ops.length} files and could not be undone: fix the cause and run opsta generate again to finish it`);
      }
      throw asUserError(e, t.shown, 'write', nothing);
    }
    fsDo(join(t.shown, STAGING_NAME), 'remove', () => removeStaging(staging));
    fsyncPath(t.root);
    return { changeSet: cs, root: t.root, created: false, upToDate: false };
  } finally {
    release();
  }
}

/** Keep the old version for a rollback: a hard link costs no space; a copy where links are not allowed. */
function backup(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}
