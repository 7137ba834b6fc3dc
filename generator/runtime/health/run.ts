// runHealth: every check at once, each with its own timeout, into one report. A check whose
// prerequisite the job lacks is skipped with the reason; the checks through the cluster start
// once cluster-api has answered, and are skipped when it failed (one failure, not seven).
import type { HealthCheckResult, HealthReport } from '../../../schemas/health-report.ts';
import type { Check, CheckContext, Resolved } from './check.ts';
import { parseHealthConfig, type HealthConfig } from './config.ts';
import { defaultRunner, type HealthDeps } from './deps.ts';
import { credentialsCheck, cliStateProbe, stateCheck } from './cloud.ts';
import { clusterApiCheck, gatewayCheck, helmCheck, nodesCheck, podsCheck, serviceEndpointCheck, workloadCheck } from './kube.ts';
import { dnsCheck, tlsCheck } from './net.ts';
import { oidcCheck, urlEndpointCheck } from './endpoints.ts';
import { resolverLookup, trustContext } from './http.ts';
import { healthScope, isForbidden, missingPrerequisites, SCOPE_VARIABLE, throughCluster } from './prerequisites.ts';

export function healthChecks(config: HealthConfig): Check[] {
  const checks: Check[] = [credentialsCheck, stateCheck, clusterApiCheck, nodesCheck, podsCheck, helmCheck];
  for (const e of config.entries) if (e.kind === 'workload') checks.push(workloadCheck(e));
  if (config.gateway) checks.push(gatewayCheck);
  for (const h of config.hosts) checks.push(dnsCheck(h), tlsCheck(h));
  for (const e of config.entries) if (e.kind === 'url') checks.push(urlEndpointCheck(e));
  for (const e of config.entries) if (e.kind === 'service') checks.push(serviceEndpointCheck(e));
  for (const c of config.oidc?.clients ?? []) checks.push(oidcCheck(c));
  return checks;
}

function resolveDeps(d: HealthDeps): Resolved {
  const run = d.run ?? defaultRunner(d.env);
  return {
    env: d.env,
    run,
    stateProbe: d.stateProbe ?? cliStateProbe(run),
    timeoutMs: d.timeoutMs ?? 15_000,
    certFailDays: d.certFailDays ?? 14,
    certWarnDays: d.certWarnDays ?? 30,
    httpsPort: d.httpsPort ?? 443,
    now: d.now ?? (() => new Date()),
    ...(d.dnsServers?.length ? { dnsServers: d.dnsServers, lookup: resolverLookup(d.dnsServers) } : {}),
    ...(d.ca?.length ? { secureContext: trustContext(d.ca) } : {}),
  };
}

const headOf = (check: Check) => ({
  id: check.id,
  category: check.category,
  ...(check.component ? { component: check.component } : {}),
  ...(check.target ? { target: check.target } : {}),
});

const skipped = (check: Check, why: string): HealthCheckResult => ({ ...headOf(check), status: 'skipped', reason: `not run: ${why}`, durationMs: 0 });

async function runOne(check: Check, base: Omit<CheckContext, 'signal'>): Promise<HealthCheckResult> {
  const { timeoutMs } = base.deps;
  const ac = new AbortController();
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(
        Object.assign(new Error(`timed out after ${timeoutMs} ms`), {
          timedOut: true,
        }),
      );
    }, timeoutMs);
  });
  const head = headOf(check);
  try {
    const v = await Promise.race([check.run({ ...base, signal: ac.signal }), timeout]);
    return { ...head, ...v, durationMs: Math.round(performance.now() - t0) };
  } catch (e) {
    const reason = (e as { timedOut?: boolean }).timedOut ? `no answer within ${timeoutMs} ms` : `the check could not run: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ...head,
      status: 'fail',
      reason,
      durationMs: Math.round(performance.now() - t0),
    };
  } finally {
    clearTimeout(timer);
    ac.abort(); // stop anything the check left running (sockets, child processes)
  }
}

/**
 * Runs every health check of the pipeline concurrently. `pipeline` is .opsta/pipeline.json as
 * parsed JSON (a malformed one throws a UsageError naming the field); the result validates
 * against schemas/health-report.schema.json.
 */
export async function runHealth(pipeline: unknown, deps: HealthDeps): Promise<HealthReport> {
  const config = parseHealthConfig(pipeline);
  const resolved = resolveDeps(deps);
  const memo = new Map<string, Promise<unknown>>();
  const missing = missingPrerequisites(config, resolved.env);
  const scope = healthScope(resolved.env);
  const base = {
    config,
    deps: resolved,
    missing,
    shared: <T>(key: string, compute: () => Promise<T>) => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Promise<T>;
    },
  };
  const startedAt = resolved.now();
  const t0 = performance.now();
  const selected = healthChecks(config).filter((c) => !deps.only || deps.only.some((o) => c.id === o || (o.endsWith(':') && c.id.startsWith(o))));
  const clusterApi = selected.find((c) => c.id === 'cluster-api');
  const started = new Map<Check, Promise<HealthCheckResult>>();
  // A view role refused a read: not the platform's fault, and not something this run can see.
  const scoped = (c: Check, r: HealthCheckResult): HealthCheckResult =>
    scope === 'view' && throughCluster(c.needs) && r.status === 'fail' && isForbidden(r.reason)
      ? { ...skipped(c, `the scheduled identity's read-only role may not read this (${SCOPE_VARIABLE}=view): ${r.reason}`), durationMs: r.durationMs }
      : r;
  const runScoped = (c: Check) => runOne(c, base).then((r) => scoped(c, r));
  const start = (c: Check): Promise<HealthCheckResult> => {
    if (c.needs && missing[c.needs]) return Promise.resolve(skipped(c, missing[c.needs]!));
    if (throughCluster(c.needs) && clusterApi && c !== clusterApi)
      // Its own timeout starts when it does, after the gate.
      return started.get(clusterApi)!.then((gate) => (gate.status === 'fail' ? skipped(c, 'the cluster API did not answer (see cluster-api)') : runScoped(c)));
    return runScoped(c);
  };
  if (clusterApi) started.set(clusterApi, start(clusterApi));
  for (const c of selected) if (!started.has(c)) started.set(c, start(c));
  const checks = await Promise.all(selected.map((c) => started.get(c)!));
  const counts = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    schemaVersion: 2,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    sumOfCheckDurationsMs: checks.reduce((a, c) => a + c.durationMs, 0),
    cloud: config.cloud,
    cluster: config.cluster,
    ...(config.environment ? { environment: config.environment } : {}),
    status: counts.fail ? 'fail' : counts.warn ? 'warn' : counts.skipped ? 'partial' : 'pass',
    counts,
    checks,
  };
}
