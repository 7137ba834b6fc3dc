// Before applying a stage: is the fresh plan the one that was reviewed? Compared on what a
// reviewer approved, resource addresses and their actions (not values: a timestamp or an
// unknown-until-apply attribute would make every plan differ). Pure.
import { changeKind, resourceChanges } from './plan-summary.ts';

export interface PlanDifference {
  address: string;
  reviewed?: string;
  fresh?: string;
}

/** Actions in words, "no-op" for an address that is in a plan without a change. */
function actionsOf(plan: unknown, what: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const { address, actions } of resourceChanges(plan, what)) {
    const kind = changeKind(actions);
    if (kind === 'read' || kind === 'no-op') continue;
    m.set(address, kind);
  }
  return m;
}

export function comparePlans(reviewed: unknown, fresh: unknown): PlanDifference[] {
  const a = actionsOf(reviewed, 'the reviewed plan');
  const b = actionsOf(fresh, 'the fresh plan');
  const diffs: PlanDifference[] = [];
  for (const address of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const r = a.get(address);
    const f = b.get(address);
    if (r !== f) diffs.push({ address, ...(r ? { reviewed: r } : {}), ...(f ? { fresh: f } : {}) });
  }
  return diffs;
}

export function describeDifferences(stage: string | undefined, diffs: readonly PlanDifference[]): string {
  const where = stage ? `stage ${stage}` : 'the stage';
  if (diffs.length === 0) return `${where}: the fresh plan matches the reviewed plan`;
  const lines = diffs.map((d) =>
    d.reviewed === undefined ? `  + ${d.address}: ${d.fresh} (not in the reviewed plan)` : d.fresh === undefined ? `  - ${d.address}: ${d.reviewed} (reviewed, no longer planned)` : `  ~ ${d.address}: reviewed ${d.reviewed}, now ${d.fresh}`,
  );
  return [
    `${where}: the fresh plan differs from the plan reviewed on the pull request in ${diffs.length} resource${diffs.length === 1 ? '' : 's'}; not applying.`,
    ...lines,
    'Something changed since the review (another merge, drift, or a provider default). Re-run the plan on a new pull request and review it.',
  ].join('\n');
}
