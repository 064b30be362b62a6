import { ruledProblems } from "../app/rule-problems.js";
import { lastWeekScores, readinessInput } from "../app/readiness.js";
import { substanceCache, type SubstanceCache } from "../app/substance-cache.js";
import { cachedStatus, saveStatus, statusKey } from "../app/status-cache.js";
import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import { measure } from "../core/readiness-score.js";
import type { SqliteIndex } from "../store/handle.js";
import { withIndex } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { progressBar } from "../ui/progress.js";
import { nextAction, renderStatus, toStatusJson, type StatusData } from "../ui/render-status.js";
import { createContext } from "../workspace/context.js";
import { schedules } from "../app/due.js";
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
    data = await withIndex(ctx, { onProgress: progress.onProgress }, (index, stats): StatusData => {
      const key = statusKey(ctx, substance.stamp); // the index as this run's refresh left it, before reading it
      let fromIndex = cachedStatus<FromIndex>(ctx, key);
      if (!fromIndex) {
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

/** What status reads from the index: a function of the files, the revisit log, the config and the day. */
type FromIndex = Pick<StatusData, "notes" | "problems" | "due" | "roles" | "lastWeek" | "domains">;

/** Counts, due notes and readiness, computed from the index. */
function fromTheIndex(ctx: Context, index: SqliteIndex, substance: SubstanceCache): FromIndex {
  const notes = index.allNotes();
  const problems = ruledProblems(ctx, index.problems(), () => notes); // counted as `learn check` does
  return {
    notes: notes.length,
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
    ...rolesNow(ctx, index, notes, substance),
  };
}

/** Each role's readiness today and its change since a week ago, and each domain's notes. */
function rolesNow(
  ctx: Context,
  index: SqliteIndex,
  notes: readonly NoteRow[],
  substance: SubstanceCache,
): Pick<StatusData, "roles" | "lastWeek" | "domains"> {
  const input = readinessInput(ctx, index, notes, undefined, (n, body) => substance.enough(n, body));
  const groups = measure(input, ctx.today).groups;
  return {
    roles: groups.filter((g) => g.kind === "role"),
    // where folders say the domain, the dashboard says what is in each (a learn workspace's own stays as it was)
    ...(ctx.config.auto_domains || ctx.config.domain_folders
      ? { domains: groups.filter((g) => g.kind === "domain").map((g) => ({ id: g.id, notes: g.notes })) }
      : {}),
    lastWeek: Object.fromEntries(lastWeekScores(ctx.today, input)),
  };
}
