// Subcommands that need no GitHub API, run as the workflows run them: the committed bundle with
// plain node. changed-stacks and status-append against real git repositories; helm-rollback with
// RECORDING STAND-INS for helm and helmfile on PATH (no cluster here), which succeed or fail on demand.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastGoodRevision } from '../../generator/runtime/helm-rollback.ts';
import { generatedExample } from './support/examples.ts';
import { isolatedBundle, runRuntime } from './support/bundle.ts';
import { bareRemote, commit, git, newRepo } from './support/git.ts';

const PIPELINE = {
  environment: 'prod',
  stages: [
    { id: '10-network', tool: 'terraform', dir: 'stacks/10-network', planOnPullRequest: true },
    { id: '20-cluster', tool: 'terraform', dir: 'stacks/20-cluster', planOnPullRequest: true, upstream: '10-network' },
    { id: '25-prerequisites', tool: 'terraform', dir: 'stacks/25-prerequisites', planOnPullRequest: false, upstream: '20-cluster' },
    { id: '30-platform', tool: 'helmfile', dir: 'platform', planOnPullRequest: true },
    { id: '40-config', tool: 'terraform', dir: 'stacks/40-config', planOnPullRequest: false, upstream: '25-prerequisites' },
  ],
};

describe('changed-stacks', () => {
  const base = {
    '.opsta/pipeline.json': JSON.stringify(PIPELINE),
    'stacks/10-network/main.tf': '# n\n',
    'stacks/20-cluster/main.tf': '# c\n',
    'stacks/25-prerequisites/main.tf': '# p\n',
    'stacks/40-config/main.tf': '# s\n',
    'platform/helmfile.yaml': 'releases: []\n',
    'README.md': 'hi\n',
  };
  const changed = (files: Record<string, string>) => {
    const dir = newRepo(base);
    git(dir, ['checkout', '--quiet', '-b', 'pr']);
    commit(dir, files, 'change');
    return runRuntime(['changed-stacks', '--base', 'main', '--head', 'pr'], { cwd: dir });
  };

  // stacks= is what pull requests may plan; all= is what plan.yml checks and reports (tests/runtime/plan-routing.test.ts).
  it('a change under one stage selects it and the stages downstream: all= with the apply-only ones, stacks= without', () => {
    const r = changed({ 'stacks/10-network/main.tf': '# n2\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.stacks!)).toEqual(['10-network', '20-cluster']);
    expect(JSON.parse(r.outputs.all!)).toEqual(['10-network', '20-cluster', '25-prerequisites', '40-config']);
    expect(r.outputs.any).toBe('true');
  });

  it('a change to the platform only selects 30-platform; a README change selects nothing', () => {
    expect(JSON.parse(changed({ 'platform/values/x.yaml': 'a: 1\n' }).outputs.stacks!)).toEqual(['30-platform']);
    const none = changed({ 'README.md': 'changed\n' });
    expect(JSON.parse(none.outputs.stacks!)).toEqual([]);
    expect(none.outputs.any).toBe('false');
  });

  it('a change to the plan or the pipeline selects every stage', () => {
    expect(JSON.parse(changed({ 'opsta.plan.yaml': 'x: 1\n' }).outputs.stacks!)).toEqual(['10-network', '20-cluster', '30-platform']);
  });

  it('a path that only starts like a stage directory does not select it', () => {
    expect(JSON.parse(changed({ 'stacks/10-network-old/notes.md': 'x\n' }).outputs.stacks!)).toEqual([]);
  });

  it('an unknown ref is exit 2 with git\'s message', () => {
    const dir = newRepo(base);
    const r = runRuntime(['changed-stacks', '--base', 'nope', '--head', 'main'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/git diff failed/);
  });
});

describe('budget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-budget-'));
  const cost = (name: string, totalUsd: number, monthlyUsd?: number) => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify({ totalUsd, ...(monthlyUsd ? { budget: { monthlyUsd } } : {}) }));
    return p;
  };
  const event = (labels: string[]) => {
    const p = join(dir, `event-${labels.join('-') || 'none'}.json`);
    writeFileSync(p, JSON.stringify({ pull_request: { number: 7, labels: labels.map((name) => ({ name })) } }));
    return p;
  };

  it('over budget fails (exit 1) and says how to resolve it', () => {
    const r = runRuntime(['budget', '--cost', cost('over.json', 1200, 1000)], { env: { GITHUB_EVENT_PATH: event([]) } });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('over');
    expect(r.stderr).toContain('over the budget of $1000.00 by $200.00');
    expect(r.stderr).toContain('opsta:budget-acknowledged');
  });

  it('the acknowledging label lets it pass', () => {
    const r = runRuntime(['budget', '--cost', cost('over.json', 1200, 1000)], { env: { GITHUB_EVENT_PATH: event(['opsta:budget-acknowledged']) } });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('acknowledged');
  });

  it('80 % warns, below passes, no budget passes and says so; the delta against the base is shown', () => {
    const warn = runRuntime(['budget', '--cost', cost('warn.json', 800, 1000)]);
    expect([warn.code, warn.outputs.status]).toEqual([0, 'warn']);
    expect(warn.stdout).toContain('::warning');
    expect(runRuntime(['budget', '--cost', cost('ok.json', 799, 1000)]).outputs.status).toBe('ok');
    const none = runRuntime(['budget', '--cost', cost('none.json', 5000)]);
    expect([none.code, none.outputs.status]).toEqual([0, 'ok']);
    expect(none.stdout).toContain('no budget set');
    const delta = runRuntime(['budget', '--cost', cost('ok2.json', 900, 1000), '--base-cost', cost('base.json', 700, 1000)]);
    expect(delta.stdout).toContain('+$200.00 against the base branch');
  });

  it('the generated .opsta/cost.json is what budget reads', () => {
    const files = generatedExample('aws-medium');
    const p = join(dir, 'generated-cost.json');
    writeFileSync(p, files['.opsta/cost.json']!);
    const r = runRuntime(['budget', '--cost', p]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(r.stderr).not.toMatch(/totalUsd/);
  });
});

