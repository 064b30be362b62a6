import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import { formatEvent, parseLog, type LogEvent, type LogProblem } from "../core/revisit-event.js";
import { formatCap, READ_CAPS, readWorkspaceFile } from "./safe-read.js";

/** The log's file name, at the workspace root. */
export const REVISIT_LOG = "revisits.jsonl";

/** The path of a workspace's revisit log. */
export const revisitLogPath = (root: string): string => join(root, REVISIT_LOG);

/**
 * Read every event of the log; a missing file is an empty log. Bad and torn lines come back as
 * problems. The log must be a regular file inside the workspace (a link to /dev/zero or a FIFO
 * is refused), read up to 64 MiB; past that the rest is reported, not read.
 */
export function readRevisitLog(root: string): { events: LogEvent[]; problems: LogProblem[] } {
  const read = readWorkspaceFile(revisitLogPath(root), { root }, READ_CAPS.revisitLog, REVISIT_LOG);
  if (!read) return { events: [], problems: [] };
  if (!read.truncated) return parseLog(read.buf.toString("utf8"));
  // Whole lines only: the cut line would read as a torn write.
  const text = read.buf.subarray(0, read.buf.lastIndexOf(0x0a) + 1).toString("utf8");
  const log = parseLog(text);
  log.problems.push({
    line: text.split("\n").length,
    reason: `the log is ${formatCap(read.size)}: learn reads its first ${formatCap(READ_CAPS.revisitLog)}, so this line and those after it are not read`,
  });
  return log;
}

/**
 * Append events to the log as whole lines: one write() on an O_APPEND descriptor (so
 * concurrent appenders never interleave), then fsync before returning, so a reported
 * success is on disk. If the file ends in a torn line, a newline is written first so the
 * new line stays whole; nothing already in the file is ever changed.
 */
export function appendRevisitEvents(root: string, events: readonly LogEvent[]): void {
  const path = revisitLogPath(root);
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
    const lines = events.map((e) => `${formatEvent(e)}\n`).join("");
    const buf = Buffer.from((endsMidLine(path) ? "\n" : "") + lines, "utf8");
    const written = writeSync(fd, buf);
    if (written !== buf.length) throw new Error(`short write (${written} of ${buf.length} bytes)`);
    fsyncSync(fd);
    if (fstatSync(fd).size === buf.length) syncFolder(root); // the file is new: make its name durable too
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied" : (err as Error).message;
    throw new LearnError(
      `cannot write ${REVISIT_LOG}: ${why}`,
      "nothing was recorded; check that the workspace folder is writable",
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when the file's last byte is not a newline (a torn line, or a hand edit). */
function endsMidLine(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** fsync a folder so a file just created in it survives a crash (a no-op where folders cannot be opened). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; its file system journals names itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
