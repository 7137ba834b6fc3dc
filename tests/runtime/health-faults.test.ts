// Every health check fails (or warns) on the fault it exists for. Each test breaks one thing on
// the platform double (tests/runtime/health-platform.ts: real HTTPS with certificates made here,
// a real DNS server on 127.0.0.1, recording stand-ins for kubectl/helm/aws on PATH), runs only
// that check, expects the verdict and the reason, and puts the platform back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHealth, type HealthDeps } from '../../generator/runtime/health/index.ts';
import { requireTool } from '../support/tools.ts';
import { days, hasOpenssl, makeTestPki } from '../support/tls-certs.ts';
import { json, runningPod, startPlatform, type Platform } from './health-platform.ts';

const ok = requireTool('openssl', hasOpenssl);

describe.skipIf(!ok)('health check faults', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  }, 60_000);
  afterAll(() => p?.close());

  const SSO = 'sso.platform.acme.example';
  const VAULT = 'vault.platform.acme.example';
  const REGISTRY = 'registry.platform.acme.example';
  const GRAFANA = 'grafana.platform.acme.example';

  async function check(id: string, extra: Partial<HealthDeps> = {}, pipeline: unknown = p.pipeline) {
    const r = await runHealth(pipeline, p.deps({ only: [id], ...extra }));
    expect(r.checks.map((c) => c.id)).toEqual([id]);
    return r.checks[0]!;
  }
  /** Break something for one test and put it back afterwards. */
  async function withFault<T>(apply: () => void, restore: () => void, body: () => Promise<T>): Promise<T> {
    apply();
    try {
      return await body();
    } finally {
      restore();
    }
  }
  const kubectl = (args: string, stdout: unknown, code = 0, stderr = '') =>
    p.standins.answer('kubectl', { [args]: { stdout: typeof stdout === 'string' ? stdout : JSON.stringify(stdout), code, stderr } });

  describe('cloud credentials (env)', () => {
    it('is not run in a job with no AWS identity at all; fails on half an identity (a session token alone)', async () => {
      const none = await check('cloud-credentials', { env: { PATH: p.standins.env.PATH } });
      expect(none).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not run: no cloud identity in this job \(none of AWS_ACCESS_KEY_ID, .* is set\)$/) });
      const half = await check('cloud-credentials', { env: { PATH: p.standins.env.PATH, AWS_SESSION_TOKEN: 'test-only' } });
      expect(half.status).toBe('fail');
      expect(half.reason).toMatch(/no AWS credentials.*configure-aws-credentials/);
    });
    it('warns on a long-lived access key (no session token) and never prints it', async () => {
      const c = await check('cloud-credentials', { env: { AWS_ACCESS_KEY_ID: 'AKIASECRETVALUE', AWS_SECRET_ACCESS_KEY: 'hunter2' } });
      expect(c.status).toBe('warn');
      expect(JSON.stringify(c)).not.toMatch(/AKIASECRETVALUE|hunter2/);
    });
    it('fails on Azure with ARM_USE_OIDC but no id-token permission, passes with it', async () => {
      const azure = { ...p.pipeline, cloud: 'azure' };
      const env = { ARM_CLIENT_ID: 'c', ARM_TENANT_ID: 't', ARM_SUBSCRIPTION_ID: 's', ARM_USE_OIDC: 'true' };
      expect((await check('cloud-credentials', { env }, azure)).status).toBe('fail');
      expect((await check('cloud-credentials', { env: { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } }, azure)).status).toBe('pass');
      expect((await check('cloud-credentials', { env: { ARM_CLIENT_ID: 'c' } }, azure)).reason).toMatch(/ARM_TENANT_ID, ARM_SUBSCRIPTION_ID not set/);
    });
    it('GCP: a service-account key warns, a Workload Identity file passes, an unreadable one fails, none is not run', async () => {
      const gcp = { ...p.pipeline, cloud: 'gcp' };
      const dir = mkdtempSync(join(tmpdir(), 'opsta-gcp-'));
      try {
        writeFileSync(join(dir, 'key.json'), JSON.stringify({ type: 'service_account', private_key: 'not-a-real-key' }));
        writeFileSync(join(dir, 'wif.json'), JSON.stringify({ type: 'external_account' }));
        const key = await check('cloud-credentials', { env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'key.json') } }, gcp);
        expect(key.status).toBe('warn');
        expect(JSON.stringify(key)).not.toContain('not-a-real-key');
        expect((await check('cloud-credentials', { env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'wif.json') } }, gcp)).status).toBe('pass');
        expect((await check('cloud-credentials', { env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') } }, gcp)).status).toBe('fail');
        expect((await check('cloud-credentials', { env: {} }, gcp)).status).toBe('skipped');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('state backend', () => {
    const args = () => `s3api head-bucket --bucket ${p.pipeline.stateBucket} --region ${p.pipeline.region}`;
    it('fails when the bucket cannot be reached (stand-in aws exits 254)', async () => {
      await withFault(
        () => p.standins.answer('aws', { [args()]: { code: 254, stderr: 'An error occurred (404) when calling the HeadBucket operation: Not Found' } }),
        () => p.standins.answer('aws', { [args()]: { code: 0 } }),
        async () => {
          const c = await check('state-backend');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('HeadBucket operation: Not Found');
        },
      );
    });
    it('is not run without a cloud identity, and asks the CLI nothing', async () => {
      const before = p.standins.calls().length;
      const c = await check('state-backend', { env: { PATH: p.standins.env.PATH } });
      expect(c).toMatchObject({ status: 'skipped', reason: expect.stringContaining('no cloud identity in this job') });
      expect(p.standins.calls().slice(before)).toEqual([]);
    });
    it('uses an injected probe instead of the CLI', async () => {
      const c = await check('state-backend', { stateProbe: async (cfg) => ({ status: 'fail', reason: `probe saw ${cfg.stateBucket}` }) });
      expect(c).toMatchObject({ status: 'fail', reason: `probe saw ${p.pipeline.stateBucket}` });
    });
  });

  describe('cluster (stand-in kubectl)', () => {
    it('cluster API: fails when /readyz is unreachable', async () => {
      await withFault(
        () => kubectl('get --raw /readyz', '', 1, 'Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout'),
        () => kubectl('get --raw /readyz', 'ok'),
        async () => {
          const c = await check('cluster-api');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('i/o timeout');
        },
      );
    });
    it('the checks through the cluster wait for cluster-api and are not run when it failed: one failure, not seven', async () => {
      await withFault(
        () => kubectl('get --raw /readyz', '', 1, 'Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout'),
        () => kubectl('get --raw /readyz', 'ok'),
        async () => {
          const before = p.standins.calls().length;
          const ids = ['cluster-api', 'nodes', 'system-pods', 'helm-releases', 'gateway-address', 'workload:envoy-gateway', 'endpoint:keycloak-ready', 'tls:'];
          const r = await runHealth(p.pipeline, p.deps({ only: ids }));
          const of = (id: string) => r.checks.find((c) => c.id === id)!;
          expect(of('cluster-api').status).toBe('fail');
          for (const id of ids.slice(1, -1)) expect(of(id), id).toMatchObject({ status: 'skipped', reason: 'not run: the cluster API did not answer (see cluster-api)' });
          // The public checks do not depend on it.
          expect(r.checks.filter((c) => c.id.startsWith('tls:')).map((c) => c.status)).toEqual(r.checks.filter((c) => c.id.startsWith('tls:')).map(() => 'pass'));
          expect(r.status).toBe('fail');
          // Only the gate asked the cluster anything.
          expect(p.standins.calls().slice(before).map((c) => `${c.tool} ${c.args}`)).toEqual(['kubectl get --raw /readyz']);
        },
      );
    });
    it('the checks through the cluster are not run without a kubeconfig, and kubectl and helm are never called', async () => {
      const before = p.standins.calls().length;
      const env = { ...p.deps().env, KUBECONFIG: undefined, HOME: mkdtempSync(join(tmpdir(), 'opsta-home-')) };
      const r = await runHealth(p.pipeline, p.deps({ env, only: ['cluster-api', 'nodes', 'helm-releases', 'gateway-address', 'dns:'] }));
      for (const c of r.checks.filter((x) => !x.id.startsWith('dns:')))
        expect(c, c.id).toMatchObject({ status: 'skipped', reason: 'not run: no kubeconfig in this job (KUBECONFIG is not set and there is no ~/.kube/config)' });
      // DNS still resolves every host; it cannot compare with the Gateway's address, and says so.
      const dns = r.checks.filter((x) => x.id.startsWith('dns:'));
      expect(dns.length).toBeGreaterThan(0);
      for (const c of dns) expect(c, c.id).toMatchObject({ status: 'pass', reason: expect.stringContaining("not compared with the Gateway's address: no kubeconfig") });
      expect(r.status).toBe('partial');
      expect(p.standins.calls().slice(before)).toEqual([]);
      rmSync(env.HOME, { recursive: true, force: true });
    });
    it('a KUBECONFIG naming no file is a broken setup, not an absent one: the check is run (and kubectl fails on it)', async () => {
      const before = p.standins.calls().length;
      const r = await runHealth(p.pipeline, p.deps({ env: { ...p.deps().env, KUBECONFIG: '/nonexistent/kubeconfig' }, only: ['cluster-api'] }));
      expect(r.checks[0]!.status).not.toBe('skipped');
      expect(p.standins.calls().slice(before).map((c) => `${c.tool} ${c.args}`)).toContain('kubectl get --raw /readyz');
    });
    const nodes = (ready: boolean[]) => ({
      items: ready.map((r, i) => ({ metadata: { name: `n${i}` }, spec: {}, status: { conditions: [{ type: 'Ready', status: r ? 'True' : 'False' }] } })),
    });
    it('nodes: fails with 2 Ready of 3 desired (the node pool min), naming the one not ready', async () => {
      await withFault(
        () => kubectl('get nodes -o json', nodes([true, true, false])),
        () => kubectl('get nodes -o json', nodes([true, true, true])),
        async () => {
          const c = await check('nodes');
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/2 of 3 desired nodes are Ready.*n2/);
        },
      );
    });
    it('nodes: warns when enough are Ready but one is not', async () => {
      await withFault(
        () => kubectl('get nodes -o json', nodes([true, true, true, false])),
        () => kubectl('get nodes -o json', nodes([true, true, true])),
        async () => expect((await check('nodes')).status).toBe('warn'),
      );
    });
    it('system pods: fails on a CrashLoopBackOff in kube-system, ignores other namespaces', async () => {
      const healthy = p.pipeline.healthContext.namespaces.map((ns: string) => runningPod(ns, `${ns}-0`));
      const crash = {
        metadata: { namespace: 'kube-system', name: 'coredns-1' },
        status: { phase: 'Running', containerStatuses: [{ name: 'coredns', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
      };
      const elsewhere = { metadata: { namespace: 'team-a', name: 'app' }, status: { phase: 'Failed' } };
      await withFault(
        () => kubectl('get pods --all-namespaces -o json', { items: [...healthy, crash] }),
        () => kubectl('get pods --all-namespaces -o json', { items: healthy }),
        async () => {
          const c = await check('system-pods');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('kube-system/coredns-1 (CrashLoopBackOff)');
        },
      );
      await withFault(
        () => kubectl('get pods --all-namespaces -o json', { items: [...healthy, elsewhere] }),
        () => kubectl('get pods --all-namespaces -o json', { items: healthy }),
        async () => expect((await check('system-pods')).status).toBe('pass'),
      );
    });
    it('workload: fails when a Deployment has fewer available replicas than desired', async () => {
      const args = 'get deployment/envoy-gateway --namespace envoy-gateway-system -o json';
      await withFault(
        () => kubectl(args, { spec: { replicas: 2 }, status: { availableReplicas: 1 } }),
        () => kubectl(args, { spec: { replicas: 2 }, status: { availableReplicas: 2 } }),
        async () => {
          const c = await check('workload:envoy-gateway');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('1 of 2 replicas available');
        },
      );
    });
    it('Keycloak /health/ready through the service proxy: fails when DOWN', async () => {
      const args = 'get --raw /api/v1/namespaces/keycloak/services/http:keycloak-service:9000/proxy/health/ready';
      await withFault(
        () => kubectl(args, { status: 'DOWN', checks: [{ name: 'Keycloak database connections health check', status: 'DOWN' }] }),
        () => kubectl(args, { status: 'UP', checks: [] }),
        async () => {
          const c = await check('endpoint:keycloak-ready');
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/DOWN.*database connections/);
        },
      );
    });
    it('gateway: fails when the Gateway has no address yet', async () => {
      const args = 'get gateway platform --namespace envoy-gateway-system -o json';
      await withFault(
        () => kubectl(args, { status: { addresses: [], conditions: [{ type: 'Programmed', status: 'False' }] } }),
        () => kubectl(args, { status: { addresses: [{ type: 'IPAddress', value: '127.0.0.1' }], conditions: [{ type: 'Programmed', status: 'True' }] } }),
        async () => {
          const c = await check('gateway-address');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('has no address');
        },
      );
    });
  });

  describe('Helm releases (stand-in helm)', () => {
    const releases = () => p.pipeline.healthContext.releases.map((r: { namespace: string; name: string }) => ({ ...r, status: 'deployed' }));
    const answer = (list: unknown[]) => p.standins.answer('helm', { 'list --all-namespaces --all --output json': { stdout: JSON.stringify(list) } });
    it('fails on a failed release and on a missing one, naming both', async () => {
      await withFault(
        () =>
          answer(
            releases()
              .map((r: any) => (r.name === 'vault' ? { ...r, status: 'failed' } : r))
              .filter((r: any) => r.name !== 'harbor'),
          ),
        () => answer(releases()),
        async () => {
          const c = await check('helm-releases');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('vault/vault (failed)');
          expect(c.reason).toContain('missing: harbor/harbor');
        },
      );
    });
    it('fails on a release stuck in pending-upgrade', async () => {
      await withFault(
        () => answer(releases().map((r: any) => (r.name === 'keycloak' ? { ...r, status: 'pending-upgrade' } : r))),
        () => answer(releases()),
        async () => expect((await check('helm-releases')).reason).toContain('keycloak/keycloak (pending-upgrade)'),
      );
    });
  });

  describe('DNS (real resolver on 127.0.0.1)', () => {
    it('fails when the host does not resolve (NXDOMAIN)', async () => {
      await withFault(
        () => p.dns.records.delete(VAULT),
        () => p.dns.records.set(VAULT, ['127.0.0.1']),
        async () => {
          const c = await check(`dns:${VAULT}`);
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/does not resolve \(ENOTFOUND\)/);
        },
      );
    });
    it('fails when the host resolves somewhere other than the Gateway', async () => {
      await withFault(
        () => p.dns.records.set(VAULT, ['192.0.2.7']),
        () => p.dns.records.set(VAULT, ['127.0.0.1']),
        async () => {
          const c = await check(`dns:${VAULT}`);
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('192.0.2.7, not to the Gateway (127.0.0.1)');
        },
      );
    });
    it('compares by address when the Gateway is known by a load balancer name (AWS)', async () => {
      const args = 'get gateway platform --namespace envoy-gateway-system -o json';
      const lb = 'k8s-envoy-abc.elb.ap-northeast-2.amazonaws.com';
      await withFault(
        () => {
          kubectl(args, { status: { addresses: [{ type: 'Hostname', value: lb }], conditions: [{ type: 'Programmed', status: 'True' }] } });
          p.dns.records.set(lb, ['127.0.0.1']);
        },
        () => kubectl(args, { status: { addresses: [{ type: 'IPAddress', value: '127.0.0.1' }], conditions: [{ type: 'Programmed', status: 'True' }] } }),
        async () => {
          expect((await check(`dns:${VAULT}`)).status).toBe('pass');
          p.dns.records.set(lb, ['192.0.2.9']);
          expect((await check(`dns:${VAULT}`)).status).toBe('fail');
        },
      );
    });
  });

  describe('TLS certificates (real TLS connections)', () => {
    const valid = () => p.setCert(REGISTRY, p.pki.issue({ hosts: [REGISTRY], notBefore: days(-1), notAfter: days(90) }));
    const tls = () => check(`tls:${REGISTRY}`);
    it('fails on a certificate expiring in 5 days (under 14)', async () => {
      await withFault(
        () => p.setCert(REGISTRY, p.pki.issue({ hosts: [REGISTRY], notBefore: days(-85), notAfter: days(5) })),
        valid,
        async () => {
          const c = await tls();
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/expires in [45] days/);
          expect(c.details?.daysLeft).toBeLessThan(14);
        },
      );
    });
    it('warns on a certificate expiring in 20 days (renewal overdue, not yet urgent)', async () => {
      await withFault(
        () => p.setCert(REGISTRY, p.pki.issue({ hosts: [REGISTRY], notBefore: days(-70), notAfter: days(20) })),
        valid,
        async () => expect((await tls()).status).toBe('warn'),
      );
    });
    it('fails on an expired certificate', async () => {
      await withFault(
        () => p.setCert(REGISTRY, p.pki.issue({ hosts: [REGISTRY], notBefore: days(-100), notAfter: days(-10) })),
        valid,
        async () => {
          const c = await tls();
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/expired on .* \(1[01] days ago\)/);
          expect(c.details?.authorizationError).toBe('CERT_HAS_EXPIRED');
        },
      );
    });
    it('fails on a certificate for another host', async () => {
      await withFault(
        () => p.setCert(REGISTRY, p.pki.issue({ hosts: ['other.acme.example'], notBefore: days(-1), notAfter: days(90) })),
        valid,
        async () => {
          const c = await tls();
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('is for DNS:other.acme.example, not registry.platform.acme.example');
        },
      );
    });
    it('fails on a certificate from an untrusted CA, warns when the plan chose a self-signed issuer', async () => {
      const rogue = makeTestPki();
      try {
        await withFault(
          () => p.setCert(REGISTRY, rogue.issue({ hosts: [REGISTRY], notBefore: days(-1), notAfter: days(90) })),
          valid,
          async () => {
            const c = await tls();
            expect(c.status).toBe('fail');
            expect(c.reason).toMatch(/not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE|not trusted \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
            const selfSigned = { ...p.pipeline, healthContext: { ...p.pipeline.healthContext, tlsIssuer: 'selfsigned' } };
            expect((await check(`tls:${REGISTRY}`, {}, selfSigned)).status).toBe('warn');
          },
        );
      } finally {
        rogue.cleanup();
      }
    });
  });

  describe('component endpoints', () => {
    const vault = (status: number, body: unknown) => p.route(VAULT, '/v1/sys/health', (_q, res) => json(res, status, body));
    const vaultOk = () => vault(200, { initialized: true, sealed: false, standby: false, version: '1.20.0' });
    it('Vault 503: fails saying it is sealed', async () => {
      await withFault(
        () => vault(503, { initialized: true, sealed: true, standby: true }),
        vaultOk,
        async () => {
          const c = await check('endpoint:vault-health');
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/^Vault 503: sealed/);
        },
      );
    });
    it('Vault 501: fails saying it is not initialised', async () => {
      await withFault(
        () => vault(501, { initialized: false, sealed: true }),
        vaultOk,
        async () => expect((await check('endpoint:vault-health')).reason).toMatch(/^Vault 501: not initialized/),
      );
    });
    it('Vault 429 / 473 / 472: standby and performance standby pass, a DR secondary warns; an undefined code fails', async () => {
      await withFault(
        () => vault(429, { initialized: true, sealed: false, standby: true }),
        vaultOk,
        async () => expect(await check('endpoint:vault-health')).toMatchObject({ status: 'pass', reason: 'Vault 429: unsealed standby' }),
      );
      await withFault(
        () => vault(473, { initialized: true, sealed: false, standby: true, performance_standby: true }),
        vaultOk,
        async () => expect((await check('endpoint:vault-health')).reason).toBe('Vault 473: performance standby'),
      );
      await withFault(
        () => vault(472, { initialized: true, sealed: false }),
        vaultOk,
        async () => expect((await check('endpoint:vault-health')).status).toBe('warn'),
      );
      await withFault(
        () => vault(500, { errors: ['boom'] }),
        vaultOk,
        async () => expect((await check('endpoint:vault-health')).status).toBe('fail'),
      );
    });
    it('Harbor 500: fails with the status code', async () => {
      await withFault(
        () => p.route(REGISTRY, '/api/v2.0/health', (_q, res) => json(res, 500, { errors: [{ code: 'UNKNOWN', message: 'internal error' }] })),
        () => p.route(REGISTRY, '/api/v2.0/health', (_q, res) => json(res, 200, { status: 'healthy', components: [{ name: 'core', status: 'healthy' }] })),
        async () => {
          const c = await check('endpoint:harbor-health');
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/^answered 500, expected 200/);
        },
      );
    });
    it('Harbor 200 with an unhealthy component: fails naming it', async () => {
      await withFault(
        () =>
          p.route(REGISTRY, '/api/v2.0/health', (_q, res) =>
            json(res, 200, {
              status: 'unhealthy',
              components: [
                { name: 'core', status: 'healthy' },
                { name: 'redis', status: 'unhealthy', error: 'dial tcp: connection refused' },
              ],
            }),
          ),
        () => p.route(REGISTRY, '/api/v2.0/health', (_q, res) => json(res, 200, { status: 'healthy', components: [{ name: 'core', status: 'healthy' }] })),
        async () => expect((await check('endpoint:harbor-health')).reason).toContain('redis (dial tcp: connection refused)'),
      );
    });
    it('Grafana: fails when its database is not ok', async () => {
      await withFault(
        () => p.route(GRAFANA, '/api/health', (_q, res) => json(res, 200, { database: 'failing', version: '12.1.0' })),
        () => p.route(GRAFANA, '/api/health', (_q, res) => json(res, 200, { database: 'ok', version: '12.1.0' })),
        async () => expect((await check('endpoint:grafana-health')).status).toBe('fail'),
      );
    });
    it('Keycloak discovery: fails when the realm advertises another issuer', async () => {
      const path = '/realms/acme/.well-known/openid-configuration';
      const issuer = `https://${SSO}/realms/acme`;
      await withFault(
        () =>
          p.route(SSO, path, (_q, res) => json(res, 200, { issuer: 'http://keycloak-service:8080/realms/acme', authorization_endpoint: `${issuer}/protocol/openid-connect/auth` })),
        () => p.route(SSO, path, (_q, res) => json(res, 200, { issuer, authorization_endpoint: `${issuer}/protocol/openid-connect/auth` })),
        async () => {
          const c = await check('endpoint:keycloak-realm');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain("the realm's issuer is http://keycloak-service:8080/realms/acme");
        },
      );
    });
    it('a slow endpoint fails at its timeout, and the run does not wait for it', async () => {
      const timers: NodeJS.Timeout[] = [];
      await withFault(
        () => p.route(GRAFANA, '/api/health', (_q, res) => timers.push(setTimeout(() => json(res, 200, { database: 'ok' }), 5000))),
        () => {
          timers.forEach(clearTimeout);
          p.route(GRAFANA, '/api/health', (_q, res) => json(res, 200, { database: 'ok', version: '12.1.0' }));
        },
        async () => {
          const t0 = performance.now();
          const c = await check('endpoint:grafana-health', { timeoutMs: 400 });
          expect(c.status).toBe('fail');
          expect(c.reason).toBe('no answer within 400 ms');
          expect(performance.now() - t0).toBeLessThan(3000);
        },
      );
    });
  });

  describe('OIDC wiring between Keycloak and each client', () => {
    const grafanaLogin = (location: string) => p.route(GRAFANA, '/login/generic_oauth', (_q, res) => (res.writeHead(302, { location }), res.end()));
    const auth = `https://${SSO}/realms/acme/protocol/openid-connect/auth`;
    const redirect = `https://${GRAFANA}/login/generic_oauth`;
    const good = () => grafanaLogin(`${auth}?client_id=grafana&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&state=x`);
    it('fails when the client sends logins to another issuer', async () => {
      await withFault(
        () => grafanaLogin(`https://${SSO}/realms/master/protocol/openid-connect/auth?client_id=grafana&redirect_uri=${encodeURIComponent(redirect)}`),
        good,
        async () => {
          const c = await check('oidc:grafana');
          expect(c.status).toBe('fail');
          expect(c.reason).toContain('realms/master/protocol/openid-connect/auth, not the realm');
        },
      );
    });
    it('fails when the client uses another client id', async () => {
      await withFault(
        () => grafanaLogin(`${auth}?client_id=grafana-old&redirect_uri=${encodeURIComponent(redirect)}`),
        good,
        async () => expect((await check('oidc:grafana')).reason).toContain('its client_id is grafana-old, not grafana'),
      );
    });
    it('fails when Keycloak does not know the client (Client not found)', async () => {
      await withFault(
        () => p.keycloakClients.delete('harbor'),
        () => p.keycloakClients.set('harbor', `https://${REGISTRY}/c/oidc/callback`),
        async () => {
          const c = await check('oidc:harbor');
          expect(c.status).toBe('fail');
          expect(c.reason).toMatch(/Keycloak refused harbor's authorization request \(400: Client not found\)/);
        },
      );
    });
    it("fails when Keycloak does not allow the client's redirect URI", async () => {
      await withFault(
        () => p.keycloakClients.set('vault', 'https://vault.platform.acme.example/old-callback'),
        () => p.keycloakClients.set('vault', `https://${VAULT}/ui/vault/auth/oidc/oidc/callback`),
        async () => expect((await check('oidc:vault')).reason).toContain('400: Invalid parameter: redirect_uri'),
      );
    });
    it('fails when the client does not redirect to the identity provider at all (SSO not configured)', async () => {
      await withFault(
        () => p.route(REGISTRY, '/c/oidc/login', (_q, res) => json(res, 404, { errors: [{ message: 'not found' }] })),
        () =>
          p.route(
            REGISTRY,
            '/c/oidc/login',
            (_q, res) => (res.writeHead(302, { location: `${auth}?client_id=harbor&redirect_uri=${encodeURIComponent(`https://${REGISTRY}/c/oidc/callback`)}` }), res.end()),
          ),
        async () => expect((await check('oidc:harbor')).reason).toContain('did not redirect to the identity provider (404)'),
      );
    });
  });

  describe('pipeline.json problems', () => {
    it('a malformed health entry is a usage error naming the field', async () => {
      const bad = { ...p.pipeline, health: [{ component: 'vault', name: 'x', url: 'http://vault.example/' }] };
      await expect(runHealth(bad, p.deps())).rejects.toThrow(/health\[0\]\.url must be https; regenerate/);
      await expect(runHealth({ ...p.pipeline, healthContext: { nodePools: [{ name: 'a', min: -1, max: 1 }] } }, p.deps())).rejects.toThrow(/healthContext\.nodePools\[0\]\.min/);
    });
  });
});
