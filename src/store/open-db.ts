import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Database from "better-sqlite3";
import { LearnError } from "../core/errors.js";
import type { Context } from "../workspace/context.js";
import { SqliteIndex } from "./handle.js";
import { planIsEmpty, planRefresh, refreshTables, storedProblems, type ReadFn } from "./refresh.js";
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

function connect(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  return db;
}

/** Open the database and say whether it must be rebuilt, and why. */
function openDb(path: string): { db: Database.Database; rebuild?: string } {
  const existed = existsSync(path);
  let db: Database.Database | undefined;
  try {
    db = connect(path);
    const version = db.pragma("user_version", { simple: true }) as number;
    if (!existed) return { db, rebuild: "there was no index yet" };
    if (version === 0) return { db, rebuild: "the index was empty or unfinished" };
    if (version !== SCHEMA_VERSION) return { db, rebuild: `the index was made by another version (schema ${version}, now ${SCHEMA_VERSION})` };
    return { db };
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    db?.close();
    removeDb(path);
    return { db: connect(path), rebuild: "the index file was corrupt" };
  }
}

/** The result of one attempt: an open index, or a request to call again with a reader. */
export type OpenAttempt = { index: SqliteIndex; stats: RefreshStats } | { needsReader: true; rebuild?: string };

/**
 * Open (creating or rebuilding as needed) and refresh the index. Without `read`, it stops
 * and asks for one as soon as some file must be parsed, so callers load the parser lazily.
 */
export function openAttempt(ctx: Context, opts: OpenIndexOptions, read: ReadFn | undefined, knownRebuild?: string): OpenAttempt {
  const path = indexPath(ctx);
  try {
    mkdirSync(ctx.ws.dataDir, { recursive: true });
  } catch (err) {
    throw new LearnError(`cannot create ${ctx.ws.dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, "check that the workspace is writable");
  }
  for (let attempt = 0; ; attempt++) {
    const opened = openDb(path);
    const db = opened.db;
    // A first attempt without a reader may have created the file: keep the reason it gave.
    const rebuild = knownRebuild ?? opened.rebuild;
    try {
      const full = Boolean(opts.full || rebuild);
      const stats: RefreshStats = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
      if (!full && opts.refresh === false) {
        stats.problems = storedProblems(db);
        return { index: new SqliteIndex(db), stats };
      }
      const rel = relative(ctx.ws.root, ctx.ws.notesDir).split(sep).join("/") || "notes";
      const walk = walkNotes(ctx.ws.notesDir, rel);
      if (!full) {
        const plan = planRefresh(db, walk);
        if (planIsEmpty(plan)) {
          stats.unchanged = plan.unchanged;
          stats.problems = storedProblems(db);
          return { index: new SqliteIndex(db), stats };
        }
      }
      if (!read) {
        db.close();
        return { needsReader: true, rebuild };
      }
      // Losing a rebuild to a power cut costs only another rebuild; a killed process is safe either way.
      db.pragma(full ? "synchronous = OFF" : "synchronous = NORMAL");
      const done = refreshTables(db, walk, { full, read, onProgress: opts.onProgress });
      db.pragma("synchronous = NORMAL");
      if (rebuild) done.rebuilt = attempt > 0 ? "the index file was corrupt" : rebuild;
      return { index: new SqliteIndex(db), stats: done };
    } catch (err) {
      db.close();
      if (attempt > 0 || !isCorrupt(err)) throw err;
      removeDb(path);
    }
  }
}
