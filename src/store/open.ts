import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Database from "better-sqlite3";
import { LearnError } from "../core/errors.js";
import type { Context } from "../workspace/context.js";
import { SqliteIndex } from "./handle.js";
import { refreshTables, storedProblems } from "./refresh.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { RefreshStats } from "./types.js";
import { walkNotes } from "./walk.js";

/** Options of openIndex: refresh (default true) is incremental by (mtime, size); full rebuilds. */
export interface OpenIndexOptions {
  refresh?: boolean;
  full?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const BUSY_TIMEOUT_MS = 60_000;

/** Where the index of a workspace lives. */
export const indexPath = (ctx: Context): string => join(ctx.ws.dataDir, "index.db");

const isCorrupt = (err: unknown): boolean => {
  const code = (err as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
};

function removeDb(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

/** Open the database and say whether it must be rebuilt, and why. */
function openDb(path: string): { db: Database.Database; rebuild?: string } {
  const existed = existsSync(path);
  let db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    const version = db.pragma("user_version", { simple: true }) as number;
    if (!existed) return { db, rebuild: "there was no index yet" };
    if (version === 0) return { db, rebuild: "the index was empty or unfinished" };
    if (version !== SCHEMA_VERSION) return { db, rebuild: `the index was made by another version (schema ${version}, now ${SCHEMA_VERSION})` };
    return { db };
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    db.close();
    removeDb(path);
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma("journal_mode = WAL");
    return { db, rebuild: "the index file was corrupt" };
  }
}

/** Open the workspace's index, creating or rebuilding it when needed, and refresh it from notes/. */
export function openIndex(ctx: Context, opts: OpenIndexOptions = {}): { index: SqliteIndex; stats: RefreshStats } {
  const path = indexPath(ctx);
  try {
    mkdirSync(ctx.ws.dataDir, { recursive: true });
  } catch (err) {
    throw new LearnError(`cannot create ${ctx.ws.dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, "check that the workspace is writable");
  }
  for (let attempt = 0; ; attempt++) {
    const { db, rebuild } = openDb(path);
    try {
      db.pragma("synchronous = NORMAL");
      const full = Boolean(opts.full || rebuild);
      let stats: RefreshStats = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
      if (full || opts.refresh !== false) {
        // Losing a rebuild to a power cut costs only another rebuild; a killed process is safe either way.
        if (full) db.pragma("synchronous = OFF");
        const rel = relative(ctx.ws.root, ctx.ws.notesDir).split(sep).join("/") || "notes";
        stats = refreshTables(db, walkNotes(ctx.ws.notesDir, rel), { full, onProgress: opts.onProgress });
        if (full) db.pragma("synchronous = NORMAL");
      } else stats.problems = storedProblems(db);
      if (rebuild) stats.rebuilt = attempt > 0 ? "the index file was corrupt" : rebuild;
      return { index: new SqliteIndex(db), stats };
    } catch (err) {
      db.close();
      if (attempt > 0 || !isCorrupt(err)) throw err;
      removeDb(path);
    }
  }
}

/** Open the index for a read command: refresh unless told not to, and pass the rebuild notice to `notify`. */
export function openForRead(ctx: Context, refresh: boolean | undefined, notify: (line: string) => void): SqliteIndex {
  const { index, stats } = openIndex(ctx, { refresh: refresh !== false });
  if (stats.rebuilt) notify(`learn: rebuilt the index: ${stats.rebuilt}`);
  return index;
}
