// The CLI input cases that need a real process (reliability-cli.md A21, A24, A30, A31):
// stdout on /dev/full, a reader that closes the pipe, a plan another user cannot read.
// Everything else is in process, in cli-input.test.ts.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../support/tools.ts';

const EXAMPLE = 'examples/aws-medium.plan.yaml';
const NODE = process.execPath;
const opsta = (args: string[], o: SpawnSyncOptions = {}) => spawnSync(NODE, ['bin/opsta.mjs', ...args], { encoding: 'utf8', timeout: 60_000, ...o });
const NO_TRACE = /\n\s+at |node:events|Unhandled|internal error/;

const hasDevFull = requireTool('/dev/full (Linux)', () => existsSync('/dev/full'));
const isRoot = process.getuid?.() === 0;
const hasSetpriv = isRoot && requireTool('setpriv (util-linux), to run as "nobody"', () => spawnSync('setpriv', ['--help']).status === 0);
// nobody runs the CLI from this checkout: a clone under a mode-700 directory (mktemp -d) is not readable to it.
const BIN = join(process.cwd(), 'bin/opsta.mjs');
const nobodyReadsCheckout =
  hasSetpriv &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)}, 4)`]).status === 0;
if (hasSetpriv && !nobodyReadsCheckout) console.warn(`\n!!! SKIPPING A24: the user nobody cannot read this checkout (${BIN}); clone it under a world-readable directory to run it. !!!\n`);

describe('the CLI process against a broken stdout', () => {
  it.skipIf(!hasDevFull)('A30: "opsta schema > /dev/full" and "validate > /dev/full": one line, exit 2, no stack trace', () => {
    for (const args of [['schema'], ['validate', EXAMPLE], ['cost', EXAMPLE, '--json', '--compare']]) {
      const full = openSync('/dev/full', 'w');
      const r = opsta(args, { stdio: ['ignore', full, 'pipe'] });
      closeSync(full);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toBe('opsta: cannot write to standard output: no space left on the device; free some space and run again (ENOSPC)\n');
      expect(r.stderr).not.toMatch(NO_TRACE);
    }
  });

  it('A31: a reader that closed the pipe before anything was written: exit 0, nothing on stderr (EPIPE)', async () => {
    const child = spawn(NODE, ['bin/opsta.mjs', 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the read end closes at once: every write of the child gets EPIPE
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('A31: "opsta schema | head -c 20" prints 20 bytes, exit 0, no noise', () => {
    const r = spawnSync('bash', ['-c', `"${NODE}" bin/opsta.mjs schema | head -c 20; echo "|\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe(`${readFileSync('schemas/plan.schema.json', 'utf8').slice(0, 20)}|0\n`);
    expect(r.stderr).toBe('');
  });
});

describe('the CLI process against plans it must not read', () => {
  it('A21: "validate /dev/zero" exits 2 at once (was 110 s, 16 GiB and SIGABRT)', () => {
    const t0 = Date.now();
    const r = opsta(['validate', '/dev/zero'], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('opsta: cannot read the plan /dev/zero: it is a character device; give the path of a plan file (a regular file, e.g. opsta.plan.yaml)\n');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it.skipIf(!nobodyReadsCheckout)('A24: a plan "nobody" cannot read: exit 2 "permission denied" naming the file (was exit 70)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-nobody-'));
    chmodSync(dir, 0o755);
    const plan = join(dir, 'unreadable.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    chmodSync(plan, 0o000);
    const r = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', NODE, 'bin/opsta.mjs', 'validate', plan], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: dir },
    });
    expect(r.stderr).toBe(`opsta: cannot read the plan ${plan}: permission denied; check the permissions of the path and its parent directories (EACCES)\n`);
    expect(r.status).toBe(2);
  });
});
