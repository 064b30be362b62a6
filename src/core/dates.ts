// The days a YYYY-MM-DD string can hold: a computed date past them (9999-12-31 plus an interval)
// is pinned to the end rather than written as "+010000-01-01".
const FIRST_MS = Date.parse("0000-01-01T00:00:00Z");
const LAST_MS = Date.parse("9999-12-31T00:00:00Z");

/** Format a Date as YYYY-MM-DD in UTC (front-matter dates have no time zone), within years 0000-9999. */
export function formatDate(d: Date): string {
  return new Date(Math.min(Math.max(d.getTime(), FIRST_MS), LAST_MS)).toISOString().slice(0, 10);
}

// Epoch numbers a note may carry (Dendron writes `created: 1659715122710`): seconds or
// milliseconds, told apart by size. Both ranges cover 1973-03-03 to 2286-11-20, so a year
// like 2024 or a small count is never read as an epoch.
const EPOCH_S = { min: 1e8, max: 1e10 };
const EPOCH_MS = { min: 1e11, max: 1e13 };

/** A number of epoch seconds or milliseconds as a Date, or undefined when it is neither. */
function fromEpoch(n: number): Date | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (n >= EPOCH_MS.min && n < EPOCH_MS.max) return new Date(n);
  if (n >= EPOCH_S.min && n < EPOCH_S.max) return new Date(n * 1000);
  return undefined;
}

/** How a date is written in front matter, so an edit can write a new one the same way. */
export type DateFormat = "day" | "datetime" | "epoch-s" | "epoch-ms";

/** The format of a front-matter date value, or undefined when it is not a date. */
export function dateFormatOf(value: unknown): DateFormat | undefined {
  if (toIsoDate(value) === undefined) return undefined;
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (/^\d+$/.test(text)) return Number(text) >= EPOCH_MS.min ? "epoch-ms" : "epoch-s";
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(text) || value instanceof Date ? "day" : "datetime";
}

/** A YYYY-MM-DD day written in `format` (midnight UTC for epochs and datetimes). */
export function writeDate(day: string, format: DateFormat): string | number {
  const ms = parseDay(day).getTime();
  if (format === "epoch-ms") return ms;
  if (format === "epoch-s") return ms / 1000;
  return format === "datetime" ? `${day}T00:00:00Z` : day;
}

/**
 * Read a front-matter date as YYYY-MM-DD: a Date object, a YYYY-MM-DD string, an ISO datetime
 * (the day in its own offset: `2023-04-02T01:00+05:00` is the 2nd, as its writer saw it), or
 * epoch seconds or milliseconds (a number or a string of digits).
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatDate(value);
  if (typeof value === "number") {
    const d = fromEpoch(value);
    return d ? formatDate(d) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  if (/^\d{9,13}$/.test(t)) return toIsoDate(Number(t));
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || formatDate(d) !== iso ? undefined : iso;
}

/** The days a user may give as today (--today, LEARN_TODAY): what every date computation handles. */
export const DAY_RANGE = { first: "1970-01-01", last: "9999-12-31" } as const;

/** A day a user typed (YYYY-MM-DD, from 1970 to 9999) as YYYY-MM-DD, else undefined. */
export function toUserDay(value: string): string | undefined {
  const iso = toIsoDate(value);
  return iso && iso === value.trim() && iso >= DAY_RANGE.first && iso <= DAY_RANGE.last ? iso : undefined;
}

/** Parse YYYY-MM-DD to a UTC midnight Date; throws on anything else. */
export function parseDay(iso: string): Date {
  const day = toIsoDate(iso);
  if (!day || day !== iso.trim()) throw new RangeError(`not a date: ${iso}`);
  return new Date(`${day}T00:00:00Z`);
}

/** Add whole days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  const d = parseDay(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}

/** The ISO 8601 week of a date: weeks start Monday; week 1 holds the year's first Thursday. */
export function isoWeek(iso: string): { year: number; week: number; label: string } {
  const d = parseDay(iso);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.ceil(((d.getTime() - jan1) / 86_400_000 + 1) / 7);
  return { year, week, label: `${year}-W${String(week).padStart(2, "0")}` };
}
