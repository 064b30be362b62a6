import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";
import { rebuiltNotice, withIndex } from "../store/open-lazy.js";
import { progressBar } from "../ui/progress.js";
import { renderIndexSummary, renderProblems, toIndexJson } from "../ui/render-index.js";
import type { RefreshStats } from "../core/index-types.js";

/** Options of `learn index`. */
export interface IndexOptions extends GlobalOptions {
  full?: boolean;
}

/** Bring .learn/index.db up to date with notes/ and report what changed and what is wrong. */
export async function index(opts: IndexOptions, io: IO): Promise<RefreshStats> {
  const ctx = await createContext(opts);
  const started = performance.now();
  const progress = progressBar(!opts.json);
  let stats: RefreshStats;
  try {
    stats = await withIndex(ctx, { full: opts.full, onProgress: progress.onProgress }, (_, refreshed) => refreshed);
  } finally {
    progress.stop();
  }
  const ms = performance.now() - started;
  if (opts.json) {
    io.json(toIndexJson(stats, ms));
    return stats;
  }
  if (stats.rebuilt) io.err(rebuiltNotice(stats.rebuilt));
  if (stats.problems.length) io.out(renderProblems(stats.problems, io.theme));
  io.err(renderIndexSummary(stats, ms));
  return stats;
}
