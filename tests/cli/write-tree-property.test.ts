// Property: for random existing trees (an earlier generation of a random example or nothing, then
// hand edits, the user's own files, symlinks to outside, deleted and stale files) and a random
// plan, `generate --force` leaves exactly what its change set says, never changes a file it does
// not own (or that was hand-edited) unless named, and touches nothing outside the target. A
// refusal changes nothing at all.
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH, parseManifest } from '../../generator/src/changeset.ts';
import { UserError } from '../../generator/src/errors.ts';
import { writeTree } from '../../generator/src/write-tree.ts';
import { example, filesOf, generated, noHarborText, sha, snapshot, tmp } from './write-tree-helpers.ts';

// Plans: every example that validates right now (co-workers change the schema under the tests), plus a stale-file variant.
const PLANS: Record<string, string> = {};
for (const name of readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.plan.yaml')).map((f) => f.slice(0, -10))) {
  try {
    generated(example(name));
    PLANS[name] = example(name);
  } catch {
    // not valid at the moment: left out
  }
}
PLANS['aws-medium-no-harbor'] = noHarborText();
const trees = new Map<string, Record<string, string>>();
const treeOf = (name: string) => trees.get(name) ?? trees.set(name, generated(PLANS[name]!)).get(name)!;
const names = Object.keys(PLANS).sort();

const USER_PATHS = ['notes.txt', 'README.md', '.gitignore', 'src/app.py', 'platform/values/custom.yaml', 'stacks/10-network/extra.tf', 'opsta.plan.yaml'];
const LINK_PATHS = ['link-out', 'README.md', 'stacks/10-network', 'platform/values/vault.yaml', 'docs', '.opsta'];

type Mutation = { kind: 'edit'; i: number } | { kind: 'user'; path: string } | { kind: 'link'; path: string; toDir: boolean } | { kind: 'delete'; i: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), i: fc.nat(200) }),
  fc.record({ kind: fc.constant('user' as const), path: fc.constantFrom(...USER_PATHS) }),
  fc.record({ kind: fc.constant('link' as const), path: fc.constantFrom(...LINK_PATHS), toDir: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(200) }),
);

function apply(dir: string, outside: string, m: Mutation): void {
  const owned = Object.keys(filesOf(dir)).filter((p) => p !== MANIFEST_PATH).sort();
  const remove = (p: string) => {
    try {
      lstatSync(p);
      rmSync(p, { recursive: true, force: true });
    } catch {
      // absent
    }
  };
  switch (m.kind) {
    case 'edit':
      if (owned.length) appendFileSync(join(dir, owned[m.i % owned.length]!), '# hand edit\n');
      return;
    case 'delete':
      if (owned.length) rmSync(join(dir, owned[m.i % owned.length]!));
      return;
    case 'user': {
      const p = join(dir, m.path);
      if (existsSync(p) && lstatSync(p).isDirectory()) return;
      try {
        mkdirSync(dirname(p), { recursive: true });
        remove(p);
        writeFileSync(p, `user's own ${m.path}\n`);
      } catch {
        // a parent is a file or a symlink now: skip this mutation
      }
      return;
    }
    case 'link': {
      const p = join(dir, m.path);
      try {
        mkdirSync(dirname(p), { recursive: true });
        remove(p);
        symlinkSync(m.toDir ? join(outside, 'vdir') : join(outside, 'victim.txt'), p);
      } catch {
        // a parent is a file or a symlink now: skip
      }
    }
  }
}

