import { formatDate, toIsoDate } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Config } from "../core/config.js";
import { loadConfig } from "./config-load.js";
import { findWorkspace, type WorkspacePaths } from "./find.js";

/** Everything a command needs about where it runs: the workspace, its config and today. */
export interface Context {
  ws: WorkspacePaths;
  config: Config;
  /** Today as YYYY-MM-DD: --today, else LEARN_TODAY, else the local date. */
  today: string;
}

/** Resolve today's date for reproducible runs: `--today`, then LEARN_TODAY, then the clock. */
export function resolveToday(today: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = today ?? env.LEARN_TODAY;
  if (given !== undefined && given !== "") {
    const iso = toIsoDate(given);
    if (!iso || iso !== given.trim()) {
      throw new UsageError(`${today !== undefined ? "--today" : "LEARN_TODAY"} ${given}: not a date`, "use YYYY-MM-DD");
    }
    return iso;
  }
  const now = new Date();
  return formatDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/**
 * Find the workspace and load its config: the one place that wires a command's world. The
 * environment (LEARN_DIR, LEARN_TODAY) comes from `io.env`, never from process.env, so a command
 * called in-process sees only what its IO gives it.
 */
export async function createContext(
  opts: { dir?: string; today?: string; cwd?: string },
  io: { env: NodeJS.ProcessEnv },
): Promise<Context> {
  const ws = findWorkspace({ dir: opts.dir, env: io.env, cwd: opts.cwd });
  const today = resolveToday(opts.today, io.env);
  return { ws, config: await loadConfig(ws), today };
}
