import { createHash } from "node:crypto";
import { readdirSync, statSync, writeSync, type Dirent } from "node:fs";
import { isAbsolute, join } from "node:path";
import type Database from "better-sqlite3";
import type { NoteRecord, RawLink, ReadResult } from "./read-note.js";
import { placeNote, type FolderRules } from "../core/folder-domain.js";
import { createSchema, finishBulkLoad } from "./schema.js";
import type { IndexProblem, RefreshStats } from "../core/index-types.js";
import { slugFromPath } from "../core/slug.js";
import type { FoundFile, WalkResult } from "./walk.js";

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

// Where a link leads, as a note's path. A Markdown link names a path (`/`-rooted ones two: from the
// notes folder, then from the workspace root). A name ([[x]], related:) is tried, in order, as the
// path it spells (beside the linking note, or from the notes folder when it holds a `/`), as a file
// name (slug, case-insensitive as Obsidian reads it; of several notes of that name the one whose
// path ends with the name as written, then the shortest path, which is Obsidian's rule; the same
// folder was already tried), as an `id:` (zk's [[id]]), as a title, then as an alias.
// Attachments (attach = 1) are looked for on disk instead (resolveAttachments).
const NOTE_AT = (key: string) =>
  `(SELECT path FROM notes WHERE path = ${key} COLLATE NOCASE ORDER BY path = ${key} DESC, path LIMIT 1)`;
/** Where a link that is no attachment leads, as SQL over its to_key, alt_key, target and kind. */
const resolvedPath = (l: { toKey: string; altKey: string; target: string; kind: string }): string => `CASE
  WHEN ${l.kind} = 'markdown' THEN COALESCE(${NOTE_AT(l.toKey)}, ${NOTE_AT(l.altKey)})
  ELSE COALESCE(${NOTE_AT(l.altKey)},
    (SELECT path FROM notes WHERE slug = ${l.toKey} COLLATE NOCASE
      ORDER BY path LIKE '%/' || ${l.target} || '.md' DESC, length(path), path LIMIT 1),
    (SELECT path FROM notes WHERE id = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1),
    (SELECT path FROM notes WHERE title = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1),
    (SELECT path FROM aliases WHERE alias = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1)) END`;
const RESOLVE_PATHS = `UPDATE links SET to_path = CASE WHEN attach = 1 THEN to_path ELSE ${resolvedPath({
  toKey: "links.to_key",
  altKey: "links.alt_key",
  target: "links.target",
  kind: "kind",
})} END`;
const RESOLVE_ONE = `SELECT ${resolvedPath({ toKey: "@toKey", altKey: "@altKey", target: "@target", kind: "@kind" })}`;

/**
 * The note a link not stored in the index leads to (an editor's unsaved text), resolved by the
 * index's own rule; null when it is broken. Attachments are not looked for (the index finds them on disk).
 */
export function resolveLinkPath(db: Database.Database, l: RawLink): string | null {
  if (l.attach) return null;
  return (db.prepare(RESOLVE_ONE).pluck().get({ toKey: l.toKey, altKey: l.altKey, target: l.target, kind: l.kind }) ??
    null) as string | null;
}

/** Resolve the links a WHERE clause selects (all of them without one). */
function resolveWhere(db: Database.Database, where = "", ...params: unknown[]): void {
  db.prepare(`${RESOLVE_PATHS} ${where}`).run(...params);
}

/** Broken links that a note's name, id, title or alias may now satisfy (it was added or edited). */
const BROKEN_NAMING = `WHERE to_path IS NULL AND attach = 0 AND to_key COLLATE NOCASE IN (
  SELECT slug FROM notes WHERE path = @p UNION SELECT id FROM notes WHERE path = @p
  UNION SELECT title FROM notes WHERE path = @p UNION SELECT alias FROM aliases WHERE path = @p)`;

/** Past this many changed files, resolving every link at once is cheaper than one by one. */
const BULK_RESOLVE = 500;

const slugKey = (path: string): string => slugFromPath(path).toLowerCase();

/**
 * Resolve only the links a change can affect: those from files read again, those that led to a
 * file read again or gone, those whose name or path a new note spells, and the broken ones that a
 * new or edited note's file name, id, title or alias now satisfies.
 */
function resolveLinks(db: Database.Database, read: string[], appeared: string[], vanished: string[]): void {
  if (read.length + vanished.length > BULK_RESOLVE) {
    resolveWhere(db);
    return;
  }
  for (const p of read) resolveWhere(db, "WHERE from_path = ?", p);
  for (const p of [...read, ...vanished]) resolveWhere(db, "WHERE to_path = ?", p);
  for (const key of new Set([...appeared, ...vanished].flatMap((p) => [p, slugKey(p)])))
    resolveWhere(db, "WHERE to_key = ? COLLATE NOCASE OR alt_key = ? COLLATE NOCASE", key, key);
  for (const p of read) resolveWhere(db, BROKEN_NAMING, { p });
}

/** Folders never searched for attachments. */
const SKIP_DIRS = new Set(["node_modules", ".git", ".learn"]);

