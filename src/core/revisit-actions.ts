import { addDays } from "./dates.js";
import { UsageError } from "./errors.js";
import { DURATION_HINT, parseDuration } from "./revisit-duration.js";
import { RATING_MEANING, RATINGS, type LogEvent, type RatingName } from "./revisit-event.js";
import type { NoteSchedule } from "./revisit-replay.js";

/** What one `learn revisit SLUG …` call records. */
export type RevisitAction =
  | { kind: "rate"; rating: RatingName; remark?: string; lesson?: string }
  | { kind: "used"; build: string; lesson?: string }
  | { kind: "snooze"; days: number };

/** The revisit options that decide what to do (the command's flags, as given). */
export interface RevisitFlags {
  slug?: string;
  rating?: string;
  note?: string;
  usedIn?: string;
  /** With usedIn: what the build taught, appended to the note and kept in the event. */
  lesson?: string;
  snooze?: string;
  within?: string;
  upcoming?: boolean;
  review?: boolean;
  brief?: boolean;
  orphans?: boolean;
}

/** Read a rating word (any case); a usage error listing the ratings otherwise. */
export function parseRating(text: string): RatingName {
  const r = text.trim().toLowerCase();
  if ((RATINGS as readonly string[]).includes(r)) return r as RatingName;
  throw new UsageError(
    `--rating ${text}: must be one of ${RATINGS.join("|")}`,
    RATINGS.map((x) => `${x}: ${RATING_MEANING[x]}`).join(", "),
  );
}

/** Read a duration flag in days; `min` is the smallest allowed (1 for a snooze, 0 for a window). */
export function parseDurationFlag(flag: string, text: string, min: number): number {
  const days = parseDuration(text);
  if (days === undefined) throw new UsageError(`${flag} ${text}: not a duration`, `use ${DURATION_HINT}`);
  if (days < min) throw new UsageError(`${flag} ${text}: must be at least ${min} day`, `use ${DURATION_HINT}`);
  return days;
}

/** Check the flags fit together and say what to record, if anything; throws UsageError (exit 2). */
export function revisitAction(f: RevisitFlags): RevisitAction | undefined {
  const given = (
    [
      ["--rating", f.rating],
      ["--used-in", f.usedIn],
      ["--snooze", f.snooze],
    ] as const
  )
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (given.length > 1)
    throw new UsageError(
      `${given.join(" and ")} cannot be used together`,
      "a revisit, a build use and a snooze are separate records",
    );
  const listing = (
    [
      ["--within", f.within],
      ["--upcoming", f.upcoming],
      ["--review", f.review],
      ["--brief", f.brief],
      ["--orphans", f.orphans],
    ] as const
  )
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k]) => k);
  if (given.length && listing.length)
    throw new UsageError(
      `${given[0]} and ${listing[0]} cannot be used together`,
      "record for one note, or list; not both",
    );
  if (listing.length > 1) throw new UsageError(`${listing[0]} and ${listing[1]} cannot be used together`);
  if (f.slug && listing.length)
    throw new UsageError(`${listing[0]} lists notes; it takes no note`, `learn revisit ${listing[0]}`);
  if (f.note !== undefined && f.rating === undefined)
    throw new UsageError("--note goes with --rating", `learn revisit ${f.slug ?? "SLUG"} --rating good --note "..."`);
  if (f.lesson !== undefined && f.usedIn === undefined)
    throw new UsageError(
      "--lesson goes with a build use",
      `learn used ${f.slug ?? "SLUG"} --in "payments API v2" --lesson "..."`,
    );
  if (f.lesson !== undefined && !f.lesson.trim())
    throw new UsageError("--lesson is empty", 'say what the build taught: --lesson "retries need a budget"');
  if (given.length && !f.slug) throw new UsageError(`${given[0]} needs a note`, `learn revisit SLUG ${given[0]} ...`);
  if (f.within !== undefined) parseDurationFlag("--within", f.within, 0);
  if (f.rating !== undefined)
    return { kind: "rate", rating: parseRating(f.rating), ...(f.note?.trim() ? { remark: f.note.trim() } : {}) };
  if (f.usedIn !== undefined) {
    if (!f.usedIn.trim()) throw new UsageError("--used-in needs the name of the build", '--used-in "payments API v2"');
    return { kind: "used", build: f.usedIn.trim(), ...(f.lesson?.trim() ? { lesson: f.lesson.trim() } : {}) };
  }
  if (f.snooze !== undefined) return { kind: "snooze", days: parseDurationFlag("--snooze", f.snooze, 1) };
  return undefined;
}

/**
 * The log line an action makes for a note on `today`. A snooze counts from the later of
 * today and the current due date, so snoozing a note that is not due yet still moves it.
 */
export function actionEvent(
  a: RevisitAction,
  s: Pick<NoteSchedule, "key" | "slug" | "due" | "path">,
  today: string,
): LogEvent {
  // a note keyed by its file name records its path too: if another note later takes that name, the
  // line still finds this one (replay falls back to the path)
  const named = s.path !== undefined && s.key === s.slug.toLowerCase();
  const base = { v: 1 as const, note: s.key, slug: s.slug, ...(named ? { path: s.path } : {}), date: today };
  if (a.kind === "rate")
    return {
      ...base,
      event: "revisit",
      rating: a.rating,
      ...(a.remark ? { remark: a.remark } : {}),
      ...(a.lesson ? { lesson: a.lesson } : {}),
    };
  if (a.kind === "used") return { ...base, event: "used", build: a.build, ...(a.lesson ? { lesson: a.lesson } : {}) };
  const from = s.due && s.due > today ? s.due : today;
  return { ...base, event: "snooze", until: addDays(from, a.days) };
}
