// helm-rollback after a failed `helmfile apply` with `atomic: true` (helmfile.yaml), run as the
// workflow runs it: the committed bundle with plain node, RECORDING STAND-INS for helm and
// helmfile first on PATH (no cluster here). The stand-ins answer with the shapes Helm 3 really
// prints: `helm history -o json` entries {revision, updated, status, chart, app_version,
// description}, Helm's "Rollback to N" revision after an atomic upgrade failure, and its
// "release X failed, and has been uninstalled due to atomic being set" message for a first install.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicRollback } from '../../generator/runtime/helm-rollback.ts';
import { makeStandins, type Standins } from './health-standins.ts';
import { runRuntime } from './support/bundle.ts';

const SINCE = '2026-12-02T06:40:00Z';
const at = (s: number) => new Date(Date.parse(SINCE) + s * 1000).toISOString().replace('Z', '123456+00:00');
const BEFORE = '2026-11-20T09:12:44.918273+09:00';

const list = (names: string[]) => JSON.stringify(names.map((n) => ({ name: n, namespace: n, enabled: true, installed: true, labels: '', chart: `${n}/${n}`, version: '' })));
const status = (name: string, version: number, state: string, description: string) =>
  JSON.stringify({ name, info: { first_deployed: BEFORE, last_deployed: at(90), deleted: '', description, status: state }, config: {}, manifest: '---\n', version, namespace: name });
const NOT_FOUND = { code: 1, stderr: 'Error: release: not found\n' };

/** Keycloak's upgrade 24.0.1 → 24.1.0 timed out in this run; Helm (atomic) rolled it back to revision 1 as revision 3. */
const KEYCLOAK_ATOMIC = [
  { revision: 1, updated: BEFORE, status: 'superseded', chart: 'keycloak-24.0.1', app_version: '26.0.5', description: 'Install complete' },
  { revision: 2, updated: at(5), status: 'failed', chart: 'keycloak-24.1.0', app_version: '26.0.6', description: 'Upgrade "keycloak" failed: context deadline exceeded' },
  { revision: 3, updated: at(905), status: 'deployed', chart: 'keycloak-24.0.1', app_version: '26.0.5', description: 'Rollback to 1' },
];
/** Vault was rolled back by Helm too, but in an earlier run: not this run's doing. */
const VAULT_OLD_ROLLBACK = [
  { revision: 4, updated: '2026-11-01T10:00:00.5+00:00', status: 'superseded', chart: 'vault-0.28.1', app_version: '1.17.2', description: 'Upgrade complete' },
  { revision: 5, updated: '2026-11-20T10:00:00.5+00:00', status: 'failed', chart: 'vault-0.29.0', app_version: '1.18.0', description: 'Upgrade "vault" failed: timed out waiting for the condition' },
  { revision: 6, updated: '2026-11-20T10:15:02.5+00:00', status: 'deployed', chart: 'vault-0.28.1', app_version: '1.17.2', description: 'Rollback to 4' },
];
const HELM_LOG = [
  'Upgrading release=keycloak, chart=bitnami/keycloak, namespace=keycloak',
  'Error: UPGRADE FAILED: release keycloak failed, and has been rolled back due to atomic being set: context deadline exceeded',
  '',
  'FAILED RELEASES:',
  'NAME       NAMESPACE   CHART              VERSION   DURATION',
  'keycloak   keycloak    bitnami/keycloak   24.1.0      15m3s',
].join('\n');

let s: Standins | undefined;
afterEach(() => s?.cleanup());

function world(answers: { status: Record<string, { stdout?: string; code?: number; stderr?: string }>; history?: Record<string, unknown[]>; rollback?: Record<string, { code?: number; stderr?: string }> }, releases = ['keycloak', 'vault', 'harbor']) {
  s = makeStandins(['helm', 'helmfile']);
  s.answer('helmfile', { '--file platform/helmfile.yaml list --output json': { stdout: list(releases) } });
  const helm: Record<string, { stdout?: string; code?: number; stderr?: string }> = {};
  for (const n of releases) helm[`status ${n} --namespace ${n} --output json`] = answers.status[n] ?? NOT_FOUND;
  for (const [n, h] of Object.entries(answers.history ?? {})) helm[`history ${n} --namespace ${n} --max 50 --output json`] = { stdout: JSON.stringify(h) };
  for (const [args, a] of Object.entries(answers.rollback ?? {})) helm[`rollback ${args}`] = { stdout: a.code ? '' : 'Rollback was a success! Happy Helming!\n', ...a };
  s.answer('helm', helm);
  return s;
}
const env = (st: Standins) => ({ PATH: st.env.PATH! });
function logFile(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'opsta-helmlog-')), 'helmfile-apply.log');
  writeFileSync(f, text);
  return f;
}
const released = (r: { outputs: Record<string, string> }) => JSON.parse(r.outputs.releases!) as { name: string; outcome: string; from?: number; to?: number; as?: number; chart?: string }[];

