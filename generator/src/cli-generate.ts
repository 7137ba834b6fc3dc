// `opsta generate` and `opsta diff`: the generated tree, the change set against the target
// (changeset.ts) and its application (write-tree.ts), reported so a reviewer or CI sees every
// file that changed, every hand edit kept and every file left alone.
//
// Exit codes. generate: 0 written (or already up to date); 1 conflicts were kept (everything
// else was applied, so CI notices); 2 refused or failed, nothing changed. diff: 0 the target is
// exactly what generate would leave; 1 generate would change something or finds conflicts;
// 2 usage or filesystem error.
import type { PlanInput } from '../../schemas/plan.ts';
import type { Validation } from '../../schemas/validate.ts';
import { countByAction, type Change, type ChangeSet } from './changeset.ts';
import { generateRepository, type GenerateOptions } from './generate.ts';
import { samePlanKeeper } from './same-plan.ts';
import { diffTree, writeTree } from './write-tree.ts';

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export interface GenerateArgs {
  plan: Extract<Validation, { ok: true }>;
  opts: GenerateOptions;
  out: string;
  force?: boolean;
  forceFiles?: readonly string[];
}

const MARK: Record<Change['action'], string> = { add: '+', update: '~', delete: '-', unchanged: '=', conflict: '!', foreign: '?', refused: 'x' };
const MAX_FOREIGN_LISTED = 20;

/** The change set as lines: counts, then every path that changes or needs attention, then the diffs. */
export function formatChangeSet(cs: ChangeSet, opts: { verb: 'would' | 'did' }): string {
  const n = countByAction(cs);
  const did = opts.verb === 'did';
  const parts = [
    `${n.add} ${did ? 'added' : 'to add'}`,
    `${n.update} ${did ? 'updated' : 'to update'}`,
    `${n.delete} ${did ? 'deleted' : 'to delete'}`,
    `${n.unchanged} unchanged`,
    `${n.conflict} conflict${n.conflict === 1 ? '' : 's'} kept`,
    `${n.foreign} not Opsta's (left alone)`,
  ];
  if (n.refused) parts.push(`${n.refused} refused`);
  const lines = [`  ${parts.join(', ')}`];
  let foreignListed = 0;
  for (const c of cs.changes) {
    if (c.action === 'unchanged' && !c.reason) continue;
    if (c.action === 'foreign' && foreignListed++ >= MAX_FOREIGN_LISTED) continue;
    lines.push(`  ${MARK[c.action]} ${c.path}${c.reason ? `  (${c.reason})` : ''}`);
  }
  if (n.foreign > MAX_FOREIGN_LISTED) lines.push(`  ? … and ${n.foreign - MAX_FOREIGN_LISTED} more files not Opsta's`);
  if (!cs.manifestUnchanged && n.add + n.update + n.delete === 0) lines.push(`  ~ .opsta/manifest.json  (records what Opsta wrote)`);
  if (cs.manifestProblem) lines.push(`  note: ${cs.manifestProblem}`);
  for (const p of cs.unusedForceFiles) lines.push(`  note: --force-file ${p} names no conflict; ignored`);
  const diffs = cs.changes.filter((c) => c.diff && (c.action === 'conflict' || !did));
  if (diffs.length) lines.push('', ...diffs.map((c) => c.diff!.trimEnd()));
  return `${lines.join('\n')}\n`;
}

export function runGenerate(io: Io, args: GenerateArgs): number {
  const files = generateRepository(args.plan.plan, args.plan.resolved, args.opts);
  const r = writeTree(args.out, files, {
    force: args.force,
    forceFiles: args.forceFiles,
    keepAsWritten: samePlanKeeper(args.plan.plan, args.opts),
    note: (line) => io.stdout.write(`note: ${line}\n`),
  });
  const n = countByAction(r.changeSet);
  const head = r.created
    ? `wrote ${Object.keys(r.changeSet.writes).length + 1} files to ${args.out}`
    : r.upToDate
      ? `${args.out} is up to date`
      : `updated ${args.out}`;
  io.stdout.write(`${head}\n${r.created ? '' : formatChangeSet(r.changeSet, { verb: 'did' })}`);
  if (n.conflict > 0) {
    io.stderr.write(`opsta: ${n.conflict} conflict${n.conflict === 1 ? '' : 's'} kept (shown above); everything else was applied. Resolve each by hand, or pass --force-file PATH to take the generated version.\n`);
    return 1;
  }
  return 0;
}

export interface DiffArgs {
  plan: Extract<Validation, { ok: true }>;
  opts: GenerateOptions;
  in: string;
  forceFiles?: readonly string[];
}

export function runDiff(io: Io, args: DiffArgs): number {
  const files = generateRepository(args.plan.plan, args.plan.resolved, args.opts);
  const { changeSet: cs, exists } = diffTree(args.in, files, { forceFiles: args.forceFiles, keepAsWritten: samePlanKeeper(args.plan.plan, args.opts), diffUpdates: true });
  const n = countByAction(cs);
  const pending = n.add + n.update + n.delete + n.conflict + n.refused > 0 || !cs.manifestUnchanged;
  const head = !exists ? `${args.in} does not exist; generate would create it` : pending ? `generate would change ${args.in}` : `${args.in} is up to date with the plan`;
  io.stdout.write(`${head}\n${formatChangeSet(cs, { verb: 'would' })}`);
  return pending ? 1 : 0;
}
