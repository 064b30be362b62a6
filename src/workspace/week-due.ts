import { dueBy, noteKey, type DueItem } from "../core/revisit-replay.js";
import type { LogEvent } from "../core/revisit-event.js";
import type { SqliteIndex } from "../store/handle.js";
import { noteSchedules } from "../store/schedule.js";
import type { NoteRow } from "../core/index-types.js";
import type { Context } from "./context.js";
import { readRevisitLog } from "./revisit-log.js";

/** A note due for revisit, with its row. */
export interface DueNote extends DueItem {
  note: NoteRow;
}

/**
 * The revisit log's events and every note's schedule as of today, from the index's schedule
 * cache (the same one `learn revisit` uses, so the counts agree; week logs carry `revisit: false`).
 */
export function schedules(
  ctx: Context,
  index: SqliteIndex,
  notes: readonly NoteRow[],
): { events: LogEvent[]; dueOf: (n: NoteRow) => string | null; due: DueNote[] } {
  const { events } = readRevisitLog(ctx.ws.root);
  const byKey = noteSchedules(index, ctx, events);
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const due = dueBy(byKey.values(), ctx.today, ctx.today).map((d) => ({ ...d, note: bySlug.get(d.schedule.slug)! }));
  const dueOf = (n: NoteRow) => byKey.get(noteKey(n))?.due ?? null;
  return { events, dueOf, due };
}
