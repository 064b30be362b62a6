import type { DateFilter, Filters } from "../core/query-filters.js";

/** A SQL condition over the notes table (alias `n`) and its parameters. */
export interface SqlWhere {
  where: string;
  params: unknown[];
}

const inList = (col: string, values: string[], params: unknown[]): string => {
  params.push(...values);
  return `lower(n.${col}) IN (${values.map(() => "?").join(", ")})`;
};

// List columns hold items joined by "\n"; wrapping both sides in "\n" matches whole items
// (`end` "" matches an item's start: `lang/` finds `lang/go`).
const hasItem = (col: string, value: string, params: unknown[], end = "\n"): string => {
  params.push(`\n${value}${end}`);
  return `instr(char(10) || lower(n.${col}) || char(10), ?) > 0`;
};

// A folder and everything below it; "" is the whole notes folder.
const inFolder = (folder: string, params: unknown[]): string => {
  if (!folder) return "1";
  params.push(folder, `${folder}/`, `${folder}/`);
  return "(lower(n.folder) = ? OR substr(lower(n.folder), 1, length(?)) = ?)";
};

const dateCond = (col: string, f: DateFilter, params: unknown[]): string => {
  params.push(f.date);
  return `n.${col} ${f.op} ?`;
};

/** Turn filters into one SQL condition ("" when there is none). `is:due` is applied by the caller. */
export function filtersToSql(f: Filters): SqlWhere {
  const params: unknown[] = [];
  const conds: string[] = [];
  for (const col of ["type", "status", "domain", "difficulty", "visibility"] as const) {
    if (f[col].length) conds.push(inList(col, f[col], params));
  }
  for (const t of f.tag) conds.push(`(${hasItem("tags", t, params)} OR ${hasItem("tags", `${t}/`, params, "")})`);
  if (f.folder.length) conds.push(`(${f.folder.map((d) => inFolder(d, params)).join(" OR ")})`);
  for (const p of f.path) {
    params.push(p);
    conds.push("instr(lower(n.path), ?) > 0");
  }
  for (const r of f.role) conds.push(hasItem("roles", r, params));
  for (const d of f.updated) conds.push(dateCond("updated", d, params));
  for (const d of f.published) conds.push(dateCond("published", d, params));
  return { where: conds.join(" AND "), params };
}

/** Keep only notes due on or before `today`, given each note's due date (path -> YYYY-MM-DD). */
export function filterDue<T extends { path: string }>(rows: T[], due: ReadonlyMap<string, string>, today: string): T[] {
  return rows.filter((r) => {
    const d = due.get(r.path);
    return d !== undefined && d <= today;
  });
}
