// Health checks run concurrently: a run against 20 endpoints, some slow, takes about as long as
// the slowest, not the sum of their latencies. Real HTTPS servers on 127.0.0.1 (a certificate
// made with openssl for *.health.test) found through a real DNS server on 127.0.0.1; the same
// scenario backs tests/runtime/health-concurrency.test.ts.
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { runHealth, type HealthDeps, type HealthReport } from '../generator/runtime/health/index.ts';
import { days, hasOpenssl, makeTestPki } from '../tests/support/tls-certs.ts';
import { startDnsServer } from '../tests/support/dns-server.ts';

export interface ScenarioEndpoint {
  name: string;
  /** Catalog key whose meaning of the answer applies (vault, harbor, teleport, argocd, …); default a generic one. */
  component?: string;
  delayMs: number;
  status?: number;
  body?: string;
  path?: string;
}

export interface Scenario {
  pipeline: Record<string, unknown>;
  deps: (extra?: Partial<HealthDeps>) => HealthDeps;
  close: () => Promise<void>;
}

/** One HTTPS server answering each `<name>.health.test` after its delay, and a DNS server publishing them all at 127.0.0.1. */
export async function endpointScenario(endpoints: ScenarioEndpoint[]): Promise<Scenario> {
  const pki = makeTestPki();
  const leaf = pki.issue({ hosts: ['*.health.test'], notBefore: days(-1), notAfter: days(90) });
  const byHost = new Map(endpoints.map((e) => [`${e.name}.health.test`, e]));
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer({ key: leaf.key, cert: leaf.cert }, (req: IncomingMessage, res: ServerResponse) => {
    const e = byHost.get((req.headers.host ?? '').replace(/:\d+$/, ''));
    if (!e) return (res.writeHead(404), res.end());
    const t = setTimeout(() => {
      timers.delete(t);
      res.writeHead(e.status ?? 200, { 'content-type': e.body?.startsWith('{') ? 'application/json' : 'text/plain' });
      res.end(e.body ?? 'ok');
    }, e.delayMs);
    timers.add(t);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const dns = await startDnsServer(Object.fromEntries([...byHost.keys()].map((h) => [h, ['127.0.0.1']])));
  const port = (server.address() as AddressInfo).port;
  const pipeline = {
    cloud: 'aws',
    region: 'eu-west-1',
    cluster: 'bench',
    stateBucket: 'bench-state',
    health: endpoints.map((e) => ({ component: e.component ?? 'generic', name: e.name, url: `https://${e.name}.health.test${e.path ?? '/health'}`, expect: [200] })),
  };
  return {
    pipeline,
    deps: (extra = {}) => ({ env: {}, dnsServers: [dns.address], ca: [pki.caPem], httpsPort: port, only: ['endpoint:'], timeoutMs: 10_000, ...extra }),
    close: async () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await dns.close();
      pki.cleanup();
    },
  };
}

/** 20 endpoints: 5 slow (800 ms), 15 fast (20–160 ms). */
export function twentyEndpoints(): ScenarioEndpoint[] {
  return Array.from({ length: 20 }, (_, i) => ({ name: `e${String(i).padStart(2, '0')}`, delayMs: i % 4 === 0 ? 800 : 20 + (i % 8) * 20 }));
}

export async function runTwenty(): Promise<{ report: HealthReport; wallMs: number; latencySumMs: number; slowestMs: number }> {
  const endpoints = twentyEndpoints();
  const s = await endpointScenario(endpoints);
  try {
    await runHealth(s.pipeline, s.deps()); // warm-up: the first TLS handshakes and module loading
    const t0 = performance.now();
    const report = await runHealth(s.pipeline, s.deps());
    const wallMs = performance.now() - t0;
    return { report, wallMs, latencySumMs: endpoints.reduce((a, e) => a + e.delayMs, 0), slowestMs: Math.max(...endpoints.map((e) => e.delayMs)) };
  } finally {
    await s.close();
  }
}

export async function healthBench(): Promise<string[]> {
  if (!hasOpenssl()) return ['SKIPPED health figures: no openssl CLI to make the test certificates'];
  const { report, wallMs, latencySumMs, slowestMs } = await runTwenty();
  return [
    `Health run, ${report.checks.length} HTTPS endpoints (5 slow at ${slowestMs} ms): wall ${wallMs.toFixed(0)} ms; sum of server latencies ${latencySumMs} ms, ` +
      `sum of check durations ${report.sumOfCheckDurationsMs} ms (${(report.sumOfCheckDurationsMs / wallMs).toFixed(1)}x concurrency), ${report.counts.pass} passed`,
  ];
}
