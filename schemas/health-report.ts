// The health report `opsta.mjs health` writes (generator/runtime/health): one result per check,
// each pass / warn / fail, or skipped when the job lacks what the check needs (no cloud identity,
// no kubeconfig), with the reason a reviewer acts on and how long it took. The JSON Schema
// (schemas/health-report.schema.json, `npm run schemas`) is exported from this file.
// Version 2 added `skipped` checks, the `partial` report status and `counts.skipped`.
import { z } from 'zod';

/** A check's verdict. `skipped`: not run because a prerequisite is absent from the job; its reason says which. */
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export const CheckStatusSchema = z.enum(CHECK_STATUSES);

/**
 * The run's verdict, most urgent first: `fail` when any check failed, else `warn` when any
 * warned, else `partial` when some were skipped (what ran is healthy, the rest was not looked
 * at), else `pass` (every check ran and passed).
 */
export const HEALTH_STATUSES = ['pass', 'warn', 'fail', 'partial'] as const;
export const HealthStatusSchema = z.enum(HEALTH_STATUSES);

export const HEALTH_CATEGORIES = ['credentials', 'state', 'cluster', 'nodes', 'pods', 'workload', 'helm', 'gateway', 'dns', 'tls', 'endpoint', 'oidc'] as const;

export const HealthCheckResultSchema = z.strictObject({
  /** Stable identifier, e.g. `tls:vault.platform.acme.example` or `endpoint:vault-health`. */
  id: z.string().min(1),
  category: z.enum(HEALTH_CATEGORIES),
  /** Catalog key of the component the check belongs to, when it belongs to one. */
  component: z.string().optional(),
  /** What was checked: a URL, a host, `namespace/name`. */
  target: z.string().optional(),
  status: CheckStatusSchema,
  /** One sentence: what was found and, when not passing, what to do. May quote server text. */
  reason: z.string(),
  durationMs: z.number().nonnegative(),
  /** Facts behind the verdict (status code, days left, addresses), for tooling. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type HealthCheckResult = z.infer<typeof HealthCheckResultSchema>;

export const HealthReportSchema = z.strictObject({
  schemaVersion: z.literal(2),
  /** ISO 8601 time the run started. */
  startedAt: z.iso.datetime(),
  /** Wall time of the whole run (checks run concurrently, so about the slowest check). */
  durationMs: z.number().nonnegative(),
  /** Sum of every check's own duration: what a sequential run would have taken. */
  sumOfCheckDurationsMs: z.number().nonnegative(),
  cloud: z.string().optional(),
  cluster: z.string().optional(),
  environment: z.string().optional(),
  /** See HEALTH_STATUSES: fail, else warn, else partial (some checks skipped), else pass. */
  status: HealthStatusSchema,
  counts: z.strictObject({
    pass: z.number().int().nonnegative(),
    warn: z.number().int().nonnegative(),
    fail: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  checks: z.array(HealthCheckResultSchema),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

export function healthReportJsonSchema(): string {
  const schema = z.toJSONSchema(HealthReportSchema, { io: 'output' });
  return `${JSON.stringify({ ...schema, $id: 'https://opsta.dev/schemas/health-report.schema.json', title: 'Opsta health report' }, null, 2)}\n`;
}
