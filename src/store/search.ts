import { LearnError } from "../core/errors.js";
import {
  clauseText,
  excludedFts,
  plainWords,
  splitPhrases,
  titleFts,
  toFtsMatch,
  wordsOf,
  type ParsedQuery,
} from "../core/query.js";
import { plainTitle } from "../core/title-text.js";
import type { Filters } from "../core/query-filters.js";
import { filterDue, filtersToSql } from "./filter-sql.js";
import { clauseCounts, typoReadings } from "./search-typos.js";
import { ROW_COLUMNS, toNoteRow, type SqliteIndex } from "./handle.js";
import type { SearchHit, SearchRelaxed } from "../core/index-types.js";

/** What to search for; `due` (path -> due date) is needed only for `is:due`. */
export interface SearchRequest {
  query: ParsedQuery;
  limit: number;
  today: string;
  due?: ReadonlyMap<string, string>;
}

// Scores are FTS5's `rank`: bm25 with the column weights the table was made with (store/schema.ts FTS_RANK).
// A title's word count (its spaces): among notes whose title holds every word, fewer other words rank first.
// (FTS5's bm25 divides by the whole note's length, not the title's, so it cannot say this.)
const TITLE_WORDS = "length(trim(n.title)) - length(replace(trim(n.title), ' ', ''))";
const OPEN = "\u0001";
const CLOSE = "\u0002";

/** Throw the agreed message when `is:due` is asked for before revisits can give due dates. */
export function requireDue(filters: Filters, due: ReadonlyMap<string, string> | undefined): void {
  if (filters.due && !due)
    throw new LearnError("is:due: due dates are not available yet", "they come with `learn revisit`");
}

/** Strip the highlight markers from a snippet, keeping where they were. */
function readSnippet(raw: string): { snippet: string; matches: [number, number][] } {
  const matches: [number, number][] = [];
  let out = "";
  let start = -1;
  // Markdown heading marks say nothing in a one-line snippet.
  for (const ch of raw
    .replace(/(^|\s)#{1,6}(?=\s)/g, "$1")
    .replace(/\s+/g, " ")
    .trim()) {
    if (ch === OPEN) start = out.length;
    else if (ch === CLOSE) {
      if (start >= 0) matches.push([start, out.length]);
      start = -1;
    } else out += ch;
  }
  return { snippet: out, matches };
}

/** A ranked match before its row is read: its rowid, bm25 score, title word count (tiers 0 and 1) and tier. */
interface Ranked {
  rid: number;
  score: number;
  tscore: number;
  tier: number;
  slug?: string;
}

/** Row ids of notes whose title (link markup aside) or slug is exactly the query's words. */
function exactIds(index: SqliteIndex, q: ParsedQuery): number[] {
  const words = plainWords(q);
  const inTitle = titleFts(q);
  if (!words?.length || !inTitle) return [];
  const key = words.join(" ");
  // Titles that hold every word, shortest first: an exact title is among the shortest of them.
  const titled = index.db
    .prepare(
      "SELECT n.rowid AS rid, n.title FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid " +
        "WHERE notes_fts MATCH ? ORDER BY length(n.title) LIMIT 50",
    )
    .all(inTitle) as { rid: number; title: string }[];
  const ids = titled.filter((r) => wordsOf(plainTitle(r.title)).join(" ") === key).map((r) => r.rid);
  const slugs = ["-", "_", ".", " "].map((sep) => words.join(sep));
  const bySlug = index.db
    .prepare(`SELECT rowid FROM notes WHERE slug COLLATE NOCASE IN (${slugs.map(() => "?").join(", ")})`)
    .raw()
    .all(...slugs) as [number][];
  return [...new Set([...ids, ...bySlug.map((r) => r[0])])];
}

/** Run a statement of the user's query: only a query SQLite could not read is the user's to fix. */
function userQuery<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    // a corrupt page is the index's (see discardCorruptIndex)
    if ((err as { code?: string }).code !== "SQLITE_ERROR") throw err;
    throw new LearnError(`cannot search for that: ${(err as Error).message}`, 'quote odd characters, e.g. "c++"');
  }
}

