// Git trees as the change-set engine sees them. A branch is known by its flat tree (path → mode and
// blob SHA, one API call); the engine wants sha256 hashes and, for conflicts, texts. Blob SHAs are
// computed locally (`sha1("blob <len>\0" + content)`, what git and GitHub compute), so a file whose
// blob already matches the generated text needs no download: only files that differ are read.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MANIFEST_PATH, parseManifest, sha256Hex, type ChangeSet, type CurrentTree } from '../changeset.ts';

export interface TreeEntry {
  /** 100644, 100755 (files), 120000 (symlink), 160000 (submodule). */
  mode: string;
  sha: string;
}
/** path → entry, blobs and links only (no directories). */
export type FlatTree = Record<string, TreeEntry>;

export const REGULAR = '100644';

/** The git blob SHA-1 of a UTF-8 text. */
export function gitBlobSha(text: string): string {
  const body = utf8ToBytes(text);
  const head = utf8ToBytes(`blob ${body.length}\0`);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return bytesToHex(sha1(all));
}

const isFile = (e: TreeEntry) => e.mode === '100644' || e.mode === '100755';

/**
 * Paths whose text must be read before the change set can be computed: generated paths whose blob
 * differs from the generated text (hand edit, or an older generation), and owned paths the plan no
 * longer generates (deleted only while unedited). The manifest is read first, on its own, unless
 * its blob is already the generated one.
 */
export function pathsToRead(tree: FlatTree, desired: Record<string, string>, manifestText: string | undefined): string[] {
  const owned = parseManifest(manifestText).files;
  const out: string[] = [];
  for (const [path, e] of Object.entries(tree)) {
    if (!isFile(e) || path === MANIFEST_PATH) continue;
    const want = desired[path];
    if (want !== undefined ? gitBlobSha(want) !== e.sha : owned[path] !== undefined) out.push(path);
  }
  return out.sort();
}

/** The manifest's text when the tree's blob is the generated manifest (no read needed), else undefined. */
export function knownText(tree: FlatTree, desired: Record<string, string>, path: string): string | undefined {
  const e = tree[path];
  const want = desired[path];
  return e && want !== undefined && gitBlobSha(want) === e.sha ? want : undefined;
}

/** The branch as the change-set engine's current tree: hashes from the generated text when the blob matches, else from the text read. */
export function currentTree(tree: FlatTree, desired: Record<string, string>, texts: Record<string, string>): CurrentTree {
  const out: CurrentTree = {};
  const dirs = new Set<string>();
  for (const [path, e] of Object.entries(tree)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    if (e.mode === '120000') out[path] = { kind: 'symlink' };
    else if (!isFile(e)) out[path] = { kind: 'other' };
    else {
      const text = texts[path] ?? knownText(tree, desired, path);
      out[path] = text !== undefined ? { kind: 'file', sha256: sha256Hex(text), text } : { kind: 'file' };
    }
  }
  for (const d of dirs) out[d] ??= { kind: 'dir' };
  return out;
}

/** The flat tree the change set leaves on the branch (writes, deletes, manifest), for the PR's file list and for checking a commit landed. */
export function resultTree(tree: FlatTree, cs: ChangeSet): FlatTree {
  const out: FlatTree = { ...tree };
  for (const d of cs.deletes) delete out[d.path];
  for (const [p, text] of Object.entries(cs.writes)) out[p] = { mode: REGULAR, sha: gitBlobSha(text) };
  out[MANIFEST_PATH] = { mode: REGULAR, sha: gitBlobSha(cs.manifest) };
  return out;
}

export interface FileDelta {
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** What a pull request from `head` into `base` changes, sorted by path. */
export function treeDelta(base: FlatTree, head: FlatTree): FileDelta[] {
  const out: FileDelta[] = [];
  for (const [p, e] of Object.entries(head)) {
    const b = base[p];
    if (!b) out.push({ path: p, change: 'added' });
    else if (b.sha !== e.sha || b.mode !== e.mode) out.push({ path: p, change: 'modified' });
  }
  for (const p of Object.keys(base)) if (!head[p]) out.push({ path: p, change: 'removed' });
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** True when two flat trees hold the same files (same paths, modes and blobs). */
export function sameTree(a: FlatTree, b: FlatTree): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((p) => b[p]?.sha === a[p]!.sha && b[p]?.mode === a[p]!.mode);
}

/** UTF-8 text as base64, without Node's Buffer (the planner runs this in the browser). */
export function base64Utf8(text: string): string {
  const bytes = utf8ToBytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}
