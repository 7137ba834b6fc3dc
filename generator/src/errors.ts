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

/** What to tell the user for each filesystem error code a user can cause and fix. */
const FS_HINTS: Record<string, (path: string, action: string) => string> = {
  EISDIR: (p, a) => `cannot ${a} ${p}: it is a directory; give a file path instead`,
  ENOTDIR: (p, a) => `cannot ${a} ${p}: a part of that path is a file, not a directory; choose another path`,
  EACCES: (p, a) => `cannot ${a} ${p}: permission denied; check the permissions of the path and its parent directories`,
  EPERM: (p, a) => `cannot ${a} ${p}: operation not permitted (read-only or immutable?); choose a path you can write to`,
  ENOENT: (p, a) => `cannot ${a} ${p}: no such file or directory (or a dangling symlink); check the path`,
  ENOSPC: (p, a) => `cannot ${a} ${p}: no space left on the device; free some space and run again`,
  EDQUOT: (p, a) => `cannot ${a} ${p}: disk quota exceeded; free some space and run again`,
  EEXIST: (p, a) => `cannot ${a} ${p}: it already exists; remove it or choose another path`,
  ELOOP: (p, a) => `cannot ${a} ${p}: too many levels of symbolic links (a symlink loop?); check the path`,
  EROFS: (p, a) => `cannot ${a} ${p}: the file system is read-only; choose a writable path`,
  EMFILE: (p, a) => `cannot ${a} ${p}: too many open files; close other programs or raise the limit (ulimit -n) and run again`,
  ENFILE: (p, a) => `cannot ${a} ${p}: too many open files on the system; try again later`,
  ENAMETOOLONG: (p, a) => `cannot ${a} ${p}: the path is too long; choose a shorter one`,
  ENXIO: (p, a) => `cannot ${a} ${p}: no such device (a socket or an unconnected device?); give a regular file`,
  EBUSY: (p, a) => `cannot ${a} ${p}: it is busy (in use by another program); try again later`,
  EIO: (p, a) => `cannot ${a} ${p}: input/output error from the device; check the disk`,
};

/** The errno code of a Node system error, or undefined for anything else. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * A Node filesystem error (EACCES, ENOSPC, …) as a UserError (exit 2) that names the
 * path and what to do. `action` is a verb phrase: "read the plan", "write", "create".
 * Returns undefined for errors that are not an errno a user can fix (those are bugs).
 */
export function fsErrorToUserError(e: unknown, path: string, action: string): UserError | undefined {
  const code = errnoCode(e);
  const hint = code ? FS_HINTS[code] : undefined;
  if (!code || !hint || !Object.hasOwn(FS_HINTS, code)) return undefined;
  return new UserError(`${hint(path, action)} (${code})`, 2);
}
