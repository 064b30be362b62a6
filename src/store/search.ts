import { LearnError } from "../core/errors.js";
import { excludedFts, toFtsMatch, type ParsedQuery, type QueryTerm } from "../core/query.js";
import type { Filters } from "../core/query-filters.js";
import { filterDue, filtersToSql } from "./filter-sql.js";
import { ROW_COLUMNS, toNoteRow, type SqliteIndex } from "./handle.js";
import type { SearchHit } from "../core/index-types.js";

/** What to search for; `due` (slug -> due date) is needed only for `is:due`. */
export interface SearchRequest {
  query: ParsedQuery;
  limit: number;
  today: string;
  due?: ReadonlyMap<string, string>;
}

// Column weights for bm25, in FTS column order: title, summary, tags, headings, body.
const BM25 = "bm25(notes_fts, 10.0, 4.0, 4.0, 4.0, 1.0)";
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

function runMatch(
  index: SqliteIndex,
  match: string,
  req: SearchRequest,
  skip: Set<number>,
  fuzzy: boolean,
): SearchHit[] {
  const f = filtersToSql(req.query.filters);
  const sql =
    `SELECT n.rowid AS rid, ${ROW_COLUMNS}, ${BM25} AS score, snippet(notes_fts, -1, char(1), char(2), '…', 14) AS snip ` +
    `FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? ${f.where ? `AND ${f.where}` : ""} ` +
    `ORDER BY score ${req.query.filters.due ? "" : "LIMIT ?"}`;
  const params = [match, ...f.params, ...(req.query.filters.due ? [] : [req.limit + skip.size])];
  let rows: (Parameters<typeof toNoteRow>[0] & { rid: number; score: number; snip: string })[];
  try {
    rows = index.db.prepare(sql).all(...params) as typeof rows;
  } catch (err) {
    // Only a query SQLite could not read is the user's to fix; a corrupt page is the index's (see discardCorruptIndex).
    if ((err as { code?: string }).code !== "SQLITE_ERROR") throw err;
    throw new LearnError(`cannot search for that: ${(err as Error).message}`, 'quote odd characters, e.g. "c++"');
  }
  rows = rows.filter((r) => !skip.has(r.rid));
  if (req.query.filters.due) rows = filterDue(rows, req.due!, req.today);
  return rows.slice(0, req.limit).map((r) => {
    skip.add(r.rid);
    const { rid: _rid, score, snip, ...rest } = r;
    return { note: toNoteRow(rest), score: Number((-score).toPrecision(4)), ...readSnippet(snip), fuzzy };
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

/** Distinct unstemmed words of titles, slugs and tags: what typos are matched against. */
function vocabulary(index: SqliteIndex): string[] {
  const rows = index.db.prepare("SELECT term FROM terms_vocab").raw().all() as [string][];
  return rows.map((r) => r[0]).filter((t) => !/^\d+$/.test(t));
}

/** The query with each plain word widened to the vocabulary terms it may be a typo of. */
async function fuzzyQuery(index: SqliteIndex, q: ParsedQuery): Promise<ParsedQuery | undefined> {
  const words = q.clauses
    .flat()
    .filter((t) => !t.phrase && !t.prefix)
    .map((t) => t.text);
  if (!words.some((w) => w.length >= 4)) return undefined;
  const { closeTerms } = await import("../core/fuzzy.js"); // fuse.js loads only when a typo is likely
  const close = closeTerms(words, vocabulary(index));
  if (close.size === 0) return undefined;
  const widen = (t: QueryTerm): QueryTerm[] => [
    t,
    ...(close.get(t.text) ?? []).map((c) => ({ text: c, phrase: false, prefix: false })),
  ];
  return { ...q, clauses: q.clauses.map((c) => c.flatMap(widen)) };
}

/** Rank notes for a query with bm25; when fewer than `limit` match, typo-tolerant hits fill in. */
export async function searchNotes(index: SqliteIndex, req: SearchRequest): Promise<SearchHit[]> {
  requireDue(req.query.filters, req.due);
  const match = toFtsMatch(req.query);
  if (!match) return filterOnly(index, req);
  const seen = new Set<number>();
  const hits = runMatch(index, match, req, seen, false);
  if (hits.length < req.limit) {
    const fq = await fuzzyQuery(index, req.query);
    const fm = fq && toFtsMatch(fq);
    if (fm) hits.push(...runMatch(index, fm, { ...req, limit: req.limit - hits.length }, seen, true));
  }
  return hits;
}
