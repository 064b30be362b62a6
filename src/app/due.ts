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
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const due = dueBy(byKey.values(), ctx.today, ctx.today).map((d) => ({ ...d, note: bySlug.get(d.schedule.slug)! }));
  const dueOf = (n: NoteRow) => byKey.get(noteKey(n))?.due ?? null;
  return { dueOf, due };
}
