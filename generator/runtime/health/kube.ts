// Checks through kubectl and helm (the workflow has set up the kubeconfig): the API server, the
// nodes, the pods of the platform's namespaces, each workload, in-cluster endpoints through the
// API server's service proxy, the Gateway's address, and the Helm releases.
import { type Check, type CheckContext, fail, listSome, pass, warn } from './check.ts';
import { lastLine, type CommandResult } from './deps.ts';
import { parseJson } from './http.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Kubernetes JSON, read defensively

async function kubectlJson(ctx: CheckContext, args: string[]): Promise<{ ok: true; json: Obj } | { ok: false; r: CommandResult }> {
  const r = await ctx.deps.run('kubectl', [...args, '-o', 'json'], ctx.signal);
  if (r.code !== 0) return { ok: false, r };
  const json = parseJson(r.stdout);
  if (typeof json !== 'object' || json === null)
    return {
      ok: false,
      r: {
        ...r,
        code: 1,
        stderr: 'kubectl printed something that is not JSON',
      },
    };
  return { ok: true, json: json as Obj };
}

export const clusterApiCheck: Check = {
  id: 'cluster-api',
  category: 'cluster',
  needs: 'cluster',
  run: async (ctx) => {
    const ready = await ctx.deps.run('kubectl', ['get', '--raw', '/readyz'], ctx.signal);
    if (ready.code !== 0) return fail(`the API server of ${ctx.config.cluster} is not reachable or not ready: ${lastLine(ready)}`);
    if (ready.stdout.trim() !== 'ok') return fail(`/readyz answered ${JSON.stringify(ready.stdout.trim().slice(0, 200))}, not "ok"`);
    const v = await ctx.deps.run('kubectl', ['version', '-o', 'json'], ctx.signal);
    const server = (parseJson(v.stdout) as Obj | undefined)?.serverVersion?.gitVersion;
    return pass(`API server ready${typeof server === 'string' ? ` (Kubernetes ${server})` : ''}`, typeof server === 'string' ? { serverVersion: server } : undefined);
  },
};

