// Running the tools a workflow installed (git, helm, helmfile). No shell: arguments are passed
// as a list, so a release name or a ref cannot become a command.
import { spawnSync } from 'node:child_process';
import { UsageError } from './errors.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, input: opts.input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const code = (r.error as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`${cmd} is not installed or not on PATH; the workflow must set it up before this step`);
    throw new UsageError(`could not run ${cmd}: ${r.error.message}`);
  }
  return { code: r.status ?? 128, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Run and require exit 0; the error names the command and its last stderr line. */
export function runOk(cmd: string, args: readonly string[], opts: RunOptions = {}): string {
  const r = run(cmd, args, opts);
  if (r.code !== 0) {
    const last = r.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new UsageError(`${cmd} ${args[0] ?? ''} failed (exit ${r.code}): ${last || 'no output'}`);
  }
  return r.stdout;
}