describe('generate --force on random existing trees (property)', () => {
  it('leaves exactly the change set\'s result, changes no file it does not own, touches nothing outside', () => {
    expect(names.length).toBeGreaterThanOrEqual(2);
    const seen = { applied: 0, refused: 0, conflicts: 0, deletes: 0, foreign: 0 };
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...names), { nil: undefined }),
        fc.constantFrom(...names),
        fc.array(mutation, { maxLength: 6 }),
        fc.boolean(),
        (prev, next, mutations, forceFirstConflict) => {
          const base = tmp('opsta-prop-');
          const dir = join(base, 'repo');
          const outside = join(base, 'outside');
          mkdirSync(join(outside, 'vdir'), { recursive: true });
          writeFileSync(join(outside, 'victim.txt'), 'outside\n');
          writeFileSync(join(outside, 'vdir/main.tf'), 'outside dir\n');
          if (prev) writeTree(dir, treeOf(prev));
          else mkdirSync(dir);
          for (const m of mutations) apply(dir, outside, m);

          const before = snapshot(dir);
          const outsideBefore = snapshot(outside);
          const beforeFiles = filesOf(dir);
          const prevOwned = parseManifest(existsSync(join(dir, MANIFEST_PATH)) && lstatSync(join(dir, '.opsta')).isDirectory() ? readFileSync(join(dir, MANIFEST_PATH), 'utf8') : undefined).files;
          const desired = treeOf(next);

          // The user names the first hand-edited owned file with --force-file (in half the runs).
          const edited = Object.keys(prevOwned).filter((p) => beforeFiles[p] && beforeFiles[p] !== prevOwned[p] && p in desired);
          const forceFiles = forceFirstConflict && edited.length ? [edited[0]!] : [];

          let result;
          try {
            result = writeTree(dir, desired, { force: true, forceFiles });
          } catch (e) {
            expect(e).toBeInstanceOf(UserError);
            expect(snapshot(dir), 'a refusal changes nothing').toEqual(before);
            expect(snapshot(outside)).toEqual(outsideBefore);
            seen.refused++;
            return;
          }
          const cs = result.changeSet;
          seen.applied++;
          if (cs.changes.some((c) => c.action === 'conflict')) seen.conflicts++;
          if (cs.deletes.length) seen.deletes++;
          if (cs.changes.some((c) => c.action === 'foreign')) seen.foreign++;
          // Nothing outside the target changed.
          expect(snapshot(outside)).toEqual(outsideBefore);
          // Every write and delete is of a file Opsta owns unedited, or absent, or named by the user.
          for (const p of Object.keys(cs.writes)) {
            expect(beforeFiles[p] === undefined || prevOwned[p] === beforeFiles[p] || forceFiles.includes(p), `wrote ${p}`).toBe(true);
          }
          for (const d of cs.deletes) expect(prevOwned[d.path] === beforeFiles[d.path] || forceFiles.includes(d.path), `deleted ${d.path}`).toBe(true);
          // The tree is exactly: before, plus writes, minus deletes, with the new manifest.
          const expected: Record<string, string> = { ...beforeFiles };
          for (const [p, t] of Object.entries(cs.writes)) expected[p] = sha(t);
          for (const d of cs.deletes) delete expected[d.path];
          expected[MANIFEST_PATH] = sha(cs.manifest);
          expect(filesOf(dir)).toEqual(expected);
          // Symlinks are never replaced or followed.
          for (const [p, v] of Object.entries(before)) if (v.startsWith('link:')) expect(snapshot(dir)[p], p).toBe(v);
          // The manifest owns exactly the files it says, at the hashes they have (kept conflicts: the hash Opsta wrote).
          const owned = parseManifest(cs.manifest).files;
          for (const [p, h] of Object.entries(owned)) {
            const c = cs.changes.find((x) => x.path === p);
            if (c?.action !== 'conflict') expect(expected[p], p).toBe(h);
          }
          // No lock or staging left behind.
          expect(readdirSync(dir).filter((n) => n.startsWith('.opsta-') || n === '.opsta.lock')).toEqual([]);
          rmSync(base, { recursive: true, force: true });
        },
      ),
      { numRuns: 40 },
    );
    // The random trees did exercise every branch (a property that only ever refused would prove little).
    expect(seen.applied, JSON.stringify(seen)).toBeGreaterThanOrEqual(10);
    expect(seen.refused, JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
    expect(seen.conflicts, JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
    expect(seen.deletes, JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
    expect(seen.foreign, JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
