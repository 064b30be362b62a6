import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Database from "better-sqlite3";
import { LearnError } from "../core/errors.js";
import type { Context } from "../core/context.js";
import { SqliteIndex } from "./handle.js";
import {
  planIsEmpty,
  planRefresh,
  Refresher,
  storedDigest,
  storeDigest,
  storedProblems,
  walkDigest,
} from "./refresh.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { RefreshStats } from "../core/index-types.js";
import { walkNotes, type WalkResult } from "./walk.js";

/** Options of openIndex: refresh (default true) is incremental by (mtime, size); full rebuilds. */
export interface OpenIndexOptions {
  refresh?: boolean;
  full?: boolean;
  /** false parses every file on this thread, even a batch big enough for a worker. */
  parallel?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const BUSY_TIMEOUT_MS = 60_000;
/** The reason given when a database that could not be read is replaced. */
export const CORRUPT = "the index file was corrupt";

/** Where the index of a workspace lives. */
export const indexPath = (ctx: Context): string => join(ctx.ws.dataDir, "index.db");

/** True for SQLite's "this file is not (or no longer) a sound database" errors. */
export const isCorrupt = (err: unknown): boolean => {
  const code = (err as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
};

/** Delete the database and its WAL files. */
export function removeDb(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

const isBusy = (err: unknown): boolean => ((err as { code?: string }).code ?? "").startsWith("SQLITE_BUSY");

/** Sleep this thread (a refresh is synchronous end to end). */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function connect(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  // Switching a new database to WAL can fail with SQLITE_BUSY without waiting while another
  // process creates it at the same moment; retry until the busy timeout.
  for (let waited = 0; ; waited += 20) {
    try {
      if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
      return db;
    } catch (err) {
      if (!isBusy(err) || waited >= BUSY_TIMEOUT_MS) {
        db.close();
        throw err;
      }
      pause(20);
    }
  }
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
    if (version !== SCHEMA_VERSION)
      return { db, rebuild: `the index was made by another version (schema ${version}, now ${SCHEMA_VERSION})` };
    return { db };
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    db?.close();
    removeDb(path);
    return { db: connect(path), rebuild: CORRUPT };
  }
}

/** An index opened, with files left to read (`work`) or already up to date (`done`). */
export type Prepared =
  | { done: { index: SqliteIndex; stats: RefreshStats } }
  | { work: { db: Database.Database; walk: WalkResult; full: boolean; rebuild?: string } };

/**
 * Open (creating or rebuilding as needed) and decide what a refresh must do, without reading
 * any note: a no-change refresh ends here and never loads the parser.
 */
export function prepareIndex(ctx: Context, opts: OpenIndexOptions, knownRebuild?: string): Prepared {
  try {
    mkdirSync(ctx.ws.dataDir, { recursive: true });
  } catch (err) {
    throw new LearnError(
      `cannot create ${ctx.ws.dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      "check that the workspace is writable",
    );
  }
  const opened = openDb(indexPath(ctx));
  const db = opened.db;
  try {
    const rebuild = knownRebuild ?? opened.rebuild;
    const full = Boolean(opts.full || rebuild);
    const stats: RefreshStats = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
    if (!full && opts.refresh === false) {
      stats.problems = storedProblems(db);
      return { done: { index: new SqliteIndex(db), stats } };
    }
    const rel = relative(ctx.ws.root, ctx.ws.notesDir).split(sep).join("/") || "notes";
    const walk = walkNotes(ctx.ws.notesDir, rel);
    if (!full) {
      const digest = walkDigest(walk);
      let unchanged = digest === storedDigest(db);
      if (!unchanged) {
        // Under the write lock, so a refresh by another process cannot slip in between the
        // comparison and recording the digest; next time the digest alone will do.
        unchanged = db
          .transaction(() => {
            const empty = planIsEmpty(planRefresh(db, walk));
            if (empty) storeDigest(db, digest);
            return empty;
          })
          .immediate();
      }
      if (unchanged) {
        stats.unchanged = walk.files.length;
        stats.problems = storedProblems(db);
        return { done: { index: new SqliteIndex(db), stats } };
      }
    }
    return { work: { db, walk, full, rebuild } };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The files-to-read part of a prepared index. */
export type Work = Extract<Prepared, { work: unknown }>["work"];

/** Set up a refresh of prepared work; call begin() on the result, add() each file, then endRefresh. */
export function startRefresh(work: Work, opts: OpenIndexOptions): Refresher {
  // Losing a rebuild to a power cut costs only another rebuild; a killed process is safe either way.
  work.db.pragma(work.full ? "synchronous = OFF" : "synchronous = NORMAL");
  return new Refresher(work.db, work.walk, work.full, opts.onProgress);
}

/** Commit a refresh and hand out the open index. */
export function endRefresh(work: Work, r: Refresher): { index: SqliteIndex; stats: RefreshStats } {
  const stats = r.finish();
  work.db.pragma("synchronous = NORMAL");
  if (work.full) work.db.pragma("wal_checkpoint(TRUNCATE)"); // do not leave a WAL as big as the index
  if (work.rebuild) stats.rebuilt = work.rebuild;
  return { index: new SqliteIndex(work.db), stats };
}

/** Undo a failed refresh and close its database. */
export function failRefresh(work: Work, r: Refresher): void {
  r.abort();
  work.db.close();
}
