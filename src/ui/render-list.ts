import type { NoteRow } from "../core/index-types.js";
import { JSON_VERSION, toNoteJson, type ListJson } from "../core/json-types.js";
import { renderTable, type Column } from "./layout.js";
import { forTerminal, visible } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const MAX_TITLE = 48;

/** Notes as a table (title, type, status, domain, updated, path) with a header, fitted to `width` columns. */
export function renderListTable(notes: NoteRow[], theme: Theme, width = 80): string {
  const rows = forTerminal(notes);
  const cells = rows.map((r) => [r.title, r.type ?? "-", r.status ?? "-", r.domain ?? "-", r.updated ?? "-", r.path]);
  // narrow terminals keep what tells notes apart (title, path, date) and drop domain, type, status first
  const columns: Column[] = [
    { header: "title", max: MAX_TITLE, min: 12, ideal: 24, style: theme.title },
    { header: "type", drop: 2, style: theme.meta },
    { header: "status", drop: 3, style: theme.meta },
    { header: "domain", drop: 1, min: 8, style: theme.meta },
    { header: "updated", drop: 4 },
    { header: "path", min: 12, ideal: 30, style: theme.path },
  ];
  return renderTable(columns, cells, width, { header: theme.heading }).join("\n");
}

/** Paths only, one a line (for scripts). */
export const renderListPaths = (rows: NoteRow[]): string => rows.map((r) => visible(r.path)).join("\n");

/** The stable JSON shape of `learn list --format json`: the notes as indexed. */
export function toListJson(rows: NoteRow[]): ListJson {
  return { version: JSON_VERSION, count: rows.length, notes: rows.map(toNoteJson) };
}
