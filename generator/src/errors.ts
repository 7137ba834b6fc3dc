// Errors a user can act on. The CLI prints them as one line ("opsta: <message>"),
// never with a stack trace, and exits with their code; anything else is a bug (exit 70).

/** A refusal or failure the user can fix: names the path or field and what to do. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    /** 2: usage or environment (a path, a permission, a conflict); 1: the plan itself is invalid. */
    readonly exitCode: 1 | 2 = 2,
    /** Print the command's usage after the message (wrong arguments, not a filesystem refusal). */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** Wrong arguments: the message is followed by the command's usage. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2, true);
  }
}
