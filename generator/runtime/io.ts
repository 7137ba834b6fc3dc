// The edge to the GitHub Actions runner: step outputs, the job summary, the environment.
// When the variables are unset (a local run, a test) outputs go to stdout instead.
import { appendFileSync, readFileSync, statSync } from 'node:fs';
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

/**
 * GitHub refuses a whole step summary over 1 MiB (1024k, counted in bytes): the step's summary is
 * then lost entirely and the run gets an error annotation. What is appended stays under it.
 */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the note that says what was cut. */
const NOTE_ROOM = 2048;

/** Fences and `<details>` still open at the end of `md`, so a cut can close them before its note. */
function closers(md: string): string {
  let fence: string | undefined;
  let details = 0;
  for (const line of md.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
      continue;
    }
    if (f) fence = f;
    else details += (line.match(/<details>/g)?.length ?? 0) - (line.match(/<\/details>/g)?.length ?? 0);
  }
  return `${fence ? `\n${fence}\n` : ''}${'\n</details>\n'.repeat(Math.max(0, details))}`;
}

/**
 * `markdown` cut at a line so that the step summary, `used` bytes already, stays under GitHub's
 * limit, with a note saying how much was cut and where the full text is. Unchanged when it fits.
 */
export function capSummary(markdown: string, used = 0, limit = STEP_SUMMARY_LIMIT): string {
  const bytes = Buffer.byteLength(markdown);
  if (used + bytes <= limit) return markdown;
  const room = Math.max(0, limit - used - NOTE_ROOM);
  const buf = Buffer.from(markdown);
  // A cut at a newline byte never splits a UTF-8 character.
  const at = buf.lastIndexOf(0x0a, room);
  const kept = at > 0 ? buf.subarray(0, at + 1).toString('utf8') : '';
  const cut = bytes - Buffer.byteLength(kept);
  const note = `\n> [!WARNING]\n> **Cut here**: ${cut.toLocaleString('en-US')} more bytes of this report are left out, because GitHub refuses a step summary over 1 MiB. The full output is in this step's log and, for a plan, in this run's \`opsta-plan-<stage>\` artifact (the plan file and its JSON).\n`;
  return `${kept}${closers(kept)}${note}`;
}

/** Append Markdown to the job summary, cut (and saying so) where it would pass GitHub's 1 MiB limit. */
export function appendSummary(io: Io, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  let used = 0;
  try {
    used = statSync(file).size;
  } catch {
    // Not there yet: appendFileSync creates it.
  }
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  // Already at the limit (an earlier append was cut): nothing more would be shown.
  if (used >= STEP_SUMMARY_LIMIT - NOTE_ROOM) return;
  appendFileSync(file, capSummary(text, used));
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
