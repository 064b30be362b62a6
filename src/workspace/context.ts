import { DAY_RANGE, formatDate, toUserDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Context } from "../core/context.js";
import { loadConfig } from "./config-load.js";
import { findWorkspace } from "./find.js";

export type { Context } from "../core/context.js";

/**
 * Resolve today's date for reproducible runs: `--today`, then LEARN_TODAY, then the clock.
 * @public
 */
export function resolveToday(today: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = today ?? env.LEARN_TODAY;
  if (given !== undefined && given !== "") {
    const iso = toUserDay(given);
    if (!iso) {
      throw new UsageError(
        `${today !== undefined ? "--today" : "LEARN_TODAY"} ${given}: not a date from ${DAY_RANGE.first} to ${DAY_RANGE.last}`,
        "use YYYY-MM-DD",
      );
    }
    return iso;
  }
  const now = new Date();
  return formatDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** Find the workspace and load its config: the one place that wires a command's world. */
export async function createContext(opts: {
  dir?: string;
  today?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}): Promise<Context> {
  const env = opts.env ?? process.env;
  const ws = findWorkspace({ dir: opts.dir, env, cwd: opts.cwd });
  const today = resolveToday(opts.today, env);
  return { ws, config: await loadConfig(ws), today };
}
