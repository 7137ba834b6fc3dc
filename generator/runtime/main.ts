// Entry point of .opsta/opsta.mjs: `node .opsta/opsta.mjs <subcommand> [flags]` (docs/runtime.md).
// Exit codes: 0 done, 1 a check failed, 2 usage or environment, 70 a bug in the runtime.
import { COMMANDS } from './commands.ts';
import { CheckFailed, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';
import { RUNTIME_VERSION } from './version.ts';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [`opsta runtime ${RUNTIME_VERSION}: node .opsta/opsta.mjs <subcommand> [flags]`, '', ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`), '', 'See docs/runtime.md in the Opsta repository.', ''].join('\n');
}

/** Never prints a stack trace: a workflow log shows one line that says what to do. */
function oneLine(s: string): string {
  return s.replace(/\u001b/g, '\\u001b');
}

export async function runtimeMain(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${RUNTIME_VERSION}\n`);
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr(`opsta runtime: unknown subcommand ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CheckFailed || e instanceof UsageError) {
      // ::error:: makes the message an annotation on the run.
      const [first, ...more] = oneLine(e.message).split('\n');
      io.stderr(`::error title=opsta ${name}::${first}\n${more.length ? `${more.join('\n')}\n` : ''}`);
      return e.exitCode;
    }
    io.stderr(`opsta runtime: internal error in ${name}: ${oneLine(e instanceof Error ? e.message : String(e)).split('\n')[0]}\nThis is a bug in the Opsta runtime; please report it with the command.\n`);
    return 70;
  }
}
