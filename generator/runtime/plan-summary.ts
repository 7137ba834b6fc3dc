// Summary of one Terraform plan from `terraform show -json`: counts as Terraform prints them,
// destructive changes (delete, replace) singled out, and the resource list. Pure.
import { UsageError } from './errors.ts';

export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-op';

export interface ResourceLine {
  address: string;
  kind: ChangeKind;
  /** Terraform's action_reason (replace_because_tainted, delete_because_no_resource_config, ...). */
  reason?: string;
  /** The address it moved from (a `moved` block). */
  movedFrom?: string;
  importing?: boolean;
}

export interface PlanSummary {
  type: 'plan';
  stage: string;
  add: number;
  change: number;
  destroy: number;
  imports: number;
  moves: number;
  forget: number;
  /** Delete and replace, in address order: shown first and never truncated away silently. */
  destructive: ResourceLine[];
  /** Every other change (create, update, forget, moved or imported no-ops), in address order. */
  changes: ResourceLine[];
  outputs: string[];
  /** True when the plan errored (Terraform 1.x `errored`): its counts are not the whole story. */
  errored: boolean;
}

interface RawChange {
  address?: unknown;
  mode?: unknown;
  previous_address?: unknown;
  action_reason?: unknown;
  change?: { actions?: unknown; importing?: unknown };
}

/** The change kind from Terraform's action list (["delete","create"] and ["create","delete"] are replacements). */
export function changeKind(actions: readonly string[]): ChangeKind | 'read' {
  const a = actions.join(',');
  switch (a) {
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    case 'read':
      return 'read';
    case 'forget':
      return 'forget';
    case 'no-op':
    case '':
      return 'no-op';
    default:
      throw new UsageError(`unknown Terraform action list [${actions.join(', ')}] in the plan JSON; is this terraform show -json output?`);
  }
}

/** The (address → actions) pairs of a plan's managed resources; shared with the reviewed-vs-fresh comparison. */
export function resourceChanges(plan: unknown, what = 'the plan JSON'): { address: string; actions: string[]; raw: RawChange }[] {
  if (typeof plan !== 'object' || plan === null || !('format_version' in plan)) {
    throw new UsageError(`${what} has no "format_version": it is not \`terraform show -json <planfile>\` output`);
  }
  const rc = (plan as { resource_changes?: unknown }).resource_changes;
  if (rc === undefined) return [];
  if (!Array.isArray(rc)) throw new UsageError(`${what}: "resource_changes" must be a list`);
  const out: { address: string; actions: string[]; raw: RawChange }[] = [];
  rc.forEach((r: RawChange, i) => {
    if (typeof r?.address !== 'string') throw new UsageError(`${what}: resource_changes[${i}].address is missing`);
    if (r.mode === 'data') return; // data sources are read, not changed
    const actions = r.change?.actions;
    if (!Array.isArray(actions) || !actions.every((x) => typeof x === 'string')) throw new UsageError(`${what}: resource_changes[${i}].change.actions must be a list of strings`);
    out.push({ address: r.address, actions: actions as string[], raw: r });
  });
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

export function summarizePlan(stage: string, plan: unknown): PlanSummary {
  const s: PlanSummary = { type: 'plan', stage, add: 0, change: 0, destroy: 0, imports: 0, moves: 0, forget: 0, destructive: [], changes: [], outputs: [], errored: false };
  for (const { address, actions, raw } of resourceChanges(plan)) {
    const kind = changeKind(actions);
    if (kind === 'read') continue;
    const line: ResourceLine = { address, kind };
    if (typeof raw.action_reason === 'string') line.reason = raw.action_reason;
    if (typeof raw.previous_address === 'string' && raw.previous_address !== address) {
      line.movedFrom = raw.previous_address;
      s.moves++;
    }
    if (raw.change?.importing) {
      line.importing = true;
      s.imports++;
    }
    if (kind === 'create') s.add++;
    if (kind === 'update') s.change++;
    if (kind === 'delete') s.destroy++;
    if (kind === 'replace') (s.add++, s.destroy++);
    if (kind === 'forget') s.forget++;
    if (kind === 'delete' || kind === 'replace') s.destructive.push(line);
    else if (kind !== 'no-op' || line.movedFrom || line.importing) s.changes.push(line);
  }
  const oc = (plan as { output_changes?: Record<string, { actions?: string[] }> }).output_changes ?? {};
  s.outputs = Object.keys(oc)
    .filter((k) => !(oc[k]?.actions ?? []).every((a) => a === 'no-op'))
    .sort();
  s.errored = (plan as { errored?: unknown }).errored === true;
  return s;
}

export const hasChanges = (s: PlanSummary): boolean => s.destructive.length + s.changes.length + s.outputs.length > 0;

/** Terraform's own phrasing: "2 to add, 1 to change, 1 to destroy". */
export function countsLine(s: PlanSummary): string {
  if (!hasChanges(s)) return 'no changes';
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.destroy} to destroy`];
  if (s.imports) parts.unshift(`${s.imports} to import`);
  if (s.moves) parts.push(`${s.moves} moved`);
  if (s.forget) parts.push(`${s.forget} to forget`);
  if (s.outputs.length) parts.push(`${s.outputs.length} output${s.outputs.length === 1 ? '' : 's'} changed`);
  return parts.join(', ');
}
