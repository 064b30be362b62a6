import type Database from "better-sqlite3";

/** Bump when the tables below change: an index with another version is rebuilt. */
export const SCHEMA_VERSION = 17;

/**
 * bm25 column weights for notes_fts, in its column order (title, summary, tags, headings, body,
 * aliases, folder): the table's rank function, so `ORDER BY rank` ranks inside FTS5 before any join
 * (store/search.ts). The folder's words (postgres/ for a note that never says "postgres") count, but
 * well below the body's.
 */
const FTS_RANK = "bm25(10.0, 4.0, 4.0, 4.0, 1.0, 8.0, 0.3)";

// List columns (roles, tags, ...) hold their items joined by "\n": cheap to split back,
// and the FTS tokenizer sees them as separate words.
const TABLES = `
-- Every file the index has seen (notes and skipped ones); sig is "mtime_ms<U+0001>size" as JS prints them,
-- so a no-change refresh compares strings read in one pass.
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  sig TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE notes (
  rowid INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL,
  id TEXT,
  title TEXT NOT NULL,
  type TEXT, status TEXT, visibility TEXT, domain TEXT, difficulty TEXT,
  summary TEXT, published TEXT, updated TEXT, revisit_every TEXT, revisit INTEGER,
  roles TEXT NOT NULL, tags TEXT NOT NULL, sources TEXT NOT NULL, related TEXT NOT NULL, covers TEXT NOT NULL,
  checklist_done INTEGER NOT NULL, checklist_total INTEGER NOT NULL,
  headings TEXT NOT NULL,
  body TEXT NOT NULL,
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  -- aliases: aliases:/alias: items; folder: the note's folder relative to the notes folder ("" at its top),
  -- searched at low weight (its / - _ split words) and filtered by folder:
  aliases TEXT NOT NULL DEFAULT '',
  folder TEXT NOT NULL DEFAULT '',
  -- A boolean published:/publish: (1/0) when no visibility: is written: mapped by learn.config.yaml publish_flag.
  publish_flag INTEGER
);
CREATE TABLE links (
  from_path TEXT NOT NULL,
  from_slug TEXT NOT NULL,
  target TEXT NOT NULL,
  kind TEXT NOT NULL,
  to_key TEXT NOT NULL,
  to_slug TEXT, -- unused since v11: the slug is read through to_path
  -- v11: a second key (see RawLink.altKey), the #anchor, 1 for a file that is not a note, and the path it resolved to
  alt_key TEXT,
  anchor TEXT,
  attach INTEGER NOT NULL DEFAULT 0,
  to_path TEXT
);
-- Each note's \`aliases:\`, one row each, so a [[link]] can resolve by alias through an index.
CREATE TABLE aliases (
  path TEXT NOT NULL,
  alias TEXT NOT NULL
);
CREATE TABLE problems (
  path TEXT NOT NULL,
  line INTEGER,
  reason TEXT NOT NULL,
  severity TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'file'
);
CREATE VIRTUAL TABLE notes_fts USING fts5(
  title, summary, tags, headings, body, aliases, folder,
  content='notes', content_rowid='rowid',
  tokenize='porter unicode61 remove_diacritics 2'
);
-- Unstemmed words of titles, slugs, tags and aliases: the vocabulary typos are matched against.
CREATE VIRTUAL TABLE terms_fts USING fts5(
  title, slug, tags, aliases,
  content='', contentless_delete=1, detail='none',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE terms_vocab USING fts5vocab(terms_fts, row);
-- Each note's revisit schedule replayed from revisits.jsonl (data is the NoteSchedule as JSON);
-- valid while schedule_meta holds a row: a refresh that changes notes deletes it.
CREATE TABLE schedule (
  key TEXT PRIMARY KEY,
  slug TEXT NOT NULL,
  due TEXT,
  data TEXT NOT NULL
) WITHOUT ROWID;
-- Small facts about the index: walk_token names the listing (index.db.walk) of the last walk the tables match.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE schedule_meta (
  log_sig TEXT NOT NULL,
  policy TEXT NOT NULL,
  max_event TEXT NOT NULL
);
`;

// Secondary indexes are made after a bulk load: sorting once beats updating them row by row.
const INDEXES = `
CREATE INDEX notes_slug ON notes(slug COLLATE NOCASE, path);
CREATE INDEX notes_id ON notes(id COLLATE NOCASE);
-- Markdown links resolve by path whatever the case: B.md reaches b.md on macOS and Windows, so it is a link.
CREATE INDEX notes_path_nocase ON notes(path COLLATE NOCASE);
CREATE INDEX links_from ON links(from_path);
CREATE INDEX links_key ON links(to_key COLLATE NOCASE);
CREATE INDEX links_to_path ON links(to_path);
CREATE INDEX notes_title ON notes(title COLLATE NOCASE);
-- \`learn list\`'s default order (store/list.ts): a screenful walks the first entries, not a sort of every note.
CREATE INDEX notes_updated ON notes(updated DESC, title COLLATE NOCASE);
CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);
CREATE INDEX aliases_path ON aliases(path);
CREATE INDEX problems_path ON problems(path);
CREATE INDEX schedule_due ON schedule(due);
`;

/** Keep the external-content FTS table in step with the notes table. */
const TRIGGERS = `
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, title, summary, tags, headings, body, aliases, folder) VALUES (new.rowid, new.title, new.summary, new.tags, new.headings, new.body, new.aliases, new.folder);
  INSERT INTO terms_fts(rowid, title, slug, tags, aliases) VALUES (new.rowid, new.title, new.slug, new.tags, new.aliases);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, summary, tags, headings, body, aliases, folder) VALUES ('delete', old.rowid, old.title, old.summary, old.tags, old.headings, old.body, old.aliases, old.folder);
  DELETE FROM terms_fts WHERE rowid = old.rowid;
END;
`;

const DROP = [
  "notes_vocab",
  "terms_vocab",
  "notes_fts",
  "terms_fts",
  "notes",
  "files",
  "links",
  "aliases",
  "problems",
  "schedule",
  "schedule_meta",
  "meta",
];

/** Drop whatever tables exist and create the current schema (inside the caller's transaction). */
export function createSchema(db: Database.Database, withTriggers: boolean): void {
  for (const t of DROP) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(TABLES);
  db.prepare("INSERT INTO notes_fts(notes_fts, rank) VALUES ('rank', ?)").run(FTS_RANK);
  if (withTriggers) {
    db.exec(INDEXES);
    db.exec(TRIGGERS);
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Fill the FTS tables from the notes table in one pass, then add the indexes and triggers for later edits. */
export function finishBulkLoad(db: Database.Database): void {
  db.exec(INDEXES);
  db.exec("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')");
  db.exec(
    "INSERT INTO terms_fts(rowid, title, slug, tags, aliases) SELECT rowid, title, slug, tags, aliases FROM notes",
  );
  db.exec(TRIGGERS);
}
