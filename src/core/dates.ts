/** Format a Date as YYYY-MM-DD in UTC (front-matter dates have no time zone). */
export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
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
