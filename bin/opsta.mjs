#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the same sources serve the
// CLI, the tests and the planner without a separate build step.
import { register } from 'tsx/esm/api';

/** Last resort for an error that escapes main() (main reports every error itself): one line, never a stack trace. */
function crashed(e) {
  try {
    process.stderr.write(`opsta: internal error: ${e?.message ?? String(e)}\nThis is a bug in Opsta; please report it with the command and the plan that caused it.\n`);
  } catch {
    // stderr is gone: the exit code is all that is left.
  }
  process.exit(70);
}
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

register();
const { main, guardProcessStreams, reportError } = await import('../generator/src/cli.ts');
// Before anything is written: a closed pipe (EPIPE) or a full disk on stdout must end in an
// exit code and at most one line, never an "Unhandled 'error' event" stack trace.
const streams = guardProcessStreams(process);
const argv = process.argv.slice(2);
let code;
try {
  code = await main(argv, { stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  // main() reports every error itself; one that escapes (a promise returned un-awaited) gets the same treatment.
  code = reportError(e, { stdout: process.stdout, stderr: process.stderr }, argv[0]);
}
process.exitCode = streams.exitCode() || code;
