import { displayWidth, padEndTo, truncateTo } from "./terminal-text.js";

// The one way tables and long lines are fitted to the terminal: columns keep their natural width
// when the row fits; otherwise the least important columns shrink to their minimum, then are
// dropped, and what is left is cut by display width (wide characters and emoji count right).

/** How a column behaves when its table is wider than the terminal. */
export interface ColumnFit {
  /** The width its widest cell (or header) needs. */
  natural: number;
  /** The narrowest it may be cut to (default: never cut). */
  min?: number;
  /** The width it is cut to before any other column is dropped or cut below its own (default: min). */
  ideal?: number;
  /** Drop order: the lowest is dropped first; unset means never dropped. */
  drop?: number;
}

/** A table column: its header, how it fits, how its cells look. */
export interface Column extends Omit<ColumnFit, "natural"> {
  header: string;
  /** Most columns it ever takes, even when there is room (default: no limit). */
  max?: number;
  style?: (cell: string) => string;
  align?: "right";
}

const GAP = 2;

/**
 * The width of each column within `width` terminal columns (gaps of two between them, `indent`
 * before the first); 0 for a dropped column. Droppable columns go, least important first, while
 * the others would have to be cut below their ideal width; then columns are cut (least important
 * first) to their ideal, then to their minimum. Columns that cannot be cut and still do not fit
 * overflow: cutting a slug would leave nothing to type.
 */
export function fitColumns(cols: readonly ColumnFit[], width: number, indent = 0): number[] {
  const min = cols.map((c) => Math.min(c.natural, c.min ?? c.natural));
  const ideal = cols.map((c, i) => Math.min(c.natural, Math.max(min[i]!, c.ideal ?? min[i]!)));
  const on = cols.map(() => true);
  const need = (w: readonly number[]) =>
    indent + w.reduce((s, x, i) => s + (on[i] ? x : 0), 0) + GAP * (on.filter(Boolean).length - 1);
  const droppable = cols
    .map((c, i) => ({ i, drop: c.drop }))
    .filter((c): c is { i: number; drop: number } => c.drop !== undefined)
    .sort((a, b) => a.drop - b.drop);
  const keep = cols.map((c, i) => (c.drop === undefined ? ideal[i]! : min[i]!));
  for (const { i } of droppable) {
    if (need(keep) <= width) break;
    on[i] = false;
  }
  const widths = cols.map((c, i) => (on[i] ? c.natural : 0));
  const order = [...droppable.map((d) => d.i), ...cols.map((_c, i) => i).filter((i) => cols[i]!.drop === undefined)];
  for (const floor of [ideal, min])
    for (const i of order) {
      const over = need(widths) - width;
      if (over <= 0) break;
      if (on[i]) widths[i] = Math.max(floor[i]!, widths[i]! - over);
    }
  return widths;
}

/** Rows as lines of a table fitted to `width` columns, with a header row when `header` is set. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number,
  opts: { header?: (s: string) => string; indent?: number } = {},
): string[] {
  const indent = opts.indent ?? 0;
  const all = opts.header ? [columns.map((c) => c.header), ...rows] : rows;
  const natural = columns.map((c, i) =>
    Math.min(c.max ?? Infinity, Math.max(0, ...all.map((r) => displayWidth(r[i] ?? "")))),
  );
  const widths = fitColumns(
    columns.map((c, i) => ({ natural: natural[i]!, min: c.min, ideal: c.ideal, drop: c.drop })),
    width,
    indent,
  );
  const last = widths.reduce((at, w, i) => (w > 0 ? i : at), -1);
  const line = (row: readonly string[], style: (c: Column, s: string) => string): string =>
    " ".repeat(indent) +
    columns
      .map((c, i) => {
        const w = widths[i]!;
        if (w === 0) return undefined;
        const cut = truncateTo(row[i] ?? "", w);
        const padded =
          c.align === "right" ? " ".repeat(w - displayWidth(cut)) + cut : i === last ? cut : padEndTo(cut, w);
        return style(c, padded);
      })
      .filter((s) => s !== undefined)
      .join(" ".repeat(GAP));
  const body = rows.map((r) => line(r, (c, s) => (c.style ? c.style(s) : s)));
  return opts.header ? [line(all[0]!, (_c, s) => opts.header!(s)), ...body] : body;
}

const graphemes = (s: string): string[] =>
  Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s), (g) => g.segment);

/** A word longer than a line, broken into pieces of at most `width` columns (never inside a character). */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let cur = "";
  for (const g of graphemes(word)) {
    if (cur && displayWidth(cur + g) > width) {
      pieces.push(cur);
      cur = "";
    }
    cur += g;
  }
  return cur ? [...pieces, cur] : pieces;
}

/**
 * Plain (unstyled) text wrapped at word boundaries into lines of at most `width` columns, by
 * display width; a word longer than a line is broken. Runs of spaces collapse to one.
 */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let cur = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = displayWidth(word) > w ? breakWord(word, w) : [word];
    for (const piece of pieces) {
      if (!cur) cur = piece;
      else if (displayWidth(cur) + 1 + displayWidth(piece) <= w) cur += ` ${piece}`;
      else {
        lines.push(cur);
        cur = piece;
      }
    }
  }
  return cur ? [...lines, cur] : lines;
}

/** Each line cut to `width` columns (styles kept): the last guard for free-form lines. */
export const fitLines = (lines: readonly string[], width: number): string[] => lines.map((l) => truncateTo(l, width));
