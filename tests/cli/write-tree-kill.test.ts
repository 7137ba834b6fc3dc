// K5–K8 of the CLI probe: a real `opsta generate` process killed (SIGKILL, SIGINT, SIGTERM) at many
// points of its write. OPSTA_TEST_WRITE_PAUSE_MS makes the writer sleep after every staged file
// and every rename, widening the write from milliseconds to about a second so the signals land
// inside it. SIGINT and SIGTERM kill Node as SIGKILL does (opsta installs no handler: a handler
// could only run after the synchronous write anyway), so all three are held to the same rule: after
// every kill each file is the old or the new version (never truncated, never zero bytes), and a rerun
// leaves exactly the new tree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME, STAGING_NAME, diffTree, writeTree } from '../../generator/src/write-tree.ts';
import { example, filesOf, frozenReference, hashes, planFile, sha, sleep, snapshot, startCli, tmp } from './write-tree-helpers.ts';

const PAUSE_MS = 40;
const OLD_TEXT = example('aws-medium');
const NEW_TEXT = example('aws-large-all');
// References from the same frozen sources as the processes under test (templates change under us otherwise).
let refs: { old: Record<string, string>; new: Record<string, string> } | undefined;
const ref = () => (refs ??= { old: frozenReference(OLD_TEXT), new: frozenReference(NEW_TEXT) });

async function waitFor(cond: () => boolean, timeoutMs = 90_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('the write never started');
    await sleep(2);
  }
}

/** Every regular file is the old or the new version; nothing else but the writer's own lock and staging. */
function expectOldOrNew(dir: string, oldTree: Record<string, string>, newTree: Record<string, string>): void {
  const oldH = hashes(oldTree);
  const newH = hashes(newTree);
  for (const [p, v] of Object.entries(snapshot(dir))) {
    if (p === LOCK_NAME || p === STAGING_NAME || p.startsWith(`${STAGING_NAME}/`)) continue;
    if (v === 'dir') continue;
    expect(v.startsWith('file:'), `${p} is ${v}`).toBe(true);
    const h = v.split(':')[1]!;
    expect([oldH[p], newH[p]], `${p} is neither the old nor the new version (size ${v.split(':')[2]})`).toContain(h);
  }
}

