import { hasConfigId, type Config } from "./config.js";
import { addDays, isoWeek, parseDay, toIsoDate } from "./dates.js";
import { LearnError } from "./errors.js";
import type { FrontMatter } from "./note-model.js";
import type { HeatCell } from "./week-streak.js";

// A week log is notes/log/YYYY-Www.md. Its front matter holds the loop's state:
//   week: 2026-W48        the ISO week (must match the file name)
//   domain: core-backend  step 1: the week's one domain
//   note: idempotency-keys  step 2: the week's public note: its slug, or its path when notes share the slug
//   steps: [domain, note]  the steps done so far, by name
//   revisit_plan: build   step 5: `build` (after use in a real build) or a date
//   checklist_draft: [a]  step 3's items typed before a run was stopped (until step 3 is done)

/** The five steps of the weekly loop, in order. */
export const WEEK_STEPS = ["domain", "note", "checklist", "roles", "revisit"] as const;
export type WeekStep = (typeof WEEK_STEPS)[number];

/** What each step asks of the user, as the roadmap words it. */
export const STEP_LABEL: Record<WeekStep, string> = {
  domain: "Pick one domain",
  note: "Write one public, transferable note",
  checklist: "Add one checklist",
  roles: "Link it to a role-readiness group",
  revisit: "Plan its revisit after using the concept in a real build",
};

/** The flag that does each step without prompts. */
export const STEP_FLAG: Record<WeekStep, string> = {
  domain: "--domain",
  note: "--title (or --note)",
  checklist: "--checklist",
  roles: "--role",
  revisit: "--revisit",
};

/** The loop's state for one week, read from (or about to be written to) its log. */
export interface WeekState {
  week: string;
  domain?: string;
  note?: string;
  done: WeekStep[];
  /** `build`, or the YYYY-MM-DD the note is planned for. */
  revisitPlan?: string;
  /** Step 3's items typed so far in a run that was stopped (`checklist_draft:`): not asked again. */
  checklistDraft?: string[];
}

/** The file name of a week's log, relative to notes/. */
export const weekLogRelPath = (label: string): string => `log/${label}.md`;

/** True for a week label like 2026-W48. */
export const isWeekLabel = (s: string): boolean => /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(s);

/** The Monday and Sunday (YYYY-MM-DD) of the ISO week that holds `day`. */
export function weekRange(day: string): { start: string; end: string } {
  const dow = parseDay(day).getUTCDay() || 7;
  const start = addDays(day, 1 - dow);
  return { start, end: addDays(start, 6) };
}

/** The Monday (YYYY-MM-DD) of a week label like 2026-W48. */
export function weekStart(label: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) throw new RangeError(`not a week: ${label}`);
  const jan4 = `${m[1]}-01-04`; // always in week 1
  return addDays(weekRange(jan4).start, 7 * (Number(m[2]) - 1));
}

/** Whole weeks from the week `from` to the week `to` (labels). */
export const weeksBetween = (from: string, to: string): number =>
  Math.round((Date.parse(weekStart(to)) - Date.parse(weekStart(from))) / (7 * 86_400_000));

/** The label of the week `n` weeks before the one that holds `day`. */
export const weeksBefore = (day: string, n: number): string => isoWeek(addDays(day, -7 * n)).label;

/** The first step not done yet, or undefined when the week's loop is finished. */
export const firstUnfinished = (s: WeekState): WeekStep | undefined =>
  WEEK_STEPS.find((step) => !s.done.includes(step));

/** True when all five steps are done. */
export const isComplete = (s: WeekState): boolean => WEEK_STEPS.every((step) => s.done.includes(step));

/** The state to write after finishing `step`, steps kept in loop order. */
export function markDone(s: WeekState, step: WeekStep, changes: Partial<WeekState> = {}): WeekState {
  const done = WEEK_STEPS.filter((x) => x === step || s.done.includes(x));
  return { ...s, ...changes, done };
}

/** The front-matter changes that record a state (for setFrontMatter). */
export function stateFields(s: WeekState): Record<string, unknown> {
  const draft = s.checklistDraft?.length && !s.done.includes("checklist") ? [...s.checklistDraft] : undefined;
  return {
    week: s.week,
    domain: s.domain,
    note: s.note,
    steps: [...s.done],
    revisit_plan: s.revisitPlan,
    checklist_draft: draft,
  };
}

const fixHint = (file: string) =>
  `fix ${file} by hand (learn never overwrites a week log), or delete it to start the week again`;

