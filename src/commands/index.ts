import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";
import { rebuiltNotice, withIndex } from "../store/open-lazy.js";
import { progressBar } from "../ui/progress.js";
import { renderIndexSummary, renderProblems, toIndexJson } from "../ui/render-index.js";
import type { RefreshStats } from "../core/index-types.js";
import { ruledProblems } from "../app/rule-problems.js";
import { rulePolicy } from "../core/check-policy.js";

/** Options of `learn index`. */
export interface IndexOptions extends GlobalOptions {
  full?: boolean;
}

/** How many problems `learn index` lists before pointing at `learn check`. */
const SHOWN_PROBLEMS = 5;

/**
 * Bring .learn/index.db up to date with notes/ and report what changed and what is wrong: the
 * problems (under the rule settings `learn check` applies) are counted, and the first few listed
 * when something changed; a run that changed nothing prints only its one-line summary.
 */
export async function index(opts: IndexOptions, io: IO): Promise<RefreshStats> {
  const ctx = await createContext(opts, io);
  // process.hrtime, not the global `performance`, whose first use loads node:perf_hooks (a few ms)
  const started = process.hrtime.bigint();
  const progress = progressBar(!opts.json);
  let stats: RefreshStats;
  try {
    stats = await withIndex(ctx, { full: opts.full, onProgress: progress.onProgress }, async (idx, refreshed) => ({
      ...refreshed,
      // the rules (app/rule-problems.ts, light) only when there is a problem to rule on
      problems: refreshed.problems.length ? ruledProblems(ctx, refreshed.problems, () => idx.allNotes()) : [],
    }));
  } finally {
    progress.stop();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (opts.json) {
    io.json(toIndexJson(stats, ms));
    return stats;
  }
  for (const w of rulePolicy(ctx.config.check?.rules).warnings) io.err(`learn: warning: ${w}`);
  if (stats.rebuilt) io.err(rebuiltNotice(stats.rebuilt));
  const changed = stats.rebuilt || stats.added + stats.updated + stats.removed > 0;
  if (changed && stats.problems.length) io.out(renderProblems(stats.problems, io.theme, SHOWN_PROBLEMS));
  io.err(renderIndexSummary(stats, ms));
  return stats;
}
