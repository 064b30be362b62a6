import { formatDays } from "../core/revisit-duration.js";
import type { RevisitEntryJson } from "../core/json-types.js";
import type { LogEvent } from "../core/revisit-event.js";
import { daysBetween, type DateSource, type NoteSchedule, type OrphanKey } from "../core/revisit-replay.js";
import { renderTable, wrapWords, type Column } from "./layout.js";
import { displayWidth, forTerminal, truncateTo, visible } from "./terminal-text.js";
import type { Theme } from "./theme.js";

/** A note's schedule with what a person needs to recognise the note. */
export interface RevisitEntry {
  schedule: NoteSchedule;
  /** What to type to name the note: its slug, or its path when another note has the same file name. */
  name: string;
  title: string;
  path: string;
  summary: string | null;
  checklist: { done: number; total: number };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const inDays = (n: number): string =>
  n === 0 ? "today" : n > 0 ? `in ${plural(n, "day")}` : `${plural(-n, "day")} ago`;

/** Why a note is (or will be) due, in words: scheduled, used in a build, or never revisited. */
export function whyText(s: NoteSchedule, today: string): string {
  const r = s.reason;
  if (!r) return "never due (revisit: false)";
  const scheduled =
    r.kind === "scheduled" && r.since <= today
      ? `scheduled (due since ${r.since})`
      : `scheduled${s.lastRating ? ` after a ${s.lastRating} revisit` : ""}`;
  const why =
    r.kind === "new"
      ? `never revisited (${startText(r.published, r.source)})`
      : r.kind === "used"
        ? `used in a build: ${r.build} (${r.date})`
        : scheduled;
  return s.snoozedUntil ? `${why}, snoozed until ${s.snoozedUntil}` : why;
}

/**
 * A never-revisited note's first date, saying where it came from: `published D` (front matter),
 * `updated D` (a note with only `updated:` or `modified:`),
 * `added D (git)` (the commit that added the file), or `file date D` (only the file's mtime).
 */
const startText = (day: string, source?: DateSource): string =>
  source === "git"
    ? `added ${day} (git)`
    : source === "file"
      ? `file date ${day}`
      : source === "updated"
        ? `updated ${day}`
        : `published ${day}`;

/** When a note is due, relative to today: `17 days overdue`, `due today`, `due 2026-12-01 (in 4 days)`. */
export function whenText(due: string | null, today: string): string {
  if (due === null) return "never";
  const d = daysBetween(today, due);
  return d < 0 ? `${plural(-d, "day")} overdue` : d === 0 ? "due today" : `due ${due} (${inDays(d)})`;
}

/** The due list: one line per note, slug, title, when and why, fitted to `width` columns. */
export function renderDueList(given: readonly RevisitEntry[], today: string, t: Theme, width = 80): string {
  const entries = forTerminal(given);
  const rows = entries.map((e) => [e.name, e.title, whenText(e.schedule.due, today), whyText(e.schedule, today)]);
  // Slugs stay whole (they are what you type next); the reason is cut or dropped first, then the title.
  const columns: Column[] = [
    { header: "slug", style: t.path },
    { header: "title", max: 36, min: 10, ideal: 20, drop: 2, style: t.title },
    { header: "when", drop: 3, style: t.due },
    { header: "why", min: 20, ideal: 30, drop: 1 },
  ];
  return renderTable(columns, rows, width).join("\n");
}

/** The count line under the due list (stderr). */
export function dueCountLine(n: number, withinDays: number, shown = n): string {
  const span = withinDays > 0 ? ` within ${formatDays(withinDays)}` : "";
  const of = shown < n ? `${shown} of ` : "";
  return n === 0
    ? `no notes due for revisit${span}`
    : `${of}${plural(n, "note")} due for revisit${span}${shown < n ? " shown" : ""}${withinDays === 0 ? ": learn revisit --review" : ""}`;
}

/** The one line of `--brief`, or "" when nothing is due. */
export const briefLine = (n: number): string =>
  n === 0 ? "" : `${plural(n, "note")} due for revisit: learn revisit --review`;

/** `--upcoming`: counts per week as a small bar chart, overdue ones first. */
export function renderUpcoming(
  up: { now: number; weeks: { start: string; count: number }[] },
  isoWeekLabel: (d: string) => string,
  t: Theme,
  width = 80,
): string {
  const max = Math.max(1, up.now, ...up.weeks.map((w) => w.count));
  const cells = Math.max(5, Math.min(30, width - 21)); // label 14, count 4 and gaps take 21
  const bar = (n: number) => "█".repeat(Math.ceil((n / max) * cells)) || "·";
  const rows = [
    [`due now`, up.now] as const,
    ...up.weeks.map((w) => [`${isoWeekLabel(w.start)} ${w.start.slice(5)}`, w.count] as const),
  ];
  return rows
    .map(([label, n]) => `${label.padEnd(14)} ${String(n).padStart(4)}  ${n ? t.due(bar(n)) : t.dim(bar(0))}`)
    .join("\n");
}

/** What a recorded event did to the note's schedule. */
export function renderRecorded(event: LogEvent, schedule: NoteSchedule, today: string, t: Theme): string {
  const e = forTerminal(event);
  const s = forTerminal(schedule);
  const slug = t.path(s.slug);
  const next =
    s.due === null
      ? "it is never due (revisit: false)"
      : `next due ${t.due(s.due)} (${inDays(daysBetween(today, s.due))})`;
  if (e.event === "revisit" && s.due !== null)
    return `revisited ${slug} (${e.rating}): next due ${t.due(s.due)}, interval ${plural(s.interval, "day")}`;
  if (e.event === "revisit") return `revisited ${slug} (${e.rating}): ${next}`;
  if (e.event === "used")
    return s.due === null
      ? `recorded ${slug} used in ${e.build}: ${next}`
      : `${slug} is due now: used in a build: ${e.build}`;
  return `snoozed ${slug} until ${t.due(e.until)}`;
}

/** One note's schedule in detail (`learn revisit SLUG`). */
export function renderNoteStatus(entry: RevisitEntry, today: string, t: Theme): string {
  const e = forTerminal(entry);
  const s = e.schedule;
  const last = s.lastRevisit ? `${s.lastRevisit} (${s.lastRating}), ${plural(s.revisits, "revisit")} in all` : "never";
  const how =
    s.scheduler === "fixed"
      ? "fixed (revisit_every)"
      : s.scheduler === "fsrs"
        ? "spaced (FSRS)"
        : "none (revisit: false)";
  return [
    `${t.title(e.title)}  ${t.path(e.path)}`,
    `  due       ${s.due === null ? "never" : `${s.due} (${inDays(daysBetween(today, s.due))})`}`,
    `  why       ${whyText(s, today)}`,
    `  last      ${last}`,
    ...(s.interval ? [`  interval  ${formatDays(s.interval)}`] : []),
    `  schedule  ${how}`,
  ].join("\n");
}

/** `--orphans`: keys in the log that no note claims. */
export function renderOrphans(given: readonly OrphanKey[], t: Theme): string {
  return forTerminal(given)
    .map(
      (o) =>
        `${t.path(o.key)}${o.slugs.length ? ` (was ${o.slugs.join(", ")})` : ""}  ${plural(o.events, "event")}, ${o.first === o.last ? o.first : `${o.first} to ${o.last}`}`,
    )
    .join("\n");
}

/** The card `--review` shows for one note. */
export function renderReviewCard(
  entry: RevisitEntry,
  n: number,
  total: number,
  today: string,
  t: Theme,
  width = 80,
): string {
  const e = forTerminal(entry);
  const indented = (text: string) => wrapWords(text, width - 2).map((l) => `  ${l}`);
  const head =
    displayWidth(e.title) + 2 + displayWidth(e.path) <= width
      ? [`${t.title(e.title)}  ${t.path(e.path)}`]
      : [...wrapWords(e.title, width).map((l) => t.title(l)), t.path(truncateTo(e.path, width))];
  const lines = ["", t.dim(`── ${n} of ${total} ──`), ...head];
  // a summary wraps between words, never mid-word ("recogn / ise")
  if (e.summary) lines.push(...indented(e.summary));
  if (e.checklist.total) lines.push(`  checklist ${e.checklist.done}/${e.checklist.total} done`);
  const when = whenText(e.schedule.due, today);
  const [first = "", ...rest] = wrapWords(`${when}: ${whyText(e.schedule, today)}`, width - 2);
  lines.push(`  ${t.due(first.slice(0, when.length))}${first.slice(when.length)}`, ...rest.map((l) => `  ${l}`));
  return lines.join("\n");
}

/** One entry as JSON. */
export function entryJson(e: RevisitEntry, today: string): RevisitEntryJson {
  const s = e.schedule;
  return {
    key: s.key,
    slug: s.slug,
    title: e.title,
    path: e.path,
    due: s.due,
    overdue: s.due === null ? null : daysBetween(s.due, today),
    reason: s.reason,
    why: whyText(s, today),
    snoozed_until: s.snoozedUntil ?? null,
    last_revisit: s.lastRevisit,
    last_rating: s.lastRating,
    interval: s.interval,
    revisits: s.revisits,
    scheduler: s.scheduler,
  };
}

/** A problem as `revisits.jsonl:3: not JSON` (stderr adds `learn: `). */
export const problemLine = (where: string, line: number | undefined, reason: string): string =>
  `${visible(where)}${line ? `:${line}` : ""}: ${visible(reason)}`;

/** The count line of `--orphans` (stderr). */
export const orphanCountLine = (n: number, file: string): string =>
  n
    ? `${plural(n, "note key")} in ${file} ${n === 1 ? "matches" : "match"} no note (kept, never dropped)`
    : `every event in ${file} belongs to a note`;
