// Concurrency (20 endpoints, some slow: the run takes about the slowest, not the sum), Teleport
// and Argo CD endpoint meanings, and Markdown that keeps hostile server text inert. Real HTTPS
// servers and a real DNS server on 127.0.0.1 (bench/health.ts builds the same scenario the
// bench measures).
import { describe, expect, it } from 'vitest';
import { renderHealthMarkdown, runHealth } from '../../generator/runtime/health/index.ts';
import { endpointScenario, runTwenty } from '../../bench/health.ts';
import { requireTool } from '../support/tools.ts';
import { hasOpenssl } from '../support/tls-certs.ts';

const ok = requireTool('openssl', hasOpenssl);

describe.skipIf(!ok)('health endpoints over real HTTPS', () => {
  it('runs 20 endpoints concurrently: wall time about the slowest, far under the sum of latencies', async () => {
    const { report, wallMs, latencySumMs, slowestMs } = await runTwenty();
    expect(report.checks).toHaveLength(20);
    expect(report.counts.pass).toBe(20);
    // The slow endpoints really were slow (the delay is on the server, so a check cannot be quicker)…
    const slow = report.checks.filter((x) => ['e00', 'e04', 'e08', 'e12', 'e16'].includes(x.id.slice('endpoint:'.length)));
    expect(slow).toHaveLength(5);
    for (const c of slow) expect(c.durationMs).toBeGreaterThanOrEqual(slowestMs - 5);
    // …and a sequential run could not take less than the sum (5380 ms); this one takes about the slowest (800 ms).
    expect(wallMs).toBeLessThan(latencySumMs / 2);
    expect(wallMs).toBeLessThan(slowestMs + 2000);
    expect(report.durationMs).toBeLessThan(report.sumOfCheckDurationsMs);
  }, 60_000);

  it('one slow endpoint times out alone; the others finish without waiting for it', async () => {
    const s = await endpointScenario([
      { name: 'slow', delayMs: 5000 },
      { name: 'fast', delayMs: 10 },
    ]);
    try {
      const t0 = performance.now();
      const r = await runHealth(s.pipeline, s.deps({ timeoutMs: 500 }));
      expect(performance.now() - t0).toBeLessThan(2500);
      expect(r.checks.find((c) => c.id === 'endpoint:slow')).toMatchObject({ status: 'fail', reason: 'no answer within 500 ms' });
      expect(r.checks.find((c) => c.id === 'endpoint:fast')?.status).toBe('pass');
    } finally {
      await s.close();
    }
  }, 30_000);

  it('Teleport /webapi/ping needs the proxy settings; Argo CD /healthz needs "ok"', async () => {
    const s = await endpointScenario([
      {
        name: 'teleport',
        component: 'teleport',
        path: '/webapi/ping',
        delayMs: 0,
        body: JSON.stringify({ auth: { type: 'local' }, proxy: { ssh: {} }, server_version: '18.1.0' }),
      },
      { name: 'teleport-wrong', component: 'teleport', path: '/webapi/ping', delayMs: 0, body: '<html>default backend</html>' },
      { name: 'argocd', component: 'argocd', path: '/healthz', delayMs: 0, body: 'ok' },
      { name: 'argocd-wrong', component: 'argocd', path: '/healthz', delayMs: 0, body: 'upstream connect error' },
      { name: 'argocd-503', component: 'argocd', path: '/healthz', delayMs: 0, status: 503, body: 'no healthy upstream' },
    ]);
    try {
      const r = await runHealth(s.pipeline, s.deps());
      const st = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
      expect(st).toEqual({
        'endpoint:teleport': 'pass',
        'endpoint:teleport-wrong': 'fail',
        'endpoint:argocd': 'pass',
        'endpoint:argocd-wrong': 'fail',
        'endpoint:argocd-503': 'fail',
      });
      expect(r.checks.find((c) => c.id === 'endpoint:argocd-503')?.reason).toBe('answered 503, expected 200: no healthy upstream');
    } finally {
      await s.close();
    }
  }, 30_000);

  it('Markdown keeps what a server said inert: no HTML, mentions, references, table breaks or bidi overrides', async () => {
    const hostile = '<img src=x onerror=alert(1)> @admin #12 | col ](javascript:alert(1)) `tick` \u202eevil';
    const s = await endpointScenario([{ name: 'evil', delayMs: 0, status: 500, body: hostile }]);
    try {
      const r = await runHealth(s.pipeline, s.deps());
      const reason = r.checks[0]!.reason;
      expect(reason).toContain('<img src=x'); // the JSON report keeps the server's words…
      const md = renderHealthMarkdown(r);
      const row = md.split('\n').find((l) => l.includes('endpoint:evil'))!;
      // …the Markdown escapes them.
      expect(md).not.toContain('<img');
      expect(md).toContain('&lt;img');
      expect(md).not.toMatch(/@admin/);
      expect(md).toContain('@\u200dadmin');
      expect(md).toContain('#\u200d12');
      expect(md).not.toContain('\u202e');
      expect(row.split(/(?<!\\)\|/)).toHaveLength(7); // 5 cells: no pipe from the server splits the row
      expect(row).toContain('\\](javascript:alert(1))'); // the escaped ] opens no link, so the parentheses stay as written
      expect(md).toMatch(/^## Health: ❌ fail/);
    } finally {
      await s.close();
    }
  }, 30_000);
});
