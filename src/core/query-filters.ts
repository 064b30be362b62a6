import { toIsoDate } from "./dates.js";
import { UsageError } from "./errors.js";
import { DIFFICULTIES, NOTE_TYPES, STATUSES, VISIBILITIES, resolveType } from "./note-model.js";

/** A date comparison like `updated:>2026-01-01`. */
export interface DateFilter {
  op: "<" | "<=" | ">" | ">=" | "=";
  date: string;
}

/**
 * Filters on note fields. Within one key the values are alternatives (type:doc type:blog, folder:a folder:b),
 * except tags and roles, where every value must be present (tag:http tag:caching). A tag matches its
 * nested tags too (tag:lang matches lang/go).
 */
export interface Filters {
  type: string[];
  status: string[];
  domain: string[];
  difficulty: string[];
  visibility: string[];
  tag: string[];
  role: string[];
  /** Folders (relative to the notes folder, lower case): the note is in one of them or below it. */
  folder: string[];
  /** Text (lower case) the note's path must hold. */
  path: string[];
  updated: DateFilter[];
  published: DateFilter[];
  /** `is:due`: only notes due for a revisit. */
  due: boolean;
}

/** Filter keys the query language knows (with plural spellings). */
export const FILTER_KEYS = [
  "type",
  "status",
  "domain",
  "difficulty",
  "visibility",
  "tag",
  "tags",
  "role",
  "roles",
  "folder",
  "path",
  "updated",
  "published",
  "is",
];

/** No filters at all. */
export const emptyFilters = (): Filters => ({
  type: [],
  status: [],
  domain: [],
  difficulty: [],
  visibility: [],
  tag: [],
  role: [],
  folder: [],
  path: [],
  updated: [],
  published: [],
  due: false,
});

/** True when no filter is set. */
export function hasFilters(f: Filters): boolean {
  return f.due || Object.values(f).some((v) => Array.isArray(v) && v.length > 0);
}

function oneOf(key: string, value: string, allowed: readonly string[]): string {
  const v = value.toLowerCase();
  if (!allowed.includes(v)) throw new UsageError(`${key}:${value}: ${key} must be one of ${allowed.join("|")}`);
  return v;
}

function dateFilter(key: string, value: string): DateFilter {
  const m = /^(<=|>=|<|>|=)?(.*)$/.exec(value)!;
  const date = toIsoDate(m[2]);
  if (!date)
    throw new UsageError(
      `${key}:${value}: not a date comparison`,
      `use e.g. ${key}:>2026-01-01 or ${key}:<=2026-06-30`,
    );
  return { op: (m[1] ?? "=") as DateFilter["op"], date };
}

/** Add one `key:value` filter (value may list alternatives with commas); throws UsageError for bad values. */
export function addFilter(f: Filters, rawKey: string, rawValue: string): void {
  const key = rawKey.toLowerCase();
  const values = rawValue
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) throw new UsageError(`${rawKey}: needs a value`, `e.g. ${rawKey}:something`);
  for (const value of values) {
    switch (key) {
      case "type": {
        const t = resolveType(value);
        if (!t) throw new UsageError(`type:${value}: type must be one of ${NOTE_TYPES.join("|")}`);
        f.type.push(t);
        break;
      }
      case "status":
        f.status.push(oneOf(key, value, STATUSES));
        break;
      case "difficulty":
        f.difficulty.push(oneOf(key, value, DIFFICULTIES));
        break;
      case "visibility":
        f.visibility.push(oneOf(key, value, VISIBILITIES));
        break;
      case "domain":
        f.domain.push(value.toLowerCase());
        break;
      case "tag":
      case "tags":
        f.tag.push(value.replace(/^#/, "").toLowerCase());
        break;
      case "folder": {
        const folder = value
          .replace(/\\/g, "/")
          .replace(/^(\.\/)+|^\/+|\/+$/g, "")
          .toLowerCase();
        if (folder.split("/").includes(".."))
          throw new UsageError(`folder:${value}: a folder inside the notes folder`, "e.g. folder:postgres");
        f.folder.push(folder === "." ? "" : folder);
        break;
      }
      case "path":
        f.path.push(value.replace(/\\/g, "/").toLowerCase());
        break;
      case "role":
      case "roles":
        f.role.push(value.toLowerCase());
        break;
      case "updated":
      case "published":
        f[key].push(dateFilter(key, value));
        break;
      case "is": {
        const v = oneOf("is", value, ["public", "private", "due"]);
        if (v === "due") f.due = true;
        else f.visibility.push(v);
        break;
      }
      default:
        throw new UsageError(
          `${rawKey}: unknown filter`,
          `filters are ${FILTER_KEYS.filter((k) => !k.endsWith("s") || k === "status").join(", ")}`,
        );
    }
  }
}
