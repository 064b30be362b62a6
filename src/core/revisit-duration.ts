// Durations in revisit options and settings: a whole number and a unit, `3d`, `2w`, `1m`, `1y`.
// Months and years are counted in days (30 and 365) so intervals compare and add simply.

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** How a duration is written, for error messages. */
export const DURATION_HINT = "a whole number and a unit: 3d, 2w, 1m or 1y";

/** Parse `3d`, `2w`, `1m`, `1y` (case-insensitive) to days; undefined for anything else, including negatives. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,5})\s*([dwmy])$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_DAYS[m[2]!.toLowerCase()]!;
}

/** Say a number of days the way a person would: `1 day`, `12 days`, `3 weeks`, `4 months`, `1 year`. */
export function formatDays(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days < 14) return plural(days, "day");
  if (days < 60) return days % 7 === 0 ? plural(days / 7, "week") : plural(days, "day");
  if (days < 365) return plural(Math.round(days / 30), "month");
  return days % 365 === 0 ? plural(days / 365, "year") : plural(Math.round(days / 30), "month");
}
