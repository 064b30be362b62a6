import type Database from "better-sqlite3";
import { storedProblems } from "./refresh.js";
import type { IndexHandle, IndexProblem, LinkRow, NoteRow } from "../core/index-types.js";

/** The columns a NoteRow is read from (never the body). */
export const ROW_COLUMNS =
  "n.id, n.slug, n.path, n.title, n.type, n.status, n.visibility, n.domain, n.difficulty, n.summary, n.published, n.updated, " +
  "n.revisit_every, n.revisit, n.roles, n.tags, n.sources, n.related, n.covers, n.checklist_done, n.checklist_total, n.headings, n.mtime_ms, n.size";

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
    return (this.db.prepare(sql).all(...params) as RawRow[]).map(toNoteRow);
  }

  allNotes(): NoteRow[] {
    return this.select("");
  }

  getNote(slugOrId: string): NoteRow | undefined {
    const bySlug = this.select("n.slug = ? COLLATE NOCASE", [slugOrId]);
    if (bySlug[0]) return bySlug[0];
    return this.select("n.id = ? COLLATE NOCASE", [slugOrId])[0];
  }

  /** The stored body of a note (capped like the index), or undefined. */
  body(path: string): string | undefined {
    return (this.db.prepare("SELECT body FROM notes WHERE path = ?").get(path) as { body: string } | undefined)?.body;
  }

  private links(where: string, param?: string): LinkRow[] {
    const sql = `SELECT from_slug, target, kind, to_slug FROM links ${where} ORDER BY from_path, rowid`;
    return (param === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(param)) as LinkRow[];
  }

  linksFrom(slug: string): LinkRow[] {
    return this.links("WHERE from_slug = ? COLLATE NOCASE", slug);
  }

  linksTo(slug: string): LinkRow[] {
    return this.links("WHERE to_slug = ? COLLATE NOCASE", slug);
  }

  allLinks(): LinkRow[] {
    return this.links("");
  }

  problems(): IndexProblem[] {
    return storedProblems(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
