import type Database from "better-sqlite3";
import { storedProblems } from "./refresh.js";
import { matchNotes, oneNote } from "../core/note-suggest.js";
import { slugFromPath } from "../core/slug.js";
import type { IndexHandle, IndexProblem, LinkRow, NoteRow } from "../core/index-types.js";

/** The columns a NoteRow is read from (never the body). */
export const ROW_COLUMNS =
  "n.id, n.slug, n.path, n.title, n.type, n.status, n.visibility, n.domain, n.difficulty, n.summary, n.published, n.updated, " +
  "n.revisit_every, n.revisit, n.roles, n.tags, n.sources, n.related, n.covers, n.checklist_done, n.checklist_total, n.headings, n.mtime_ms, n.size";

/** The NoteRow keys of ROW_COLUMNS, in order. */
const ROW_KEYS = ROW_COLUMNS.split(", ").map((c) => c.slice("n.".length));

type RawRow = Omit<NoteRow, "revisit" | "roles" | "tags" | "sources" | "related" | "covers" | "headings"> & {
  revisit: number | null;
  roles: string;
  tags: string;
  sources: string;
  related: string;
  covers: string;
  headings: string;
};

const split = (s: string): string[] => (s === "" ? [] : s.split("\n"));

/** Turn a stored row into the contract's NoteRow (lists split, revisit as boolean). */
export function toNoteRow(r: RawRow): NoteRow {
  return {
    ...r,
    revisit: r.revisit === null ? null : r.revisit === 1,
    roles: split(r.roles),
    tags: split(r.tags),
    sources: split(r.sources),
    related: split(r.related),
    covers: split(r.covers),
    headings: split(r.headings),
  };
}

/** The IndexHandle over an open better-sqlite3 database; `db` is there for the search queries. */
export class SqliteIndex implements IndexHandle {
  constructor(readonly db: Database.Database) {}

  /** Rows for a WHERE clause (with `n` as the notes alias) and its parameters. */
  select(where: string, params: unknown[] = [], order = "n.path", limit?: number): NoteRow[] {
    const sql = `SELECT ${ROW_COLUMNS} FROM notes n ${where ? `WHERE ${where}` : ""} ORDER BY ${order}${limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`;
    // Rows as arrays, named here: better-sqlite3's own 24-key row objects cost twice the time
    // (about 100 ms more for 10k notes) and as much garbage again.
    return (
      this.db
        .prepare(sql)
        .raw(true)
        .all(...params) as unknown[][]
    ).map((values) => {
      const raw: Record<string, unknown> = {};
      for (let i = 0; i < ROW_KEYS.length; i++) raw[ROW_KEYS[i]!] = values[i];
      return toNoteRow(raw as RawRow);
    });
  }

  allNotes(): NoteRow[] {
    return this.select("");
  }

  findNotes(name: string): NoteRow[] {
    // Every candidate has the name's last segment as its file name, or the name as its id: both indexed.
    const slug = slugFromPath(name.trim());
    // two index lookups: SQLite plans the `slug = ? OR id = ?` of the same table as a scan of every note
    const where =
      "n.path IN (SELECT path FROM notes WHERE slug = ? COLLATE NOCASE UNION SELECT path FROM notes WHERE id = ? COLLATE NOCASE)";
    return matchNotes(this.select(where, [slug, name.trim()]), name);
  }

  getNote(name: string): NoteRow | undefined {
    return oneNote(name, this.findNotes(name));
  }

  /** The stored body of a note (capped like the index), or undefined. */
  body(path: string): string | undefined {
    return (this.db.prepare("SELECT body FROM notes WHERE path = ?").get(path) as { body: string } | undefined)?.body;
  }

  private links(where: string, param?: string): LinkRow[] {
    // to_slug is read through the path the link resolved to: one write per link at index time, not two
    const sql = `SELECT l.from_slug, l.from_path, l.target, l.kind, n.slug AS to_slug, l.to_path, l.anchor
      FROM links l LEFT JOIN notes n ON n.path = l.to_path ${where} ORDER BY l.from_path, l.rowid`;
    return (param === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(param)) as LinkRow[];
  }

  linksFrom(path: string): LinkRow[] {
    return this.links("WHERE l.from_path = ?", path);
  }

  linksTo(path: string): LinkRow[] {
    return this.links("WHERE l.to_path = ?", path);
  }

  allLinks(): LinkRow[] {
    return this.links("");
  }

  /** Links that resolve to no note (to_slug null): what readiness coverage reads, not every link. */
  unresolvedLinks(): LinkRow[] {
    return this.links("WHERE n.slug IS NULL");
  }

  problems(): IndexProblem[] {
    return storedProblems(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
