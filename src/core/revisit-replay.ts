import { formatDate } from "./dates.js";
import type { LogEvent, RatingName } from "./revisit-event.js";
import {
  fixedDays,
  fixedScheduler,
  fsrsEngine,
  fsrsScheduler,
  revisitPolicy,
  type NoteScheduler,
} from "./revisit-scheduler.js";
import type { Config } from "./config.js";
import { revisitScope } from "./revisit-new.js";

/** What replay needs of a note (a NoteRow fits). */
export interface ReplayNote {
  id: string | null;
  slug: string;
  published: string | null;
  updated?: string | null;
  revisit_every: string | null;
  revisit: boolean | null;
  /** File modification time, the start date of a note with neither `published:` nor `updated:`. */
  mtime_ms?: number;
  /** The note's path: the key of a note whose id another note shares. */
  path?: string;
  /** Tags, for `revisit.include`/`exclude` by `#tag`. */
  tags?: readonly string[];
  /** The first date of a note with no date of its own, and where it came from (git's first add, or the file). */
  first?: { date: string; source: "git" | "file" };
}

/**
 * Where a note's first date came from: its front matter (`published:`, `date:`, `created:`), only its
 * `updated:`/`modified:`, the commit that added it, or the file's mtime.
 */
export type DateSource = "front-matter" | "updated" | "git" | "file";

/** Why a note is due (or will be): never revisited since publication, scheduled, or used in a build. */
export type DueReason =
  | { kind: "new"; published: string; source?: DateSource }
  | { kind: "scheduled"; since: string }
  | { kind: "used"; build: string; date: string };

/** One note's schedule after replaying the log. */
export interface NoteSchedule {
  key: string;
  slug: string;
  /** The note's path (schedules cached by an older learn may lack it). */
  path?: string;
  /** Next due date, or null for `revisit: false`. */
  due: string | null;
  reason: DueReason | null;
  /** Set when the last snooze still holds the due date. */
  snoozedUntil?: string;
  lastRevisit: string | null;
  /** A note's first date when it has none of its own (git or file): what a replay of this one note needs again. */
  first?: { date: string; source: "git" | "file" };
  /** The day of the first revisit (a never-revisited note is queued by revisit.new_per_day). */
  firstRevisit?: string;
  lastRating: RatingName | null;
  /** Days between the last revisit and the scheduled due date (0 before the first revisit). */
  interval: number;
  revisits: number;
  scheduler: "fsrs" | "fixed" | "never";
}

/** Events whose note does not exist, kept per key. */
export interface OrphanKey {
  key: string;
  slugs: string[];
  events: number;
  first: string;
  last: string;
}

/** The result of a replay: a schedule per note key, and the keys no note claims. */
export interface Replay {
  byKey: Map<string, NoteSchedule>;
  orphans: OrphanKey[];
}

/** A note's key in the log: its `id:` when present, else its slug (lower-case); see replayKeys for shared names. */
export const noteKey = (n: { id: string | null; slug: string }): string => (n.id ?? n.slug).toLowerCase();

/** What a note's key depends on (a NoteRow or ReplayNote fits). */
type KeyedNote = { id: string | null; slug: string; path?: string };

/** The key of a note keyed by its path: `path:` and the path, lower-case. */
const pathKey = (path: string): string => `path:${path.toLowerCase()}`;

/** The file names (lower-case) more than one note without an id has: github/pages.md and actions/pages.md. */
function sharedSlugs(notes: readonly { id: string | null; slug: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const n of notes) {
    if (n.id !== null) continue;
    const slug = n.slug.toLowerCase();
    if (seen.has(slug)) shared.add(slug);
    seen.add(slug);
  }
  return shared;
}

/** The ids (lower-case) that more than one note claims: a copied note that kept its original's id. */
function sharedIds(notes: readonly { id: string | null }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const n of notes) {
    const id = n.id?.toLowerCase();
    if (id === undefined) continue;
    if (seen.has(id)) shared.add(id);
    seen.add(id);
  }
  return shared;
}

/**
 * Each note's key in a replay: noteKey, except that a note is keyed by its path (pathKey) when its
 * id is one another note shares, or when it has no id and another note without one has its file
 * name: two notes never merge one history, and a short name two notes share never keys one. Events
 * logged under a shared id or a shared name belong to neither (they show as orphans); `learn revisit`
 * refuses to log under a shared id, and logs a note with a shared name under its path.
 */
export function replayKeys<T extends KeyedNote>(notes: readonly T[]): (n: T) => string {
  const shared = sharedIds(notes);
  const names = sharedSlugs(notes);
  if (shared.size === 0 && names.size === 0) return noteKey;
  return (n) =>
    (n.id !== null && shared.has(n.id.toLowerCase())) || (n.id === null && names.has(n.slug.toLowerCase()))
      ? pathKey(n.path ?? n.slug)
      : noteKey(n);
}

/** Where a note's schedule starts: published, else updated, else its first date (git or file), else today. */
function startOf(n: ReplayNote, today: string): { date: string; source: DateSource } {
  if (n.published) return { date: n.published, source: "front-matter" };
  if (n.updated) return { date: n.updated, source: "updated" };
  if (n.first) return n.first;
  return { date: n.mtime_ms ? formatDate(new Date(n.mtime_ms)) : today, source: "file" };
}

/** The date a note's schedule starts on (see startOf). */
export const startDate = (n: ReplayNote, today: string): string => startOf(n, today).date;

/**
 * Replay revisit events (in log order) into each note's schedule as of `today`. Events
 * after `today` are ignored, so `--today` shows the past as it was. An event finds its note
 * by id, else by slug (history from before the note got an id); the rest are orphans.
 * Notes are keyed by replayKeys: an id two notes share names neither.
 */
