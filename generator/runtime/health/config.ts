// The part of .opsta/pipeline.json the health checks read (written by generator/src/generate.ts:
// `health` entries from each component's blueprint, `healthContext` from the plan). Parsed by
// hand rather than with zod to keep the bundled runtime small; every problem names the field.
import { UsageError } from '../errors.ts';

/** A component endpoint on its public host (`url`), a workload that must be ready, or an in-cluster service endpoint. */
export type HealthEntry =
  | {
      kind: 'url';
      component: string;
      name: string;
      url: string;
      expect: number[];
    }
  | {
      kind: 'workload';
      component: string;
      name: string;
      namespace: string;
      workload: string;
    }
  | {
      kind: 'service';
      component: string;
      name: string;
      namespace: string;
      service: string;
      path: string;
      expect: number[];
    };

export interface OidcClient {
  component: string;
  clientId: string;
  baseUrl: string;
  redirectUri: string;
}

export interface HealthConfig {
  cloud: 'aws' | 'azure' | 'gcp';
  region: string;
  cluster: string;
  environment?: string;
  stateBucket: string;
  entries: HealthEntry[];
  domain?: string;
  /** Let's Encrypt production unless the plan chose staging or self-signed certificates (untrusted by design). */
  tlsIssuer: string;
  nodePools: { name: string; min: number; max: number }[];
  namespaces: string[];
  releases: { namespace: string; name: string }[];
  hosts: { component: string; host: string }[];
  gateway?: { namespace: string; name: string };
  oidc?: { issuer: string; clients: OidcClient[] };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseHealthConfig(json: unknown, where = '.opsta/pipeline.json'): HealthConfig {
  const bad = (path: string, what: string): never => {
    throw new UsageError(`${where}: ${path} ${what}; regenerate the repository with opsta generate`);
  };
  if (!isObj(json)) return bad('(root)', 'must be an object');
  const str = (o: Record<string, unknown>, k: string, path: string): string =>
    typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : bad(`${path}.${k}`, 'must be a non-empty string');
  const int = (o: Record<string, unknown>, k: string, path: string): number =>
    Number.isInteger(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : bad(`${path}.${k}`, 'must be a non-negative integer');
  const list = (o: Record<string, unknown>, k: string, path: string): unknown[] =>
    o[k] === undefined ? [] : Array.isArray(o[k]) ? (o[k] as unknown[]) : bad(`${path}.${k}`, 'must be a list');
  const codes = (o: Record<string, unknown>, path: string): number[] => {
    const e = o.expect ?? [200];
    return Array.isArray(e) && e.length > 0 && e.every((c) => Number.isInteger(c)) ? (e as number[]) : bad(`${path}.expect`, 'must be a list of HTTP status codes');
  };
  const cloud = str(json, 'cloud', 'pipeline');
  if (cloud !== 'aws' && cloud !== 'azure' && cloud !== 'gcp') bad('pipeline.cloud', 'must be aws, azure or gcp');

  const entries = list(json, 'health', 'pipeline').map((e, i): HealthEntry => {
    const p = `health[${i}]`;
    if (!isObj(e)) return bad(p, 'must be an object');
    const base = { component: str(e, 'component', p), name: str(e, 'name', p) };
    if (typeof e.url === 'string') {
      let u: URL;
      try {
        u = new URL(e.url);
      } catch {
        return bad(`${p}.url`, 'must be an absolute URL');
      }
      if (u.protocol !== 'https:') bad(`${p}.url`, 'must be https');
      return { kind: 'url', ...base, url: e.url, expect: codes(e, p) };
    }
    if (typeof e.service === 'string') {
      if (!/^[a-z][a-z0-9-]*:[0-9]{1,5}$/.test(e.service)) bad(`${p}.service`, 'must be <service>:<port>');
      return {
        kind: 'service',
        ...base,
        namespace: str(e, 'namespace', p),
        service: e.service,
        path: str(e, 'path', p),
        expect: codes(e, p),
      };
    }
    if (typeof e.workload === 'string') {
      if (!/^(deployment|statefulset|daemonset)\/[a-z0-9-]+$/.test(e.workload)) bad(`${p}.workload`, 'must be deployment|statefulset|daemonset/<name>');
      return {
        kind: 'workload',
        ...base,
        namespace: str(e, 'namespace', p),
        workload: e.workload,
      };
    }
    return bad(p, 'needs a url, a service or a workload');
  });

  const ctx = json.healthContext === undefined ? {} : isObj(json.healthContext) ? json.healthContext : bad('healthContext', 'must be an object');
  const hc = 'healthContext';
  const nodePools = list(ctx, 'nodePools', hc).map((n, i) => {
    if (!isObj(n)) return bad(`${hc}.nodePools[${i}]`, 'must be an object');
    return {
      name: str(n, 'name', `${hc}.nodePools[${i}]`),
      min: int(n, 'min', `${hc}.nodePools[${i}]`),
      max: int(n, 'max', `${hc}.nodePools[${i}]`),
    };
  });
  const nsName = (k: string) =>
    list(ctx, k, hc).map((r, i) =>
      isObj(r)
        ? {
            namespace: str(r, 'namespace', `${hc}.${k}[${i}]`),
            name: str(r, 'name', `${hc}.${k}[${i}]`),
          }
        : bad(`${hc}.${k}[${i}]`, 'must be an object'),
    );
  const hosts = list(ctx, 'hosts', hc).map((h, i) =>
    isObj(h)
      ? {
          component: str(h, 'component', `${hc}.hosts[${i}]`),
          host: str(h, 'host', `${hc}.hosts[${i}]`),
        }
      : bad(`${hc}.hosts[${i}]`, 'must be an object'),
  );
  let gateway: HealthConfig['gateway'];
  if (ctx.gateway !== undefined) {
    if (!isObj(ctx.gateway)) bad(`${hc}.gateway`, 'must be an object');
    const g = ctx.gateway as Record<string, unknown>;
    gateway = {
      namespace: str(g, 'namespace', `${hc}.gateway`),
      name: str(g, 'name', `${hc}.gateway`),
    };
  }
  let oidc: HealthConfig['oidc'];
  if (ctx.oidc !== undefined) {
    if (!isObj(ctx.oidc)) bad(`${hc}.oidc`, 'must be an object');
    const o = ctx.oidc as Record<string, unknown>;
    oidc = {
      issuer: str(o, 'issuer', `${hc}.oidc`),
      clients: list(o, 'clients', `${hc}.oidc`).map((c, i) => {
        const p = `${hc}.oidc.clients[${i}]`;
        if (!isObj(c)) return bad(p, 'must be an object');
        return {
          component: str(c, 'component', p),
          clientId: str(c, 'clientId', p),
          baseUrl: str(c, 'baseUrl', p),
          redirectUri: str(c, 'redirectUri', p),
        };
      }),
    };
  }
  return {
    cloud: cloud as HealthConfig['cloud'],
    region: str(json, 'region', 'pipeline'),
    cluster: str(json, 'cluster', 'pipeline'),
    ...(typeof json.environment === 'string' ? { environment: json.environment } : {}),
    stateBucket: str(json, 'stateBucket', 'pipeline'),
    entries,
    ...(typeof ctx.domain === 'string' ? { domain: ctx.domain } : {}),
    tlsIssuer: typeof ctx.tlsIssuer === 'string' ? ctx.tlsIssuer : 'letsencrypt',
    nodePools,
    namespaces: list(ctx, 'namespaces', hc).map((n, i) => (typeof n === 'string' ? n : bad(`${hc}.namespaces[${i}]`, 'must be a string'))),
    releases: nsName('releases'),
    hosts,
    ...(gateway ? { gateway } : {}),
    ...(oidc ? { oidc } : {}),
  };
}
