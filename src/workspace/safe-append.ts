import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, unlinkSync } from "node:fs";
import { dirname } from "node:path";
import { LearnError } from "../core/errors.js";
import { shownPath } from "./safe-path.js";
import { prepare, syncFolder, writeAll, writeFailure, type WriteOptions } from "./safe-write.js";

// Appending lines (the revisit log, .gitignore): one O_APPEND write, cut back again when it
// fails part-way. Whole-file writes, and the checks every write makes, are in safe-write.ts.

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** True when the file's last byte is not a newline (a torn line, or a hand edit). */
function endsMidLine(fd: number, size: number): boolean {
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Append whole lines to a file inside `root`: one write() on an O_APPEND descriptor (so
 * concurrent appenders never interleave), fsync before returning. A file ending mid-line
 * gets a newline first. When the write fails part-way (a full disk), what this call
 * wrote is cut off again, so no torn line is left; the message says whether that worked.
 */
export function appendLinesSafe(root: string, path: string, lines: string, opts: WriteOptions = {}): void {
  const existed = prepare(root, path, opts) !== undefined;
  let fd: number | undefined;
  let buf = Buffer.alloc(0);
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o666);
    const st = fstatSync(fd);
    if (!st.isFile()) throw new LearnError(`cannot write ${shownPath(path)}: it is not a regular file`);
    buf = Buffer.from((endsMidLine(fd, st.size) ? "\n" : "") + lines, "utf8");
    writeAll(fd, buf, path);
    fsyncSync(fd);
    if (!existed) syncFolder(dirname(path));
  } catch (err) {
    const written = (err as { written?: number }).written ?? 0;
    const clean = fd === undefined || written === 0 || cutBack(fd, buf, written);
    if (clean && fd !== undefined && !existed) dropIfEmpty(fd, path);
    throw writeFailure(
      err,
      path,
      clean
        ? "nothing was recorded"
        : `a partial line may be left at the end of ${shownPath(path)} (learn skips it when reading)`,
      opts,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Remove a file this append made and could not fill, so a failed first append leaves nothing. */
function dropIfEmpty(fd: number, path: string): void {
  try {
    if (fstatSync(fd).size === 0) unlinkSync(path);
  } catch {
    // an empty file is harmless
  }
}

/** Remove the `written` bytes this append left at the end of the file, if they are still last. */
function cutBack(fd: number, buf: Buffer, written: number): boolean {
  try {
    const size = fstatSync(fd).size;
    if (size < written) return false;
    const tail = Buffer.alloc(written);
    readSync(fd, tail, 0, written, size - written);
    if (!tail.equals(buf.subarray(0, written))) return false; // another process appended after it
    ftruncateSync(fd, size - written);
    fsyncSync(fd);
    return true;
  } catch {
    return false;
  }
}