describe('helm-rollback with atomic: true (RECORDING STAND-INS for helm and helmfile)', () => {
  const atomicWorld = () =>
    world({
      status: { keycloak: { stdout: status('keycloak', 3, 'deployed', 'Rollback to 1') }, vault: { stdout: status('vault', 6, 'deployed', 'Rollback to 4') } },
      history: { keycloak: KEYCLOAK_ATOMIC, vault: VAULT_OLD_ROLLBACK },
    });

  it("names the release Helm rolled back in this run, with the revision and chart version it went back to; an older rollback is not reported", () => {
    const st = atomicWorld();
    const r = runRuntime(['helm-rollback', '--since', SINCE], { env: env(st) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('keycloak/keycloak: revision 2 failed; Helm rolled it back to revision 1 (chart keycloak-24.0.1, app 26.0.5) as revision 3 (atomic)');
    expect(released(r)).toEqual([{ name: 'keycloak', namespace: 'keycloak', outcome: 'helm-rolled-back', from: 2, to: 1, as: 3, chart: 'keycloak-24.0.1', appVersion: '26.0.5' }]);
    expect(r.summary).toContain('Helm rolled it back to revision 1');
    // Helm already did it: no second rollback.
    expect(st.calls().filter((c) => c.tool === 'helm' && c.args.startsWith('rollback'))).toEqual([]);
  });

  it('Helm\'s own message in the helmfile log names it too (no time given)', () => {
    const st = atomicWorld();
    const r = runRuntime(['helm-rollback', '--since', '', '--log', logFile(HELM_LOG)], { env: env(st) });
    expect(r.code).toBe(0);
    expect(released(r).map((x) => [x.name, x.outcome, x.to])).toEqual([['keycloak', 'helm-rolled-back', 1]]);
  });

  it('without a time or a log line a deployed release is not reported: "nothing to roll back"', () => {
    const st = atomicWorld();
    const r = runRuntime(['helm-rollback'], { env: env(st) });
    expect([r.code, r.stdout.trim()]).toEqual([0, 'No Helm release is failed or pending: nothing to roll back.']);
    // A rollback older than --since is not this run's either.
    const later = runRuntime(['helm-rollback', '--since', '2026-12-02T08:00:00Z'], { env: env(atomicWorld()) });
    expect(released(later)).toEqual([]);
  });

  it('a failed first install that atomic uninstalled is named from Helm\'s message (there is no revision to go back to)', () => {
    const st = world({ status: { keycloak: { stdout: status('keycloak', 1, 'deployed', 'Install complete') } }, history: { keycloak: [KEYCLOAK_ATOMIC[0]] } });
    const log = 'Error: INSTALLATION FAILED: release harbor failed, and has been uninstalled due to atomic being set: context deadline exceeded\n';
    const r = runRuntime(['helm-rollback', '--since', SINCE, '--log', logFile(log)], { env: env(st) });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('harbor/harbor: not installed: its first install failed and Helm uninstalled it (atomic); there is no earlier revision, the next apply installs it again');
    expect(released(r)).toEqual([{ name: 'harbor', namespace: 'harbor', outcome: 'uninstalled' }]);
  });

  it("atomic's own rollback failed: the release is left failed, so the runtime rolls it back to the last good revision", () => {
    const history = [
      ...KEYCLOAK_ATOMIC.slice(0, 2),
      { revision: 3, updated: at(905), status: 'failed', chart: 'keycloak-24.0.1', app_version: '26.0.5', description: 'Rollback "keycloak" failed: context deadline exceeded' },
    ];
    const st = world({ status: { keycloak: { stdout: status('keycloak', 3, 'failed', 'Rollback "keycloak" failed') } }, history: { keycloak: history }, rollback: { 'keycloak 1 --namespace keycloak --wait --timeout 10m': {} } });
    const r = runRuntime(['helm-rollback', '--since', SINCE], { env: env(st) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('keycloak/keycloak: failed at revision 3, rolled back to revision 1 (chart keycloak-24.0.1, app 26.0.5)');
    expect(st.calls().filter((c) => c.tool === 'helm' && c.args.startsWith('rollback')).map((c) => c.args)).toEqual(['rollback keycloak 1 --namespace keycloak --wait --timeout 10m']);
  });

  it('a release left failed that cannot be rolled back is exit 1 and listed in the releases output', () => {
    const st = world({ status: { keycloak: { stdout: status('keycloak', 3, 'pending-upgrade', 'Preparing upgrade') } }, history: { keycloak: [...KEYCLOAK_ATOMIC.slice(0, 1), { revision: 2, updated: at(5), status: 'deployed', chart: 'keycloak-24.0.1', app_version: '26.0.5', description: 'Upgrade complete' }, { revision: 3, updated: at(6), status: 'pending-upgrade', chart: 'keycloak-24.1.0', app_version: '26.0.6', description: 'Preparing upgrade' }] }, rollback: { 'keycloak 2 --namespace keycloak --wait --timeout 10m': { code: 1, stderr: 'Error: timed out waiting for the condition\n' } } });
    const r = runRuntime(['helm-rollback', '--since', SINCE], { env: env(st) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('keycloak/keycloak: pending-upgrade at revision 3, ROLLBACK FAILED (to revision 2): Error: timed out waiting for the condition');
    expect(released(r).map((x) => [x.name, x.outcome])).toEqual([['keycloak', 'rollback-failed']]);
  });

  it('a --since that is not a time is exit 2 naming the flag', () => {
    const r = runRuntime(['helm-rollback', '--since', 'yesterday'], { env: env(world({ status: {} })) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--since must be an ISO 8601 UTC time');
  });

  it('atomicRollback needs a failed revision right before "Rollback to N"', () => {
    const since = Date.parse(SINCE);
    expect(atomicRollback(KEYCLOAK_ATOMIC, { since })).toEqual({ from: 2, to: 1, as: 3, chart: 'keycloak-24.0.1', appVersion: '26.0.5' });
    // A person's manual `helm rollback` of a healthy release is not Helm's atomic rollback.
    const manual = [{ ...KEYCLOAK_ATOMIC[0]!, status: 'superseded' }, { ...KEYCLOAK_ATOMIC[1]!, status: 'superseded' }, KEYCLOAK_ATOMIC[2]!];
    expect(atomicRollback(manual, { since })).toBeUndefined();
    expect(atomicRollback(KEYCLOAK_ATOMIC, { since: Date.parse(at(1000)) })).toBeUndefined();
    expect(atomicRollback(KEYCLOAK_ATOMIC, { inLog: true })).toBeDefined();
  });
});
