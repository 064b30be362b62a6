import type { Context } from "../core/context.js";
import type { SqliteIndex } from "./handle.js";
import {
  CORRUPT,
  endRefresh,
  failRefresh,
  indexPath,
  isCorrupt,
  prepareIndex,
  removeDb,
  startRefresh,
  type OpenIndexOptions,
} from "./open-db.js";
import { readNote } from "./read-note.js";
import type { RefreshStats } from "../core/index-types.js";

export type { OpenIndexOptions } from "./open-db.js";
export { indexPath } from "./open-db.js";

function attempt(
  ctx: Context,
  opts: OpenIndexOptions,
  knownRebuild?: string,
): { index: SqliteIndex; stats: RefreshStats } {
  const prepared = prepareIndex(ctx, opts, knownRebuild);
  if ("done" in prepared) return prepared.done;
  const work = prepared.work;
  const r = startRefresh(work, opts);
  try {
    for (const f of r.begin()) r.add(f, readNote(f));
    return endRefresh(work, r);
  } catch (err) {
    failRefresh(work, r);
    throw err;
  }
}

/**
 * Open the workspace's index, creating or rebuilding it when missing, corrupt or of another
 * schema version (stats.rebuilt says why), and refresh it from notes/ unless refresh is false.
 * Synchronous and single-threaded; openIndexLazy (open-lazy.ts) loads the parser only when a
 * file changed and parses big batches on a worker thread.
 */
export function openIndex(ctx: Context, opts: OpenIndexOptions = {}): { index: SqliteIndex; stats: RefreshStats } {
  try {
    return attempt(ctx, opts);
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    removeDb(indexPath(ctx));
    return attempt(ctx, opts, CORRUPT);
  }
}
