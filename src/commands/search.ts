import { UsageError } from "../core/errors.js";
import { addFilter, hasFilters, type Filters } from "../core/query-filters.js";
import { parseQuery } from "../core/query.js";
import { openForRead } from "../store/open-lazy.js";
import { dueBySlug } from "../store/schedule.js";
import { rankNotes, type SearchHit, type SearchRelaxed } from "../store/search.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderSearch, toSearchJson } from "../ui/render-search.js";
import { createContext } from "../workspace/context.js";

/** Filter flags shared by search and list (`--type doc` is the same as `type:doc`). */
export interface FilterFlags {
  type?: string;
  status?: string;
  domain?: string;
  tag?: string;
  role?: string;
  difficulty?: string;
  visibility?: string;
}

/** Options of `learn search`. */
export interface SearchOptions extends GlobalOptions, FilterFlags {
  query: string[];
  limit?: string | number;
  refresh?: boolean;
}

/** Add the filter flags to parsed filters. */
export function applyFlags(filters: Filters, flags: FilterFlags): void {
  for (const key of ["type", "status", "domain", "tag", "role", "difficulty", "visibility"] as const) {
    const v = flags[key];
    if (v !== undefined) addFilter(filters, key, v);
  }
}

/** Read --limit as a positive whole number. */
export function parseLimit(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit ${value}: must be a whole number above 0`);
  return n;
}

/**
 * Join argv back into query text. An argument with spaces is its words, as `zk --match` and
 * `gh search` read it: `learn search "broken yaml retries"` is three words; a phrase needs inner quotes.
 */
export const queryText = (args: string[]): string => args.join(" ");

/** What to say on stderr when the query was loosened to find anything. */
export function relaxedLines(relaxed: SearchRelaxed): string[] {
  const quote = (xs: string[]): string => xs.map((x) => (x.startsWith('"') ? x : `"${x}"`)).join(", ");
  return [
    ...relaxed.phrases.map((p) => `learn: no note has the phrase "${p}": showing notes with all its words`),
    ...(relaxed.dropped.length
      ? [`learn: no note has ${quote(relaxed.dropped)}: showing notes that match the other words`]
      : []),
  ];
}

/** Full-text search of the notes, ranked by bm25, typos forgiven. */
export async function search(opts: SearchOptions, io: IO): Promise<SearchHit[]> {
  const text = queryText(opts.query);
  const query = parseQuery(text);
  applyFlags(query.filters, opts);
  const limit = parseLimit(opts.limit, 10);
  if (query.clauses.length === 0 && query.excluded.length === 0 && !hasFilters(query.filters)) {
    throw new UsageError(
      "nothing to search for",
      "give words or filters, e.g. `learn search idempotency`; see `learn search --help`",
    );
  }
  const ctx = await createContext(opts);
  const index = await openForRead(ctx, opts.refresh, io.err);
  let hits: SearchHit[];
  let relaxed: SearchRelaxed;
  try {
    const due = query.filters.due ? dueBySlug(index, ctx) : undefined;
    ({ hits, relaxed } = await rankNotes(index, { query, limit, today: ctx.today, due }));
  } finally {
    index.close();
  }
  if (opts.json) {
    io.json(toSearchJson(text, hits, relaxed));
    return hits;
  }
  for (const line of relaxedLines(relaxed)) io.err(line);
  if (hits.length === 0) io.err(`no notes match ${text}`);
  else io.out(renderSearch(hits, io.theme));
  return hits;
}
