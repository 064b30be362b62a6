import { join } from "node:path";
import type { Context } from "../core/context.js";
import type { IndexHandle, NoteRow } from "../core/index-types.js";
import { actionEvent, parseRating, type RevisitAction } from "../core/revisit-actions.js";
import { oneLine } from "../core/note-used-section.js";
import { DURATION_HINT, parseDuration } from "../core/revisit-duration.js";
import { RATING_MEANING, type LogEvent, type LogProblem } from "../core/revisit-event.js";
import { isPromptExit, LearnError, StoppedError } from "../core/errors.js";
import { dueBy, noteKey, replay, replayKeys, type NoteSchedule } from "../core/revisit-replay.js";
import { NEW_PER_DAY, queueNew } from "../core/revisit-new.js";
import { noteNames } from "../core/note-names.js";
import { SqliteIndex } from "../store/handle.js";
import { notesBase } from "../store/open-db.js";
import { noteSchedules } from "../store/schedule.js";
import type { IO } from "../ui/io.js";
import * as render from "../ui/render-revisit.js";
import { editorCommand, openInEditor } from "../workspace/editor.js";
import { recordLesson } from "../workspace/note-lesson.js";
import { appendRevisitEvents, revisitLog } from "../workspace/revisit-log.js";

// The revisit world (the index, the log and its replay) and the review walk, shared by
// `learn revisit` and the end of `learn week`.

/** Everything one run works from: the context, the index, the log and its replay. */
export interface World {
  ctx: Context;
  index: IndexHandle;
  events: LogEvent[];
  problems: LogProblem[];
  rows: Map<string, NoteRow>;
  schedules: Map<string, NoteSchedule>;
  /** Each note's key in `rows` and `schedules` (see replayKeys: notes sharing an id are keyed by path). */
  keyOf: (n: NoteRow) => string;
  /** The name output shows for a note: its file name, or its path when another note has that name (see noteNames). */
  nameOf: (n: NoteRow) => string;
}

/**
 * Read the revisit log and every note's schedule: from the index's cache when `index` is the
 * database, else (the notes read from the folder, `.learn/` being unusable) replayed here.
 */
export function worldOf(ctx: Context, index: IndexHandle): World {
  const log = revisitLog(ctx.ws.root);
  const { events, problems } = log.read();
  const notes = index.allNotes();
  const keyOf = replayKeys(notes);
  const rows = new Map(notes.map((n) => [keyOf(n), n]));
  const schedules =
    index instanceof SqliteIndex
      ? noteSchedules(index, ctx, log)
      : queueNew(
          replay(events, notes, ctx.config, ctx.today).byKey,
          ctx.today,
          ctx.config.revisit.new_per_day ?? NEW_PER_DAY,
        );
  return { ctx, index, events, problems, rows, schedules, keyOf, nameOf: noteNames(notes, notesBase(ctx)) };
}

/**
 * Why nothing may be logged for this note, when its id is one another note shares: a line
 * under that id would count for both notes.
 */
export function sharedIdProblem(w: World, row: NoteRow): LearnError | undefined {
  if (row.id === null || w.keyOf(row) === noteKey(row)) return undefined; // a shared file name is keyed by path: fine
  const others = [...w.rows.values()]
    .filter((n) => n.path !== row.path && n.id?.toLowerCase() === row.id!.toLowerCase())
    .map((n) => n.path);
  return new LearnError(
    `${row.path}: id ${row.id} is also used by ${others.join(", ")}, so a revisit logged under it would count for both; nothing was recorded`,
    "give the copied note a new id (delete its `id:` line), then record again; `learn check` lists duplicate ids",
  );
}

/** A note's schedule with what a person needs to recognise the note. */
export function entryOf(w: World, s: NoteSchedule): render.RevisitEntry {
  const row = w.rows.get(s.key)!;
  return {
    schedule: s,
    name: w.nameOf(row),
    title: row.title,
    path: row.path,
    summary: row.summary,
    checklist: { done: row.checklist_done, total: row.checklist_total },
  };
}

