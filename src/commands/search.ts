import { UsageError } from "../core/errors.js";
import { addFilter, hasFilters, type Filters } from "../core/query-filters.js";
import { parseQuery } from "../core/query.js";
import { openForRead } from "../store/open-lazy.js";
import { dueBySlug } from "../store/schedule.js";
import { searchNotes, type SearchHit } from "../store/search.js";
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

// An argument holding query syntax is a whole query typed in one pair of quotes.
const SYNTAX = /["*]|\bOR\b|(^|\s)-\S|\w:\S/;

/** Join argv back into query text: an argument with spaces and no query syntax is a phrase. */
export const queryText = (args: string[]): string =>
  args
    .map((a) => {
      if (!/\s/.test(a.trim())) return a;
      if (/^-[^\s-]/.test(a) && !SYNTAX.test(a.slice(1))) return `-"${a.slice(1)}"`;
      return SYNTAX.test(a) ? a : `"${a}"`;
    })
    .join(" ");

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
  const ctx = await createContext(opts, io);
  const index = await openForRead(ctx, opts.refresh, io.err);
  let hits: SearchHit[];
  try {
    const due = query.filters.due ? dueBySlug(index, ctx) : undefined;
    hits = await searchNotes(index, { query, limit, today: ctx.today, due });
  } finally {
    index.close();
  }
  if (opts.json) {
    io.json(toSearchJson(text, hits));
    return hits;
  }
  if (hits.length === 0) io.err(`no notes match ${text}`);
  else io.out(renderSearch(hits, io.theme));
  return hits;
}
