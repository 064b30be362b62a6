import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import { replayKeys } from "../core/revisit-replay.js";
import { setActivity, weekActivity } from "../core/week-activity.js";
import { markDone, type WeekLog } from "../core/week-model.js";
import { withIndex } from "../store/open-lazy.js";
import type { IO } from "../ui/io.js";
import { stepDoneLine } from "../ui/render-week.js";
import { readForEdit } from "../workspace/note-edit.js";
import { startedWeekNote } from "../workspace/note-substance.js";
import { readRevisitLog } from "../workspace/revisit-log.js";
import { saveWeekLog, updateWeekLog } from "../workspace/week-log.js";

// What the week's log says has happened, kept up to date: the note of step 2 checked again (it is
// done once written), and the notes written, updated and revisited this week.

/** Keep the log's list of notes written, updated and revisited this week up to date. */
export function refreshActivity(ctx: Context, log: WeekLog, notes: NoteRow[], ran: boolean): void {
  if (!log.exists) return;
  const activity = weekActivity(
    notes,
    readRevisitLog(ctx.ws.root).events,
    ctx.today,
    replayKeys(notes) as (n: unknown) => string,
  );
  if (ran) return void updateWeekLog(ctx, log, log.state, activity);
  const { text } = readForEdit(log.path);
  if (setActivity(text, activity) !== text) updateWeekLog(ctx, log, log.state, activity);
}

/** The week's started note as it stands, read through the index; none before one is started or once step 2 is done. */
async function startedNote(ctx: Context, log: WeekLog) {
  if (!log.state.note || log.state.done.includes("note")) return undefined;
  return withIndex(ctx, {}, (index) => startedWeekNote(ctx.ws, log.state, (s) => index.getNote(s)));
}

/** What the week's started note still needs (`noteMissing`); nothing once step 2 is done. */
export async function noteMissing(ctx: Context, log: WeekLog): Promise<{ noteMissing?: string }> {
  const started = await startedNote(ctx, log);
  return started ? { noteMissing: `${started.missing} (${started.path})` } : {};
}

/** Step 2 is done only once the week's note is written: check a started note again, and mark it done when it is. */
export async function recheckNote(ctx: Context, log: WeekLog, io: IO): Promise<WeekLog> {
  const started = await startedNote(ctx, log);
  if (!started?.substance?.enough) return log;
  io.err(stepDoneLine("note", `${started.path} is written`, io.theme));
  return saveWeekLog(ctx, log, markDone(log.state, "note"));
}
