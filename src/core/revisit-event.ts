import { z } from "zod";
import { toIsoDate } from "./dates.js";

// revisits.jsonl: one JSON object per line, appended and never rewritten (format v1).
//   v       1: the format version (a line without it is read as v1; a higher one is skipped)
//   event   "revisit" | "used" | "snooze"
//   note    the note's key: its `id:` when it has one, else its slug (lower-case)
//   slug    the note's slug when the line was written (to read the log by eye, and for --orphans)
//   date    YYYY-MM-DD: the day it happened (today, or --today / LEARN_TODAY)
//   revisit adds  rating: "again" | "hard" | "good" | "easy", and remark: text from --note (optional)
//   used    adds  build: the real build the concept was used in, and lesson: what it taught (optional)
//   revisit may also carry lesson: what using it taught, added from `learn revisit --review`
//   snooze  adds  until: YYYY-MM-DD, the note is not due before that day
// Unknown extra fields are ignored, so a newer learn can add some without breaking an older one.
// Example: {"v":1,"event":"revisit","note":"k3x9q2m7","slug":"http-caching","date":"2026-11-27","rating":"good"}

/** The ratings a person gives a revisit, weakest first. */
export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

/** What each rating means, for help and prompts. */
export const RATING_MEANING: Record<RatingName, string> = {
  again: "couldn't explain it",
  hard: "shaky",
  good: "solid",
  easy: "could teach it",
};

/** The kinds of event the log holds. */
const EVENT_KINDS = ["revisit", "used", "snooze"] as const;

interface EventBase {
  v: 1;
  note: string;
  slug?: string;
  date: string;
}
/** The note was revisited and rated. */
interface RevisitEvent extends EventBase {
  event: "revisit";
  rating: RatingName;
  remark?: string;
  /** What using the concept taught, also written under the note's `## Used in builds`. */
  lesson?: string;
}
/** The concept was used in a real build: the note is due at once. */
interface UsedEvent extends EventBase {
  event: "used";
  build: string;
  /** What the build taught, also written under the note's `## Used in builds`. */
  lesson?: string;
}
/** The note is not due before `until`; no revisit is counted. */
interface SnoozeEvent extends EventBase {
  event: "snooze";
  until: string;
}
/** One line of revisits.jsonl. */
export type LogEvent = RevisitEvent | UsedEvent | SnoozeEvent;

/** A line that could not be read: its 1-based number and why. */
export interface LogProblem {
  line: number;
  reason: string;
}

const day = z.string().refine((s) => toIsoDate(s) === s, "must be a date like 2026-11-27");
const text = z.string().trim().min(1, "must not be empty");
const base = { note: text.transform((s) => s.toLowerCase()), slug: z.string().optional(), date: day };
const SCHEMAS = {
  revisit: z.object({
    ...base,
    rating: z.enum(RATINGS, { error: `must be one of ${RATINGS.join("|")}` }),
    remark: z.string().optional(),
    lesson: z.string().optional(),
  }),
  used: z.object({ ...base, build: text, lesson: z.string().optional() }),
  snooze: z.object({ ...base, until: day }),
};

/** Parse one line of the log; blank lines give null. Never throws. */
export function parseEventLine(line: string): { event: LogEvent } | { reason: string } | null {
  if (line.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { reason: "not JSON" };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { reason: "not a JSON object" };
  const obj = raw as Record<string, unknown>;
  if (obj.v !== undefined && obj.v !== 1)
    return { reason: `format version ${JSON.stringify(obj.v)} is newer than this learn reads (1); upgrade learn` };
  const kind = obj.event;
  if (typeof kind !== "string" || !(EVENT_KINDS as readonly string[]).includes(kind)) {
    return {
      reason: `${kind === undefined ? "no event" : `unknown event ${JSON.stringify(kind)}`} (known: ${EVENT_KINDS.join(", ")})`,
    };
  }
  const parsed = SCHEMAS[kind as LogEvent["event"]].safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join(".");
    return {
      reason: `${kind}: ${key}: ${issue.code === "invalid_type" && issue.input === undefined ? "missing" : issue.message}`,
    };
  }
  return { event: { v: 1, event: kind, ...parsed.data } as LogEvent };
}

/**
 * Parse the whole log. Bad lines are skipped and reported with their line number. A last
 * line without a newline that does not parse is a torn write (a crash mid-append): it is
 * reported as such, never treated as data.
 */
export function parseLog(text: string): { events: LogEvent[]; problems: LogProblem[] } {
  const lines = text.split("\n");
  const events: LogEvent[] = [];
  const problems: LogProblem[] = [];
  lines.forEach((line, i) => {
    const res = parseEventLine(line.replace(/\r$/, ""));
    if (res === null) return;
    if ("event" in res) events.push(res.event);
    else if (i === lines.length - 1)
      problems.push({ line: i + 1, reason: "incomplete last line (a write was cut off); ignored" });
    else problems.push({ line: i + 1, reason: res.reason });
  });
  return { events, problems };
}

/** One event as its log line: canonical field order, no newline. */
export function formatEvent(e: LogEvent): string {
  const { v, event, note, slug, date, ...rest } = e;
  return JSON.stringify({ v, event, note, ...(slug && slug !== note ? { slug } : {}), date, ...rest });
}

/**
 * The revisit log as the index's schedule cache reads it: a signature that changes when a
 * line is appended (taken before reading), and the log's contents, read only when needed.
 */
export interface RevisitLogSource {
  signature: string;
  read: () => { events: LogEvent[]; problems: LogProblem[] };
}
