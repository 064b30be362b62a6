// The domain types every layer shares, and the port the index (src/store) implements:
// a note row, a link, a problem, a refresh's counts. Every read command gets notes through
// an IndexHandle, never by walking notes/ itself.

/** One indexed note, as stored in the `notes` table. */
export interface NoteRow {
  /** `id:` from front matter, or null when the note has none. */
  id: string | null;
  /** File name without .md/.markdown: a short name, which two notes in different folders may share (path and id are unique). */
  slug: string;
  /** Path relative to the workspace root, forward slashes (e.g. notes/core-backend/x.md). */
  path: string;
  title: string;
  type: string | null;
  status: string | null;
  visibility: string | null;
  domain: string | null;
  difficulty: string | null;
  summary: string | null;
  published: string | null;
  updated: string | null;
  revisit_every: string | null;
  /** `revisit: false` in front matter gives false; absent gives null. */
  revisit: boolean | null;
  roles: string[];
  tags: string[];
  sources: string[];
  related: string[];
  covers: string[];
  checklist_done: number;
  checklist_total: number;
  headings: string[];
  mtime_ms: number;
  size: number;
}

/** One search result. `matches` are [start, end) offsets of highlighted words in `snippet`. */
export interface SearchHit {
  note: NoteRow;
  score: number;
  snippet: string;
  matches: [number, number][];
  /** Found by typo-tolerant matching rather than the exact words. */
  fuzzy: boolean;
}

/** A link from one note to another, resolved after every file was parsed. */
export interface LinkRow {
  from_slug: string;
  /** The linking note's path (always set by the index; a row built by hand may leave it out). */
  from_path?: string;
  /** The target as written (slug, wikilink target or relative path), without label or #anchor. */
  target: string;
  /** `embed` is Obsidian's `![[file]]`. */
  kind: "related" | "wikilink" | "embed" | "markdown";
  /** The slug of the note it resolves to, or null when broken or when it leads to a file that is not a note. */
  to_slug: string | null;
  /** The path it resolves to (a note, or an attachment that exists), or null when broken (set by the index). */
  to_path?: string | null;
  /** `heading` of `[[note#heading]]`, `^block` of `[[note#^block]]`, `top` of `(b.md#top)`; null without one. */
  anchor?: string | null;
}

/** A problem found while indexing one file. */
export interface IndexProblem {
  path: string;
  line?: number;
  reason: string;
  severity: "error" | "warning";
}

/** What one refresh of the index did. */
export interface RefreshStats {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  problems: IndexProblem[];
  /** Set when the database was rebuilt from scratch, with the reason (missing, corrupt, schema version). */
  rebuilt?: string;
}

/** An open, refreshed index. */
export interface IndexHandle {
  /** Every note, ordered by path. */
  allNotes(): NoteRow[];
  /**
   * Every note a name may mean (case-insensitive): the note at that path (with or without the
   * notes folder, with or without .md, or a path suffix such as `github/pages`), else the notes
   * with that file name, else the note with that `id:`.
   */
  findNotes(name: string): NoteRow[];
  /** The one note a name means (see findNotes), or undefined; throws AmbiguousNoteError (exit 2) when it may mean several. */
  getNote(name: string): NoteRow | undefined;
  /** Outgoing links of the note at a path (broken ones have to_path null). */
  linksFrom(path: string): LinkRow[];
  /** Links to the note at a path. */
  linksTo(path: string): LinkRow[];
  /** Every link in the workspace. */
  allLinks(): LinkRow[];
  /** Problems recorded for files (broken YAML, bad values, skipped files). */
  problems(): IndexProblem[];
  /** Close the database. */
  close(): void;
}

/** How a query was loosened to find anything: words no note has, left out; phrases no note has, read as words. */
export interface SearchRelaxed {
  dropped: string[];
  phrases: string[];
}

/** A row with only a path and slug known (every other field empty): a note not indexed yet, or a test's base. */
export const blankNoteRow = (path: string, slug: string): NoteRow => ({
  id: null,
  slug,
  path,
  title: slug,
  type: null,
  status: null,
  visibility: null,
  domain: null,
  difficulty: null,
  summary: null,
  published: null,
  updated: null,
  revisit_every: null,
  revisit: null,
  roles: [],
  tags: [],
  sources: [],
  related: [],
  covers: [],
  checklist_done: 0,
  checklist_total: 0,
  headings: [],
  mtime_ms: 0,
  size: 0,
});
