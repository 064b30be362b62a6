import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, isoWeek } from "../core/dates.js";
import { LearnError, UsageError } from "../core/errors.js";
import {
  actionEvent,
  closestSlug,
  parseDurationFlag,
  parseRating,
  revisitAction,
  type RevisitAction,
  type RevisitFlags,
} from "../core/revisit-actions.js";
import { DURATION_HINT, parseDuration } from "../core/revisit-duration.js";
import { oneLine } from "../core/note-used-section.js";
import { RATING_MEANING, type LogEvent, type LogProblem } from "../core/revisit-event.js";
import { dueBy, noteKey, replay, upcomingWeeks, type NoteSchedule } from "../core/revisit-replay.js";
import { openForRead } from "../store/open-lazy.js";
import { countDue, noteSchedules } from "../store/schedule.js";
import type { IndexHandle, IndexProblem, NoteRow } from "../store/types.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import * as render from "../ui/render-revisit.js";
import { createContext, type Context } from "../workspace/context.js";
import { editorCommand, openInEditor } from "../workspace/editor.js";
import { recordLesson } from "../workspace/note-lesson.js";
import { appendRevisitEvents, readRevisitLog, REVISIT_LOG } from "../workspace/revisit-log.js";

/** Options of `learn revisit` (and `learn used SLUG --in BUILD`, which sets usedIn). */
export interface RevisitOptions extends GlobalOptions, RevisitFlags {
  force?: boolean;
}

/** What `learn revisit` listed or recorded. */
export interface RevisitResult {
  entries: render.RevisitEntry[];
  recorded: LogEvent[];
}

/** Everything one run works from: the context, the index, the log and its replay. */
interface World {
  ctx: Context;
  index: IndexHandle;
  events: LogEvent[];
  rows: Map<string, NoteRow>;
  schedules: Map<string, NoteSchedule>;
}

/** List the notes due for a revisit and why; record a revisit, a build use or a snooze; walk the due notes. */
export async function revisit(opts: RevisitOptions, io: IO): Promise<RevisitResult> {
  const action = revisitAction(opts); // usage errors before any file is touched
  if (opts.review && !io.interactive)
    throw new UsageError(
      "--review needs a terminal",
      "list with `learn revisit`, record with `learn revisit SLUG --rating good`",
    );
  const ctx = await createContext(opts);
  const index = await openForRead(ctx, true, opts.brief ? () => {} : io.err); // a prompt line stays quiet
  try {
    if (opts.brief && !opts.slug) return brief(countDue(index, ctx), opts, io); // a shell prompt's fast path: one SQL count
    const log = readRevisitLog(ctx.ws.root);
    const notes = index.allNotes();
    const rows = new Map(notes.map((n) => [noteKey(n), n]));
    const w: World = { ctx, index, events: log.events, rows, schedules: noteSchedules(index, ctx, log.events) };
    // A prompt line stays quiet; `learn revisit` says what is wrong.
    const onlyPath = opts.slug === undefined ? undefined : (index.getNote(bareSlug(opts.slug))?.path ?? "");
    const warnings = opts.brief
      ? []
      : [...log.problems.map(logWarning), ...noteWarnings(ctx, index.problems(), onlyPath)];
    for (const line of warnings) io.err(`learn: ${line}`);
    if (opts.slug) return action ? record(w, opts.slug, action, opts, io) : status(w, opts.slug, opts, io);
    if (opts.orphans) return orphans(w, opts, io);
    if (opts.upcoming) return upcoming(w, opts, io);
    if (opts.review) return review(w, io);
    const within = opts.within ? parseDurationFlag("--within", opts.within, 0) : 0;
    const entries = dueEntries(w, addDays(ctx.today, within));
    if (opts.json) {
      io.json({
        today: ctx.today,
        until: addDays(ctx.today, within),
        count: entries.length,
        due: entries.map((e) => render.entryJson(e, ctx.today)),
        warnings,
      });
    } else {
      if (entries.length) io.out(render.renderDueList(entries, ctx.today, io.theme));
      io.err(render.dueCountLine(entries.length, within));
    }
    return { entries, recorded: [] };
  } finally {
    index.close();
  }
}

