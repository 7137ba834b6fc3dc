// Running the committed runtime bundle the way a workflow does: `node opsta.mjs <subcommand>`,
// copied alone into a temporary directory (no node_modules anywhere above it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLE = fileURLToPath(new URL('../../../generator/runtime-dist/opsta.mjs', import.meta.url));

let isolated: string | undefined;
/** The bundle copied to a temp dir of its own, so no node_modules can be resolved from it. */
export function isolatedBundle(): string {
  if (isolated) return isolated;
  const dir = mkdtempSync(join(tmpdir(), 'opsta-runtime-'));
  isolated = join(dir, 'opsta.mjs');
  copyFileSync(BUNDLE, isolated);
  return isolated;
}

export interface RuntimeRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Parsed $GITHUB_OUTPUT (name → value). */
  outputs: Record<string, string>;
  summary: string;
}

/** Run a subcommand with only the environment given (plus PATH and HOME), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY in temp files. */
export function runRuntime(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RuntimeRun {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-run-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...opts.env };
  const r = spawnSync(process.execPath, [isolatedBundle(), ...args], { cwd: opts.cwd ?? dir, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) outputs[line.slice(0, i)] = line.slice(i + 1);
  }
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

/**
 * The same, without blocking the event loop: for tests whose GitHub stand-in runs in this process
 * (spawnSync would stop it from answering, and the runtime would wait forever).
 */
export async function runRuntimeAsync(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<RuntimeRun> {
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'opsta-run-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...opts.env };
  const p = spawn(process.execPath, [isolatedBundle(), ...args], { cwd: opts.cwd ?? dir, env });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d) => (stdout += d));
  p.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => p.on('close', (c) => resolve(c ?? 128)));
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) outputs[line.slice(0, i)] = line.slice(i + 1);
  }
  return { code, stdout, stderr, outputs, summary: readFileSync(summary, 'utf8') };
}
