// The edge to the GitHub Actions runner: step outputs, the job summary, the environment.
// When the variables are unset (a local run, a test) outputs go to stdout instead.
import { appendFileSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { UsageError } from './errors.ts';

export type Env = Record<string, string | undefined>;

export interface Io {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo = (): Io => ({
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});

/** Append `name=value` to $GITHUB_OUTPUT; multi-line values use a random heredoc delimiter (GitHub's format). */
export function setOutput(io: Io, name: string, value: string): void {
  const file = io.env.GITHUB_OUTPUT;
  let line: string;
  if (value.includes('\n')) {
    const delim = `opsta_${randomBytes(8).toString('hex')}`;
    line = `${name}<<${delim}\n${value}\n${delim}\n`;
  } else line = `${name}=${value}\n`;
  if (file) appendFileSync(file, line);
  else io.stdout(`::output ${line}`);
}

/** Append Markdown to the job summary (a step summary is limited to 1 MiB by GitHub; callers stay well under). */
export function appendSummary(io: Io, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'error';
    throw new UsageError(`cannot read ${what} ${path} (${code}); check the path`);
  }
}

export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON (${(e as Error).message})`);
  }
}

export function requireEnv(io: Io, name: string, why: string): string {
  const v = io.env[name];
  if (!v) throw new UsageError(`${name} is not set; ${why}`);
  return v;
}

export function repository(io: Io): { owner: string; repo: string } {
  const full = requireEnv(io, 'GITHUB_REPOSITORY', 'it names the repository (owner/name)');
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(full)}`);
  return { owner: m[1]!, repo: m[2]! };
}

export function runUrl(io: Io): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = io.env;
  return repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/** The event payload ($GITHUB_EVENT_PATH), or undefined when there is none. */
export function eventPayload(io: Io): Record<string, unknown> | undefined {
  const p = io.env.GITHUB_EVENT_PATH;
  if (!p) return undefined;
  const j = readJson(p, 'the event payload (GITHUB_EVENT_PATH)');
  return typeof j === 'object' && j !== null ? (j as Record<string, unknown>) : undefined;
}
