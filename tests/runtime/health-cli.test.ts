// `node opsta.mjs health` as the scheduled workflow runs it: the committed bundle, alone in a
// temporary directory, in an environment with no cloud variables, no KUBECONFIG and no HOME. The
// public endpoints are the platform double's (tests/runtime/health-platform.ts) on 127.0.0.1; the
// test CA reaches the bundle through NODE_EXTRA_CA_CERTS and the URLs name the double's port (the
// CLI has no port or CA flag: production uses 443 and the system roots).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../generator/runtime/health/index.ts';
import { requireTool } from '../support/tools.ts';
import { hasOpenssl } from '../support/tls-certs.ts';
import { isolatedBundle } from './support/bundle.ts';
import { startPlatform, type Platform } from './health-platform.ts';

const ok = requireTool('openssl', hasOpenssl);

/** Asynchronous, so the HTTPS and DNS servers of this process keep answering while it runs. */
function runBundle(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [isolatedBundle(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr }));
  });
}

describe.skipIf(!ok)('opsta.mjs health in a job with nothing but the public network', () => {
  let p: Platform;
  let dir: string;
  let pipelineFile: string;
  let env: Record<string, string>;
  const urlIds: string[] = [];
  beforeAll(async () => {
    p = await startPlatform();
    dir = mkdtempSync(join(tmpdir(), 'opsta-health-cli-'));
    // Hosts and SSO clients are checked on 443 by design; their checks have their own tests. Here the
    // public component endpoints stand for the public checks, on the double's port.
    const pipeline = structuredClone(p.pipeline);
    pipeline.health = pipeline.health.map((e: { url?: string }) => (e.url ? { ...e, url: e.url.replace(/^https:\/\/([^/]+)\//, `https://$1:${p.port}/`) } : e));
    for (const e of pipeline.health) if (e.url) urlIds.push(`endpoint:${e.name}`);
    pipeline.healthContext.hosts = [];
    delete pipeline.healthContext.oidc;
    pipelineFile = join(dir, 'pipeline.json');
    writeFileSync(pipelineFile, JSON.stringify(pipeline));
    writeFileSync(join(dir, 'ca.pem'), p.pki.caPem);
    writeFileSync(join(dir, 'summary.md'), '');
    // The stand-ins come first on PATH: in the first test only to record a call nobody should make.
    env = { PATH: p.standins.env.PATH!, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 with the identity and cluster checks not run, the public endpoints checked, and the report written', async () => {
    expect(urlIds.length).toBeGreaterThanOrEqual(3);
    const out = join(dir, 'empty.json');
    const r = await runBundle(['health', '--pipeline', pipelineFile, '--out', out, '--dns', p.dns.address], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as HealthReport;
    expect(report).toMatchObject({ schemaVersion: 2, status: 'partial' });
    const by = (id: string) => report.checks.find((c) => c.id === id)!;
    for (const id of ['cloud-credentials', 'state-backend']) expect(by(id).reason, id).toMatch(/^not run: no cloud identity in this job/);
    for (const id of ['cluster-api', 'nodes', 'system-pods', 'helm-releases', 'gateway-address']) expect(by(id).reason, id).toMatch(/^not run: no kubeconfig in this job/);
    expect(urlIds.map((id) => `${id}: ${by(id).status}`)).toEqual(urlIds.map((id) => `${id}: pass`));
    expect(report.counts).toMatchObject({ pass: urlIds.length, fail: 0, warn: 0 });
    expect(p.standins.calls()).toEqual([]);
    // The job summary and stdout carry the same Markdown.
    expect(r.stdout).toMatch(/^## Health: ◐ partially checked/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain(r.stdout.trim());
  });

  it('exits 1 when an identity is there and its check fails: present but broken is a failure, not "not run"', async () => {
    const args = `s3api head-bucket --bucket ${p.pipeline.stateBucket} --region ${p.pipeline.region}`;
    p.standins.answer('aws', { [args]: { code: 254, stderr: 'An error occurred (403) when calling the HeadBucket operation: Forbidden' } });
    const out = join(dir, 'broken.json');
    const r = await runBundle(['health', '--pipeline', pipelineFile, '--out', out, '--dns', p.dns.address], {
      ...env,
      AWS_ACCESS_KEY_ID: 'ASIATESTONLY',
      AWS_SECRET_ACCESS_KEY: 'test-only',
      AWS_SESSION_TOKEN: 'test-only',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/health: 1 check\(s\) failed/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as HealthReport;
    expect(report.status).toBe('fail');
    expect(report.checks.find((c) => c.id === 'state-backend')).toMatchObject({ status: 'fail', reason: expect.stringContaining('Forbidden') });
    expect(report.checks.find((c) => c.id === 'cloud-credentials')!.status).toBe('pass');
    expect(`${r.stdout}${r.stderr}`).not.toContain('test-only');
  });
});
