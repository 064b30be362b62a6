import {
  STEP_LABEL,
  WEEK_STEPS,
  firstUnfinished,
  weekRange,
  type WeekOverview,
  type WeekStep,
} from "../core/week-model.js";
import type { HeatCell } from "../core/week-streak.js";
import type { Config } from "../core/config.js";
import { JSON_VERSION, type WeekFields, type WeekJson } from "../core/json-types.js";
import { forTerminal, visible } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const HEAT = ["·", "▁", "▃", "▅", "▇", "█"];

/** What a done step recorded, in a few words. */
function stepDetail(step: WeekStep, o: WeekOverview, config: Pick<Config, "domains">): string {
  const s = o.log.state;
  if (step === "domain" && s.domain) return `${config.domains[s.domain] ?? s.domain} (${s.domain})`;
  if (step === "note" && s.note) return s.note;
  if (step === "revisit" && s.revisitPlan)
    return s.revisitPlan === "build" ? "record the build with `learn used`" : `on ${s.revisitPlan}`;
  return "";
}

/** One line per step: ✔ or ○, its number and label, and what it recorded. */
export function renderSteps(
  overview: WeekOverview & { noteMissing?: string },
  given: Pick<Config, "domains">,
  t: Theme,
): string[] {
  const o = forTerminal(overview);
  const config = { domains: forTerminal(given.domains) };
  const next = firstUnfinished(o.log.state);
  return WEEK_STEPS.map((step, i) => {
    const done = o.log.state.done.includes(step);
    const started = !done && step === "note" && o.log.state.note; // picked, but not written yet
    const detail = done
      ? stepDetail(step, o, config)
      : started
        ? `started: ${o.log.state.note}${o.noteMissing ? `: needs ${o.noteMissing}` : ""}`
        : "";
    const mark = done ? t.ok("✔") : step === next ? t.due("›") : t.dim("○");
    return `  ${mark} ${i + 1}. ${done ? STEP_LABEL[step] : t.dim(STEP_LABEL[step])}${detail ? `: ${t.path(detail)}` : ""}`;
  });
}

/** The heat map of the last weeks as one row of cells, with its range and legend. */
function renderHeat(cells: readonly HeatCell[], t: Theme): string[] {
  const row = cells
    .map((c) => (c.done === 5 ? t.ok(HEAT[5]!) : c.done ? t.due(HEAT[c.done]!) : t.dim(HEAT[0]!)))
    .join("");
  const first = cells[0]?.week ?? "";
  const last = cells[cells.length - 1]?.week ?? "";
  return [`  ${row}  ${t.meta(`${first} … ${last}`)}`, `  ${t.meta(`${HEAT.join(" ")}  = 0 to 5 steps done`)}`];
}

/** Streak in words. */
export const streakText = (n: number): string =>
  n === 0 ? "no streak yet" : `${n} week${n === 1 ? "" : "s"} in a row`;

/** `learn week --status`: the week's steps, the streak and the 26-week heat map. */
export function renderWeekStatus(
  overview: WeekOverview & { noteMissing?: string },
  config: Pick<Config, "domains">,
  today: string,
  t: Theme,
): string {
  const o = forTerminal(overview);
  const { start, end } = weekRange(today);
  const next = firstUnfinished(o.log.state);
  const lines = [
    `${t.heading(`Week ${o.log.label}`)} ${t.meta(`(${start} to ${end})`)}${o.log.exists ? `  ${t.path(o.log.shown)}` : ""}`,
    ...renderSteps(o, config, t),
    "",
    `Streak: ${t.title(streakText(o.streak))} ${t.meta("(weeks with all five steps done)")}`,
    `Last ${o.heat.length} weeks:`,
    ...renderHeat(o.heat, t),
    "",
    next
      ? `Next: ${t.title("learn week")} ${t.meta(`(step ${WEEK_STEPS.indexOf(next) + 1}: ${STEP_LABEL[next].toLowerCase()})`)}`
      : t.ok("This week's loop is done."),
  ];
  return lines.join("\n");
}

/** The stable JSON of `learn week --status` (and of `learn week --json`). */
export const toWeekJson = (o: WeekOverview): WeekJson => ({ version: JSON_VERSION, ...weekFields(o) });

/** This week's loop as JSON fields (`learn status` nests them). */
export function weekFields(o: WeekOverview): WeekFields {
  const s = o.log.state;
  return {
    week: o.log.label,
    log: o.log.exists ? o.log.shown : null,
    domain: s.domain ?? null,
    note: s.note ?? null,
    revisit_plan: s.revisitPlan ?? null,
    steps: Object.fromEntries(WEEK_STEPS.map((step) => [step, s.done.includes(step)])) as Record<WeekStep, boolean>,
    next_step: firstUnfinished(s) ?? null,
    complete: firstUnfinished(s) === undefined,
    streak: o.streak,
    heat: o.heat,
  };
}

/** The line a finished step prints (stderr). */
export function stepDoneLine(step: WeekStep, detail: string, t: Theme): string {
  return `${t.ok("✔")} step ${WEEK_STEPS.indexOf(step) + 1}/5 ${STEP_LABEL[step].toLowerCase()}: ${visible(detail)}`;
}
