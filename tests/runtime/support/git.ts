// Throwaway git repositories for the runtime tests (changed stacks, the status branch, revert).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
}

export function newRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-git-'));
  git(dir, ['init', '--quiet', '-b', 'main']);
  commit(dir, files, 'initial');
  return dir;
}

export function commit(dir: string, files: Record<string, string>, message: string): string {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

export function bareRemote(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-remote-'));
  git(dir, ['init', '--quiet', '--bare', '-b', 'main']);
  return dir;
}
