import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import { formatEvent, parseLog, type LogEvent, type LogProblem } from "../core/revisit-event.js";
import { appendLinesSafe } from "./safe-write.js";

/** The log's file name, at the workspace root. */
export const REVISIT_LOG = "revisits.jsonl";

/** The path of a workspace's revisit log. */
export const revisitLogPath = (root: string): string => join(root, REVISIT_LOG);

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
