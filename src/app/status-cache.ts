import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../core/context.js";
import { readCache } from "../workspace/cache-file.js";
import { gitHead } from "../store/git-dates.js";
import { packageVersion } from "../workspace/package-root.js";
import { REVISIT_LOG } from "../workspace/revisit-log.js";

// `.learn/status.json`: what `learn status` computed from the index (note and problem counts, the
// due notes, readiness per role and domain), kept by everything it was computed from: the index
// file and its WAL as they are after this run's refresh (any change to a note is a write there),
// the revisit log, git's HEAD (first-add dates of undated notes), the templates (what counts as a
// note's own words), the config, the day and learn's version. On a hit `status` reads no note row,
// replays no schedule and measures nothing. The index is stat'd before anything is read from it,
// so a write by another process meanwhile can only make the next run compute again.
const FILE = "status.json";
const FORMAT = 2; // 2: due notes carry the name to type (twins by path)

interface CacheFile<T> {
  format: number;
  version: string;
  key: string;
  data: T;
}

/** Size, mtime, ctime and inode of a file, or "none" (missing or empty: an empty WAL is made at each open). */
function sig(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return s.size === 0n ? "none" : `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
  } catch {
    return "none";
  }
}

/** The key of this run's inputs; call it after the index is refreshed and before reading from it. */
export function statusKey(ctx: Context, templatesStamp: string): string {
  const parts = [
    FORMAT,
    packageVersion(),
    ctx.today,
    ctx.ws.root,
    JSON.stringify(ctx.config),
    templatesStamp,
    sig(join(ctx.ws.dataDir, "index.db")),
    sig(join(ctx.ws.dataDir, "index.db-wal")),
    sig(join(ctx.ws.root, REVISIT_LOG)),
    gitHead(ctx.ws.root) ?? "no git",
  ];
  return createHash("sha1").update(parts.join("\0")).digest("base64url");
}

/** What was computed under `key` by an earlier run, if anything. */
export function cachedStatus<T>(ctx: Context, key: string): T | undefined {
  const file = readCache<CacheFile<T>>(ctx.ws, FILE, FORMAT);
  return file && file.key === key ? file.data : undefined;
}

/** Keep what was computed under `key` (a failure to write only costs the next run the work). */
export async function saveStatus<T>(ctx: Context, key: string, data: T): Promise<void> {
  await ctx.saveCache?.(FILE, { format: FORMAT, key, data });
}
