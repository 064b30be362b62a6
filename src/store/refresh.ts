import { writeSync } from "node:fs";
import type Database from "better-sqlite3";
import type { NoteRecord, ReadResult } from "./read-note.js";
import { placeNote, type FolderRules } from "../core/folder-domain.js";
import { createSchema, finishBulkLoad } from "./schema.js";
import type { IndexProblem, RefreshStats } from "../core/index-types.js";
import type { FoundFile, WalkResult } from "./walk.js";
import { resolveAttachments, resolveLinks, resolveWhere, type LinkPlace } from "./link-resolve.js";
import { problemKey, storeListing, walkListing, writeListing } from "./walk-listing.js";

const NOTE_COLUMNS = [
  "path",
  "slug",
  "id",
  "title",
  "type",
  "status",
  "visibility",
  "domain",
  "difficulty",
  "summary",
  "published",
  "updated",
  "revisit_every",
  "revisit",
  "roles",
  "tags",
  "sources",
  "related",
  "covers",
  "checklist_done",
  "checklist_total",
  "headings",
  "body",
  "mtime_ms",
  "size",
  "aliases",
  "folder",
  "publish_flag",
];

/**
 * Test-only: with LEARN_TEST_PAUSE_AFTER=N a refresh stops for 30 s after storing its Nth file,
 * inside the open transaction, and says so on stderr, so a test can kill it mid-build for certain.
 */
const PAUSE_AFTER = Number(process.env.LEARN_TEST_PAUSE_AFTER) || 0;

