import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import { dueBy, noteKey, type DueItem } from "../core/revisit-replay.js";
import type { SqliteIndex } from "../store/handle.js";
import { noteSchedules } from "../store/schedule.js";
import { revisitLog } from "../workspace/revisit-log.js";

/** A note due for revisit, with its row. */
export interface DueNote extends DueItem {
  note: NoteRow;
}

/**
 * Every note's due date and the notes due today, from the index's schedule
 * cache (the same one `learn revisit` uses, so the counts agree; week logs carry `revisit: false`).
 */
export function schedules(
  ctx: Context,
  index: SqliteIndex,
  notes: readonly NoteRow[],
): { dueOf: (n: NoteRow) => string | null; due: DueNote[] } {
  const byKey = noteSchedules(index, ctx, revisitLog(ctx.ws.root));
  // by path: two notes may share a file name (a schedule cached by an older learn has only its slug)
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const dueByPath = new Map([...byKey.values()].map((s) => [s.path, s.due]));
  const due = dueBy(byKey.values(), ctx.today, ctx.today).flatMap((d) => {
    const note =
      (d.schedule.path !== undefined ? byPath.get(d.schedule.path) : undefined) ?? bySlug.get(d.schedule.slug);
    return note ? [{ ...d, note }] : [];
  });
  const dueOf = (n: NoteRow) => dueByPath.get(n.path) ?? byKey.get(noteKey(n))?.due ?? null;
  return { dueOf, due };
}
