import type { Config } from "../core/config.js";
import { JSON_VERSION, type StatusJson } from "../core/json-types.js";
import type { GroupReadiness } from "../core/readiness-score.js";
import { firstUnfinished, STEP_LABEL, WEEK_STEPS, type WeekOverview } from "../core/week-model.js";
import { fitLines, renderTable } from "./layout.js";
import { deltaText, scoreLines } from "./render-readiness.js";
import { renderSteps, streakText, weekFields } from "./render-week.js";
import { forTerminal } from "./terminal-text.js";
import type { Theme } from "./theme.js";

/** Everything `learn status` shows. */
export interface StatusData {
  today: string;
  root: string;
  notes: number;
  refreshed: { added: number; updated: number; removed: number; rebuilt?: string };
  problems: { errors: number; warnings: number };
  /** `name`: what to type for the note (its slug, or its path when another note has that file name). */
  due: { slug: string; name?: string; title: string; due: string; overdue: number }[];
  week: WeekOverview;
  roles: GroupReadiness[];
  /** Each domain's note count (front matter or folder), in config order. */
  domains?: { id: string; notes: number }[];
  /** Each role's score a week ago, for the change since last week. */
  lastWeek?: Record<string, number>;
  next?: { command: string; why: string };
}

/**
 * The one next action: finish this week's loop first (it is the habit), then the due
 * revisits, then broken notes, else read the weakest role's next things to learn.
 */
export function nextAction(d: StatusData): { command: string; why: string } {
  const step = firstUnfinished(d.week.log.state);
  if (d.week.problem) return { command: `edit ${d.week.log.shown}`, why: "this week's log cannot be read" };
  if (step) {
    const n = WEEK_STEPS.indexOf(step) + 1;
    return {
      command: "learn week",
      why:
        n === 1
          ? "this week's loop has not started"
          : `resume the loop at step ${n}: ${STEP_LABEL[step].toLowerCase()}`,
    };
  }
  if (d.due.length)
    return {
      command: "learn revisit --review",
      why: `${d.due.length} note${d.due.length === 1 ? " is" : "s are"} due for revisit`,
    };
  if (d.problems.errors)
    return {
      command: "learn check",
      why: `${d.problems.errors} note${d.problems.errors === 1 ? " has" : "s have"} errors`,
    };
  const weakest = [...d.roles].sort((a, b) => a.score - b.score)[0];
  if (weakest)
    return {
      command: `learn readiness --role ${weakest.id}`,
      why: `the weakest role (${weakest.score}/100): pick next week's topic`,
    };
  return { command: "learn week --status", why: "all done for now" };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
const overdueText = (n: number) => (n === 0 ? "due today" : `${plural(n, "day")} overdue`);

/** A role's change since last week, as `+5 since last week`; nothing when unknown. */
function changeText(g: GroupReadiness, lastWeek: Record<string, number> | undefined): string {
  const before = lastWeek?.[g.id];
  return before === undefined ? "" : `${deltaText(g.score - before)} since last week`;
}

/** The domains with the most notes that fit `width`, when any domain has notes (an adopted folder's topic folders, say). */
function domainsLine(domains: StatusData["domains"], t: Theme, width: number): string[] {
  const withNotes = (domains ?? []).filter((x) => x.notes > 0).sort((a, b) => b.notes - a.notes);
  if (!withNotes.length) return [];
  const head = "Domains   ";
  const shown: string[] = [];
  for (const [i, x] of withNotes.entries()) {
    const rest = withNotes.length - i - 1;
    const tail = rest ? ` · ${rest} more` : "";
    const next = [...shown, `${x.id} ${x.notes}`].join(" · ");
    if (shown.length && head.length + next.length + tail.length > width) break;
    shown.push(`${x.id} ${x.notes}`);
  }
  const more = withNotes.length - shown.length;
  return [`${t.title("Domains")}   ${shown.join(" · ")}${more ? t.meta(` · ${more} more`) : ""}`];
}

/** The dashboard as text. */
export function renderStatus(
  data: StatusData,
  given: Pick<Config, "domains" | "dialect">,
  t: Theme,
  width = 80,
): string {
  const d = forTerminal(data);
  const config = { domains: forTerminal(given.domains) };
  const changed = d.refreshed.added + d.refreshed.updated + d.refreshed.removed;
  const problems = d.problems.errors + d.problems.warnings;
  const lines = [
    `${t.heading("learn status")} ${t.meta(`${d.today} · ${d.root}`)}`,
    "",
    `${t.title("Index")}     ${plural(d.notes, "note")}${d.refreshed.rebuilt ? t.meta(` (index rebuilt: ${d.refreshed.rebuilt})`) : changed ? t.meta(` (${changed} changed since the last run)`) : ""}; ${
      problems
        ? t.warn(`${plural(problems, "problem")} (${d.problems.errors} error${d.problems.errors === 1 ? "" : "s"})`)
        : t.ok("no problems")
    }`,
    `${t.title("Revisits")}  ${d.due.length ? t.due(`${plural(d.due.length, "note")} due now`) : t.ok("nothing due")}`,
    ...renderTable(
      [
        { header: "slug", min: 12, style: t.path },
        { header: "when", drop: 1, style: t.due },
      ],
      d.due.slice(0, 5).map((x) => [x.name ?? x.slug, overdueText(x.overdue)]),
      width,
      { indent: 2 },
    ),
    ...(d.due.length > 5 ? [t.meta(`  … and ${d.due.length - 5} more: learn revisit`)] : []),
    `${t.title("Week")}      ${d.week.log.label}: ${d.week.log.state.done.length} of 5 steps · streak: ${streakText(d.week.streak)}`,
    ...(d.week.problem ? [`  ${t.error(d.week.problem)}`] : renderSteps(d.week, config, t)),
    ...domainsLine(d.domains, t, width),
    // a folder adopted in place with no roadmap yet: a row of zero bars would say nothing, so say what to do
    ...(given.dialect !== undefined && given.dialect !== "learn" && d.roles.every((g) => g.items.length === 0)
      ? [
          `${t.title("Readiness")} ${t.meta('no roadmap items yet: learn new roadmap "My roadmap" lists what each role needs')}`,
        ]
      : [
          `${t.title("Readiness")}`,
          ...scoreLines(d.roles, t, width, (g) => changeText(g, d.lastWeek), false), // the change only where it fits
        ]),
    "",
    `${t.title("Next:")} ${t.path(d.next?.command ?? "")}  ${t.meta(d.next ? `(${d.next.why})` : "")}`,
  ];
  return fitLines(lines, width).join("\n");
}

/** The stable JSON of `learn status`. */
export function toStatusJson(d: StatusData): StatusJson {
  return {
    version: JSON_VERSION,
    today: d.today,
    workspace: d.root,
    index: { notes: d.notes, ...d.refreshed, rebuilt: d.refreshed.rebuilt ?? null, problems: d.problems },
    due: { count: d.due.length, top: d.due.slice(0, 5).map(({ name: _name, ...top }) => top) },
    week: { ...weekFields(d.week), problem: d.week.problem ?? null },
    readiness: d.roles.map((g) => ({
      id: g.id,
      name: g.name,
      score: g.score,
      change: d.lastWeek?.[g.id] === undefined ? null : g.score - d.lastWeek[g.id]!,
    })),
    next: d.next ?? null,
  };
}
