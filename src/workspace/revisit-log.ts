import { statSync } from "node:fs";
import { join } from "node:path";
import { formatEvent, parseLog, type LogEvent, type LogProblem, type RevisitLogSource } from "../core/revisit-event.js";
import { formatCap, READ_CAPS, readWorkspaceFile } from "../files/safe-read.js";
import { appendLinesSafe } from "./safe-append.js";

/** The log's file name, at the workspace root. */
export const REVISIT_LOG = "revisits.jsonl";

/** The path of a workspace's revisit log. */
const revisitLogPath = (root: string): string => join(root, REVISIT_LOG);

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
 * new line stays whole; a write that fails part-way (a full disk) is cut back, so it
 * leaves no torn line of its own. Never through a link, never outside the workspace.
 */
export function appendRevisitEvents(root: string, events: readonly LogEvent[]): void {
  const lines = events.map((e) => `${formatEvent(e)}\n`).join("");
  appendLinesSafe(root, revisitLogPath(root), lines, { folder: "the workspace folder", shown: REVISIT_LOG });
}
