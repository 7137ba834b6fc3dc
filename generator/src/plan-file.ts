// Reading the plan file: the CLI's one input. Bounded and strict before any parsing, so
// no file can make Opsta hang, grow without limit or silently change the user's text:
// only a regular file, at most MAX_PLAN_BYTES, strict UTF-8 (a UTF-8 BOM is fine).
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { errnoCode, fsErrorToUserError, UsageError, UserError } from './errors.ts';

/** A real plan is about 1.5 KiB; 1 MiB leaves room for comments and keeps validation under a second. */
export const MAX_PLAN_BYTES = 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(path: string, st: Stats): UserError {
  return new UserError(`cannot read the plan ${path}: it is ${kindOf(st)}; give the path of a plan file (a regular file, e.g. opsta.plan.yaml)`);
}

/** The plan's bytes: a regular file (checked before and after opening), at most MAX_PLAN_BYTES. */
export function readPlanBytes(path: string, maxBytes = MAX_PLAN_BYTES): Uint8Array {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') throw new UsageError(`plan file not found: ${path}`);
    throw fsErrorToUserError(e, path, 'read the plan') ?? e;
  }
  // Refuse special files before opening them: opening a FIFO blocks, a device may act on open.
  if (!st.isFile()) throw notRegular(path, st);
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open must not hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw fsErrorToUserError(e, path, 'read the plan') ?? e;
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw notRegular(path, fst);
    const tooBig = () => new UserError(`cannot read the plan ${path}: it is larger than ${maxBytes / 1024 / 1024} MiB (a plan is a few KiB); is this the right file?`);
    if (fst.size > maxBytes) throw tooBig();
    // Read at most maxBytes + 1 whatever fstat said (the file may grow): one byte over is enough to refuse.
    const buf = new Uint8Array(maxBytes + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > maxBytes) throw tooBig();
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw fsErrorToUserError(e, path, 'read the plan') ?? e;
  } finally {
    closeSync(fd);
  }
}

/** 1-based line and column (in characters) of byte `offset`, counting lines by "\n". */
function lineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) don't start one.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // > U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The name of a UTF-16/UTF-32 encoding the bytes are in (by BOM, or by the NUL pattern of ASCII text), if any. */
function wideEncoding(b: Uint8Array): string | undefined {
  const at = (i: number) => b[i];
  if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0) return 'UTF-32 (little-endian)';
  if (at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff) return 'UTF-32 (big-endian)';
  if (at(0) === 0xff && at(1) === 0xfe) return 'UTF-16 (little-endian)';
  if (at(0) === 0xfe && at(1) === 0xff) return 'UTF-16 (big-endian)';
  if (b.length >= 4 && at(0) !== 0 && at(1) === 0 && at(2) !== 0 && at(3) === 0) return 'UTF-16 (little-endian)';
  if (b.length >= 4 && at(0) === 0 && at(1) !== 0 && at(2) === 0 && at(3) !== 0) return 'UTF-16 (big-endian)';
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true }); // strips a leading UTF-8 BOM

/** The plan's text: strict UTF-8, a UTF-8 BOM dropped; anything else is refused, naming the path and the byte. */
export function decodePlan(bytes: Uint8Array, path: string): string {
  const wide = wideEncoding(bytes);
  if (wide) throw new UserError(`cannot read the plan ${path}: it is ${wide}; save it as UTF-8`);
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumn(bytes, Math.max(at, 0));
    const hex = at >= 0 ? ` (0x${bytes[at]!.toString(16).padStart(2, '0')})` : '';
    throw new UserError(
      `cannot read the plan ${path}: not UTF-8 at byte ${at + 1}${hex}, line ${line}, column ${column}; save it as UTF-8 (it may be Latin-1 or Windows-1252)`,
    );
  }
}

/** Read and decode the plan file at `path`: a UserError (exit 2) naming the path for anything that is not a plan-sized UTF-8 text file. */
export function readPlanFile(path: string, maxBytes = MAX_PLAN_BYTES): string {
  return decodePlan(readPlanBytes(path, maxBytes), path);
}
