import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { LearnError } from "../core/errors.js";
import type { Context } from "../core/context.js";
import { SqliteIndex } from "./handle.js";
import { loadSqlite } from "./sqlite-load.js";
import { planIsEmpty, planRefresh, Refresher, storedFolderRules, storedProblems } from "./refresh.js";
import { sameListing, storeListing, walkListing, writeListing } from "./walk-listing.js";
import type { LinkContext } from "./read-note.js";
import type { LinkPlace } from "./link-resolve.js";
import { SCHEMA_VERSION } from "./schema.js";
import { folderRules, type FolderRules } from "../core/folder-domain.js";
import type { RefreshStats } from "../core/index-types.js";
import { notesBaseOf, walkWorkspace, type WalkResult } from "./walk.js";

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
  const code = (err as { code?: string } | undefined)?.code ?? "";
  return code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
};

/** Databases this process removed as corrupt: the next open rebuilds them and says why. */
const removedAsCorrupt = new Set<string>();
/** Every database path this process opened, so a corruption found mid-query can be cleared. */
const opened = new Set<string>();

/** Delete the database and its WAL files. */
export function removeDb(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

/**
 * After SQLite reported corruption in the middle of a command (a bad page is found only when a
 * query reads it), remove the index this process opened, so running the command again rebuilds
 * it. Returns false (and removes nothing) when `err` is not a corruption error.
 */
export function discardCorruptIndex(err: unknown): boolean {
  if (!isCorrupt(err) || opened.size === 0) return false;
  for (const path of opened) {
    removeDb(path);
    removedAsCorrupt.add(path);
  }
  return true;
}

const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The index folder cannot be used: says what is wrong, and that deleting it is always safe. */
export class IndexUnusableError extends LearnError {
  constructor(
    readonly dataDir: string,
    why: string,
    fix?: string,
  ) {
    super(
      `cannot use the index folder ${dataDir}: ${why}`,
      `${fix ? `${fix}, or ` : ""}run \`rm -rf ${shellWord(dataDir)}\` and try again; that is always safe: it is only a cache, rebuilt from your notes`,
    );
  }
}

/** What is wrong with the index folder, as an IndexUnusableError, or undefined for errors it does not explain. */
export function unusableIndex(err: unknown, dataDir: string): IndexUnusableError | undefined {
  if (err instanceof IndexUnusableError) return err;
  const code = (err as { code?: string } | undefined)?.code ?? "";
  const db = join(dataDir, "index.db");
  const isDir = (p: string): boolean => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  if (code === "ENOSPC" || code === "EDQUOT" || code === "SQLITE_FULL")
    return new IndexUnusableError(dataDir, "the disk is full", "free some disk space");
  if (code === "EEXIST" || code === "ENOTDIR")
    return new IndexUnusableError(dataDir, "it is a file, not a folder", "move that file away");
  if (code === "EACCES" || code === "EPERM" || code === "EROFS" || /^SQLITE_(READONLY|PERM|AUTH)/.test(code))
    return new IndexUnusableError(dataDir, "it is not writable (permission denied, or a read-only file system)");
  if (code.startsWith("SQLITE_CANTOPEN"))
    return isDir(db)
      ? new IndexUnusableError(dataDir, "index.db is a folder, not a database file")
      : new IndexUnusableError(dataDir, "index.db cannot be opened (is the folder writable?)");
  if (code.startsWith("SQLITE_IOERR"))
    return new IndexUnusableError(dataDir, `reading or writing index.db failed (${code}: ${(err as Error).message})`);
  if (isCorrupt(err)) return new IndexUnusableError(dataDir, "index.db is corrupt, and rebuilding it did not help");
  return undefined;
}

/** An error from opening or refreshing the index, explained when SQLite says the database cannot be used. */
export function explainIndexError(err: unknown, ctx: Context): unknown {
  const code = String((err as { code?: unknown } | undefined)?.code ?? "");
  return (code.startsWith("SQLITE_") && unusableIndex(err, ctx.ws.dataDir)) || err;
}

/** Remove a corrupt index before it is built again (a folder where the file should be is reported instead). */
export function clearCorruptIndex(ctx: Context): void {
  try {
    removeDb(indexPath(ctx));
  } catch (err) {
    throw unusableIndex(err, ctx.ws.dataDir) ?? err;
  }
}

/** The notes folder as the index names paths: relative to the workspace root, forward slashes; "" for the root itself. */
export const notesBase = (ctx: Context): string => notesBaseOf(ctx.ws);

/** Every note file of the workspace, found by the one discovery every command shares (ignore rules included). */
export const walkWorkspaceNotes = (ctx: Context): WalkResult => walkWorkspace(ctx.ws, ctx.config);

const isBusy = (err: unknown): boolean => ((err as { code?: string }).code ?? "").startsWith("SQLITE_BUSY");

/** Sleep this thread (a refresh is synchronous end to end). */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function connect(path: string): Database.Database {
  const { Database, nativeBinding } = loadSqlite();
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
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
    opened.add(path);
    if (!existed) return { db, rebuild: removedAsCorrupt.delete(path) ? CORRUPT : "there was no index yet" };
    if (version === 0) return { db, rebuild: "the index was empty or unfinished" };
    if (version !== SCHEMA_VERSION)
      return { db, rebuild: `the index was made by another version (schema ${version}, now ${SCHEMA_VERSION})` };
    return { db };
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    db?.close();
    removeDb(path);
    const fresh = connect(path);
    opened.add(path);
    return { db: fresh, rebuild: CORRUPT };
  }
}