export function replay(
  events: readonly LogEvent[],
  notes: readonly ReplayNote[],
  config: Pick<Config, "revisit" | "notes">,
  today: string,
  keyOf: (n: ReplayNote) => string = replayKeys(notes),
): Replay {
  const policy = revisitPolicy(config.revisit);
  const engine = fsrsEngine(policy);
  const inScope = revisitScope(config);
  const owner = new Map<string, string>();
  for (const n of notes)
    if (noteKey(n) !== n.slug.toLowerCase() || keyOf(n) === noteKey(n)) owner.set(n.slug.toLowerCase(), keyOf(n));
  for (const n of notes) if (keyOf(n) === noteKey(n)) owner.set(noteKey(n), noteKey(n)); // ids win over slugs
  // a note's path always finds it: events logged while its name was shared stay its own once it is not
  for (const n of notes) if (n.path !== undefined) owner.set(pathKey(n.path), keyOf(n));
  // `learn mv` gives a note keyed by its path that path as its id: events logged under it follow the note
  for (const n of notes) if (n.id !== null && n.id.includes("/")) owner.set(pathKey(n.id), keyOf(n));

  const byNote = new Map<string, LogEvent[]>();
  const orphans = new Map<string, OrphanKey>();
  // Stable sort by date: a union merge may put another machine's older lines later in the file.
  const sorted = events.filter((e) => e.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of sorted) {
    // an event logged under a name another note now shares finds its note by the path it recorded
    const key = owner.get(e.note) ?? (e.path !== undefined ? owner.get(pathKey(e.path)) : undefined);
    if (key) (byNote.get(key) ?? byNote.set(key, []).get(key)!).push(e);
    else {
      const o = orphans.get(e.note) ?? { key: e.note, slugs: [], events: 0, first: e.date, last: e.date };
      if (e.slug && !o.slugs.includes(e.slug)) o.slugs.push(e.slug);
      o.events++;
      o.last = e.date;
      orphans.set(e.note, o);
    }
  }

  const byKey = new Map<string, NoteSchedule>();
  for (const n of notes) {
    const key = keyOf(n);
    const days = n.revisit_every ? fixedDays(n.revisit_every) : undefined;
    const scheduler =
      n.revisit === false || !inScope(n) ? undefined : days ? fixedScheduler(days) : fsrsScheduler(engine, policy, key);
    byKey.set(key, scheduleOf(key, n, startOf(n, today), scheduler, byNote.get(key) ?? []));
  }
  return { byKey, orphans: [...orphans.values()] };
}

function scheduleOf(
  key: string,
  n: ReplayNote,
  start: { date: string; source: DateSource },
  scheduler: NoteScheduler | undefined,
  events: LogEvent[],
): NoteSchedule {
  const s: NoteSchedule = {
    key,
    slug: n.slug,
    ...(n.path !== undefined ? { path: n.path } : {}),
    due: null,
    reason: null,
    lastRevisit: null,
    lastRating: null,
    interval: 0,
    revisits: 0,
    scheduler: scheduler?.kind ?? "never",
  };
  if (n.first) s.first = n.first;
  for (const e of events) if (e.event === "revisit") s.revisits++;
  const first = events.find((e) => e.event === "revisit");
  if (first) s.firstRevisit = first.date;
  if (!scheduler) {
    const last = events.findLast((e) => e.event === "revisit");
    if (last?.event === "revisit") Object.assign(s, { lastRevisit: last.date, lastRating: last.rating });
    return s;
  }
  s.due = scheduler.first(start.date);
  s.reason = { kind: "new", published: start.date, source: start.source };
  for (const e of events) {
    if (e.event === "revisit") {
      const next = scheduler.rate(e.date, e.rating);
      Object.assign(s, {
        due: next.due,
        interval: next.interval,
        lastRevisit: e.date,
        lastRating: e.rating,
        reason: { kind: "scheduled", since: next.due },
      });
      delete s.snoozedUntil;
    } else if (e.event === "used") {
      s.due = e.date; // due from the build on: "N days overdue" then counts from the build, matching the reason shown
      s.reason = { kind: "used", build: e.build, date: e.date };
      delete s.snoozedUntil;
    } else {
      s.due = e.until;
      s.snoozedUntil = e.until;
    }
  }
  return s;
}

/** A due note with how many days it is overdue (0 = due today). */
export interface DueItem {
  schedule: NoteSchedule;
  overdue: number;
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from));

/** The schedules due on or before `until`, most overdue first, then by slug. */
export function dueBy(schedules: Iterable<NoteSchedule>, today: string, until: string): DueItem[] {
  const items: DueItem[] = [];
  for (const s of schedules)
    if (s.due !== null && s.due <= until) items.push({ schedule: s, overdue: daysBetween(s.due, today) });
  return items.sort((a, b) => b.overdue - a.overdue || a.schedule.slug.localeCompare(b.schedule.slug));
}

/** Counts of due dates per ISO week for the `weeks` weeks from today's week; overdue notes count as `now`. */
export function upcomingWeeks(
  schedules: Iterable<NoteSchedule>,
  today: string,
  weeks = 8,
): { now: number; weeks: { start: string; count: number }[] } {
  const todayN = dayNumber(today);
  const monday = todayN - ((new Date(today).getUTCDay() + 6) % 7);
  const out = Array.from({ length: weeks }, (_, i) => ({
    start: formatDate(new Date((monday + 7 * i) * 86_400_000)),
    count: 0,
  }));
  let now = 0;
  for (const s of schedules) {
    if (s.due === null) continue;
    const d = dayNumber(s.due);
    if (d <= todayN) now++;
    else {
      const w = Math.floor((d - monday) / 7);
      if (w < weeks) out[w]!.count++;
    }
  }
  return { now, weeks: out };
}