describe('manifest-check (generator drift in the generated repository)', () => {
  const write = () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-manifest-'));
    for (const [p, text] of Object.entries(generatedExample('aws-medium'))) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    return dir;
  };

  it('a freshly generated repository passes', () => {
    const r = runRuntime(['manifest-check', '--root', write()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a hand edit and a deleted file fail, each named (exit 1)', () => {
    const dir = write();
    writeFileSync(join(dir, 'stacks/10-network/main.tf'), '# edited by hand\n');
    writeFileSync(join(dir, 'opsta.plan.yaml'), `${readFileSync(join(dir, 'opsta.plan.yaml'), 'utf8')}# more\n`);
    unlinkSync(join(dir, 'README.md'));
    const r = runRuntime(['manifest-check', '--root', dir]);
    expect(r.stderr).toContain('missing README.md');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('edited  stacks/10-network/main.tf');
    expect(r.stderr).toContain('opsta.plan.yaml (the plan changed but the repository was not regenerated');
    expect(r.summary).toContain('Generated files edited by hand');
  });
});

describe('status-append (the opsta-status branch)', () => {
  const history = (remote: string) => git(remote, ['show', 'opsta-status:history.jsonl']).trim().split('\n').map((l) => JSON.parse(l) as { id: string; type: string; environment: string; status: string });

  it('creates the branch with status.json and history.jsonl; a rerun does not append the same event twice', () => {
    const remote = bareRemote();
    const env = { GITHUB_RUN_ID: '100', GITHUB_RUN_ATTEMPT: '1', GITHUB_SHA: 'a'.repeat(40) };
    const ev = JSON.stringify({ type: 'deploy', environment: 'prod', status: 'success' });
    expect(runRuntime(['status-append', '--event', ev, '--remote', remote], { env }).code).toBe(0);
    const again = runRuntime(['status-append', '--event', ev, '--remote', remote], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already on opsta-status');
    expect(history(remote).map((e) => e.id)).toEqual(['100-1-deploy']);
    const status = JSON.parse(git(remote, ['show', 'opsta-status:status.json'])) as { environments: Record<string, Record<string, { status: string; sha: string }>> };
    expect(status.environments.prod!.deploy!.status).toBe('success');
    expect(status.environments.prod!.deploy!.sha).toBe('a'.repeat(40));
  });

  it('eight concurrent writers: every event lands, none lost (fast-forward retry)', async () => {
    const remote = bareRemote();
    const bundle = isolatedBundle();
    const runs = Array.from({ length: 8 }, (_, i) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [bundle, 'status-append', '--remote', remote, '--event', JSON.stringify({ type: i % 2 ? 'health' : 'drift', environment: 'prod', status: 'ok', id: `writer-${i}` })], { env: { PATH: process.env.PATH ?? '', HOME: tmpdir() } });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (out += d));
        p.on('close', (code) => resolve({ code, out }));
      }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.out).toBe(0);
    expect(history(remote).map((e) => e.id).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `writer-${i}`));
    // At least one writer lost a race and retried (otherwise the test did not test concurrency).
    expect(results.some((r) => /attempt [2-9]/.test(r.out))).toBe(true);
  }, 120_000);

  it('refuses an event without a known type (exit 2, nothing pushed)', () => {
    const remote = bareRemote();
    const r = runRuntime(['status-append', '--event', '{"type":"party","environment":"prod","status":"ok"}', '--remote', remote]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"type" must be one of deploy, health, drift');
    expect(git(remote, ['branch', '--list']).trim()).toBe('');
  });
});

