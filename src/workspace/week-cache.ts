import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../core/context.js";
import { isoWeek } from "../core/dates.js";
import type { WeekLog, WeekOverview } from "../core/week-model.js";
import { heatMap, streak } from "../core/week-streak.js";
import { readCache } from "./cache-file.js";
import { packageVersion } from "./package-root.js";

// `.learn/week.json`: what `learn status` shows of the week logs (this week's state, each week's
// steps done, warnings), kept by the log files' signatures (name, size, mtime, inode), this week's
// label, the config and learn's version. Reading the logs means parsing their YAML front matter and
// validating it: the parser (js-yaml) and the log's write side (yaml, handlebars) are loaded only
// when a log changed, so a no-change `status` loads none of them. A cache rather than a hand-written
// reader of the log's front matter: a log is a user's file that may be edited by hand, and the one
// parser keeps every YAML form and every error message the same as `learn week` gives.
const FILE = "week.json";
const FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  key: string;
  log: Omit<WeekLog, "stamp">;
  steps: [string, number][];
  warnings: string[];
  problem?: string;
}

/** The signature of every week log's file, with this week's label, the config and learn's version. */
function keyOf(ctx: Context, label: string): string {
  const dir = join(ctx.ws.notesDir, "log");
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // no log folder: no logs
  }
  const h = createHash("sha1").update(
    `${packageVersion()}\0${label}\0${ctx.ws.notesDir}\0${JSON.stringify(ctx.config)}`,
  );
  for (const name of names) {
    if (!name.endsWith(".md")) continue;
    try {
      const st = statSync(join(dir, name), { bigint: true });
      h.update(`\0${name}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`);
    } catch {
      h.update(`\0${name}:gone`);
    }
  }
  return h.digest("base64url");
}

/**
 * `weekOverview(ctx, true)` as `learn status` reads it: from the cache when no log changed since;
 * call save() once .learn/ exists (a first run makes it when it builds the index).
 */
export async function cachedWeekOverview(ctx: Context): Promise<{ overview: WeekOverview; save(): Promise<void> }> {
  const label = isoWeek(ctx.today).label;
  const key = keyOf(ctx, label);
  const file = readCache<CacheFile>(ctx.ws, FILE, FORMAT);
  if (file && file.key === key) {
    const steps = new Map(file.steps);
    const overview: WeekOverview = {
      log: file.log,
      streak: streak(steps, ctx.today),
      heat: heatMap(steps, ctx.today),
      warnings: file.warnings,
      ...(file.problem === undefined ? {} : { problem: file.problem }),
    };
    return { overview, save: async () => {} };
  }
  const { weekOverviewAndSteps } = await import("./week-log.js");
  const { overview, steps } = weekOverviewAndSteps(ctx, true);
  const { stamp: _stamp, ...log } = overview.log;
  const out: Omit<CacheFile, "version"> = {
    format: FORMAT,
    key,
    log,
    steps: [...steps],
    warnings: overview.warnings,
    ...(overview.problem === undefined ? {} : { problem: overview.problem }),
  };
  return { overview, save: async () => ctx.saveCache?.(FILE, out) };
}