const isReady = (node: Obj) => (node.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

export const nodesCheck: Check = {
  id: 'nodes',
  category: 'nodes',
  needs: 'cluster',
  run: async (ctx) => {
    const desired = ctx.config.nodePools.reduce((a, p) => a + p.min, 0);
    const got = await kubectlJson(ctx, ['get', 'nodes']);
    if (!got.ok) return fail(`cannot list nodes: ${lastLine(got.r)}`);
    const nodes: Obj[] = got.json.items ?? [];
    const ready = nodes.filter((n) => isReady(n) && !n.spec?.unschedulable);
    const notReady = nodes.filter((n) => !ready.includes(n)).map((n) => String(n.metadata?.name));
    const details = {
      desired,
      ready: ready.length,
      total: nodes.length,
      notReady,
    };
    if (ready.length < desired)
      return fail(
        `${ready.length} of ${desired} desired nodes are Ready${notReady.length ? ` (not ready or cordoned: ${listSome(notReady)})` : ''}; check the node group and its events`,
        details,
      );
    if (notReady.length) return warn(`${ready.length} nodes Ready (desired ${desired}), but ${listSome(notReady)} not ready or cordoned`, details);
    return pass(`${ready.length} nodes Ready (desired at least ${desired})`, details);
  },
};

/** Why a pod is unhealthy, or undefined when it is fine. A completed Job's pod is fine. */
function podProblem(p: Obj): string | undefined {
  const phase = p.status?.phase;
  if (phase === 'Succeeded') return undefined;
  const containers: Obj[] = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
  const waiting = containers.map((c) => c.state?.waiting?.reason).find((r) => typeof r === 'string' && r !== 'PodInitializing' && r !== 'ContainerCreating');
  if (waiting) return waiting;
  if (phase !== 'Running') return String(phase ?? 'Unknown');
  const unready = (p.status?.containerStatuses ?? []).filter((c: Obj) => !c.ready).map((c: Obj) => String(c.name));
  return unready.length ? `containers not ready: ${unready.join(', ')}` : undefined;
}

export const podsCheck: Check = {
  id: 'system-pods',
  category: 'pods',
  needs: 'cluster',
  run: async (ctx) => {
    const wanted = new Set(ctx.config.namespaces.length ? ctx.config.namespaces : ['kube-system']);
    const got = await kubectlJson(ctx, ['get', 'pods', '--all-namespaces']);
    if (!got.ok) return fail(`cannot list pods: ${lastLine(got.r)}`);
    const pods = ((got.json.items ?? []) as Obj[]).filter((p) => wanted.has(p.metadata?.namespace));
    const bad = pods.flatMap((p) => {
      const why = podProblem(p);
      return why ? [`${p.metadata?.namespace}/${p.metadata?.name} (${why})`] : [];
    });
    const details = {
      namespaces: [...wanted].sort(),
      pods: pods.length,
      unhealthy: bad,
    };
    if (bad.length) return fail(`${bad.length} of ${pods.length} pods unhealthy: ${listSome(bad)}`, details);
    return pass(`${pods.length} pods healthy in ${wanted.size} namespaces`, details);
  },
};

export function workloadCheck(e: { component: string; name: string; namespace: string; workload: string }): Check {
  return {
    id: `workload:${e.name}`,
    category: 'workload',
    needs: 'cluster',
    component: e.component,
    target: `${e.namespace}/${e.workload}`,
    run: async (ctx) => {
      const got = await kubectlJson(ctx, ['get', e.workload, '--namespace', e.namespace]);
      if (!got.ok) return fail(`cannot read ${e.workload} in ${e.namespace}: ${lastLine(got.r)}`);
      const s = got.json.status ?? {};
      const [kind] = e.workload.split('/');
      const [want, have] =
        kind === 'daemonset'
          ? [s.desiredNumberScheduled ?? 0, s.numberReady ?? 0]
          : kind === 'statefulset'
            ? [got.json.spec?.replicas ?? 1, s.readyReplicas ?? 0]
            : [got.json.spec?.replicas ?? 1, s.availableReplicas ?? 0];
      const details = { desired: want, ready: have };
      if (want === 0) return warn(`${e.workload} is scaled to zero`, details);
      if (have < want) return fail(`${e.workload}: ${have} of ${want} replicas ${kind === 'deployment' ? 'available' : 'ready'}`, details);
      return pass(`${e.workload}: ${have}/${want} ${kind === 'deployment' ? 'available' : 'ready'}`, details);
    },
  };
}

/** An endpoint the gateway does not route, through the API server's service proxy (needs services/proxy, which the apply identity has). */
export function serviceEndpointCheck(e: { component: string; name: string; namespace: string; service: string; path: string; expect: number[] }): Check {
  const [svc, port] = e.service.split(':');
  const raw = `/api/v1/namespaces/${e.namespace}/services/http:${svc}:${port}/proxy${e.path}`;
  return {
    id: `endpoint:${e.name}`,
    category: 'endpoint',
    needs: 'cluster',
    component: e.component,
    target: `${e.namespace}/${e.service}${e.path}`,
    run: async (ctx) => {
      const r = await ctx.deps.run('kubectl', ['get', '--raw', raw], ctx.signal);
      if (r.code !== 0) return fail(`${e.service}${e.path} in ${e.namespace}: ${lastLine(r)}`);
      const body = parseJson(r.stdout) as Obj | undefined;
      // Keycloak (Quarkus SmallRye Health) answers {"status":"UP"|"DOWN","checks":[…]}.
      if (body && typeof body.status === 'string' && body.status !== 'UP') {
        const down = ((body.checks ?? []) as Obj[]).filter((c) => c.status !== 'UP').map((c) => String(c.name));
        return fail(`${e.path} reports ${body.status}${down.length ? ` (${listSome(down)})` : ''}`, { status: body.status });
      }
      return pass(`${e.path} ${body?.status === 'UP' ? 'reports UP' : 'answered'} (through the API server's service proxy)`);
    },
  };
}

/** The Gateway's addresses once Programmed; shared by the gateway check and every DNS check. */
export async function gatewayAddresses(ctx: CheckContext): Promise<{ addresses: string[]; programmed: boolean; error?: string }> {
  const g = ctx.config.gateway!;
  return ctx.shared('gateway', async () => {
    const got = await kubectlJson(ctx, ['get', 'gateway', g.name, '--namespace', g.namespace]);
    if (!got.ok) return { addresses: [], programmed: false, error: lastLine(got.r) };
    const addresses = ((got.json.status?.addresses ?? []) as Obj[]).map((a) => a.value).filter((v): v is string => typeof v === 'string' && v !== '');
    const programmed = ((got.json.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Programmed' && c.status === 'True');
    return { addresses, programmed };
  });
}

export const gatewayCheck: Check = {
  id: 'gateway-address',
  category: 'gateway',
  needs: 'cluster',
  run: async (ctx) => {
    const g = ctx.config.gateway!;
    const a = await gatewayAddresses(ctx);
    if (a.error) return fail(`cannot read Gateway ${g.namespace}/${g.name}: ${a.error}`);
    if (a.addresses.length === 0) return fail(`Gateway ${g.namespace}/${g.name} has no address yet: the cloud load balancer was not provisioned (see the envoy Service's events)`);
    if (!a.programmed) return warn(`Gateway ${g.namespace}/${g.name} has address ${listSome(a.addresses)} but is not Programmed`, { addresses: a.addresses });
    return pass(`Gateway ${g.namespace}/${g.name} is Programmed at ${listSome(a.addresses)}`, { addresses: a.addresses });
  },
};

export const helmCheck: Check = {
  id: 'helm-releases',
  category: 'helm',
  // helm list reads each release's record, a Secret in the release's namespace.
  needs: 'cluster-secrets',
  run: async (ctx) => {
    const r = await ctx.deps.run('helm', ['list', '--all-namespaces', '--all', '--output', 'json'], ctx.signal);
    if (r.code !== 0) return fail(`helm list failed: ${lastLine(r)}`);
    const list = parseJson(r.stdout);
    if (!Array.isArray(list)) return fail('helm list printed something that is not a JSON list');
    const byId = new Map((list as Obj[]).map((x) => [`${x.namespace}/${x.name}`, String(x.status)]));
    const missing = ctx.config.releases.map((x) => `${x.namespace}/${x.name}`).filter((id) => !byId.has(id));
    const notDeployed = ctx.config.releases
      .map((x) => `${x.namespace}/${x.name}`)
      .flatMap((id) => (byId.has(id) && byId.get(id) !== 'deployed' ? [`${id} (${byId.get(id)})`] : []));
    const details = {
      expected: ctx.config.releases.length,
      missing,
      notDeployed,
    };
    if (missing.length || notDeployed.length)
      return fail([notDeployed.length ? `not deployed: ${listSome(notDeployed)}` : '', missing.length ? `missing: ${listSome(missing)}` : ''].filter(Boolean).join('; '), details);
    return pass(`${ctx.config.releases.length} releases deployed`, details);
  },
};
