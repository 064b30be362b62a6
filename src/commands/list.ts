import { UsageError } from "../core/errors.js";
import { parseQuery } from "../core/query.js";
import { applyFlags, parseLimit, queryText, type FilterFlags } from "../core/query-flags.js";
import { listNotes, parseSort } from "../store/list.js";
import { withIndex } from "../store/open-lazy.js";
import type { NoteRow } from "../core/index-types.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import type { SqliteIndex } from "../store/handle.js";
import type { Context } from "../core/context.js";
import { renderListPaths, renderListTable, toListJson } from "../ui/render-list.js";
import { createContext } from "../workspace/context.js";

/** Options of `learn list`. */
export interface ListOptions extends GlobalOptions, FilterFlags {
  filters?: string[];
  sort?: string;
  format?: string;
  limit?: string | number;
  refresh?: boolean;
}

const FORMATS = ["table", "json", "paths", "paths0"];

/** Each note's due date, replayed from revisits.jsonl: loaded only for is:due or --sort due (the scheduler is not small). */
async function dueDates(index: SqliteIndex, ctx: Context): Promise<Map<string, string>> {
  const [{ dueByPath }, { revisitLog }] = await Promise.all([
    import("../store/schedule.js"),
    import("../workspace/revisit-log.js"),
  ]);
  return dueByPath(index, ctx, revisitLog(ctx.ws.root));
}

/** List notes matching filters, sorted, as a table, JSON or bare paths. */
export async function list(opts: ListOptions, io: IO): Promise<NoteRow[]> {
  const format = opts.json ? "json" : (opts.format ?? "table").toLowerCase();
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${opts.format}: must be one of ${FORMATS.join("|")}`);
  const parsed = parseQuery(queryText(opts.filters ?? []));
  if (parsed.clauses.length || parsed.excluded.length) {
    const words = [...parsed.clauses.flat(), ...parsed.excluded].map((t) => t.text).join(" ");
    throw new UsageError(
      `list takes filters like type:doc, not words (${words})`,
      `to find notes by their words run \`learn search ${words}\``,
    );
  }
  applyFlags(parsed.filters, opts);
  const sort = parseSort(opts.sort);
  const limit = opts.limit === undefined ? undefined : parseLimit(opts.limit, 0);
  const ctx = await createContext(opts, io);
  const rows = await withIndex(ctx, { refresh: opts.refresh, notify: io.err }, async (index) => {
    const due = parsed.filters.due || sort === "due" ? await dueDates(index, ctx) : undefined;
    return listNotes(index, { filters: parsed.filters, sort, limit, today: ctx.today, due });
  });
  if (format === "json") io.json(toListJson(rows));
  else if (format === "paths") {
    if (rows.length) io.out(renderListPaths(rows));
  } else if (format === "paths0") {
    // each path as it is on disk, NUL-terminated, for `xargs -0`: no escaping, no newline
    if (rows.length) io.raw(rows.map((r) => `${r.path}\0`).join(""));
  } else {
    if (rows.length) io.out(renderListTable(rows, io.theme, io.columns));
    io.err(`${rows.length} note${rows.length === 1 ? "" : "s"}`);
  }
  return rows;
}
