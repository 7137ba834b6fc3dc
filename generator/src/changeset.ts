// The change set of a regeneration: what to add, update and delete so that a target tree
// becomes the generated one without losing anything a person wrote there. Pure: no
// filesystem, no network. `generate` applies it to a directory (write-tree.ts); publishing
// to a git branch applies the same change set through git or an API.
//
// Rules (docs/decisions.md, "Regenerating into an existing tree"):
// - Only files the previous manifest owns are updated or deleted, and only while their
//   content is still what Opsta wrote (the manifest's hash). A hand edit is a conflict: shown
//   with a diff and kept unless the user names the path (`forceFiles`).
// - A file the manifest does not own is never touched; if the new tree wants its path, that is
//   a conflict too ("not Opsta's file"), also only overwritten when named.
// - An owned, unedited file the new plan no longer produces is deleted.
// - `keepAsWritten` keeps a file the caller vouches for as it is (opsta.plan.yaml when it says the
//   same plan as the input: comments and layout stay).
// - A symlink, directory or special file where a file (or a directory) must go is a refusal: the
//   writer never follows or replaces it.
// - The manifest written describes the tree left behind: applied files with their new hash,
//   kept hand-edited owned files with the hash Opsta last wrote (so they stay conflicts).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const MANIFEST_PATH = '.opsta/manifest.json';
export const PLAN_PATH = 'opsta.plan.yaml';

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** One entry of the tree that is there now. `sha256` (and `text` for a diff) are needed only for paths the change set looks at. */
export type CurrentEntry = { kind: 'file'; sha256?: string; text?: string } | { kind: 'dir' | 'symlink' | 'other' };
export type CurrentTree = Record<string, CurrentEntry>;

export type Action = 'add' | 'update' | 'delete' | 'unchanged' | 'conflict' | 'foreign' | 'refused';

export interface Change {
  path: string;
  action: Action;
  /** Why, in words a user reads ("hand-edited since Opsta wrote it", "not Opsta's file", ...). */
  reason?: string;
  /** Unified diff from the file on disk to the generated one (conflicts only). */
  diff?: string;
  /** Applied only because the user named it with --force-file. */
  forced?: boolean;
}

export interface ChangeSetInput {
  /** The generated tree (generateRepository), including its `.opsta/manifest.json`. */
  desired: Record<string, string>;
  current: CurrentTree;
  /** Text of the target's `.opsta/manifest.json`; undefined when absent. */
  previousManifest?: string;
  /** Paths the user named to overwrite (or delete) despite a conflict. */
  forceFiles?: readonly string[];
  /** True when the file on disk should stay as written (the caller validated it as the same plan). */
  keepAsWritten?: (path: string, text: string) => boolean;
  /** Also attach a diff to updates (opsta diff shows what regenerating would change). */
  diffUpdates?: boolean;
}

export interface ChangeSet {
  /** Every path looked at, sorted; the manifest is not listed (it is bookkeeping, written last). */
  changes: Change[];
  /** Files to write (adds, updates, forced conflicts), without the manifest. */
  writes: Record<string, string>;
  /** Owned files to delete, with the hash they must still have. */
  deletes: { path: string; sha256: string }[];
  /** The manifest to write last, describing the tree the change set leaves. */
  manifest: string;
  /** True when the manifest on disk already says exactly `manifest`. */
  manifestUnchanged: boolean;
  /** How the target looked: nothing there (or only .git / the kept plan), an earlier Opsta generation, or someone else's files. */
  target: 'empty' | 'opsta' | 'foreign';
  /** Why the previous manifest was not used, when it was present but unreadable. */
  manifestProblem?: string;
  /** --force-file paths that named no conflict (probably a typo). */
  unusedForceFiles: string[];
  /** Sha256 of every file the manifest will own after the change set is applied (including kept conflicts). */
  owned: Record<string, string>;
}

// The core's own path rule (generate.ts `put`): relative, no `.`/`..` segments, plain characters.
const SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** Paths the writer keeps for itself or never looks into; they are neither Opsta's nor foreign. */
export function isIgnoredPath(path: string): boolean {
  return path === '.git' || path.startsWith('.git/') || path === '.opsta.lock' || path === '.opsta-staging' || path.startsWith('.opsta-staging/');
}

interface ParsedManifest {
  files: Record<string, string>;
  problem?: string;
}

