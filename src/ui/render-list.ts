import type { NoteRow } from "../core/index-types.js";
import { JSON_VERSION, toNoteJson, type ListJson } from "../core/json-types.js";
import { displayWidth, forTerminal, padEndTo, truncateTo, visible } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const COLUMNS = ["title", "type", "status", "domain", "updated", "path"] as const;
const MAX_TITLE = 48;

/** Notes as an aligned table (title, type, status, domain, updated, path) with a header. */
export function renderListTable(notes: NoteRow[], theme: Theme): string {
  const rows = forTerminal(notes);
  const cells = rows.map((r) => [
    truncateTo(r.title, MAX_TITLE),
    r.type ?? "-",
    r.status ?? "-",
    r.domain ?? "-",
    r.updated ?? "-",
    r.path,
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => displayWidth(row[i]!))));
  const line = (row: string[], style: (i: number, s: string) => string): string =>
    row.map((c, i) => style(i, i === row.length - 1 ? c : padEndTo(c, widths[i]!))).join("  ");
  const header = line([...COLUMNS], (_i, s) => theme.heading(s));
  const body = cells.map((row) =>
    line(row, (i, s) => (i === 0 ? theme.title(s) : i === 5 ? theme.path(s) : i === 4 ? s : theme.meta(s))),
  );
  return [header, ...body].join("\n");
}

/** Paths only, one a line (for scripts). */
export const renderListPaths = (rows: NoteRow[]): string => rows.map((r) => visible(r.path)).join("\n");

/** The stable JSON shape of `learn list --format json`: the notes as indexed. */
export function toListJson(rows: NoteRow[]): ListJson {
  return { version: JSON_VERSION, count: rows.length, notes: rows.map(toNoteJson) };
}
