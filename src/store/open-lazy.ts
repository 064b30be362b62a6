import type { Context } from "../core/context.js";
import { flushBrief } from "./brief-cache.js";
import type { SqliteIndex } from "./handle.js";
import { applyPublishFlag } from "./publish-flag.js";
import {
  clearCorruptIndex,
  CORRUPT,
  endRefresh,
  explainIndexError,
  failRefresh,
  isCorrupt,
  prepareIndex,
  startRefresh,
  type OpenIndexOptions,
} from "./open-db.js";
import type { RefreshStats } from "../core/index-types.js";

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
    const links = { notesBase: work.links.notesBase, dialect: work.links.dialect, publishFlag: work.links.publishFlag };
    if (opts.parallel !== false && pool.canParallel(files.length))
      await pool.parseInWorker(
        files,
        (f) => readNote(f, links),
        (f, result) => r.add(f, result),
        links,
      );
    else for (const f of files) r.add(f, readNote(f, links));
    return endRefresh(work, r);
  } catch (err) {
    failRefresh(work, r);
    throw err;
  }
}

/**
 * Open the workspace's index, creating or rebuilding it when missing, corrupt or of another
 * schema version (stats.rebuilt says why), and refresh it from notes/ unless refresh is false.
 * The note parser loads only when some file must be read, and big batches parse on a worker.
 */
export async function openIndexLazy(
  ctx: Context,
  opts: OpenIndexOptions = {},
): Promise<{ index: SqliteIndex; stats: RefreshStats }> {
  // a live `learn watch` keeps the index current: sync with it instead of walking the folder
  if (!opts.full && opts.refresh !== false && (await import("./watch-sync.js")).syncWithWatcher(ctx))
    opts = { ...opts, refresh: false };
  let opened: { index: SqliteIndex; stats: RefreshStats };
  try {
    opened = await attempt(ctx, opts);
  } catch (err) {
    if (!isCorrupt(err)) throw explainIndexError(err, ctx);
    clearCorruptIndex(ctx);
    try {
      opened = await attempt(ctx, opts, CORRUPT);
    } catch (again) {
      throw explainIndexError(again, ctx);
    }
  }
  const { stats } = opened;
  // one small query when nothing changed; a setting taken away is undone here too
  applyPublishFlag(opened.index.db, ctx.config, stats.added + stats.updated > 0 || !!stats.rebuilt);
  return opened;
}

/** The one-line notice (for stderr) that an index was rebuilt, and why. */
export const rebuiltNotice = (reason: string): string => `learn: rebuilt the index: ${reason}`;

/** What withIndex takes: openIndexLazy's options, and where to say that the index was rebuilt. */
export interface WithIndexOptions extends OpenIndexOptions {
  /** Gets the one-line rebuild notice (for stderr); leave it out to stay quiet. */
  notify?: (line: string) => void;
}

/** Open (and refresh) the index, run `use` on it, and close it however `use` ends: the one open/try/finally. */
export async function withIndex<T>(
  ctx: Context,
  opts: WithIndexOptions,
  use: (index: SqliteIndex, stats: RefreshStats) => T | Promise<T>,
): Promise<T> {
  const { index, stats } = await openIndexLazy(ctx, opts);
  if (stats.rebuilt && opts.notify) opts.notify(rebuiltNotice(stats.rebuilt));
  try {
    return await use(index, stats);
  } finally {
    index.close();
    // due dates computed on a refreshed index go to .learn/brief.json for the shell prompt's fast path
    if (opts.refresh !== false) await flushBrief(index);
  }
}