/** A slug from what was typed: a path from tab completion works too. */
const bareSlug = (typed: string): string => typed.replace(/\.(md|markdown)$/i, "").replace(/^.*\//, "");

/** A bad log line as a warning: it is skipped, and the file is left as it is. */
const logWarning = (p: LogProblem): string =>
  render.problemLine(REVISIT_LOG, p.line, p.reason.includes("ignored") ? p.reason : `${p.reason}; line skipped`);

/** The revisit keys the index flagged (an unreadable `revisit_every:`) as warnings; `onlyPath` limits them to one note. */
function noteWarnings(ctx: Context, problems: IndexProblem[], onlyPath?: string): string[] {
  return problems
    .filter((p) => /^revisit(_every)?:/.test(p.reason) && (onlyPath === undefined || p.path === onlyPath))
    .map((p) =>
      render.problemLine(
        p.path,
        p.line ?? keyLine(join(ctx.ws.root, p.path), p.reason.split(":")[0]!),
        `${p.reason}; scheduled as if it were not set`,
      ),
    );
}

/** The 1-based line of `key:` in a file's front matter, when it can be found. */
function keyLine(file: string, key: string): number | undefined {
  try {
    const i = readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => new RegExp(`^\\s*${key}\\s*:`, "i").test(l));
    return i < 0 ? undefined : i + 1;
  } catch {
    return undefined;
  }
}

function entryOf(w: World, s: NoteSchedule): render.RevisitEntry {
  const row = w.rows.get(s.key)!;
  return {
    schedule: s,
    title: row.title,
    path: row.path,
    summary: row.summary,
    checklist: { done: row.checklist_done, total: row.checklist_total },
  };
}

function dueEntries(w: World, until: string): render.RevisitEntry[] {
  return dueBy(w.schedules.values(), w.ctx.today, until).map((d) => entryOf(w, d.schedule));
}

/** Find a note by slug or id, or fail with the closest slug as a hint. */
async function findNote(w: World, slug: string): Promise<{ row: NoteRow; schedule: NoteSchedule }> {
  const wanted = bareSlug(slug);
  const row = w.index.getNote(wanted);
  if (!row) {
    const near = await closestSlug(wanted, w.index.allNotes());
    throw new LearnError(
      `no note with slug or id ${slug}`,
      near ? `did you mean ${near}?` : "see `learn list` or `learn search`",
    );
  }
  return { row, schedule: w.schedules.get(noteKey(row))! };
}

/** Append one event, then replay the note with it to say what changed. */
function commit(w: World, row: NoteRow, event: LogEvent): NoteSchedule {
  appendRevisitEvents(w.ctx.ws.root, [event]);
  w.events.push(event);
  const s = replay(w.events, [row], w.ctx.config, w.ctx.today).byKey.get(noteKey(row))!;
  w.schedules.set(s.key, s);
  return s;
}

async function record(
  w: World,
  slug: string,
  action: RevisitAction,
  opts: RevisitOptions,
  io: IO,
): Promise<RevisitResult> {
  const { row, schedule } = await findNote(w, slug);
  const today = w.ctx.today;
  if (action.kind === "rate" && !opts.force) {
    const earlier = w.events.find(
      (e) =>
        e.event === "revisit" && e.date === today && (e.note === schedule.key || e.note === row.slug.toLowerCase()),
    );
    if (earlier?.event === "revisit")
      throw new LearnError(
        `${row.slug} was already revisited today (${earlier.rating})`,
        "pass --force to record a second revisit",
      );
  }
  if (action.kind === "snooze" && schedule.due === null)
    throw new LearnError(`${row.slug} is never due (revisit: false), so there is nothing to snooze`);
  const event = actionEvent(action, schedule, today);
  // the note first: when it cannot be written (it changed meanwhile), no event is logged either
  if (action.kind === "used" && action.lesson)
    recordLesson(join(w.ctx.ws.root, row.path), today, action.build, action.lesson);
  const next = commit(w, row, event);
  const entry = entryOf(w, next);
  if (opts.json) io.json({ recorded: event, schedule: render.entryJson(entry, today) });
  else io.out(render.renderRecorded(event, next, today, io.theme));
  return { entries: [entry], recorded: [event] };
}

