// Writing the status branch with git plumbing in a private bare repository (the job's checkout is
// never touched): fetch the branch tip, apply the event, commit on top, push without force. A
// rejected push means another writer got there first: fetch again and re-apply, so no event is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckFailed } from './errors.ts';
import { run, runOk } from './exec.ts';
import { applyEvent, type StatusEvent } from './status-log.ts';

export interface StatusBranchOptions {
  remote: string;
  branch: string;
  /** Extra environment for git (the auth header as GIT_CONFIG_* variables, never in argv). */
  gitEnv?: Record<string, string>;
  attempts?: number;
  sleep?: (ms: number) => void;
}

const IDENTITY = { GIT_AUTHOR_NAME: 'opsta', GIT_AUTHOR_EMAIL: 'opsta@users.noreply.github.com', GIT_COMMITTER_NAME: 'opsta', GIT_COMMITTER_EMAIL: 'opsta@users.noreply.github.com' };

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function appendStatusEvent(event: StatusEvent, opts: StatusBranchOptions): { added: boolean; attempts: number; commit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-status-'));
  const env = { ...process.env, ...IDENTITY, ...opts.gitEnv, GIT_TERMINAL_PROMPT: '0' };
  const git = (args: string[], input?: string) => runOk('git', ['--git-dir', dir, ...args], { env, ...(input !== undefined ? { input } : {}) });
  const attempts = opts.attempts ?? 10;
  try {
    runOk('git', ['init', '--quiet', '--bare', dir], { env });
    for (let attempt = 1; ; attempt++) {
      const fetched = run('git', ['--git-dir', dir, 'fetch', '--quiet', '--no-tags', '--depth=1', opts.remote, `+refs/heads/${opts.branch}:refs/opsta/tip`], { env });
      let parent: string | undefined;
      if (fetched.code === 0) parent = git(['rev-parse', 'refs/opsta/tip']).trim();
      else if (!/couldn't find remote ref|not found/i.test(fetched.stderr)) throw new CheckFailed(`cannot fetch ${opts.branch}: ${fetched.stderr.trim().split('\n').pop()}`);
      const show = (file: string) => (parent ? run('git', ['--git-dir', dir, 'show', `${parent}:${file}`], { env }) : undefined);
      const s = show('status.json');
      const h = show('history.jsonl');
      const next = applyEvent(s?.code === 0 ? s.stdout : undefined, h?.code === 0 ? h.stdout : undefined, event);
      if (!next.added && parent) return { added: false, attempts: attempt, commit: parent };
      const blob = (text: string) => git(['hash-object', '-w', '--stdin'], text).trim();
      const tree = git(['mktree'], `100644 blob ${blob(next.history)}\thistory.jsonl\n100644 blob ${blob(next.status)}\tstatus.json\n`).trim();
      const commit = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `${event.type} ${event.environment}: ${event.status} (${event.id})`]).trim();
      // No force: the push is accepted only as a fast-forward of what we read.
      const pushed = run('git', ['--git-dir', dir, 'push', '--quiet', '--porcelain', opts.remote, `${commit}:refs/heads/${opts.branch}`], { env });
      if (pushed.code === 0) return { added: true, attempts: attempt, commit };
      const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(pushed.stderr + pushed.stdout);
      if (!rejected) throw new CheckFailed(`cannot push ${opts.branch}: ${(pushed.stderr || pushed.stdout).trim().split('\n').pop()}`);
      if (attempt >= attempts) throw new CheckFailed(`status branch ${opts.branch}: another writer won ${attempts} times in a row; the event ${event.id} was not written, rerun the job`);
      (opts.sleep ?? sleepSync)(Math.round(50 * attempt + Math.random() * 200 * attempt));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The remote and the auth header for pushing with the job token (GIT_CONFIG_* keeps the token out of argv). */
export function githubRemote(env: Record<string, string | undefined>, override?: string): { remote: string; gitEnv: Record<string, string> } {
  const remote = override ?? `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}.git`;
  const gitEnv: Record<string, string> = {};
  if (env.GITHUB_TOKEN && /^https:/.test(remote)) {
    const basic = Buffer.from(`x-access-token:${env.GITHUB_TOKEN}`).toString('base64');
    Object.assign(gitEnv, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${new URL(remote).origin}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
  }
  return { remote, gitEnv };
}
