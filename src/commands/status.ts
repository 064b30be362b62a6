import type { SqliteIndex } from "../store/handle.js";
import { openIndexLazy } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { progressBar } from "../ui/progress.js";
import { nextAction, renderStatus, toStatusJson, type StatusData } from "../ui/render-status.js";
import { createContext, type Context } from "../workspace/context.js";
import { schedules } from "../workspace/week-due.js";
import { weekOverview } from "../workspace/week-log.js";
import { measure } from "../core/readiness-score.js";
import { lastWeekScores, readinessInput } from "./readiness.js";

/** Options of `learn status`. */
export type StatusOptions = GlobalOptions;

/** The dashboard: refresh the index, then what is due, this week's loop, readiness per role and the next action. */
export async function status(opts: StatusOptions, io: IO): Promise<StatusData> {
  const ctx = await createContext(opts);
  const progress = progressBar(!opts.json);
  let opened;
  try {
    opened = await openIndexLazy(ctx, { onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  const { index, stats } = opened;
  let data: StatusData;
  try {
    const notes = index.allNotes();
    const week = weekOverview(ctx, true);
    const problems = index.problems();
    data = {
      today: ctx.today,
      root: ctx.ws.root,
      notes: notes.length,
      refreshed: { added: stats.added, updated: stats.updated, removed: stats.removed, rebuilt: stats.rebuilt },
      problems: {
        errors: problems.filter((p) => p.severity === "error").length,
        warnings: problems.filter((p) => p.severity === "warning").length,
      },
      due: schedules(ctx, index, notes).due.map((d) => ({
        slug: d.note.slug,
        title: d.note.title,
        due: d.schedule.due!,
        overdue: d.overdue,
      })),
      week,
      ...rolesNow(ctx, index),
    };
  } finally {
    index.close();
  }
  data.next = nextAction(data);
  if (opts.json) io.json(toStatusJson(data));
  else io.out(renderStatus(data, ctx.config, io.theme));
  return data;
}

/** Each role's readiness today and its change since a week ago. */
function rolesNow(ctx: Context, index: SqliteIndex): Pick<StatusData, "roles" | "lastWeek"> {
  const input = readinessInput(ctx, index);
  return {
    roles: measure(input, ctx.today).groups.filter((g) => g.kind === "role"),
    lastWeek: Object.fromEntries(lastWeekScores(ctx.today, input)),
  };
}
