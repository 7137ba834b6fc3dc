/**
 * A healthy platform on 127.0.0.1 for the health checks to examine, built from the real
 * pipeline.json of examples/aws-medium.plan.yaml: one HTTPS server standing in for the Gateway
 * (SNI picks each host's certificate, the Host header picks the component), a DNS server that
 * publishes every host at 127.0.0.1, and recording stand-ins for kubectl, helm and aws on PATH
 * answering as a healthy cluster would. Each test breaks one thing and expects that check to fail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { days, makeTestPki, type TestCert, type TestPki } from '../support/tls-certs.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { makeStandins, type Standins } from './health-standins.ts';
import type { HealthDeps } from '../../generator/runtime/health/index.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export function generatedPipeline(plan = 'examples/aws-medium.plan.yaml'): Record<string, any> {
  const opts = nodeGenerateOptions();
  const v = validatePlanText(readFileSync(plan, 'utf8'), opts.catalog);
  if (!v.ok) throw new Error(`${plan} is invalid`);
  return JSON.parse(generateRepository(v.plan, v.resolved, opts)['.opsta/pipeline.json']!);
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export interface Platform {
  pipeline: Record<string, any>;
  pki: TestPki;
  dns: TestDnsServer;
  standins: Standins;
  port: number;
  /** Replace one host's certificate. */
  setCert(host: string, cert: TestCert): void;
  /** Override one route: `host` + pathname. */
  route(host: string, path: string, h: Handler): void;
  /** Keycloak's registered clients: clientId → allowed redirect URI. */
  keycloakClients: Map<string, string>;
  deps(extra?: Partial<HealthDeps>): HealthDeps;
  close(): Promise<void>;
}

const node = (name: string, ready = true) => ({
  metadata: { name },
  spec: {},
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
export const runningPod = (namespace: string, name: string) => ({
  metadata: { namespace, name },
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'main', ready: true, state: { running: {} } }],
  },
});

