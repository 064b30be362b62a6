import { toIsoDate } from "./dates.js";

// revisits.jsonl: one JSON object per line, appended and never rewritten (format v1).
//   v       1: the format version (a line without it is read as v1; a higher one is skipped)
//   event   "revisit" | "used" | "snooze"
//   note    the note's key: its `id:` when it has one, else its slug (lower-case)
//   slug    the note's slug when the line was written (to read the log by eye, and for --orphans)
//   path    the note's path, for a note keyed by its file name (so a later note of that name cannot take its history)
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
  /** The note's path (workspace-relative) when the line was written: finds it if its name is later shared. */
  path?: string;
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

// Checked by hand rather than with a schema library: every read command replays this log, and
// zod's ~90 modules cost more to load than the whole check (issue 15). The reasons are the ones
// the zod schema gave: the first field that fails, in the order note, slug, date, then the kind's;
// a field of the wrong type, or none, is "missing".
type Check = (value: unknown) => { value?: unknown; reason?: string };

const missing = { reason: "missing" };
const optionalString: Check = (v) => (v === undefined || typeof v === "string" ? { value: v } : missing);
const day: Check = (v) =>
  typeof v !== "string" ? missing : toIsoDate(v) === v ? { value: v } : { reason: "must be a date like 2026-11-27" };
const text: Check = (v) =>
  typeof v !== "string" ? missing : v.trim() ? { value: v.trim() } : { reason: "must not be empty" };
const note: Check = (v) => {
  const r = text(v);
  return r.reason ? r : { value: (r.value as string).toLowerCase() };
};
const rating: Check = (v) =>
  (RATINGS as readonly unknown[]).includes(v) ? { value: v } : { reason: `must be one of ${RATINGS.join("|")}` };
const base: Record<string, Check> = { note, slug: optionalString, path: optionalString, date: day };
const FIELDS: Record<LogEvent["event"], Record<string, Check>> = {
  revisit: { ...base, rating, remark: optionalString, lesson: optionalString },
  used: { ...base, build: text, lesson: optionalString },
  snooze: { ...base, until: day },
};

/** The event's known fields, checked and normalised, unknown ones dropped; or the first field's problem. */
function checkFields(kind: LogEvent["event"], obj: Record<string, unknown>): { data: object } | { reason: string } {
  const data: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(FIELDS[kind])) {
    const r = check(obj[key]);
    if (r.reason !== undefined) return { reason: `${kind}: ${key}: ${r.reason}` };
    if (r.value !== undefined) data[key] = r.value;
  }
  return { data };
}

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
  const parsed = checkFields(kind as LogEvent["event"], obj);
  if ("reason" in parsed) return parsed;
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