describe('helm-rollback with RECORDING STAND-INS for helm and helmfile (no cluster here)', () => {
  /** Stand-ins that answer from JSON files in `state` and append every call to calls.log. */
  function standIns(state: Record<string, unknown>, failRollback: string[] = []) {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-helm-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const [k, v] of Object.entries(state)) writeFileSync(join(dir, `${k}.json`), JSON.stringify(v));
    for (const name of failRollback) writeFileSync(join(dir, `fail-rollback-${name}`), '');
    const script = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/sh\nD=${JSON.stringify(dir)}\necho "${name} $*" >> "$D/calls.log"\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    script('helmfile', 'cat "$D/helmfile-list.json"');
    script(
      'helm',
      [
        'case "$1" in',
        '  status) [ -f "$D/status-$2.json" ] || { echo "Error: release: not found" >&2; exit 1; }; cat "$D/status-$2.json" ;;',
        '  history) cat "$D/history-$2.json" ;;',
        '  rollback) [ -f "$D/fail-rollback-$2" ] && { echo "Error: timed out waiting for the condition" >&2; exit 1; }; echo "Rollback was a success!" ;;',
        '  *) echo "unexpected helm $*" >&2; exit 64 ;;',
        'esac',
      ].join('\n'),
    );
    return { env: { PATH: `${bin}:${process.env.PATH}` }, calls: () => readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') };
  }
  const releases = [
    { name: 'keycloak', namespace: 'keycloak', enabled: true, installed: true },
    { name: 'vault', namespace: 'vault', enabled: true, installed: true },
    { name: 'harbor', namespace: 'harbor', enabled: true, installed: true },
  ];
  const base = {
    'helmfile-list': releases,
    'status-keycloak': { name: 'keycloak', version: 4, info: { status: 'failed' } },
    'history-keycloak': [
      { revision: 1, status: 'superseded' },
      { revision: 2, status: 'superseded' },
      { revision: 3, status: 'failed' },
      { revision: 4, status: 'failed' },
    ],
    'status-vault': { name: 'vault', version: 2, info: { status: 'deployed' } },
    // harbor was never installed: helm status says not found.
  };

  it('rolls a failed release back to its last good revision and says which (stand-in helm succeeds)', () => {
    const s = standIns(base);
    const r = runRuntime(['helm-rollback', '--helmfile', 'platform/helmfile.yaml'], { env: s.env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('keycloak/keycloak: failed at revision 4, rolled back to revision 2');
    expect(JSON.parse(r.outputs.rolled_back!)).toEqual([{ name: 'keycloak', namespace: 'keycloak', from: 4, to: 2 }]);
    expect(s.calls()).toContain('helm rollback keycloak 2 --namespace keycloak --wait --timeout 10m');
    expect(s.calls().filter((c) => c.startsWith('helm rollback'))).toHaveLength(1); // vault (deployed) and harbor (absent) untouched
  });

  it('a rollback that fails is exit 1 and named (stand-in helm rollback fails)', () => {
    const s = standIns(base, ['keycloak']);
    const r = runRuntime(['helm-rollback'], { env: s.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ROLLBACK FAILED (to revision 2): Error: timed out waiting for the condition');
  });

  it('a failed first install has nothing to roll back to: exit 1, no rollback attempted', () => {
    const s = standIns({ ...base, 'status-keycloak': { version: 1, info: { status: 'failed' } }, 'history-keycloak': [{ revision: 1, status: 'failed' }] });
    const r = runRuntime(['helm-rollback'], { env: s.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not rolled back: its first install failed');
    expect(s.calls().some((c) => c.startsWith('helm rollback'))).toBe(false);
  });

  it('a release stuck pending-upgrade is rolled back too; nothing failed: exit 0 and says so', () => {
    const pending = standIns({ ...base, 'status-keycloak': { version: 3, info: { status: 'pending-upgrade' } }, 'history-keycloak': [{ revision: 1, status: 'superseded' }, { revision: 2, status: 'deployed' }, { revision: 3, status: 'pending-upgrade' }] });
    expect(runRuntime(['helm-rollback'], { env: pending.env }).stdout).toContain('pending-upgrade at revision 3, rolled back to revision 2');
    const healthy = standIns({ ...base, 'status-keycloak': { version: 2, info: { status: 'deployed' } } });
    const r = runRuntime(['helm-rollback'], { env: healthy.env });
    expect([r.code, r.stdout.trim()]).toEqual([0, 'No Helm release is failed or pending: nothing to roll back.']);
  });

  it('lastGoodRevision never picks the current or a failed revision', () => {
    expect(lastGoodRevision([{ revision: 5, status: 'deployed' }, { revision: 6, status: 'failed' }], 6)).toBe(5);
    expect(lastGoodRevision([{ revision: 1, status: 'failed' }], 1)).toBeUndefined();
    expect(lastGoodRevision([{ revision: 3, status: 'superseded' }, { revision: 4, status: 'deployed' }], 4)).toBe(3);
  });
});
