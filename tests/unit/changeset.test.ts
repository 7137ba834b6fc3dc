// The change set, pure: each rule of docs/decisions.md "Regenerating into an existing tree",
// on small abstract trees, plus the unified diff it shows for conflicts.
import { describe, expect, it } from 'vitest';
import { computeChangeSet, parseManifest, sha256Hex, unifiedDiff, type CurrentTree } from '../../generator/src/changeset.ts';

/** A desired tree as the core produces it: the files plus `.opsta/manifest.json` listing their hashes. */
function desiredTree(files: Record<string, string>): Record<string, string> {
  const manifest = { generator: { name: 'opsta', version: '0.1.0' }, planSha256: sha256Hex(files['opsta.plan.yaml'] ?? ''), files: Object.fromEntries(Object.keys(files).sort().map((p) => [p, sha256Hex(files[p]!)])) };
  return { ...files, '.opsta/manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The tree on disk after a generation of `files`, with the manifest as written. */
function onDisk(files: Record<string, string>, extra: CurrentTree = {}): CurrentTree {
  const d = desiredTree(files);
  const t: CurrentTree = {};
  for (const [p, text] of Object.entries(d)) t[p] = { kind: 'file', sha256: sha256Hex(text), text };
  for (const p of Object.keys(d)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) t[parts.slice(0, i).join('/')] = { kind: 'dir' };
  }
  return { ...t, ...extra };
}
const file = (text: string) => ({ kind: 'file' as const, sha256: sha256Hex(text), text });
const action = (cs: ReturnType<typeof computeChangeSet>, path: string) => cs.changes.find((c) => c.path === path)?.action;

const OLD = { 'opsta.plan.yaml': 'plan: 1\n', 'a.tf': 'a = 1\n', 'dir/b.tf': 'b = 1\n', 'stale.yaml': 'x: 1\n' };
const NEW = { 'opsta.plan.yaml': 'plan: 2\n', 'a.tf': 'a = 2\n', 'dir/b.tf': 'b = 1\n', 'dir/c.tf': 'c = 1\n' };

describe('computeChangeSet', () => {
  it('into nothing: every file is an add, the manifest is the core manifest byte for byte, the target is empty', () => {
    const desired = desiredTree(NEW);
    const cs = computeChangeSet({ desired, current: {} });
    expect(cs.changes.map((c) => [c.path, c.action])).toEqual([['a.tf', 'add'], ['dir/b.tf', 'add'], ['dir/c.tf', 'add'], ['opsta.plan.yaml', 'add']]);
    expect(cs.manifest).toBe(desired['.opsta/manifest.json']);
    expect(cs.target).toBe('empty');
    expect(cs.manifestUnchanged).toBe(false);
  });

  it('a tree holding only .git (and the writer\'s own lock/staging) counts as empty', () => {
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: { '.git': { kind: 'dir' }, '.git/HEAD': file('ref'), '.opsta.lock': file('{}') } });
    expect(cs.target).toBe('empty');
    expect(cs.changes.some((c) => c.path.startsWith('.git'))).toBe(false);
  });

  it('regeneration: updates owned unedited files, deletes stale owned unedited ones, keeps unchanged, adds new', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: onDisk(OLD), previousManifest: prev });
    expect(cs.target).toBe('opsta');
    expect(action(cs, 'a.tf')).toBe('update');
    expect(action(cs, 'dir/b.tf')).toBe('unchanged');
    expect(action(cs, 'dir/c.tf')).toBe('add');
    expect(action(cs, 'stale.yaml')).toBe('delete');
    expect(cs.deletes).toEqual([{ path: 'stale.yaml', sha256: sha256Hex('x: 1\n') }]);
    expect(Object.keys(cs.writes).sort()).toEqual(['a.tf', 'dir/c.tf', 'opsta.plan.yaml']);
    expect(cs.manifest).toBe(desiredTree(NEW)['.opsta/manifest.json']);
  });

  it('a hand edit of an owned file is a conflict with a diff, kept, and stays a conflict next time (manifest keeps the hash Opsta wrote)', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const current = onDisk(OLD, { 'a.tf': file('a = 1\n# mine\n') });
    const cs = computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev });
    const c = cs.changes.find((x) => x.path === 'a.tf')!;
    expect(c.action).toBe('conflict');
    expect(c.reason).toContain('hand-edited');
    expect(c.diff).toContain('-# mine');
    expect(c.diff).toContain('+a = 2');
    expect(cs.writes['a.tf']).toBeUndefined();
    expect(parseManifest(cs.manifest).files['a.tf']).toBe(sha256Hex('a = 1\n'));
    // Next run against what this one leaves: still a conflict.
    const again = computeChangeSet({ desired: desiredTree(NEW), current: { ...current, '.opsta/manifest.json': file(cs.manifest) }, previousManifest: cs.manifest });
    expect(action(again, 'a.tf')).toBe('conflict');
  });

  it('--force-file names a conflict to overwrite; an unrelated name is reported unused', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const current = onDisk(OLD, { 'a.tf': file('a = 1\n# mine\n') });
    const cs = computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev, forceFiles: ['./a.tf', 'nope.tf'] });
    expect(cs.changes.find((x) => x.path === 'a.tf')).toMatchObject({ action: 'update', forced: true });
    expect(cs.writes['a.tf']).toBe('a = 2\n');
    expect(cs.unusedForceFiles).toEqual(['nope.tf']);
  });

  it('a hand-edited file the plan no longer produces is a conflict, kept; forced it is deleted', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const current = onDisk(OLD, { 'stale.yaml': file('x: 2\n') });
    const cs = computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev });
    expect(action(cs, 'stale.yaml')).toBe('conflict');
    expect(cs.deletes).toEqual([]);
    const forced = computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev, forceFiles: ['stale.yaml'] });
    expect(forced.deletes.map((d) => d.path)).toEqual(['stale.yaml']);
  });

  it("files the manifest does not own are never touched; at a generated path they are a conflict \"not Opsta's file\"", () => {
    const current: CurrentTree = { 'README.md': file('# mine\n'), 'notes.txt': file('n'), src: { kind: 'dir' }, 'src/app.py': file('print()') };
    const desired = desiredTree({ ...NEW, 'README.md': '# generated\n' });
    const cs = computeChangeSet({ desired, current });
    expect(cs.target).toBe('foreign');
    expect(cs.changes.find((c) => c.path === 'README.md')).toMatchObject({ action: 'conflict', reason: expect.stringContaining("not Opsta's file") });
    expect(action(cs, 'notes.txt')).toBe('foreign');
    expect(action(cs, 'src/app.py')).toBe('foreign');
    expect(Object.keys(cs.writes)).not.toContain('README.md');
    expect(parseManifest(cs.manifest).files['README.md']).toBeUndefined();
    expect(cs.deletes).toEqual([]);
  });

  it('a symlink, directory or special file at a generated path, or in the way of one, is refused', () => {
    const desired = desiredTree(NEW);
    const cs = computeChangeSet({ desired, current: { 'a.tf': { kind: 'symlink' }, dir: { kind: 'symlink' }, 'opsta.plan.yaml': { kind: 'other' } } });
    expect(action(cs, 'a.tf')).toBe('refused');
    expect(cs.changes.find((c) => c.path === 'dir/b.tf')).toMatchObject({ action: 'refused', reason: expect.stringContaining('dir is a symlink') });
    expect(action(cs, 'opsta.plan.yaml')).toBe('refused');
    const manifestBlocked = computeChangeSet({ desired, current: { '.opsta': { kind: 'symlink' } } });
    expect(action(manifestBlocked, '.opsta/manifest.json')).toBe('refused');
    const fileInWay = computeChangeSet({ desired, current: { dir: file('i am a file') } });
    expect(action(fileInWay, 'dir/c.tf')).toBe('refused');
  });

  it('an owned path that became a symlink is left alone, not deleted', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: onDisk(OLD, { 'stale.yaml': { kind: 'symlink' } }), previousManifest: prev });
    expect(action(cs, 'stale.yaml')).toBe('foreign');
    expect(cs.deletes).toEqual([]);
  });

  it('opsta.plan.yaml that says the same plan is kept as written, unowned, so a different plan later is a conflict and not a silent rewrite', () => {
    const prev = desiredTree(OLD)['.opsta/manifest.json'];
    const mine = 'plan: 2  # agreed with finance\n';
    const keep = (p: string, t: string) => p === 'opsta.plan.yaml' && t.startsWith('plan: 2');
    const current = onDisk(OLD, { 'opsta.plan.yaml': file(mine) });
    const cs = computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev, keepAsWritten: keep });
    expect(cs.changes.find((c) => c.path === 'opsta.plan.yaml')).toMatchObject({ action: 'unchanged', reason: expect.stringContaining('kept as you wrote it') });
    expect(cs.writes['opsta.plan.yaml']).toBeUndefined();
    expect(JSON.parse(cs.manifest).planSha256).toBe(sha256Hex(mine));
    expect(parseManifest(cs.manifest).files['opsta.plan.yaml']).toBeUndefined();
    const later = computeChangeSet({ desired: desiredTree({ ...NEW, 'opsta.plan.yaml': 'plan: 3\n' }), current, previousManifest: cs.manifest, keepAsWritten: () => false });
    expect(later.changes.find((c) => c.path === 'opsta.plan.yaml')).toMatchObject({ action: 'conflict', reason: expect.stringContaining("not Opsta's") });
    // Without the keeper (a different plan), the same file is a hand edit of an owned file.
    expect(action(computeChangeSet({ desired: desiredTree(NEW), current, previousManifest: prev }), 'opsta.plan.yaml')).toBe('conflict');
  });

  it('a directory holding only the kept input plan counts as empty', () => {
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: { 'opsta.plan.yaml': file('plan: 2 # mine\n') }, keepAsWritten: () => true });
    expect(cs.target).toBe('empty');
  });

  it('an unparseable manifest owns nothing: every existing file is treated as not Opsta\'s, and it says so', () => {
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: onDisk(OLD), previousManifest: '{ not json' });
    expect(cs.manifestProblem).toMatch(/not valid JSON/);
    expect(action(cs, 'a.tf')).toBe('conflict');
    expect(action(cs, 'stale.yaml')).toBe('foreign');
    expect(cs.deletes).toEqual([]);
  });

  it('a manifest naming paths outside the tree (../, absolute) owns none of them', () => {
    const evil = JSON.stringify({ files: { '../victim.txt': sha256Hex('v'), '/etc/passwd': sha256Hex('p'), 'ok.txt': sha256Hex('o') } });
    expect(Object.keys(parseManifest(evil).files)).toEqual(['ok.txt']);
    const cs = computeChangeSet({ desired: desiredTree(NEW), current: { '../victim.txt': file('v'), 'ok.txt': file('o') }, previousManifest: evil });
    expect(cs.deletes.map((d) => d.path)).toEqual(['ok.txt']);
  });

  it('a restored owned file that the user deleted is an add; an up-to-date tree has nothing to do', () => {
    const desired = desiredTree(NEW);
    const current = onDisk(NEW);
    const up = computeChangeSet({ desired, current, previousManifest: desired['.opsta/manifest.json'] });
    expect(up.manifestUnchanged).toBe(true);
    expect(Object.keys(up.writes)).toEqual([]);
    delete current['a.tf'];
    const cs = computeChangeSet({ desired, current, previousManifest: desired['.opsta/manifest.json'] });
    expect(cs.changes.find((c) => c.path === 'a.tf')).toMatchObject({ action: 'add', reason: expect.stringContaining('restored') });
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with 3 lines of context and correct ranges', () => {
    const lines = Array.from({ length: 20 }, (_, i) => String(i + 1));
    const a = `${lines.join('\n')}\n`;
    const b = `${[...lines.slice(0, 4), 'five', ...lines.slice(5), '21'].join('\n')}\n`;
    expect(unifiedDiff(a, b, 'f')).toBe(['--- f (on disk)', '+++ f (generated)', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', '@@ -18,3 +18,4 @@', ' 18', ' 19', ' 20', '+21', ''].join('\n'));
    // Changes closer than twice the context share one hunk, as diff -u does.
    const near = `${[...lines.slice(0, 4), 'five', ...lines.slice(5, 9), 'ten', ...lines.slice(10)].join('\n')}\n`;
    expect(unifiedDiff(a, near, 'f').match(/^@@/gm)).toHaveLength(1);
  });

  it('handles empty sides', () => {
    expect(unifiedDiff('', 'x\n', 'f')).toContain('@@ -0,0 +1,1 @@\n+x');
    expect(unifiedDiff('x\n', '', 'f')).toContain('@@ -1,1 +0,0 @@\n-x');
  });
});
