import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import { formatEvent, parseLog, type LogEvent, type LogProblem, type RevisitLogSource } from "../core/revisit-event.js";

/** The log's file name, at the workspace root. */
export const REVISIT_LOG = "revisits.jsonl";

/** The path of a workspace's revisit log. */
const revisitLogPath = (root: string): string => join(root, REVISIT_LOG);

/** Read every event of the log; a missing file is an empty log. Bad and torn lines come back as problems. */
export function readRevisitLog(root: string): { events: LogEvent[]; problems: LogProblem[] } {
  let text: string;
  try {
    text = readFileSync(revisitLogPath(root), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { events: [], problems: [] };
    throw new LearnError(`cannot read ${REVISIT_LOG}: ${(err as Error).message}`);
  }
  return parseLog(text);
}

/** The log's (mtime, size), or "none": appending a line changes it. */
function logSignature(root: string): string {
  try {
    const s = statSync(revisitLogPath(root));
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return "none";
  }
}

/** The log as the schedule cache wants it: signed now, read at most once and only when asked. */
export function revisitLog(root: string): RevisitLogSource {
  const signature = logSignature(root); // before reading, so a line appended meanwhile is not cached as seen
  let read: { events: LogEvent[]; problems: LogProblem[] } | undefined;
  return { signature, read: () => (read ??= readRevisitLog(root)) };
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
