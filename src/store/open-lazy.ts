import type { Context } from "../workspace/context.js";
import type { SqliteIndex } from "./handle.js";
import { openAttempt, type OpenIndexOptions } from "./open-db.js";
import type { RefreshStats } from "./types.js";

/** openIndex, but the note parser (js-yaml, zod) is imported only when some file must be read. */
export async function openIndexLazy(ctx: Context, opts: OpenIndexOptions = {}): Promise<{ index: SqliteIndex; stats: RefreshStats }> {
  const first = openAttempt(ctx, opts, undefined);
  if (!("needsReader" in first)) return first;
  const { readNote } = await import("./read-note.js");
  const second = openAttempt(ctx, opts, readNote, first.rebuild);
  if ("needsReader" in second) throw new Error("openIndexLazy: a reader was given but asked for");
  return second;
}

/** Open the index for a read command: refresh unless told not to, and pass the rebuild notice to `notify`. */
export async function openForRead(ctx: Context, refresh: boolean | undefined, notify: (line: string) => void): Promise<SqliteIndex> {
  const { index, stats } = await openIndexLazy(ctx, { refresh: refresh !== false });
  if (stats.rebuilt) notify(`learn: rebuilt the index: ${stats.rebuilt}`);
  return index;
}