/** The owned files of a manifest. Unsafe paths (a cloned repository's manifest could name ../../x) are dropped. */
export function parseManifest(text: string | undefined): ParsedManifest {
  if (text === undefined) return { files: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { files: {}, problem: `${MANIFEST_PATH} is not valid JSON (${(e as Error).message})` };
  }
  const files = (json as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return { files: {}, problem: `${MANIFEST_PATH} has no "files" map` };
  const out: Record<string, string> = {};
  for (const [p, h] of Object.entries(files)) {
    if (typeof h === 'string' && HEX64.test(h) && SAFE_PATH.test(p) && p !== MANIFEST_PATH && !isIgnoredPath(p)) out[p] = h;
  }
  return { files: out };
}

function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

const kindWord = { dir: 'a directory', symlink: 'a symlink', other: 'a special file (not a regular file)', file: 'a file' } as const;

/** Compute the change set. Throws only on a programming error (a desired path outside the core's rule). */
export function computeChangeSet(input: ChangeSetInput): ChangeSet {
  const { current } = input;
  const prev = parseManifest(input.previousManifest);
  const owned = prev.files;
  const force = new Set((input.forceFiles ?? []).map(normalizeForcePath));
  const usedForce = new Set<string>();
  const changes: Change[] = [];
  const writes: Record<string, string> = {};
  const deletes: { path: string; sha256: string }[] = [];
  const next: Record<string, string> = {};
  const desiredManifest = input.desired[MANIFEST_PATH];
  const desired = Object.entries(input.desired).filter(([p]) => p !== MANIFEST_PATH);
  const keptAsWritten = new Map<string, string>();

  const forced = (path: string) => {
    if (!force.has(path)) return false;
    usedForce.add(path);
    return true;
  };

  for (const [path, text] of desired) {
    if (!SAFE_PATH.test(path) || isIgnoredPath(path)) throw new Error(`refusing unsafe output path ${path}`);
    const want = sha256Hex(text);
    const blocker = ancestors(path).find((a) => current[a] && current[a]!.kind !== 'dir');
    if (blocker) {
      changes.push({ path, action: 'refused', reason: `${blocker} is ${kindWord[current[blocker]!.kind]}, so ${path} cannot be written under it; move it away` });
      continue;
    }
    const cur = current[path];
    if (!cur) {
      changes.push({ path, action: 'add', ...(owned[path] ? { reason: 'was deleted by hand; restored' } : {}) });
      writes[path] = text;
      next[path] = want;
      continue;
    }
    if (cur.kind !== 'file') {
      changes.push({ path, action: 'refused', reason: `${path} is ${kindWord[cur.kind]}; Opsta never follows or replaces one: move it away` });
      continue;
    }
    const have = requireSha(cur, path);
    if (have === want) {
      changes.push({ path, action: 'unchanged' });
      next[path] = want;
      continue;
    }
    if (cur.text !== undefined && input.keepAsWritten?.(path, cur.text)) {
      // The user's own text stays; it is not recorded as Opsta's, so a later plan that differs is a conflict, not a silent rewrite.
      changes.push({ path, action: 'unchanged', reason: 'kept as you wrote it: it says the same plan' });
      keptAsWritten.set(path, have);
      continue;
    }
    const isOwned = owned[path] !== undefined;
    if (isOwned && owned[path] === have) {
      changes.push({ path, action: 'update', ...(input.diffUpdates && cur.text !== undefined ? { diff: unifiedDiff(cur.text, text, path) } : {}) });
      writes[path] = text;
      next[path] = want;
      continue;
    }
    const reason = isOwned ? 'hand-edited since Opsta wrote it' : "not Opsta's file (the manifest does not list it)";
    if (forced(path)) {
      changes.push({ path, action: 'update', reason: `${reason}; overwritten because you named it with --force-file`, forced: true });
      writes[path] = text;
      next[path] = want;
      continue;
    }
    changes.push({ path, action: 'conflict', reason: `${reason}; kept (pass --force-file ${path} to overwrite it)`, diff: cur.text !== undefined ? unifiedDiff(cur.text, text, path) : undefined });
    // A kept hand edit stays Opsta's at the hash Opsta wrote, so it is still a conflict next time.
    if (isOwned) next[path] = owned[path]!;
  }

  // The manifest is written last as the completion marker; it too must land on a real file in real directories.
  const manifestBlocker = [...ancestors(MANIFEST_PATH), MANIFEST_PATH].find((a) => current[a] && current[a]!.kind !== (a === MANIFEST_PATH ? 'file' : 'dir'));
  if (manifestBlocker) {
    changes.push({ path: MANIFEST_PATH, action: 'refused', reason: `${manifestBlocker} is ${kindWord[current[manifestBlocker]!.kind]}, so Opsta cannot record what it wrote; move it away` });
  }

  const desiredPaths = new Set(Object.keys(input.desired));
  for (const [path, sha] of Object.entries(owned)) {
    if (desiredPaths.has(path)) continue;
    const cur = current[path];
    if (!cur) continue; // already gone: nothing to do, and no longer Opsta's
    if (cur.kind !== 'file') {
      changes.push({ path, action: 'foreign', reason: `no longer generated, and now ${kindWord[cur.kind]}: left alone` });
      continue;
    }
    const have = requireSha(cur, path);
    if (have === sha) {
      changes.push({ path, action: 'delete', reason: 'no longer generated' });
      deletes.push({ path, sha256: sha });
    } else if (forced(path)) {
      changes.push({ path, action: 'delete', reason: 'no longer generated, hand-edited; deleted because you named it with --force-file', forced: true });
      deletes.push({ path, sha256: have });
    } else {
      changes.push({ path, action: 'conflict', reason: `no longer generated, but hand-edited since Opsta wrote it; kept (delete it yourself, or pass --force-file ${path})` });
      next[path] = sha;
    }
  }

  const looked = new Set(changes.map((c) => c.path));
  for (const [path, cur] of Object.entries(current)) {
    if (looked.has(path) || path === MANIFEST_PATH || isIgnoredPath(path) || cur.kind === 'dir') continue;
    changes.push({ path, action: 'foreign', reason: "not Opsta's file; never touched" });
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const manifest = manifestFor(desiredManifest, next, next[PLAN_PATH] ?? keptAsWritten.get(PLAN_PATH));
  const currentManifest = current[MANIFEST_PATH];
  const manifestUnchanged = currentManifest?.kind === 'file' && currentManifest.sha256 === sha256Hex(manifest);

  const present = Object.keys(current).filter((p) => !isIgnoredPath(p) && !keptAsWritten.has(p) && !ancestors(p).some((a) => keptAsWritten.has(a)));
  const target = input.previousManifest !== undefined && !prev.problem ? 'opsta' : present.length === 0 ? 'empty' : 'foreign';

  return {
    changes,
    writes,
    deletes,
    manifest,
    manifestUnchanged,
    target,
    ...(prev.problem ? { manifestProblem: `${prev.problem}; every existing file is treated as not Opsta's` } : {}),
    unusedForceFiles: [...force].filter((p) => !usedForce.has(p)).sort(),
    owned: next,
  };
}

function requireSha(cur: CurrentEntry & { kind: 'file' }, path: string): string {
  if (cur.sha256 === undefined) throw new Error(`current tree has no hash for ${path}`);
  return cur.sha256;
}

/** --force-file takes the path as listed in the change set; a leading ./ is tolerated. */
export function normalizeForcePath(p: string): string {
  return p.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * The core's manifest (generator, version, ...) with `files` and `planSha256` describing the tree
 * the change set leaves. When everything is applied this is byte-identical to the core's manifest.
 */
function manifestFor(desiredManifest: string | undefined, files: Record<string, string>, planSha: string | undefined): string {
  const base = desiredManifest ? (JSON.parse(desiredManifest) as Record<string, unknown>) : { generator: { name: 'opsta' } };
  const sorted = Object.fromEntries(Object.keys(files).sort().map((p) => [p, files[p]!]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) {
    if (k === 'files') out.files = sorted;
    else if (k === 'planSha256') {
      if (planSha) out.planSha256 = planSha;
    } else out[k] = v;
  }
  if (!('files' in out)) out.files = sorted;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** True when applying the change set would change nothing (apart from a manifest already right). */
export function isUpToDate(cs: ChangeSet): boolean {
  return cs.manifestUnchanged && Object.keys(cs.writes).length === 0 && cs.deletes.length === 0;
}

export function countByAction(cs: ChangeSet): Record<Action, number> {
  const n: Record<Action, number> = { add: 0, update: 0, delete: 0, unchanged: 0, conflict: 0, foreign: 0, refused: 0 };
  for (const c of cs.changes) n[c.action]++;
  return n;
}

// ---- unified diff (Myers, line-based) ----

const MAX_EDIT_DISTANCE = 4000;
const MAX_DIFF_LINES = 400;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** Shortest edit script between two line arrays (Myers 1986), or undefined past MAX_EDIT_DISTANCE. */
function editScript(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = d === 0 ? 0 : k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1]!, a: x - 1, b: y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[y - 1]!, a: x, b: y - 1 });
      else ops.push({ kind: '-', line: a[x - 1]!, a: x - 1, b: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** `diff -u`-style text from `before` (on disk) to `after` (generated), 3 lines of context, capped. */
export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const head = `--- ${path} (on disk)\n+++ ${path} (generated)\n`;
  const ops = editScript(a, b);
  if (!ops) return `${head}(the files differ in too many places to show; compare them yourself)\n`;
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change within reach.
    const start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      if (ops[end]!.kind !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run]!.kind === ' ') run++;
      if (run === ops.length || run - end > 2 * context) {
        end = Math.min(end + context, ops.length);
        break;
      }
      end = run;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((o) => o.kind !== '+')?.a ?? hunk[0]!.a;
    const bStart = hunk.find((o) => o.kind !== '-')?.b ?? hunk[0]!.b;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    i = end;
  }
  if (out.length > MAX_DIFF_LINES) return `${head}${out.slice(0, MAX_DIFF_LINES).join('\n')}\n… (${out.length - MAX_DIFF_LINES} more diff lines not shown)\n`;
  return `${head}${out.join('\n')}\n`;
}
