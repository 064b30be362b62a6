import type { Context } from "../workspace/context.js";
import type { SqliteIndex } from "./handle.js";
import { openAttempt, type OpenIndexOptions } from "./open-db.js";
import { readNote } from "./read-note.js";
import type { RefreshStats } from "./types.js";

export type { OpenIndexOptions } from "./open-db.js";
export { indexPath } from "./open-db.js";

/**
 * Open the workspace's index, creating or rebuilding it when missing, corrupt or of another
 * schema version (stats.rebuilt says why), and refresh it from notes/ unless refresh is false.
 * Loads the note parser up front; openIndexLazy (open-lazy.ts) loads it only when a file changed.
 */
export function openIndex(ctx: Context, opts: OpenIndexOptions = {}): { index: SqliteIndex; stats: RefreshStats } {
  const r = openAttempt(ctx, opts, readNote);
  if ("needsReader" in r) throw new Error("openIndex: a reader was given but asked for");
  return r;
}
