// What the health checks need from the outside world, injectable so tests can point them at
// servers on 127.0.0.1 and at recording stand-ins for kubectl, helm and the cloud CLIs.
import { execFile } from 'node:child_process';
import type { HealthConfig } from './config.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool without a shell (arguments stay arguments); rejects only when the tool cannot start. */
export type CommandRunner = (cmd: string, args: readonly string[], signal: AbortSignal) => Promise<CommandResult>;

export type CheckVerdict = {
  status: 'pass' | 'warn' | 'fail';
  reason: string;
  details?: Record<string, unknown>;
};

/** Is the Terraform state location reachable with the job's credentials? */
export type StateProbe = (config: HealthConfig, signal: AbortSignal) => Promise<CheckVerdict>;

export interface HealthDeps {
  env: Record<string, string | undefined>;
  /** kubectl, helm and the cloud CLIs; default: the binaries on env.PATH. */
  run?: CommandRunner;
  /** Default: the cloud's CLI checks the bucket/container (see state.ts). */
  stateProbe?: StateProbe;
  /** DNS servers (`ip` or `ip:port`) for the DNS check and for every connection the checks make; default the system resolver. */
  dnsServers?: string[];
  /** Extra trusted CA certificates (PEM) in addition to Node's roots; for private CAs and tests. */
  ca?: string[];
  /** Port for https URLs and TLS hosts that name none (default 443). */
  httpsPort?: number;
  /** Per-check timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** A certificate expiring within this many days fails (default 14) … */
  certFailDays?: number;
  /** … and within this many warns (default 30: cert-manager renews a 90-day certificate 30 days ahead). */
  certWarnDays?: number;
  now?: () => Date;
  /** Run only the checks whose id equals or starts with one of these (`tls:`, `endpoint:vault-health`); default every check. */
  only?: string[];
}

export function defaultRunner(env: Record<string, string | undefined>): CommandRunner {
  return (cmd, args, signal) =>
    new Promise((resolve, reject) => {
      execFile(
        cmd,
        args,
        {
          env,
          signal,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          windowsHide: true,
        },
        (err, stdout, stderr) => {
          if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`${cmd} is not installed or not on PATH`));
          if (err && err.name === 'AbortError') return reject(err);
          const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
          resolve({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
    });
}

/** The last meaningful line a tool printed on failure, for a one-line reason. */
export function lastLine(r: CommandResult): string {
  const lines = (r.stderr || r.stdout)
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return (lines.at(-1) ?? `exit ${r.code}, no output`).slice(0, 300);
}