function pauseForTest(done: number): void {
  writeSync(2, `learn: test pause after ${done} files\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000); // bounded: a stray process ends
}

/** Prepared statements for one refresh. */
function statements(db: Database.Database) {
  return {
    insertNote: db.prepare(
      `INSERT INTO notes (${NOTE_COLUMNS.join(", ")}) VALUES (${NOTE_COLUMNS.map(() => "?").join(", ")})`,
    ),
    insertLink: db.prepare(
      "INSERT INTO links (from_path, from_slug, target, kind, to_key, alt_key, anchor, attach) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    insertAlias: db.prepare("INSERT INTO aliases (path, alias) VALUES (?, ?)"),
    deleteAliases: db.prepare("DELETE FROM aliases WHERE path = ?"),
    insertProblem: db.prepare("INSERT INTO problems (path, line, reason, severity, kind) VALUES (?, ?, ?, ?, ?)"),
    upsertFile: db.prepare("INSERT OR REPLACE INTO files (path, sig) VALUES (?, ?)"),
    deleteNote: db.prepare("DELETE FROM notes WHERE path = ?"),
    deleteLinks: db.prepare("DELETE FROM links WHERE from_path = ?"),
    deleteProblems: db.prepare("DELETE FROM problems WHERE path = ? AND kind = 'file'"),
    deleteFile: db.prepare("DELETE FROM files WHERE path = ?"),
  };
}
type Statements = ReturnType<typeof statements>;

function forget(s: Statements, path: string): void {
  s.deleteNote.run(path);
  s.deleteLinks.run(path);
  s.deleteAliases.run(path);
  s.deleteProblems.run(path);
  s.deleteFile.run(path);
}

function store(s: Statements, file: FoundFile, note: NoteRecord | undefined, problems: IndexProblem[]): void {
  if (note) {
    s.insertNote.run(NOTE_COLUMNS.map((c) => note.values[c]));
    const slug = note.values.slug as string;
    for (const l of note.links)
      s.insertLink.run(file.path, slug, l.target, l.kind, l.toKey, l.altKey, l.anchor, l.attach ? 1 : 0);
    const aliases = note.values.aliases;
    if (typeof aliases === "string" && aliases) for (const a of aliases.split("\n")) s.insertAlias.run(file.path, a);
  }
  for (const p of problems) s.insertProblem.run(p.path, p.line ?? null, p.reason, p.severity, "file");
  s.upsertFile.run(file.path, `${file.mtimeMs}${SEP}${file.size}`);
}

/** Every problem currently recorded, ordered by path then line. */
export function storedProblems(db: Database.Database): IndexProblem[] {
  const rows = db.prepare("SELECT path, line, reason, severity FROM problems ORDER BY path, line, reason").all() as {
    path: string;
    line: number | null;
    reason: string;
    severity: "error" | "warning";
  }[];
  return rows.map((r) =>
    r.line === null ? { path: r.path, reason: r.reason, severity: r.severity } : { ...r, line: r.line },
  );
}

/** What a refresh has to do: files to read, stored paths to drop, and how many are unchanged. */
export interface RefreshPlan {
  toRead: FoundFile[];
  removed: string[];
  stored: Set<string>;
  unchanged: number;
  walkProblemsChanged: boolean;
}

const SEP = "\u0001";

/** Compare the walked files with the stored (path, mtime, size), read as one string per file. */
export function planRefresh(db: Database.Database, walk: WalkResult): RefreshPlan {
  const stored = new Set(db.prepare("SELECT path || char(1) || sig FROM files").pluck().all() as string[]);
  const plan: RefreshPlan = { toRead: [], removed: [], stored: new Set(), unchanged: 0, walkProblemsChanged: false };
  for (const f of walk.files) {
    if (stored.has(`${f.path}${SEP}${f.mtimeMs}${SEP}${f.size}`)) plan.unchanged++;
    else plan.toRead.push(f);
  }
  // Stored paths are needed only when something changed: every stored entry matched means nothing vanished.
  if (plan.toRead.length > 0 || plan.unchanged !== stored.size) {
    for (const s of stored) plan.stored.add(s.slice(0, s.indexOf(SEP)));
    const found = new Set(walk.files.map((f) => f.path));
    const kept = (p: string): boolean => walk.unreadable.some((u) => p === u || (u.endsWith("/") && p.startsWith(u)));
    for (const p of plan.stored) if (!found.has(p) && !kept(p)) plan.removed.push(p);
  }
  const before = (
    db.prepare("SELECT path, line, reason, severity FROM problems WHERE kind = 'walk'").all() as IndexProblem[]
  ).map((p) => problemKey({ ...p, line: p.line ?? undefined }));
  const now = walk.problems.map(problemKey);
  plan.walkProblemsChanged = before.length !== now.length || before.sort().join("\n") !== now.sort().join("\n");
  return plan;
}

/** The folder rules (FolderRules.key) the stored notes were placed in domains by, if recorded. */
export const storedFolderRules = (db: Database.Database): string | undefined =>
  (db.prepare("SELECT value FROM meta WHERE key = 'folder_rules'").pluck().get() as string | undefined) ?? undefined;

/** True when a plan changes nothing in the database. */
export const planIsEmpty = (p: RefreshPlan): boolean =>
  p.toRead.length === 0 && p.removed.length === 0 && !p.walkProblemsChanged;

/**
 * One refresh of the tables, in one IMMEDIATE transaction: begin() plans (inside the lock, so a
 * concurrent refresh is never undone) and drops vanished files; add() stores each file read;
 * finish() resolves links and commits. Unreadable folders keep their notes.
 */
export class Refresher {
  readonly stats: RefreshStats = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
  private s!: Statements;
  private plan!: RefreshPlan;
  private done = 0;
  private stored = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly walk: WalkResult,
    private readonly full: boolean,
    private readonly onProgress?: (done: number, total: number) => void,
    private readonly rules?: FolderRules,
    private readonly place?: LinkPlace,
  ) {}

  /** Take the write lock, (re)create the schema for a full build, plan, and drop vanished files. */
  begin(): FoundFile[] {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      if (this.full) createSchema(this.db, false);
      this.s = statements(this.db);
      this.plan = planRefresh(this.db, this.walk);
      this.stats.unchanged = this.plan.unchanged;
      for (const p of this.plan.removed) {
        forget(this.s, p);
        this.stats.removed++;
      }
    } catch (err) {
      this.abort();
      throw err;
    }
    return this.plan.toRead;
  }

  /** Store one file that was read (replacing what was stored for it). */
  add(file: FoundFile, result: ReadResult): void {
    if (this.plan.stored.has(file.path)) {
      forget(this.s, file.path);
      this.stats.updated++;
    } else this.stats.added++;
    if (result.note && this.rules) placeNote(result.note.values, this.rules);
    store(this.s, file, result.note, result.problems);
    this.onProgress?.(++this.done, this.plan.toRead.length);
    if (PAUSE_AFTER > 0 && ++this.stored === PAUSE_AFTER) pauseForTest(this.stored);
  }

  /** Record folder problems, finish the FTS tables, resolve links, commit. */
  finish(): RefreshStats {
    const { db, plan, s } = this;
    db.exec("DELETE FROM problems WHERE kind = 'walk'");
    for (const p of this.walk.problems) s.insertProblem.run(p.path, p.line ?? null, p.reason, p.severity, "walk");
    if (this.full) finishBulkLoad(db);
    const appeared = plan.toRead.filter((f) => !plan.stored.has(f.path)).map((f) => f.path);
    if (this.full) resolveWhere(db);
    else
      resolveLinks(
        db,
        plan.toRead.map((f) => f.path),
        appeared,
        plan.removed,
      );
    if (this.place) resolveAttachments(db, this.place, this.full ? undefined : plan.toRead.map((f) => f.path));
    // Two notes may share a file name (github/pages.md, actions/pages.md): both are indexed and
    // addressed by path or id, so a shared name is no problem of the index.
    db.exec("DELETE FROM schedule_meta"); // notes changed: revisit schedules are replayed again when next asked for
    const listing = storeListing(db, walkListing(this.walk));
    if (this.rules)
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('folder_rules', ?)").run(this.rules.key);
    db.exec("COMMIT");
    writeListing(db, listing);
    this.stats.problems = storedProblems(db);
    return this.stats;
  }

  /** Roll back after a failure (safe to call when no transaction is open). */
  abort(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}
