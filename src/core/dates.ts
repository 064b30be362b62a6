// The days a YYYY-MM-DD string can hold: a computed date past them (9999-12-31 plus an interval)
// is pinned to the end rather than written as "+010000-01-01".
const FIRST_MS = Date.parse("0000-01-01T00:00:00Z");
const LAST_MS = Date.parse("9999-12-31T00:00:00Z");

/** Format a Date as YYYY-MM-DD in UTC (front-matter dates have no time zone), within years 0000-9999. */
export function formatDate(d: Date): string {
  return new Date(Math.min(Math.max(d.getTime(), FIRST_MS), LAST_MS)).toISOString().slice(0, 10);
}

/** Read a front-matter date (Date object, YYYY-MM-DD string, or ISO timestamp) as YYYY-MM-DD. */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatDate(value);
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value.trim());
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