export async function startPlatform(): Promise<Platform> {
  const pipeline = generatedPipeline();
  const ctx = pipeline.healthContext;
  const issuer: string = ctx.oidc.issuer;
  const authEndpoint = `${issuer}/protocol/openid-connect/auth`;
  const pki = makeTestPki();
  const contexts = new Map<string, SecureContext>();
  const setCert = (host: string, c: TestCert) => contexts.set(host, createSecureContext({ key: c.key, cert: c.cert }));
  for (const { host } of ctx.hosts) setCert(host, pki.issue({ hosts: [host], notBefore: days(-1), notAfter: days(90) }));

  const keycloakClients = new Map<string, string>(ctx.oidc.clients.map((c: any) => [c.clientId, c.redirectUri]));
  const authUrl = (clientId: string, redirect: string) =>
    `${authEndpoint}?client_id=${encodeURIComponent(clientId)}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=openid&state=s1`;
  const client = (component: string) => ctx.oidc.clients.find((c: any) => c.component === component);
  const host = (component: string) => ctx.hosts.find((h: any) => h.component === component).host as string;

  const routes = new Map<string, Handler>();
  const route = (h: string, path: string, fn: Handler) => routes.set(`${h}${path}`, fn);
  route(host('keycloak'), '/realms/acme/.well-known/openid-configuration', (_q, res) =>
    json(res, 200, {
      issuer,
      authorization_endpoint: authEndpoint,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    }),
  );
  route(host('keycloak'), '/realms/acme/protocol/openid-connect/auth', (_q, res, url) => {
    // As Keycloak does: an unknown client or a redirect URI not registered gets a 400 error page.
    const allowed = keycloakClients.get(url.searchParams.get('client_id') ?? '');
    if (allowed === undefined) return (res.writeHead(400, { 'content-type': 'text/html' }), res.end('<html><title>Sign in</title><p>Client not found.</p></html>'));
    if (allowed !== url.searchParams.get('redirect_uri')) return (res.writeHead(400, { 'content-type': 'text/html' }), res.end('<p>Invalid parameter: redirect_uri</p>'));
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><title>Sign in to acme</title></html>');
  });
  route(host('vault'), '/v1/sys/health', (_q, res) =>
    json(res, 200, {
      initialized: true,
      sealed: false,
      standby: false,
      performance_standby: false,
      version: '1.20.0',
    }),
  );
  route(host('vault'), '/v1/auth/oidc/oidc/auth_url', (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () =>
      json(res, 200, {
        data: { auth_url: authUrl('vault', JSON.parse(body).redirect_uri) },
      }),
    );
  });
  route(host('harbor'), '/api/v2.0/health', (_q, res) =>
    json(res, 200, {
      status: 'healthy',
      components: ['core', 'database', 'jobservice', 'portal', 'redis', 'registry'].map((name) => ({ name, status: 'healthy' })),
    }),
  );
  route(
    host('harbor'),
    '/c/oidc/login',
    (_q, res) => (
      res.writeHead(302, {
        location: authUrl('harbor', client('harbor').redirectUri),
      }),
      res.end()
    ),
  );
  route(host('monitoring'), '/api/health', (_q, res) => json(res, 200, { commit: 'abc', database: 'ok', version: '12.1.0' }));
  route(
    host('monitoring'),
    '/login/generic_oauth',
    (_q, res) => (
      res.writeHead(302, {
        location: authUrl('grafana', client('monitoring').redirectUri),
      }),
      res.end()
    ),
  );

  const server: Server = createServer(
    {
      SNICallback: (name, cb) => cb(null, contexts.get(name)),
      key: undefined,
      cert: undefined,
    },
    (req, res) => {
      const h = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${h}`);
      const fn = routes.get(`${h}${url.pathname}`);
      if (fn) fn(req, res, url);
      else json(res, 404, { error: 'not found' });
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dns = await startDnsServer(Object.fromEntries(ctx.hosts.map((h: any) => [h.host, ['127.0.0.1']])));

  const standins = makeStandins();
  const k = (args: string, stdout: unknown) => ({
    [args]: {
      stdout: typeof stdout === 'string' ? stdout : JSON.stringify(stdout),
    },
  });
  const workloads = pipeline.health.filter((e: any) => e.workload);
  standins.answer('kubectl', {
    ...k('get --raw /readyz', 'ok'),
    ...k('version -o json', {
      clientVersion: { gitVersion: 'v1.34.1' },
      serverVersion: { gitVersion: 'v1.34.1-eks-1' },
    }),
    ...k('get nodes -o json', {
      items: [node('ip-10-40-1-1'), node('ip-10-40-2-1'), node('ip-10-40-3-1')],
    }),
    ...k('get pods --all-namespaces -o json', {
      items: [
        ...ctx.namespaces.map((ns: string) => runningPod(ns, `${ns}-0`)),
        {
          metadata: { namespace: 'vault', name: 'migrate-1' },
          status: { phase: 'Succeeded' },
        },
      ],
    }),
    ...Object.assign(
      {},
      ...workloads.map((e: any) =>
        k(
          `get ${e.workload} --namespace ${e.namespace} -o json`,
          e.workload.startsWith('deployment/') ? { spec: { replicas: 2 }, status: { availableReplicas: 2 } } : { spec: { replicas: 1 }, status: { readyReplicas: 1 } },
        ),
      ),
    ),
    ...k('get gateway platform --namespace envoy-gateway-system -o json', {
      status: {
        addresses: [{ type: 'IPAddress', value: '127.0.0.1' }],
        conditions: [{ type: 'Programmed', status: 'True' }],
      },
    }),
    ...k('get --raw /api/v1/namespaces/keycloak/services/http:keycloak-service:9000/proxy/health/ready', { status: 'UP', checks: [] }),
  });
  standins.answer(
    'helm',
    k(
      'list --all-namespaces --all --output json',
      ctx.releases.map((r: any) => ({
        ...r,
        revision: '1',
        status: 'deployed',
        chart: `${r.name}-1.0.0`,
      })),
    ),
  );
  standins.answer('aws', k(`s3api head-bucket --bucket ${pipeline.stateBucket} --region ${pipeline.region}`, ''));

  const kubeconfig = join(standins.dir, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\n');
  return {
    pipeline,
    pki,
    dns,
    standins,
    port,
    setCert,
    route,
    keycloakClients,
    deps: (extra = {}) => ({
      env: {
        ...standins.env,
        // Present, as after the workflow's kubeconfig step; the stand-in kubectl reads nothing from it.
        KUBECONFIG: kubeconfig,
        AWS_ACCESS_KEY_ID: 'ASIATESTONLY',
        AWS_SECRET_ACCESS_KEY: 'test-only',
        AWS_SESSION_TOKEN: 'test-only',
      },
      dnsServers: [dns.address],
      ca: [pki.caPem],
      httpsPort: port,
      timeoutMs: 15_000,
      ...extra,
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await dns.close();
      standins.cleanup();
      pki.cleanup();
    },
  };
}