// Ranked rows in the order shown: exact title or slug (tier 0), every word in the title (1), the rest (2);
// tiers 0 and 1 by title length, then bm25; ties by rowid, so a page never shuffles.
const ORDER = "tier, CASE WHEN tier < 2 THEN tscore ELSE 0 END, score, rid";
const tierOf = (exact: number[], inTitle: string) =>
  `CASE ${exact.length ? `WHEN n.rowid IN (${exact.join(", ")}) THEN 0 ` : ""}WHEN n.rowid IN (${inTitle}) THEN 1 ELSE 2 END`;

/**
 * The best `want` matches, ranked inside the FTS table first and joined to notes only for the few
 * that can win: every match would otherwise be joined and scored as one query. Tiers 0 and 1 are
 * small (a title holds few words); the rest is FTS5's `ORDER BY rank LIMIT n`.
 */
function rankInFts(index: SqliteIndex, match: string, inTitle: string, exact: number[], want: number): Ranked[] {
  const db = index.db;
  // scored by the query itself (bm25 of `match AND title` would count the title's words twice)
  const head = db
    .prepare(
      `SELECT n.rowid AS rid, notes_fts.rank AS score, ${TITLE_WORDS} AS tscore, ${exact.length ? `CASE WHEN n.rowid IN (${exact.join(", ")}) THEN 0 ELSE 1 END` : "1"} AS tier ` +
        "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? " +
        `AND +notes_fts.rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?) ORDER BY ${ORDER} LIMIT ?`,
    )
    .all(match, inTitle, want) as Ranked[];
  // an exact slug whose title lacks the words: tier 0 all the same (rowid as an integer: FTS5 ignores a REAL one)
  const byId = db.prepare(
    `SELECT n.rowid AS rid, notes_fts.rank AS score, ${TITLE_WORDS} AS tscore, 0 AS tier ` +
      "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? AND notes_fts.rowid = CAST(? AS INTEGER)",
  );
  const seen = new Set(head.map((r) => r.rid));
  for (const id of exact)
    if (!seen.has(id)) head.push(...(byId.all(match, id) as Ranked[]).map((r) => (seen.add(r.rid), r)));
  head.sort((x, y) => x.tier - y.tier || x.tscore - y.tscore || x.score - y.score || x.rid - y.rid);
  if (head.length >= want) return head.slice(0, want);
  const rest = db
    .prepare(
      "SELECT rowid AS rid, rank AS score, 0 AS tscore, 2 AS tier FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank, rowid LIMIT ?",
    )
    .all(match, want + head.length) as Ranked[];
  return [...head, ...rest.filter((r) => !seen.has(r.rid))].slice(0, want);
}

/**
 * Notes matching the query, best first: an exact title or slug, then every word in the title, then
 * the rest, each group by bm25. Notes in `skip` are left out; those returned are added to it.
 * Rows and snippets are read only for the notes shown.
 */
function runMatch(
  index: SqliteIndex,
  q: ParsedQuery,
  req: SearchRequest,
  skip: Set<number>,
  fuzzy: boolean,
): SearchHit[] {
  const match = toFtsMatch(q);
  if (!match) return [];
  const f = filtersToSql(req.query.filters);
  const due = req.query.filters.due;
  const inTitle = titleFts(q)!;
  let ranked = userQuery((): Ranked[] => {
    const exact = exactIds(index, q);
    if (!f.where && !due) return rankInFts(index, match, inTitle, exact, req.limit + skip.size);
    // filters are on the notes table: every match is joined (due dates are checked here, on paths)
    const sql =
      `SELECT n.rowid AS rid, n.path, notes_fts.rank AS score, ${TITLE_WORDS} AS tscore, ${tierOf(exact, "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?")} AS tier ` +
      `FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? ${f.where ? `AND ${f.where}` : ""} ` +
      `ORDER BY ${ORDER} ${due ? "" : "LIMIT ?"}`;
    return index.db.prepare(sql).all(inTitle, match, ...f.params, ...(due ? [] : [req.limit + skip.size])) as Ranked[];
  });
  ranked = ranked.filter((r) => !skip.has(r.rid));
  if (due) ranked = filterDue(ranked as (Ranked & { path: string })[], req.due!, req.today);
  const shown = ranked.slice(0, req.limit);
  const read = index.db.prepare(
    `SELECT ${ROW_COLUMNS}, snippet(notes_fts, -1, char(1), char(2), '…', 14) AS snip ` +
      "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? AND notes_fts.rowid = CAST(? AS INTEGER)",
  );
  return shown.map((r) => {
    skip.add(r.rid);
    const { snip, ...row } = read.get(match, r.rid) as Parameters<typeof toNoteRow>[0] & { snip: string };
    return { note: toNoteRow(row), score: Number((-r.score).toPrecision(4)), ...readSnippet(snip), fuzzy };
  });
}

