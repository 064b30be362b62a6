import { addDays, isoWeek } from "./dates.js";
import type { GroupReadiness } from "./readiness-score.js";
import { weekRange } from "./week-model.js";

/** One point of a readiness trend: the week, the day it was measured on, and each group's score. */
export interface HistoryPoint {
  week: string;
  date: string;
  scores: Record<string, number>;
}

/**
 * The days a `weeks`-week trend is measured on, oldest first: the last day (Sunday) of each of
 * the weeks before this one, then today.
 */
function trendDays(today: string, weeks = 12): { week: string; date: string }[] {
  return Array.from({ length: weeks }, (_, i) => {
    const back = weeks - 1 - i;
    const date = back === 0 ? today : weekRange(addDays(today, -7 * back)).end;
    return { week: isoWeek(date).label, date };
  });
}

/** The trend: `at(date)` measures readiness on a day; one point per week of `trendDays`. */
export function readinessTrend(
  today: string,
  at: (date: string) => readonly GroupReadiness[],
  weeks = 12,
): HistoryPoint[] {
  return trendDays(today, weeks).map(({ week, date }) => ({
    week,
    date,
    scores: Object.fromEntries(at(date).map((g) => [`${g.kind}:${g.id}`, g.score])),
  }));
}

/** One group's scores along a trend, oldest first. */
export const seriesOf = (trend: readonly HistoryPoint[], g: Pick<GroupReadiness, "kind" | "id">): number[] =>
  trend.map((p) => p.scores[`${g.kind}:${g.id}`] ?? 0);
