import { addDays } from "./dates.js";
import type { Config } from "./config.js";
import type { NoteSchedule } from "./revisit-replay.js";

/** New notes introduced per day when learn.config.yaml does not say (Anki's default for new cards). */
export const NEW_PER_DAY = 10;

/** The path below the notes folder (the path itself when the note is not under it). */
const belowNotes = (path: string, notes: string): string =>
  notes === "." || notes === "" ? path : path.startsWith(`${notes}/`) ? path.slice(notes.length + 1) : path;

/**
 * Whether one `revisit.include`/`exclude` entry names a note: `#tag` matches the tag and its
 * nested tags (`#work` takes `work/ops`), case-insensitively; anything else is a folder, read
 * below the notes folder (`postgres` is notes/postgres/) or, failing that, from the workspace root.
 */
function matches(entry: string, path: string, tags: readonly string[], notes: string): boolean {
  if (entry.startsWith("#")) {
    const tag = entry.slice(1).toLowerCase();
    return tags.some((t) => t.toLowerCase() === tag || t.toLowerCase().startsWith(`${tag}/`));
  }
  const folder = entry.replace(/^\.\//, "").replace(/\/+$/, "");
  if (folder === "" || folder === ".") return true;
  const under = (p: string) => p === folder || p.startsWith(`${folder}/`);
  return under(belowNotes(path, notes)) || under(path);
}

/** Whether revisit.include/exclude let a note into the revisit schedule (both unset: every note). */
export function revisitScope(
  config: Pick<Config, "revisit" | "notes">,
): (n: { path?: string; slug: string; tags?: readonly string[] }) => boolean {
  const { include, exclude } = config.revisit;
  if (!include?.length && !exclude?.length) return () => true;
  const notes = (config.notes ?? "notes").replace(/^\.\//, "").replace(/\/+$/, "");
  return (n) => {
    const path = n.path ?? `${n.slug}.md`;
    const tags = n.tags ?? [];
    if (include?.length && !include.some((e) => matches(e, path, tags, notes))) return false;
    return !exclude?.some((e) => matches(e, path, tags, notes));
  };
}

/** A never-revisited note waiting to be introduced (not snoozed, not used in a build). */
export const isNew = (s: NoteSchedule): boolean => s.reason?.kind === "new" && s.snoozedUntil === undefined;

/**
 * Introduce never-revisited notes gradually, as Anki does new cards: of the new notes whose first
 * due date has come, oldest first (by their first date, then first due date, then key), the k-th
 * (from 0) is due today + floor((k + t) / cap), where t counts the notes first revisited today.
 * Day 0 keeps the note's own due date (so "N days overdue" stays true); later days move it.
 * So at most `cap` new notes are due on any day however many a fresh adoption brings, revisiting
 * one lets the next in only tomorrow, and the order depends on the notes' dates alone (never on
 * a file's mtime when git or front matter gives a date). A cap of 0 introduces none.
 * Returns the schedules with the queued ones changed (the others are the same objects).
 */
export function queueNew(schedules: Map<string, NoteSchedule>, today: string, cap: number): Map<string, NoteSchedule> {
  const waiting: NoteSchedule[] = [];
  let introduced = 0;
  for (const s of schedules.values()) {
    if (s.firstRevisit === today) introduced++;
    if (isNew(s) && s.due !== null && s.due <= today) waiting.push(s);
  }
  if (waiting.length + introduced <= cap) return schedules;
  const since = (s: NoteSchedule): string => (s.reason?.kind === "new" ? s.reason.published : "");
  waiting.sort((a, b) => cmp(since(a), since(b)) || cmp(a.due!, b.due!) || cmp(a.key, b.key));
  const out = new Map(schedules);
  waiting.forEach((s, k) => {
    const day = cap > 0 ? Math.floor((k + introduced) / cap) : null;
    if (day === null) out.set(s.key, { ...s, due: null });
    else if (day > 0) out.set(s.key, { ...s, due: addDays(today, day) });
  });
  return out;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