describe('killing generate midway (K5–K8)', () => {
  it('K5–K7: into a new directory, SIGKILL, SIGINT or SIGTERM while staging: no target at all; the rerun removes the temporary directory and writes it all', async () => {
    const want = ref().new;
    const plan = planFile(tmp(), NEW_TEXT);
    const stagingWindow = Object.keys(want).length * PAUSE_MS;
    const cases = (['SIGKILL', 'SIGINT', 'SIGTERM'] as const).flatMap((signal) => [0.2, 0.7].map((at) => ({ signal, at })));
    await Promise.all(
      cases.map(async ({ signal, at }) => {
        const parent = tmp();
        const out = join(parent, 'acme');
        const run = startCli(['generate', plan, '--out', out], { OPSTA_TEST_WRITE_PAUSE_MS: String(PAUSE_MS) });
        await waitFor(() => readdirSync(parent).some((n) => n.startsWith('.opsta-new-')));
        await sleep(at * stagingWindow);
        run.child.kill(signal);
        const r = await run.done;
        const label = `${signal} at ${at}`;
        // On a loaded machine a kill can come after the process finished: then the tree must be complete.
        if (r.signal === null) {
          expect(r.code, `${label}: ${r.err}`).toBe(0);
          expect(filesOf(out), label).toEqual(hashes(want));
          return false;
        }
        expect(r.signal, `${label}: ${r.err}`).toBe(signal);
        expect(existsSync(out), `${label}: the target must not exist half written`).toBe(false);
        const notes: string[] = [];
        writeTree(out, want, { note: (n) => notes.push(n) });
        expect(notes.join('\n'), label).toMatch(/interrupted before it wrote anything; removed its temporary directory/);
        expect(filesOf(out), label).toEqual(hashes(want));
        expect(readdirSync(parent), `${label}: no temporary directory left`).toEqual(['acme']);
        return true;
      }),
    ).then((killed) => expect(killed.filter(Boolean).length, 'kills that landed inside the write').toBeGreaterThanOrEqual(3));
  }, 240_000);

  it('K8: over an earlier generation, SIGKILL/SIGINT/SIGTERM at points spread over staging and renaming: old-or-new files only, and the rerun says so and finishes to exactly the new tree', async () => {
    const { old: oldTree, new: newTree } = ref();
    const plan = planFile(tmp(), NEW_TEXT);
    // Staging takes (files to write) pauses, renaming as many again: kill points before and after the commit.
    const changed = Object.keys(newTree).filter((p) => oldTree[p] !== newTree[p]).length;
    const window = changed * PAUSE_MS;
    const cases = [
      ...[0.15, 0.5, 0.85, 1.25, 1.5, 1.75].map((at) => ({ signal: 'SIGKILL' as const, at })),
      ...(['SIGINT', 'SIGTERM'] as const).flatMap((signal) => [0.5, 1.5].map((at) => ({ signal, at }))),
    ];
    const outcomes = await Promise.all(
      cases.map(async ({ signal, at }) => {
        const label = `${signal} at ${at}`;
        const dir = join(tmp(), 'repo');
        writeTree(dir, oldTree);
        const run = startCli(['generate', plan, '--out', dir, '--force'], { OPSTA_TEST_WRITE_PAUSE_MS: String(PAUSE_MS) });
        await waitFor(() => existsSync(join(dir, STAGING_NAME)));
        await sleep(at * window);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.signal ?? signal, `${label}: ${r.err}`).toBe(signal);
        if (r.signal === null) expect(r.code, `${label}: finished before the kill: ${r.err}`).toBe(0);
        // Under load the kill can land after the write finished (lock released) but before the exit.
        const killedMidWrite = existsSync(join(dir, LOCK_NAME));
        expectOldOrNew(dir, oldTree, newTree);
        // diff never reads a half-applied tree as drift.
        let diffRefused = false;
        try {
          diffTree(dir, newTree);
        } catch (e) {
          diffRefused = /interrupted after \d+ of \d+ files; run opsta generate again/.test((e as Error).message);
        }
        const notes: string[] = [];
        writeTree(dir, newTree, { force: true, note: (n) => notes.push(n) });
        expect(filesOf(dir), label).toEqual(hashes(newTree));
        expect(existsSync(join(dir, STAGING_NAME))).toBe(false);
        expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
        const text = notes.join('\n');
        if (killedMidWrite) expect(text, label).toMatch(/removed a stale lock left by opsta generate \(pid \d+\)/);
        if (diffRefused) expect(text).toMatch(/the previous generate was interrupted after \d+ of \d+ files; finishing it/);
        return { label, applying: /interrupted after/.test(text), staging: /interrupted before it changed anything/.test(text) };
      }),
    );
    // The kill points did cover both phases (otherwise the test proves less than it claims).
    expect(outcomes.some((o) => o.applying), JSON.stringify(outcomes)).toBe(true);
    expect(outcomes.some((o) => o.staging), JSON.stringify(outcomes)).toBe(true);
  }, 300_000);

  it('the rerun as a real process tells the user what happened: "interrupted after N of M files; finishing it"', async () => {
    const { old: oldTree, new: newTree } = ref();
    const plan = planFile(tmp(), NEW_TEXT);
    const dir = join(tmp(), 'repo');
    writeTree(dir, oldTree);
    const run = startCli(['generate', plan, '--out', dir, '--force'], { OPSTA_TEST_WRITE_PAUSE_MS: '200' });
    // Past staging (the journal is the commit point), then a few renames in.
    await waitFor(() => existsSync(join(dir, STAGING_NAME, 'journal.json')), 180_000);
    await sleep(500);
    run.child.kill('SIGKILL');
    await run.done;
    const journal = JSON.parse(readFileSync(join(dir, STAGING_NAME, 'journal.json'), 'utf8')) as { ops: unknown[] };
    expect(filesOf(dir)).not.toEqual(hashes(newTree)); // it really was interrupted midway
    const rerun = startCli(['generate', plan, '--out', dir, '--force'], {});
    const r = await rerun.done;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`note: the previous generate was interrupted after [1-9]\\d* of ${journal.ops.length} files; finishing it`));
    expect(filesOf(dir)).toEqual(hashes(newTree));
    expect(sha(readFileSync(join(dir, '.opsta/manifest.json')))).toBe(sha(newTree['.opsta/manifest.json']!));
  }, 240_000);
});
