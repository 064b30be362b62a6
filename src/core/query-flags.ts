import { UsageError } from "./errors.js";
import { addFilter, type Filters } from "./query-filters.js";

// The command-line side of a query, shared by `learn search` and `learn list`.

/** Filter flags shared by search and list (`--type doc` is the same as `type:doc`). */
export interface FilterFlags {
  type?: string;
  status?: string;
  domain?: string;
  tag?: string;
  role?: string;
  difficulty?: string;
  visibility?: string;
  folder?: string;
  path?: string;
}

/** Add the filter flags to parsed filters. */
export function applyFlags(filters: Filters, flags: FilterFlags): void {
  for (const key of [
    "type",
    "status",
    "domain",
    "tag",
    "role",
    "difficulty",
    "visibility",
    "folder",
    "path",
  ] as const) {
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

/**
 * Join argv back into query text. An argument with spaces is its words, as `zk --match` and
 * `gh search` read it: `learn search "broken yaml retries"` is three words; a phrase needs inner quotes.
 */
export const queryText = (args: string[]): string => args.join(" ");
