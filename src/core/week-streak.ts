import { isoWeek } from "./dates.js";
import { WEEK_STEPS, weeksBefore } from "./week-model.js";

/** How many of the five steps each week's log has done, by week label. */
export type StepsByWeek = ReadonlyMap<string, number>;

/** One cell of the heat map: a week and the steps done in it (0–5). */
export interface HeatCell {
  week: string;
  done: number;
}

const complete = (byWeek: StepsByWeek, label: string): boolean => (byWeek.get(label) ?? 0) >= WEEK_STEPS.length;

/**
 * Weeks in a row with all five steps done, counted back from this week. A week still in
 * progress does not break the streak (it counts from last week then); a missed week does.
 */
export function streak(byWeek: StepsByWeek, today: string): number {
  let n = complete(byWeek, isoWeek(today).label) ? 0 : 1;
  let count = 0;
  while (complete(byWeek, weeksBefore(today, n))) {
    count++;
    n++;
  }
  return count;
}

/** The last `weeks` weeks, oldest first and ending with this week, with the steps done in each. */
export function heatMap(byWeek: StepsByWeek, today: string, weeks = 26): HeatCell[] {
  return Array.from({ length: weeks }, (_, i) => {
    const week = weeksBefore(today, weeks - 1 - i);
    return { week, done: Math.min(byWeek.get(week) ?? 0, WEEK_STEPS.length) };
  });
}
