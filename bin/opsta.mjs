#!/usr/bin/env node
// Runs the CLI compiled to one JavaScript file (generator/cli-dist/opsta.mjs, scripts/bundle-cli.ts),
// built from the sources on the first run after any of them changed (bin/cli-bundle.mjs), so a
// checkout never runs a stale CLI and no TypeScript loader runs with the command.
import { fileURLToPath } from 'node:url';
import { freshCliBundle } from './cli-bundle.mjs';

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

// OPSTA_CLI_FROM_SOURCE=1 runs generator/src/cli.ts through tsx instead, as bin/ did before the
// bundle: for the bench's before/after figures and for stack traces that point into the sources.
const fromSource = process.env.OPSTA_CLI_FROM_SOURCE === '1';
let bundle;
try {
  if (fromSource) (await import('tsx/esm/api')).register();
  bundle = fromSource ? '../generator/src/cli.ts' : await freshCliBundle(fileURLToPath(new URL('..', import.meta.url)));
} catch (e) {
  // A source that does not compile, or a checkout without its devDependencies (esbuild): the
  // command cannot run; say why in one line, without a stack trace.
  const why = e?.errors?.[0] ? `${e.errors[0].text}${e.errors[0].location ? ` (${e.errors[0].location.file}:${e.errors[0].location.line})` : ''}` : (e?.message ?? String(e));
  process.stderr.write(`opsta: cannot build the CLI from its sources (npm run bundle:cli): ${why}\nIn a checkout, npm ci installs what the build needs.\n`);
  process.exit(70);
}
const { main, guardProcessStreams, reportError } = await import(bundle);
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