/** The notes due on or before `until`, most overdue first. */
export function dueEntries(w: World, until: string): render.RevisitEntry[] {
  return dueBy(w.schedules.values(), w.ctx.today, until).map((d) => entryOf(w, d.schedule));
}

/** Append one event, then replay the note with it to say what changed. */
export function commit(w: World, row: NoteRow, event: LogEvent): NoteSchedule {
  appendRevisitEvents(w.ctx.ws.root, [event]);
  w.events.push(event);
  // the note's first date from git (or its file), as the full replay had it
  const first = w.schedules.get(w.keyOf(row))?.first;
  const s = replay(w.events, [first ? { ...row, first } : row], w.ctx.config, w.ctx.today, () =>
    w.keyOf(row),
  ).byKey.get(w.keyOf(row))!;
  w.schedules.set(s.key, s);
  return s;
}

/**
 * Walk the due notes one by one at a terminal; every choice is written at once, so quitting keeps it.
 * Ctrl-C at any prompt stops it with what was recorded (exit 130).
 */
export async function review(
  w: World,
  io: IO,
  limit?: number,
): Promise<{ entries: render.RevisitEntry[]; recorded: LogEvent[] }> {
  const so = { entries: [] as render.RevisitEntry[], recorded: [] as LogEvent[] };
  try {
    return await walkDue(w, io, so, limit);
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    const [n, of] = [so.recorded.length, so.entries.length];
    throw new StoppedError(n ? `recorded ${n} of ${of} due note${of === 1 ? "" : "s"}` : undefined);
  }
}

async function walkDue(
  w: World,
  io: IO,
  so: { entries: render.RevisitEntry[]; recorded: LogEvent[] },
  limit?: number,
): Promise<{ entries: render.RevisitEntry[]; recorded: LogEvent[] }> {
  const ask = await import("../ui/prompts.js");
  const editor = await editorCommand(w.ctx, io, ask.askTrustEditor);
  const entries = (so.entries = dueEntries(w, w.ctx.today).slice(0, limit));
  const recorded = so.recorded;
  let skipped = 0;
  if (!entries.length) io.err(render.dueCountLine(0, 0));
  for (const [i, e] of entries.entries()) {
    io.out(render.renderReviewCard(e, i + 1, entries.length, w.ctx.today, io.theme, io.columns));
    const row = w.rows.get(e.schedule.key)!;
    const shared = sharedIdProblem(w, row);
    if (shared) {
      io.err(`learn: ${shared.message} (${shared.hint})`);
      skipped++;
      continue;
    }
    let choice = await ask.askReviewAction(Boolean(editor));
    while (choice === "open") {
      openInEditor(join(w.ctx.ws.root, row.path), editor!);
      choice = await ask.askReviewAction(true);
    }
    if (choice === "quit") break;
    if (choice === "skip") {
      skipped++;
      continue;
    }
    let lesson: string | undefined;
    if (choice === "lesson") {
      lesson = await ask.askLesson();
      const build = e.schedule.reason?.kind === "used" ? e.schedule.reason.build : undefined;
      recordLesson(join(w.ctx.ws.root, row.path), w.ctx.today, build, lesson);
      io.err(`added to ${row.path} under ## Used in builds`);
    }
    const action: RevisitAction =
      choice === "rate" || choice === "lesson"
        ? {
            kind: "rate",
            rating: parseRating(await ask.askRating(RATING_MEANING)),
            ...(lesson ? { lesson: oneLine(lesson) } : {}),
          }
        : {
            kind: "snooze",
            days: parseDuration(
              await ask.askSnooze((v) => ((parseDuration(v) ?? 0) > 0 ? true : `use ${DURATION_HINT}`)),
            )!,
          };
    const event = actionEvent(action, e.schedule, w.ctx.today);
    io.out(render.renderRecorded(event, commit(w, row, event), w.ctx.today, io.theme));
    recorded.push(event);
  }
  if (entries.length)
    io.err(
      `recorded ${recorded.length} of ${entries.length} due note${entries.length === 1 ? "" : "s"}${skipped ? `, skipped ${skipped}` : ""}`,
    );
  return { entries, recorded };
}
