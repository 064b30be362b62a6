import type { Context } from "../workspace/context.js";
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
import type { RefreshStats } from "./types.js";

async function attempt(
  ctx: Context,
  opts: OpenIndexOptions,
  knownRebuild?: string,
): Promise<{ index: SqliteIndex; stats: RefreshStats }> {
  const prepared = prepareIndex(ctx, opts, knownRebuild);
  if ("done" in prepared) return prepared.done;
  const work = prepared.work;
  const r = startRefresh(work, opts);
  try {
    const files = r.begin();
    const { readNote } = await import("./read-note.js"); // js-yaml and zod load only when a file changed
    const pool = await import("./parse-pool.js");
    if (pool.canParallel(files.length)) await pool.parseInWorker(files, readNote, (f, result) => r.add(f, result));
    else for (const f of files) r.add(f, readNote(f));
    return endRefresh(work, r);
  } catch (err) {
    failRefresh(work, r);
    throw err;
  }
}

/** openIndex, but the note parser loads only when some file must be read, and big batches parse on a worker. */
export async function openIndexLazy(
  ctx: Context,
  opts: OpenIndexOptions = {},
): Promise<{ index: SqliteIndex; stats: RefreshStats }> {
  // a live `learn watch` keeps the index current: sync with it instead of walking the folder
  if (!opts.full && opts.refresh !== false && (await import("./watch-sync.js")).syncWithWatcher(ctx))
    opts = { ...opts, refresh: false };
  try {
    return await attempt(ctx, opts);
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    removeDb(indexPath(ctx));
    return attempt(ctx, opts, CORRUPT);
  }
}

/** The one-line notice (for stderr) that an index was rebuilt, and why. */
export const rebuiltNotice = (reason: string): string => `learn: rebuilt the index: ${reason}`;

/** Open the index for a read command: refresh unless told not to, and pass the rebuild notice to `notify`. */
export async function openForRead(
  ctx: Context,
  refresh: boolean | undefined,
  notify: (line: string) => void,
): Promise<SqliteIndex> {
  const { index, stats } = await openIndexLazy(ctx, { refresh: refresh !== false });
  if (stats.rebuilt) notify(rebuiltNotice(stats.rebuilt));
  return index;
}