/**
 * An index that this command will only read (nothing to refresh): its file is read through a memory
 * map, not a read() per page, which halves what a query scanning the notes table costs (`learn list
 * type:doc`: about 18 ms of CPU at 10k notes, 9 with the map). Only here: a refresh, which writes,
 * keeps the default, so the pages it touches are not counted in its memory.
 */
function forReading(db: Database.Database): SqliteIndex {
  db.pragma(`mmap_size = ${READ_MAP_BYTES}`);
  return new SqliteIndex(db);
}
/** The memory map's most: the index of about 100k notes (only pages read are ever loaded). */
const READ_MAP_BYTES = 1 << 30;

/** Why the index must be rebuilt when the stored notes were placed in domains by other folder rules. */
function rulesChanged(db: Database.Database, rules: FolderRules): string | undefined {
  const stored = storedFolderRules(db);
  return stored !== undefined && stored !== rules.key ? "the domains' folders changed" : undefined;
}

/** An index opened, with files left to read (`work`) or already up to date (`done`). */
export type Prepared =
  | { done: { index: SqliteIndex; stats: RefreshStats } }
  | {
      work: {
        db: Database.Database;
        walk: WalkResult;
        full: boolean;
        rebuild?: string;
        links: LinkOptions;
        rules: FolderRules;
      };
    };

/** How links are read and resolved: the dialect, the notes folder and the workspace root (for attachments). */
export type LinkOptions = LinkContext & LinkPlace;

/** The link settings of a workspace. */
export const linkOptions = (ctx: Context): LinkOptions => ({
  root: ctx.ws.root,
  notesBase: notesBase(ctx),
  ...(ctx.config.dialect ? { dialect: ctx.config.dialect } : {}),
  ...(ctx.config.publish_flag !== undefined ? { publishFlag: ctx.config.publish_flag } : {}),
});

/**
 * Open (creating or rebuilding as needed) and decide what a refresh must do, without reading
 * any note: a no-change refresh ends here and never loads the parser.
 */
export function prepareIndex(ctx: Context, opts: OpenIndexOptions, knownRebuild?: string): Prepared {
  try {
    mkdirSync(ctx.ws.dataDir, { recursive: true });
  } catch (err) {
    throw (
      unusableIndex(err, ctx.ws.dataDir) ??
      new IndexUnusableError(
        ctx.ws.dataDir,
        `cannot create it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      )
    );
  }
  const opened = openDb(indexPath(ctx));
  const db = opened.db;
  try {
    const rules = folderRules(ctx.config, notesBase(ctx));
    const rebuild = knownRebuild ?? opened.rebuild ?? rulesChanged(db, rules);
    const full = Boolean(opts.full || rebuild);
    const stats: RefreshStats = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
    if (!full && opts.refresh === false) {
      stats.problems = storedProblems(db);
      return { done: { index: forReading(db), stats } };
    }
    const walk = walkWorkspaceNotes(ctx);
    if (!full) {
      const listing = walkListing(walk);
      let unchanged = sameListing(db, listing);
      if (!unchanged) {
        // Under the write lock, so a refresh by another process cannot slip in between the
        // comparison and recording the listing; next time the listing alone will do.
        const recorded = db
          .transaction(() => (planIsEmpty(planRefresh(db, walk)) ? storeListing(db, listing) : undefined))
          .immediate();
        if (recorded) writeListing(db, recorded);
        unchanged = recorded !== undefined;
      }
      if (unchanged) {
        stats.unchanged = walk.files.length;
        stats.problems = storedProblems(db);
        return { done: { index: forReading(db), stats } };
      }
    }
    return { work: { db, walk, full, rebuild, links: linkOptions(ctx), rules } };
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
  return new Refresher(work.db, work.walk, work.full, opts.onProgress, work.rules, work.links);
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
