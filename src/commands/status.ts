import { substanceCache } from "../app/substance-cache.js";
import type { FromIndex } from "../app/status-data.js";
import { cachedStatus, saveStatus, statusKey } from "../app/status-cache.js";
import { withIndex } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { progressBar } from "../ui/progress.js";
import { nextAction, renderStatus, toStatusJson, type StatusData } from "../ui/render-status.js";
import { createContext } from "../workspace/context.js";
import { cachedWeekOverview } from "../workspace/week-cache.js";

/** Options of `learn status`. */
export type StatusOptions = GlobalOptions;

/** The dashboard: refresh the index, then what is due, this week's loop, readiness per role and the next action. */
export async function status(opts: StatusOptions, io: IO): Promise<StatusData> {
  const ctx = await createContext(opts, io);
  const progress = progressBar(!opts.json);
  let data: StatusData;
  const later: { save?: () => Promise<void> } = {}; // what this run computed, kept once the index is closed
  const substance = substanceCache(ctx);
  const { overview: week, save: saveWeek } = await cachedWeekOverview(ctx); // parses the logs only when one changed
  try {
    data = await withIndex(ctx, { onProgress: progress.onProgress }, async (index, stats): Promise<StatusData> => {
      const key = statusKey(ctx, substance.stamp); // the index as this run's refresh left it, before reading it
      let fromIndex = cachedStatus<FromIndex>(ctx, key);
      if (!fromIndex) {
        const { fromTheIndex } = await import("../app/status-data.js"); // the due replay and readiness: on a miss only
        const made = fromTheIndex(ctx, index, substance);
        later.save = () => saveStatus(ctx, key, made);
        fromIndex = made;
      }
      return {
        today: ctx.today,
        root: ctx.ws.root,
        refreshed: { added: stats.added, updated: stats.updated, removed: stats.removed, rebuilt: stats.rebuilt },
        week,
        ...fromIndex,
      };
    });
  } finally {
    progress.stop();
  }
  await substance.save();
  await saveWeek();
  await later.save?.();
  data.next = nextAction(data);
  if (opts.json) io.json(toStatusJson(data));
  else io.out(renderStatus(data, ctx.config, io.theme, io.columns));
  return data;
}
