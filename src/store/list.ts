import { LearnError, UsageError } from "../core/errors.js";
import type { Filters } from "../core/query-filters.js";
import { filterDue, filtersToSql } from "./filter-sql.js";
import type { SqliteIndex } from "./handle.js";
import { requireDue } from "./search.js";
import type { NoteRow } from "../core/index-types.js";

/** Orders `learn list` knows; `due` needs due dates from revisits. */
const LIST_SORTS = ["updated", "published", "title", "type", "status", "due"] as const;
/** One of LIST_SORTS. */
export type ListSort = (typeof LIST_SORTS)[number];

/** What to list; `due` (path -> due date) is needed for `is:due` and `--sort due`. */
export interface ListRequest {
  filters: Filters;
  sort: ListSort;
  limit?: number;
  today: string;
  due?: ReadonlyMap<string, string>;
}

const ORDER: Record<Exclude<ListSort, "due">, string> = {
  updated: "n.updated DESC NULLS LAST, n.title COLLATE NOCASE",
  published: "n.published DESC NULLS LAST, n.title COLLATE NOCASE",
  title: "n.title COLLATE NOCASE, n.path",
  type: "n.type NULLS LAST, n.title COLLATE NOCASE",
  status: "n.status NULLS LAST, n.title COLLATE NOCASE",
};

/** Check a --sort value. */
export function parseSort(value: string | undefined): ListSort {
  const v = (value ?? "updated").toLowerCase();
  if (!(LIST_SORTS as readonly string[]).includes(v))
    throw new UsageError(`--sort ${value}: must be one of ${LIST_SORTS.join("|")}`);
  return v as ListSort;
}

/** Notes matching the filters, in the asked order. */
export function listNotes(index: SqliteIndex, req: ListRequest): NoteRow[] {
  requireDue(req.filters, req.due);
  if (req.sort === "due" && !req.due)
    throw new LearnError("--sort due: due dates are not available yet", "they come with `learn revisit`");
  const f = filtersToSql(req.filters);
  // the limit goes to SQLite when no due date decides what is left or in what order (a screenful reads a screenful)
  const inSql = req.sort !== "due" && !req.filters.due ? req.limit : undefined;
  let rows = index.select(f.where, f.params, req.sort === "due" ? "n.path" : ORDER[req.sort], inSql);
  if (req.filters.due) rows = filterDue(rows, req.due!, req.today);
  if (req.sort === "due") {
    const due = req.due!;
    const key = (r: NoteRow): string => due.get(r.path) ?? "9999-99-99";
    rows.sort((a, b) => key(a).localeCompare(key(b)) || a.title.localeCompare(b.title));
  }
  return req.limit === undefined ? rows : rows.slice(0, req.limit);
}
