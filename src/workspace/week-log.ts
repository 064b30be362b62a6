import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isoWeek } from "../core/dates.js";
import { LearnError, NoteExistsError } from "../core/errors.js";
import { setFrontMatter } from "../core/front-matter-edit.js";
import { planNewNote } from "../core/note-new.js";
import { parseNote } from "../core/note-parse.js";
import { slugFromPath } from "../core/slug.js";
import { setActivity, tickSteps, type WeekActivity } from "../core/week-activity.js";
import { heatMap, streak } from "../core/week-streak.js";
import {
  isWeekLabel,
  readWeekState,
  type EditStamp,
  stateFields,
  weekLogRelPath,
  type WeekLog,
  type WeekOverview,
  type WeekState,
} from "../core/week-model.js";
import type { Context } from "./context.js";
import { renderPlannedNote } from "./note-create.js";
import { createNoteFile } from "./note-files.js";
import { changedOnDisk, readForEdit, stampOf, writeEdited } from "./note-edit.js";
import { readNoteText } from "../files/safe-read.js";

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

/**
 * A log's text through the safe reader (a regular file inside the workspace, as notes are),
 * cut at 1 MiB like a note: its state is in the front matter at the top. Undefined when missing.
 */
function readLogText(ctx: Context, path: string, shown: string): string | undefined {
  const scope = { root: ctx.ws.root, followOutside: ctx.config.follow_symlinks_outside };
  return readNoteText(path, scope, shown)?.text;
}

/** Read the log of the week that holds `day` (today by default); a missing file is a week with nothing done. */
export function readWeekLog(ctx: Context, day = ctx.today): WeekLog {
  const label = isoWeek(day).label;
  const path = join(ctx.ws.notesDir, weekLogRelPath(label));
  const shown = shownPath(ctx, path);
  const text = readLogText(ctx, path, shown);
  if (text === undefined) return { label, path, shown, exists: false, state: { week: label, done: [] } };
  return { label, path, shown, exists: true, state: stateOf(ctx, text, label, shown), stamp: stampOf(text) };
}

const changedHint =
  "another `learn week` or an editor changed it meanwhile; run `learn week` again to go on from what it says now";

/**
 * Refuse when the log is not what learn read (a hand edit, or another run's step): called
 * before a step changes anything, so a refused step leaves no half-done work behind.
 */
export function assertLogUnchanged(log: WeekLog): void {
  let text: string | undefined;
  try {
    text = readFileSync(log.path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const same = text === undefined ? !log.exists : log.stamp === undefined || stampOf(text).hash === log.stamp.hash;
  if (!same) throw changedOnDisk(log.path, changedHint);
}

/** Create this week's log from the log template (exclusive create: never over an existing file); returns its stamp. */
export function createWeekLog(ctx: Context, log: WeekLog, state: WeekState): EditStamp {
  const plan = planNewNote(
    { type: "log", title: `Week ${log.label}`, domain: state.domain, slug: log.label.toLowerCase() },
    ctx.config,
    ctx.today,
    () => false,
  );
  // A week's log is a record, not something to revisit.
  const text = tickSteps(renderPlannedNote(ctx.ws, plan, { revisit: false, ...stateFields(state) }), state.done);
  try {
    createNoteFile(ctx.ws.notesDir, weekLogRelPath(log.label), text);
  } catch (err) {
    if (err instanceof NoteExistsError)
      throw new LearnError(`${log.shown} was made by another run while learn was working; not written`, changedHint);
    throw err;
  }
  return stampOf(text);
}

/**
 * Record a new state in an existing log: minimal front-matter edits, the loop's own
 * checklist ticked, the activity list refreshed; written atomically, and refused if the
 * file changed since learn read it (`log.stamp`: before a prompt, say) or no longer reads
 * as a valid log. Returns the stamp of what it wrote.
 */
export function updateWeekLog(ctx: Context, log: WeekLog, state: WeekState, activity?: WeekActivity): EditStamp {
  const { text, stamp } = readForEdit(log.path);
  if (log.stamp && log.stamp.hash !== stamp.hash) throw changedOnDisk(log.path, changedHint);
  stateOf(ctx, text, log.label, log.shown); // a hand edit since the last read is checked again
  let next = setFrontMatter(text, { ...stateFields(state), updated: ctx.today }, log.shown);
  next = tickSteps(next, state.done);
  if (activity) next = setActivity(next, activity);
  return writeEdited(log.path, next, stamp, ctx.ws.notesDir);
}

/** Write a state: create the log when it does not exist yet, else update it. */
export function saveWeekLog(ctx: Context, log: WeekLog, state: WeekState, activity?: WeekActivity): WeekLog {
  let stamp: EditStamp;
  if (log.exists) stamp = updateWeekLog(ctx, log, state, activity);
  else {
    stamp = createWeekLog(ctx, log, state);
    if (activity) stamp = updateWeekLog(ctx, { ...log, exists: true, stamp }, state, activity);
  }
  return { ...log, exists: true, state, stamp };
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
      const shown = shownPath(ctx, path);
      const text = readLogText(ctx, path, shown);
      if (text === undefined) continue;
      const state = stateOf(ctx, text, label, shown);
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
  return weekOverviewAndSteps(ctx, tolerant).overview;
}

/** The overview, with each week's steps done it was made from (what a cache of it keeps). */
export function weekOverviewAndSteps(
  ctx: Context,
  tolerant: boolean,
): { overview: WeekOverview; steps: Map<string, number> } {
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
  const overview: WeekOverview = {
    log,
    streak: streak(all.steps, ctx.today),
    heat: heatMap(all.steps, ctx.today),
    warnings,
    ...(problem ? { problem } : {}),
  };
  return { overview, steps: all.steps };
}
