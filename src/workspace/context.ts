import { join } from "node:path";
import { DAY_RANGE, formatDate, toUserDay } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import type { Context } from "../core/context.js";
import { loadConfig } from "./config-load.js";
import { findWorkspace, workspacePaths } from "./find.js";
import { withFolderDomains } from "./folder-domains.js";

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

/**
 * Find the workspace and load its config: the one place that wires a command's world. The
 * environment (LEARN_DIR, LEARN_TODAY) comes from `io.env`, never from process.env, so a command
 * called in-process sees only what its IO gives it.
 */
export async function createContext(
  opts: { dir?: string; today?: string; cwd?: string },
  io: { env: NodeJS.ProcessEnv },
): Promise<Context> {
  const found = findWorkspace({ dir: opts.dir, env: io.env, cwd: opts.cwd });
  const today = resolveToday(opts.today, io.env);
  const loaded = await loadConfig(found);
  // `notes:` names the notes folder (`.`: the workspace itself, a folder adopted in place)
  const ws = loaded.notes ? workspacePaths(found.root, loaded.notes) : found;
  return {
    ws,
    config: withFolderDomains(loaded, ws.notesDir),
    today,
    saveCache: (name, value) => saveCache(ws, name, value),
  };
}

/** Context.saveCache: `.learn/NAME` written through the safe writer (never through a link), errors ignored. */
async function saveCache(ws: Context["ws"], name: string, value: object): Promise<void> {
  try {
    const [{ writeFileSafe }, { packageVersion }] = await Promise.all([
      import("./safe-write.js"),
      import("./package-root.js"),
    ]);
    const text = JSON.stringify({ ...value, version: packageVersion() });
    writeFileSafe(ws.dataDir, join(ws.dataDir, name), text, { durable: false });
  } catch {
    // a read-only or full disk: the cache is rebuilt next time
  }
}
