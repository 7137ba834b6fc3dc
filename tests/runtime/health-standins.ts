/**
 * Recording stand-ins for kubectl, helm and the cloud CLIs, put first on PATH: no cluster can run
 * here, so each stand-in is a POSIX shell script that appends its arguments to calls.log and
 * answers from files keyed by the md5 of its argument list (stdout, stderr, exit code, an optional
 * delay). Shell rather than Node so a dozen concurrent calls start in milliseconds. An argument
 * list nobody answered exits 1 saying so: a check asking for something unexpected fails loudly.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface StandinAnswer {
  stdout?: string;
  stderr?: string;
  code?: number;
  delayMs?: number;
}

export interface Standins {
  dir: string;
  /** Environment with the stand-ins first on PATH. */
  env: Record<string, string | undefined>;
  /** Set answers of one tool, keyed by its arguments joined with spaces: `{ 'get nodes -o json': { stdout } }`. */
  answer(tool: string, answers: Record<string, StandinAnswer>): void;
  calls(): { tool: string; args: string }[];
  cleanup(): void;
}

// The key hashes the arguments exactly as the shell sees them, each followed by one space.
const key = (tool: string, args: string) =>
  `${tool}.${createHash('md5')
    .update(
      args
        .split(' ')
        .map((a) => `${a} `)
        .join(''),
    )
    .digest('hex')}`;

const SCRIPT = (dir: string, tool: string) => `#!/bin/sh
d='${dir}'
printf '%s\\t%s\\n' '${tool}' "$*" >> "$d/calls.log"
k='${tool}.'$(printf '%s ' "$@" | md5sum | cut -c1-32)
if [ ! -f "$d/answers/$k.code" ]; then echo "stand-in ${tool}: no answer for: $*" >&2; exit 1; fi
if [ -f "$d/answers/$k.delay" ]; then sleep "$(cat "$d/answers/$k.delay")"; fi
cat "$d/answers/$k.out"
cat "$d/answers/$k.err" >&2
exit "$(cat "$d/answers/$k.code")"
`;

export function makeStandins(tools: string[] = ['kubectl', 'helm', 'aws', 'az', 'gcloud']): Standins {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-standins-'));
  mkdirSync(join(dir, 'answers'));
  mkdirSync(join(dir, 'bin'));
  for (const t of tools) {
    writeFileSync(join(dir, 'bin', t), SCRIPT(dir, t));
    chmodSync(join(dir, 'bin', t), 0o755);
  }
  return {
    dir,
    env: {
      ...process.env,
      PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    },
    answer(tool, answers) {
      for (const [args, a] of Object.entries(answers)) {
        const base = join(dir, 'answers', key(tool, args));
        writeFileSync(`${base}.out`, a.stdout ?? '');
        writeFileSync(`${base}.err`, a.stderr ?? '');
        writeFileSync(`${base}.code`, String(a.code ?? 0));
        if (a.delayMs) writeFileSync(`${base}.delay`, (a.delayMs / 1000).toFixed(3));
        else rmSync(`${base}.delay`, { force: true });
      }
    },
    calls() {
      const f = join(dir, 'calls.log');
      return existsSync(f)
        ? readFileSync(f, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => ({
              tool: l.split('\t')[0]!,
              args: l.split('\t').slice(1).join('\t'),
            }))
        : [];
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
