// The budget check of a pull request: over budget fails unless a maintainer acknowledged it
// with a label; 80 % or more warns. Pure.
import { UsageError } from './errors.ts';
import type { CostSection } from './sections.ts';

export const WARN_AT = 0.8;
export const DEFAULT_ACK_LABEL = 'opsta:budget-acknowledged';

export interface CostEstimate {
  totalUsd: number;
  budget?: { monthlyUsd: number };
}

export function parseCost(json: unknown, where: string): CostEstimate {
  const total = (json as { totalUsd?: unknown } | null)?.totalUsd;
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) throw new UsageError(`${where}: "totalUsd" must be a non-negative number (the output of opsta cost --json, or .opsta/cost.json)`);
  const b = (json as { budget?: { monthlyUsd?: unknown } }).budget;
  if (b !== undefined && (typeof b?.monthlyUsd !== 'number' || !(b.monthlyUsd > 0))) throw new UsageError(`${where}: "budget.monthlyUsd" must be a positive number`);
  return { totalUsd: total, ...(b ? { budget: { monthlyUsd: b.monthlyUsd as number } } : {}) };
}

const usd = (n: number) => `$${n.toFixed(2)}`;

export function checkBudget(cost: CostEstimate, opts: { base?: CostEstimate; labels?: readonly string[]; ackLabel?: string } = {}): CostSection {
  const ack = opts.ackLabel ?? DEFAULT_ACK_LABEL;
  const base = opts.base ? { baseUsd: opts.base.totalUsd } : {};
  const delta = opts.base ? ` (${cost.totalUsd >= opts.base.totalUsd ? '+' : '-'}${usd(Math.abs(cost.totalUsd - opts.base.totalUsd))} against the base branch)` : '';
  if (!cost.budget) return { type: 'cost', status: 'no-budget', totalUsd: cost.totalUsd, ...base, message: `Estimated ${usd(cost.totalUsd)} a month${delta}; no budget set (budget.monthlyUsd in the plan).` };
  const limit = cost.budget.monthlyUsd;
  const common = { type: 'cost' as const, totalUsd: cost.totalUsd, budgetUsd: limit, ...base };
  const pct = Math.round((cost.totalUsd / limit) * 100);
  if (cost.totalUsd > limit) {
    if (opts.labels?.includes(ack)) return { ...common, status: 'acknowledged', message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} (${pct} %)${delta}; acknowledged with the label "${ack}".` };
    return { ...common, status: 'over', message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} by ${usd(cost.totalUsd - limit)} (${pct} %)${delta}. Lower the plan's cost, raise budget.monthlyUsd, or have a maintainer add the label "${ack}".` };
  }
  if (cost.totalUsd >= WARN_AT * limit) return { ...common, status: 'warn', message: `Estimated ${usd(cost.totalUsd)} a month is ${pct} % of the budget of ${usd(limit)}${delta}.` };
  return { ...common, status: 'ok', message: `Estimated ${usd(cost.totalUsd)} a month, ${pct} % of the budget of ${usd(limit)}${delta}.` };
}
