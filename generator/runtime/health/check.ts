// A check: an id, what it belongs to, what the job must have for it (prerequisites.ts), and an
// async verdict. The runner (run.ts) gives each its own timeout and signal; a check that throws
// fails with the error's message, never a stack; one whose prerequisite is absent is skipped.
import type { HealthCheckResult } from '../../../schemas/health-report.ts';
import type { HealthConfig } from './config.ts';
import type { CheckVerdict, CommandRunner, HealthDeps, StateProbe } from './deps.ts';
import type { Prerequisite } from './prerequisites.ts';
import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';

export interface Resolved extends Required<Pick<HealthDeps, 'env' | 'timeoutMs' | 'certFailDays' | 'certWarnDays' | 'httpsPort' | 'now'>> {
  run: CommandRunner;
  stateProbe: StateProbe;
  dnsServers?: string[];
  secureContext?: SecureContext;
  lookup?: LookupFunction;
}

export interface CheckContext {
  config: HealthConfig;
  deps: Resolved;
  signal: AbortSignal;
  /** Why each absent prerequisite is absent (no key: present), for checks that use one only in part. */
  missing: Partial<Record<Prerequisite, string>>;
  /** Results several checks need (the Gateway's address, the realm's discovery document), computed once. */
  shared: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
}

export interface Check {
  id: string;
  category: HealthCheckResult['category'];
  component?: string;
  target?: string;
  /** Skipped, with the reason, when the job lacks it; `cluster` checks also wait for cluster-api and are skipped when it failed. */
  needs?: Prerequisite;
  run: (ctx: CheckContext) => Promise<CheckVerdict>;
}

export const pass = (reason: string, details?: Record<string, unknown>): CheckVerdict => ({
  status: 'pass',
  reason,
  ...(details ? { details } : {}),
});
export const warn = (reason: string, details?: Record<string, unknown>): CheckVerdict => ({
  status: 'warn',
  reason,
  ...(details ? { details } : {}),
});
export const fail = (reason: string, details?: Record<string, unknown>): CheckVerdict => ({
  status: 'fail',
  reason,
  ...(details ? { details } : {}),
});

/** At most `n` items named, then "and N more", so one reason stays one readable line. */
export function listSome(items: string[], n = 5): string {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} and ${items.length - n} more`;
}
