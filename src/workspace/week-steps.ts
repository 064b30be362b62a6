import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import { appendChecklist, setFrontMatter } from "../core/front-matter-edit.js";
import type { LogEvent } from "../core/revisit-event.js";
import { noteKey } from "../core/revisit-replay.js";
import { slugify } from "../core/slug.js";
import { markDone, type EditStamp, type WeekLog, type WeekState } from "../core/week-model.js";
import type { NoteRow } from "../core/index-types.js";
import type { Context } from "./context.js";
import { createNote } from "./note-create.js";
import { editNote } from "./note-edit.js";
import { fileSubstance } from "./note-substance.js";
import { appendRevisitEvents, readRevisitLog } from "./revisit-log.js";
import { assertLogUnchanged, saveWeekLog } from "./week-log.js";

// Each step changes what it must (the week's note, the revisit log) and then records
// itself in the week's log at once, so Ctrl-C after a step keeps it done. A step first
// checks that the log is still what learn read (before its prompt, say), and a note edit
// that a prompt's answer is based on checks the note's stamp from before that prompt, so
// a hand edit or another run's step is never reverted: the step is refused instead.

/** The absolute path of an indexed note. */
export const notePath = (ctx: Context, row: NoteRow): string => join(ctx.ws.root, row.path);

/** The week's note from the index (by slug, or by path); a log naming a note that is gone says what to fix. */
export function weekNote(log: WeekLog, find: (name: string) => NoteRow | undefined): NoteRow {
  const name = log.state.note!;
  const row = find(name);
  if (!row)
    throw new LearnError(
      `${log.shown}: note: no note ${name} in the workspace`,
      "set `note:` to the slug or path of an existing note, or delete the log to start the week again",
    );
  return row;
}

/** An existing note the new title collides with: the same slug, or the same title in any case. */
export function collidingNote(title: string, notes: readonly NoteRow[]): NoteRow | undefined {
  const slug = slugify(title);
  const t = title.trim().toLowerCase();
  return notes.find((n) => n.slug.toLowerCase() === slug) ?? notes.find((n) => n.title.trim().toLowerCase() === t);
}

/** Step 1: the week's domain. */
export const stepDomain = (ctx: Context, log: WeekLog, domain: string): WeekLog =>
  saveWeekLog(ctx, log, markDone(log.state, "domain", { domain }));

/** Step 2 is done once the note is written (words of its own, no placeholder left); until then it is only started. */
function noteState(ctx: Context, log: WeekLog, name: string, path: string): WeekState {
  return fileSubstance(ctx.ws, path)?.enough
    ? markDone(log.state, "note", { note: name })
    : { ...log.state, note: name };
}

/** Step 2, new note: write a public note of the week's domain from its template. */
export function stepNewNote(
  ctx: Context,
  log: WeekLog,
  input: { title: string; type: string; difficulty?: string },
): { log: WeekLog; path: string; slug: string } {
  assertLogUnchanged(log);
  const { plan, path } = createNote(ctx, { ...input, domain: log.state.domain, visibility: "public" });
  return { log: saveWeekLog(ctx, log, noteState(ctx, log, plan.slug, path)), path, slug: plan.slug };
}

/**
 * Step 2, existing note: make it public (a minimal front-matter edit). `name` is how the log
 * names it (weekNoteName: the path when another note has its file name).
 */
export function stepExistingNote(ctx: Context, log: WeekLog, row: NoteRow, name = row.slug): WeekLog {
  assertLogUnchanged(log);
  if (row.visibility !== "public")
    editNote(notePath(ctx, row), (t) => setFrontMatter(t, { visibility: "public", updated: ctx.today }, row.path), {
      root: ctx.ws.notesDir,
    });
  return saveWeekLog(ctx, log, noteState(ctx, log, name, notePath(ctx, row)));
}

/**
 * Step 3: append the checklist items under `## Checklist` (items already there are skipped).
 * `expect` is the note's stamp from before the items were asked for.
 */
export function stepChecklist(ctx: Context, log: WeekLog, row: NoteRow, items: string[], expect?: EditStamp): WeekLog {
  assertLogUnchanged(log);
  const edit = (t: string) => {
    const next = appendChecklist(t, items);
    return next === t ? t : setFrontMatter(next, { updated: ctx.today }, row.path);
  };
  editNote(notePath(ctx, row), edit, { root: ctx.ws.notesDir, expect });
  return saveWeekLog(ctx, log, markDone(log.state, "checklist", { checklistDraft: undefined }));
}

/** Step 3 under way: keep the items typed so far in the log, so a stopped run does not ask for them again. */
export function stepChecklistDraft(ctx: Context, log: WeekLog, items: string[]): WeekLog {
  assertLogUnchanged(log);
  return saveWeekLog(ctx, log, { ...log.state, checklistDraft: items });
}

/** Step 4: write the note's `roles:`; `expect` is the note's stamp from before the roles were asked for. */
export function stepRoles(ctx: Context, log: WeekLog, row: NoteRow, roles: string[], expect?: EditStamp): WeekLog {
  assertLogUnchanged(log);
  const same = roles.length === row.roles.length && roles.every((r) => row.roles.includes(r));
  if (!same)
    editNote(notePath(ctx, row), (t) => setFrontMatter(t, { roles, updated: ctx.today }, row.path), {
      root: ctx.ws.notesDir,
      expect,
    });
  return saveWeekLog(ctx, log, markDone(log.state, "roles"));
}

/**
 * Step 5: plan the revisit. A date becomes a snooze event in revisits.jsonl (the note is
 * due that day, and `learn revisit` shows it); `build` leaves the schedule alone until
 * `learn used` records the build. Either way the plan is written to the log.
 */
export function stepRevisit(ctx: Context, log: WeekLog, row: NoteRow, plan: string, key = noteKey(row)): WeekLog {
  assertLogUnchanged(log);
  if (plan !== "build") {
    const already = readRevisitLog(ctx.ws.root).events.some(
      (e) => e.event === "snooze" && e.note === key && e.until === plan && e.date === ctx.today,
    );
    const named = key === row.slug.toLowerCase(); // keyed by its file name: record the path too (see actionEvent)
    const event: LogEvent = {
      v: 1,
      event: "snooze",
      note: key,
      slug: row.slug,
      ...(named ? { path: row.path } : {}),
      date: ctx.today,
      until: plan,
    };
    if (!already) appendRevisitEvents(ctx.ws.root, [event]);
  }
  return saveWeekLog(ctx, log, markDone(log.state, "revisit", { revisitPlan: plan }));
}