async function status(w: World, slug: string, opts: RevisitOptions, io: IO): Promise<RevisitResult> {
  const entry = entryOf(w, (await findNote(w, slug)).schedule);
  if (opts.json) io.json(render.entryJson(entry, w.ctx.today));
  else io.out(render.renderNoteStatus(entry, w.ctx.today, io.theme));
  return { entries: [entry], recorded: [] };
}

function orphans(w: World, opts: RevisitOptions, io: IO): RevisitResult {
  // Every event counts here, future-dated ones too: an orphan is about the key, not the date.
  const found = replay(w.events, [...w.rows.values()], w.ctx.config, "9999-12-31").orphans;
  if (opts.json) io.json({ orphans: found });
  else if (found.length) io.out(render.renderOrphans(found, io.theme));
  if (!opts.json) io.err(render.orphanCountLine(found.length, REVISIT_LOG));
  return { entries: [], recorded: [] };
}

/** One line for a shell prompt, or nothing; kept to a count so it stays fast. */
function brief(count: number, opts: RevisitOptions, io: IO): RevisitResult {
  if (opts.json) io.json({ count });
  else if (count) io.out(render.briefLine(count));
  return { entries: [], recorded: [] };
}

function upcoming(w: World, opts: RevisitOptions, io: IO): RevisitResult {
  const up = upcomingWeeks(w.schedules.values(), w.ctx.today);
  if (opts.json)
    io.json({ today: w.ctx.today, now: up.now, weeks: up.weeks.map((x) => ({ week: isoWeek(x.start).label, ...x })) });
  else io.out(render.renderUpcoming(up, (d) => isoWeek(d).label, io.theme));
  return { entries: [], recorded: [] };
}

/** Walk the due notes one by one at a terminal; every choice is written at once, so quitting keeps it. */
async function review(w: World, io: IO): Promise<RevisitResult> {
  const ask = await import("../ui/prompts.js");
  const editor = await editorCommand(w.ctx, io, ask.askTrustEditor);
  const entries = dueEntries(w, w.ctx.today);
  const recorded: LogEvent[] = [];
  let skipped = 0;
  if (!entries.length) io.err(render.dueCountLine(0, 0));
  for (const [i, e] of entries.entries()) {
    io.out(render.renderReviewCard(e, i + 1, entries.length, w.ctx.today, io.theme));
    const row = w.rows.get(e.schedule.key)!;
    let choice = await ask.askReviewAction(Boolean(editor));
    while (choice === "open") {
      openInEditor(join(w.ctx.ws.root, row.path), editor!);
      choice = await ask.askReviewAction(true);
    }
    if (choice === "quit") break;
    if (choice === "skip") {
      skipped++;
      continue;
    }
    let lesson: string | undefined;
    if (choice === "lesson") {
      lesson = await ask.askLesson();
      const build = e.schedule.reason?.kind === "used" ? e.schedule.reason.build : undefined;
      recordLesson(join(w.ctx.ws.root, row.path), w.ctx.today, build, lesson);
      io.err(`added to ${row.path} under ## Used in builds`);
    }
    const action: RevisitAction =
      choice === "rate" || choice === "lesson"
        ? {
            kind: "rate",
            rating: parseRating(await ask.askRating(RATING_MEANING)),
            ...(lesson ? { lesson: oneLine(lesson) } : {}),
          }
        : {
            kind: "snooze",
            days: parseDuration(
              await ask.askSnooze((v) => ((parseDuration(v) ?? 0) > 0 ? true : `use ${DURATION_HINT}`)),
            )!,
          };
    const event = actionEvent(action, e.schedule, w.ctx.today);
    io.out(render.renderRecorded(event, commit(w, row, event), w.ctx.today, io.theme));
    recorded.push(event);
  }
  if (entries.length)
    io.err(
      `recorded ${recorded.length} of ${entries.length} due note${entries.length === 1 ? "" : "s"}${skipped ? `, skipped ${skipped}` : ""}`,
    );
  return { entries, recorded };
}
