// The runtime's two kinds of failure a workflow run can act on. Anything else escaping a
// subcommand is a bug: main() prints one line and exits 70, never a stack trace.

/** A check that ran and failed (budget over, plans differ, a rollback failed): exit 1, the message says what. */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  readonly exitCode = 1;
}

/** A wrong flag, a missing file or variable: exit 2, the message names it and the fix. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode = 2;
}
