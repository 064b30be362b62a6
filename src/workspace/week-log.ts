import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isoWeek } from "../core/dates.js";
import { LearnError } from "../core/errors.js";
import { setFrontMatter } from "../core/front-matter-edit.js";
import { planNewNote } from "../core/note-new.js";
import { parseNote } from "../core/note-parse.js";
import { slugFromPath } from "../core/slug.js";
import { setActivity, tickSteps, type WeekActivity } from "../core/week-activity.js";
import { heatMap, streak } from "../core/week-streak.js";
import {
  isWeekLabel,
  readWeekState,
  stateFields,
  weekLogRelPath,
  type WeekLog,
  type WeekOverview,
  type WeekState,
} from "../core/week-model.js";
import type { Context } from "./context.js";
import { renderPlannedNote } from "./note-create.js";
import { createNoteFile } from "./note-files.js";
import { readForEdit, writeEdited } from "./note-edit.js";

const shownPath = (ctx: Context, path: string) => relative(ctx.ws.root, path).split(sep).join("/");

/** Parse a log's text into its state; broken YAML or a bad hand edit throws, naming the file, key and line. */
function stateOf(ctx: Context, text: string, label: string, shown: string): WeekState {
  const parsed = parseNote(text, label);
  if (parsed.brokenYaml) {
    const w = parsed.warnings[0];
    throw new LearnError(
      `${shown}:${w?.line ?? 1}: ${w?.message ?? "broken YAML front matter"}`,
      `fix the YAML by hand (learn never overwrites a week log), or delete ${shown} to start the week again`,
    );
  }
  return readWeekState(parsed.data, label, shown, ctx.config);
}

/** Read the log of the week that holds `day` (today by default); a missing file is a week with nothing done. */
export function readWeekLog(ctx: Context, day = ctx.today): WeekLog {
  const label = isoWeek(day).label;
  const path = join(ctx.ws.notesDir, weekLogRelPath(label));
  const shown = shownPath(ctx, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      return { label, path, shown, exists: false, state: { week: label, done: [] } };
    throw new LearnError(`cannot read ${shown}: ${(err as Error).message}`);
  }
  return { label, path, shown, exists: true, state: stateOf(ctx, text, label, shown) };
}

/** Create this week's log from the log template (exclusive create: never over an existing file). */
export function createWeekLog(ctx: Context, log: WeekLog, state: WeekState): void {
  const plan = planNewNote(
    { type: "log", title: `Week ${log.label}`, domain: state.domain, slug: log.label.toLowerCase() },
    ctx.config,
    ctx.today,
    () => false,
  );
  // A week's log is a record, not something to revisit.
  const text = tickSteps(renderPlannedNote(ctx.ws, plan, { revisit: false, ...stateFields(state) }), state.done);
  createNoteFile(ctx.ws.notesDir, weekLogRelPath(log.label), text);
}

/**
 * Record a new state in an existing log: minimal front-matter edits, the loop's own
 * checklist ticked, the activity list refreshed; written atomically, and refused if the
 * file changed since it was read or no longer reads as a valid log.
 */
export function updateWeekLog(ctx: Context, log: WeekLog, state: WeekState, activity?: WeekActivity): void {
  const { text, stamp } = readForEdit(log.path);
  stateOf(ctx, text, log.label, log.shown); // a hand edit since the last read is checked again
  let next = setFrontMatter(text, { ...stateFields(state), updated: ctx.today }, log.shown);
  next = tickSteps(next, state.done);
  if (activity) next = setActivity(next, activity);
  writeEdited(log.path, next, stamp);
}

/** Write a state: create the log when it does not exist yet, else update it. */
export function saveWeekLog(ctx: Context, log: WeekLog, state: WeekState, activity?: WeekActivity): WeekLog {
  if (log.exists) updateWeekLog(ctx, log, state, activity);
  else {
    createWeekLog(ctx, log, state);
    if (activity) updateWeekLog(ctx, { ...log, exists: true }, state, activity);
  }
  return { ...log, exists: true, state };
}

/** Every week log's steps done and domain, by week label; unreadable logs come back as warnings. */
export function readAllWeekLogs(ctx: Context): {
  steps: Map<string, number>;
  focus: Map<string, string>;
  warnings: string[];
} {
  const steps = new Map<string, number>();
  const focus = new Map<string, string>();
  const warnings: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(join(ctx.ws.notesDir, "log"));
  } catch {
    return { steps, focus, warnings };
  }
  for (const name of names.sort()) {
    const label = slugFromPath(name);
    if (!name.endsWith(".md") || !isWeekLabel(label)) continue;
    const path = join(ctx.ws.notesDir, "log", name);
    try {
      const state = stateOf(ctx, readFileSync(path, "utf8"), label, shownPath(ctx, path));
      steps.set(label, state.done.length);
      if (state.domain) focus.set(label, state.domain);
    } catch (err) {
      warnings.push(err instanceof LearnError ? err.message : `${shownPath(ctx, path)}: ${(err as Error).message}`);
    }
  }
  return { steps, focus, warnings };
}

/** Read every week log into an overview. `tolerant` turns a broken log for this week into a warning. */
export function weekOverview(ctx: Context, tolerant = false): WeekOverview {
  const all = readAllWeekLogs(ctx);
  let log: WeekLog;
  let problem: string | undefined;
  try {
    log = readWeekLog(ctx);
  } catch (err) {
    if (!tolerant || !(err instanceof LearnError)) throw err;
    problem = err.message;
    const label = isoWeek(ctx.today).label;
    const path = join(ctx.ws.notesDir, weekLogRelPath(label));
    log = { label, path, shown: shownPath(ctx, path), exists: true, state: { week: label, done: [] } };
  }
  const warnings = all.warnings.filter((w) => !w.startsWith(`${log.shown}:`));
  return {
    log,
    streak: streak(all.steps, ctx.today),
    heat: heatMap(all.steps, ctx.today),
    warnings,
    ...(problem ? { problem } : {}),
  };
}