/**
 * Resolve links to files that are not notes (images, PDFs, `![[embeds]]`): each distinct target is
 * looked for with one stat per candidate path (beside the note, from the notes folder, from the root);
 * a bare file name found at none of them is looked up among the workspace's files by name, as
 * Obsidian does, with one walk of the notes folder made only then. A file outside the workspace never counts.
 * `read` (an incremental refresh) limits the looking to links from those files and links still broken:
 * a file that disappears is noticed when a note linking to it changes, or on `learn index --full`.
 */
function resolveAttachments(db: Database.Database, where: LinkPlace, read?: readonly string[]): void {
  const only = read ? "AND (to_path IS NULL OR from_path IN (SELECT value FROM json_each(?)))" : "";
  const rows = db
    .prepare(
      `SELECT DISTINCT to_key, alt_key, target, attach FROM links
       WHERE (attach = 1 OR (kind = 'markdown' AND to_path IS NULL AND to_key LIKE '%.md' AND target NOT LIKE '%.md')) ${only}`,
    )
    .all(...(read ? [JSON.stringify(read)] : [])) as {
    to_key: string;
    alt_key: string | null;
    target: string;
    attach: number;
  }[];
  if (rows.length === 0) return;
  const update = db.prepare(
    "UPDATE links SET to_path = ? WHERE to_key = ? AND alt_key IS ? AND target = ? AND attach = ? AND (attach = 1 OR to_path IS NULL)",
  );
  let byName: Map<string, string[]> | undefined;
  for (const r of rows) {
    const keys = [r.to_key, ...(r.alt_key ?? "").split("\n")].filter(Boolean);
    // an extension-less Markdown link that is no note may name a file or folder of that name
    const candidates = r.attach === 1 ? keys : keys.map((k) => k.replace(/\.md$/, ""));
    let found = candidates.find((c) => insideFile(where.root, c));
    if (!found && r.attach === 1 && !r.target.includes("/")) {
      byName ??= filesByName(where.root, where.notesBase);
      found = byName.get(r.target.toLowerCase())?.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
    }
    update.run(found ?? null, r.to_key, r.alt_key, r.target, r.attach);
  }
}

/** Where the workspace is, for resolving attachments. */
export interface LinkPlace {
  root: string;
  notesBase: string;
}

/** True when `rel` (workspace-relative) names something that exists inside the workspace. */
function insideFile(root: string, rel: string): boolean {
  if (!rel || rel === "." || rel.startsWith("../") || rel === ".." || isAbsolute(rel)) return false;
  return statSync(join(root, rel), { throwIfNoEntry: false }) !== undefined;
}

/** Every file under the notes folder that is not a note, by lower-case file name (dot-folders skipped). */
function filesByName(root: string, notesBase: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack = [notesBase];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || SKIP_DIRS.has(e.name)) continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(p);
      else if (!/\.(md|markdown)$/i.test(e.name)) {
        const key = e.name.toLowerCase();
        out.set(key, [...(out.get(key) ?? []), p]);
      }
    }
  }
  return out;
}

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

const problemKey = (p: IndexProblem): string => `${p.path}\0${p.line ?? ""}\0${p.reason}\0${p.severity}`;

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

/**
 * A hash of everything a plan compares: each walked file's (path, mtime, size) and the walk's
 * problems. When it equals the digest stored by the last refresh, the tables already match the
 * folder and the per-file comparison (about 100 ms at 50k notes) can be skipped.
 */
export function walkDigest(walk: WalkResult): string {
  const h = createHash("sha1");
  // the numbers hashed as they are (8 bytes each): writing 10k mtimes out as text cost more than the hash
  const stamps = new Float64Array(walk.files.length * 2);
  let paths = "";
  walk.files.forEach((f, i) => {
    stamps[2 * i] = f.mtimeMs;
    stamps[2 * i + 1] = f.size;
    paths += `${f.path}\n`;
  });
  h.update(paths);
  h.update(new Uint8Array(stamps.buffer));
  h.update(`\0${walk.problems.map(problemKey).sort().join("\n")}`);
  return h.digest("hex");
}

/** The digest of the walk the tables were last brought in line with, if any. */
export const storedDigest = (db: Database.Database): string | undefined =>
  (db.prepare("SELECT value FROM meta WHERE key = 'walk_digest'").pluck().get() as string | undefined) ?? undefined;

/** The folder rules (FolderRules.key) the stored notes were placed in domains by, if recorded. */
export const storedFolderRules = (db: Database.Database): string | undefined =>
  (db.prepare("SELECT value FROM meta WHERE key = 'folder_rules'").pluck().get() as string | undefined) ?? undefined;

/** Record that the tables match this walk. */
export const storeDigest = (db: Database.Database, digest: string): void =>
  void db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('walk_digest', ?)").run(digest);

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
    storeDigest(db, walkDigest(this.walk));
    if (this.rules)
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('folder_rules', ?)").run(this.rules.key);
    db.exec("COMMIT");
    this.stats.problems = storedProblems(db);
    return this.stats;
  }

  /** Roll back after a failure (safe to call when no transaction is open). */
  abort(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}
