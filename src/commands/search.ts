import { UsageError } from "../core/errors.js";
import type { SearchHit, SearchRelaxed } from "../core/index-types.js";
import { hasFilters } from "../core/query-filters.js";
import { applyFlags, parseLimit, queryText, type FilterFlags } from "../core/query-flags.js";
import { parseQuery } from "../core/query.js";
import { withIndex } from "../store/open-lazy.js";
import { rankNotes } from "../store/search.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import type { SqliteIndex } from "../store/handle.js";
import type { Context } from "../core/context.js";
import { renderSearch, toSearchJson } from "../ui/render-search.js";
import { createContext } from "../workspace/context.js";

/** Options of `learn search`. */
export interface SearchOptions extends GlobalOptions, FilterFlags {
  query: string[];
  limit?: string | number;
  refresh?: boolean;
}

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

/** Each note's due date, replayed from revisits.jsonl: loaded only for is:due (the scheduler is not small). */
async function dueDates(index: SqliteIndex, ctx: Context): Promise<Map<string, string>> {
  const [{ dueByPath }, { revisitLog }] = await Promise.all([
    import("../store/schedule.js"),
    import("../workspace/revisit-log.js"),
  ]);
  return dueByPath(index, ctx, revisitLog(ctx.ws.root));
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
  const ctx = await createContext(opts, io);
  const { hits, relaxed } = await withIndex(ctx, { refresh: opts.refresh, notify: io.err }, async (index) => {
    const due = query.filters.due ? await dueDates(index, ctx) : undefined;
    return rankNotes(index, { query, limit, today: ctx.today, due });
  });
  if (opts.json) {
    io.json(toSearchJson(text, hits, relaxed));
    return hits;
  }
  for (const line of relaxedLines(relaxed)) io.err(line);
  if (hits.length === 0) io.err(`no notes match ${text}`);
  else io.out(renderSearch(hits, io.theme, io.columns));
  return hits;
}