/**
 * Read a week log's state from its parsed front matter, checking what a hand edit can
 * break; throws a LearnError that says which key to fix. A log without the keys yet
 * (made by `learn new log`) is a week with nothing done.
 */
export function readWeekState(
  data: FrontMatter,
  label: string,
  file: string,
  config: Pick<Config, "domains">,
): WeekState {
  const fail = (key: string, problem: string): never => {
    throw new LearnError(`${file}: ${key}: ${problem}`, fixHint(file));
  };
  const extra = data.extra;
  const week = extra.week;
  if (week !== undefined && week !== null && String(week).trim() !== label)
    fail("week", `is ${String(week)} but the file is the log of ${label}`);
  const rawSteps = extra.steps ?? [];
  if (!Array.isArray(rawSteps)) fail("steps", `must be a list of done steps (${WEEK_STEPS.join(", ")})`);
  const done: WeekStep[] = [];
  for (const raw of rawSteps as unknown[]) {
    const step = String(raw).trim().toLowerCase();
    if (!(WEEK_STEPS as readonly string[]).includes(step))
      fail("steps", `unknown step "${String(raw)}" (the steps are ${WEEK_STEPS.join(", ")})`);
    if (!done.includes(step as WeekStep)) done.push(step as WeekStep);
  }
  const domain = data.domain;
  if (domain !== undefined && !hasConfigId(config.domains, String(domain)))
    fail("domain", `unknown domain ${domain} (use one of ${Object.keys(config.domains).join(", ")})`);
  const note = extra.note == null || String(extra.note).trim() === "" ? undefined : String(extra.note).trim();
  const plan = readPlan(extra.revisit_plan, file);
  if (done.includes("domain") && !domain) fail("steps", "says domain is done but `domain:` is empty");
  const needsNote = done.filter((s) => s !== "domain");
  if (needsNote.length && !note) fail("steps", `says ${needsNote[0]} is done but \`note:\` is empty`);
  if (done.includes("revisit") && !plan) fail("steps", "says revisit is done but `revisit_plan:` is empty");
  const state: WeekState = { week: label, done: WEEK_STEPS.filter((s) => done.includes(s)) };
  if (domain) state.domain = domain;
  if (note) state.note = note;
  if (plan) state.revisitPlan = plan;
  const draft = extra.checklist_draft ?? [];
  if (!Array.isArray(draft)) fail("checklist_draft", "must be a list of checklist items");
  const items = (draft as unknown[]).map((x) => String(x ?? "").trim()).filter(Boolean);
  if (items.length && !state.done.includes("checklist")) state.checklistDraft = items;
  return state;
}

function readPlan(value: unknown, file: string): string | undefined {
  if (value == null || value === "") return undefined;
  if (String(value).trim().toLowerCase() === "build") return "build";
  const day = toIsoDate(value);
  if (!day) throw new LearnError(`${file}: revisit_plan: must be build or a date like 2026-12-10`, fixHint(file));
  return day;
}

/** What a file held when it was read (its hash): compared again before writing (workspace/note-edit.ts). */
export interface EditStamp {
  hash: string;
}

/** A week's log as found on disk. */
export interface WeekLog {
  label: string;
  /** Absolute path, whether or not the file exists. */
  path: string;
  /** The path to show: relative to the workspace root. */
  shown: string;
  exists: boolean;
  state: WeekState;
  /** What the file held when learn last read or wrote it; every write checks it is still so. */
  stamp?: EditStamp;
}

/** This week's log, the streak and the heat map: what `learn week --status` and `learn status` show. */
export interface WeekOverview {
  log: WeekLog;
  streak: number;
  heat: HeatCell[];
  /** Logs that could not be read. */
  warnings: string[];
  /** When tolerant: why this week's own log could not be read. */
  problem?: string;
}

/** How a week log names its note: the slug, or the path when another note has the same file name. */
export function weekNoteName(
  row: { slug: string; path: string },
  notes: readonly { slug: string; path: string }[],
): string {
  const slug = row.slug.toLowerCase();
  return notes.some((n) => n.path !== row.path && n.slug.toLowerCase() === slug) ? row.path : row.slug;
}

/** True when a week log's `note:` (a slug, or a path) names this note. */
export function namesWeekNote(name: string | undefined, row: { slug: string; path: string }): boolean {
  const n = name?.toLowerCase();
  return n === row.slug.toLowerCase() || n === row.path.toLowerCase();
}