/** Notes matching only filters and exclusions, newest first. */
function filterOnly(index: SqliteIndex, req: SearchRequest): SearchHit[] {
  const f = filtersToSql(req.query.filters);
  const conds = f.where ? [f.where] : [];
  const params = [...f.params];
  const ex = excludedFts(req.query);
  if (ex) {
    conds.push("n.rowid NOT IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)");
    params.push(ex);
  }
  let rows = index.select(conds.join(" AND "), params, "n.updated DESC, n.path");
  if (req.query.filters.due) rows = filterDue(rows, req.due!, req.today);
  return rows
    .slice(0, req.limit)
    .map((note) => ({ note, score: 0, snippet: note.summary ?? "", matches: [], fuzzy: false }));
}

/** Exact hits, then (when they fall short of the limit) hits of the likely typos' corrections, closest first. */
async function attempt(index: SqliteIndex, q: ParsedQuery, req: SearchRequest): Promise<SearchHit[]> {
  const seen = new Set<number>();
  const hits = runMatch(index, q, req, seen, false);
  if (hits.length >= req.limit) return hits;
  for (const reading of await typoReadings(index, q, clauseCounts(index, q), hits.length > 0)) {
    if (hits.length >= req.limit) break;
    hits.push(...runMatch(index, reading, { ...req, limit: req.limit - hits.length }, seen, true));
  }
  return hits;
}

/** Hits, and how the query was relaxed to get them. */
export interface SearchResult {
  hits: SearchHit[];
  relaxed: SearchRelaxed;
}

/**
 * Rank notes for a query: an exact title or slug first, then titles holding every word, then bm25;
 * a likely typo is read as its closest spellings when exact hits fall short. When nothing matches,
 * a phrase is read as its words, and then a word (or OR group) no note has is left out.
 */
export async function rankNotes(index: SqliteIndex, req: SearchRequest): Promise<SearchResult> {
  requireDue(req.query.filters, req.due);
  const relaxed: SearchRelaxed = { dropped: [], phrases: [] };
  if (req.query.clauses.length === 0) return { hits: filterOnly(index, req), relaxed };
  let q = req.query;
  let hits = await attempt(index, q, req);
  if (hits.length === 0) {
    const split = splitPhrases(q);
    if (split.phrases.length) {
      q = split.query;
      relaxed.phrases = split.phrases;
      hits = await attempt(index, q, req);
    }
  }
  if (hits.length === 0) {
    const counts = clauseCounts(index, q);
    const kept = q.clauses.filter((_, i) => counts[i]! > 0);
    if (kept.length > 0 && kept.length < q.clauses.length) {
      relaxed.dropped = q.clauses.filter((_, i) => counts[i] === 0).map(clauseText);
      q = { ...q, clauses: kept };
      hits = await attempt(index, q, req);
    }
  }
  // Loosening that found nothing is not worth a word: "no notes match" says it all.
  return { hits, relaxed: hits.length ? relaxed : { dropped: [], phrases: [] } };
}

/** The hits of `rankNotes`. */
export async function searchNotes(index: SqliteIndex, req: SearchRequest): Promise<SearchHit[]> {
  return (await rankNotes(index, req)).hits;
}
