import { readFileSync } from "node:fs";
import { join } from "node:path";
import { commit, dueEntries, entryOf, review, sharedIdProblem, worldOf, type World } from "../app/revisit-review.js";
import { addDays, isoWeek } from "../core/dates.js";
import { LearnError, NoWorkspaceError, UsageError } from "../core/errors.js";
import type { IndexHandle, IndexProblem, NoteRow } from "../core/index-types.js";
import {
  JSON_VERSION,
  type RevisitBriefJson,
  type RevisitListJson,
  type RevisitNoteJson,
  type RevisitOrphansJson,
  type RevisitRecordJson,
  type RevisitUpcomingJson,
} from "../core/json-types.js";
import { unknownNoteError } from "../core/note-suggest.js";
import {
  actionEvent,
  parseDurationFlag,
  revisitAction,
  type RevisitAction,
  type RevisitFlags,
} from "../core/revisit-actions.js";
import type { LogEvent, LogProblem } from "../core/revisit-event.js";
import { replay, upcomingWeeks, type NoteSchedule } from "../core/revisit-replay.js";
import { slugFromPath } from "../core/slug.js";
import { SqliteIndex } from "../store/handle.js";
import { IndexUnusableError } from "../store/open-db.js";
import { withIndex } from "../store/open-lazy.js";
import { countDue, noteSchedules } from "../store/schedule.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import * as render from "../ui/render-revisit.js";
import { createContext, type Context } from "../workspace/context.js";
import { recordLesson } from "../workspace/note-lesson.js";
import { REVISIT_LOG, revisitLog } from "../workspace/revisit-log.js";

/** Options of `learn revisit` (and `learn used SLUG --in BUILD`, which sets usedIn). */
export interface RevisitOptions extends GlobalOptions, RevisitFlags {
  force?: boolean;
  /** List (or walk with --review) at most this many due notes. */
  limit?: string;
}

/** `--limit N` as a whole number of at least 1; a usage error otherwise. */
function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1)
    throw new UsageError(`--limit ${text}: must be a whole number of at least 1`, "learn revisit --limit 10");
  return n;
}

/** What `learn revisit` listed or recorded. */
export interface RevisitResult {
  entries: render.RevisitEntry[];
  recorded: LogEvent[];
}

/** List the notes due for a revisit and why; record a revisit, a build use or a snooze; walk the due notes. */
export async function revisit(opts: RevisitOptions, io: IO): Promise<RevisitResult> {
  const action = revisitAction(opts); // usage errors before any file is touched
  const limit = parseLimit(opts.limit);
  if (limit !== undefined && (action || opts.slug || opts.upcoming || opts.orphans || opts.brief))
    throw new UsageError("--limit goes with the due list or --review", "learn revisit --limit 10");
  if (opts.review && !io.interactive)
    throw new UsageError(
      "--review needs a terminal",
      "list with `learn revisit`, record with `learn revisit SLUG --rating good`",
    );
  const ctx = await createContext(opts, io).catch((e: unknown) => {
    // --brief runs at every shell prompt, in every folder: outside a workspace it has nothing to say
    if (opts.brief && !opts.slug && e instanceof NoWorkspaceError) return undefined;
    throw e;
  });
  if (!ctx) return brief(0, opts, io);
  const notify = opts.brief ? undefined : io.err; // a prompt line stays quiet about a rebuilt index
  let opened = false;
  try {
    return await withIndex(ctx, { notify }, (index) => {
      opened = true;
      return run(ctx, index, action, opts, io);
    });
  } catch (err) {
    // Appending to revisits.jsonl never needs the cache: when `.learn/` cannot be used and the
    // command only records an event for one note, find the note by reading the notes folder.
    if (opened || !(action && opts.slug) || !(err instanceof IndexUnusableError)) throw err;
    notify?.(`learn: ${err.message}; found the note by reading the notes folder instead (${err.hint})`);
    const { walkedIndex } = await import("../store/walked-index.js");
    return run(ctx, walkedIndex(ctx), action, opts, io);
  }
}

async function run(
  ctx: Context,
  index: IndexHandle,
  action: RevisitAction | undefined,
  opts: RevisitOptions,
  io: IO,
): Promise<RevisitResult> {
  if (opts.brief && !opts.slug && index instanceof SqliteIndex)
    return brief(countDue(index, ctx, revisitLog(ctx.ws.root)), opts, io); // a shell prompt's fast path: one SQL count
  const w = worldOf(ctx, index);
  // A prompt line stays quiet; `learn revisit` says what is wrong.
  const onlyPath = opts.slug === undefined ? undefined : (index.findNotes(opts.slug)[0]?.path ?? "");
  const warnings = opts.brief ? [] : [...w.problems.map(logWarning), ...noteWarnings(ctx, index.problems(), onlyPath)];
  for (const line of warnings) io.err(`learn: ${line}`);
  if (opts.slug && !action) return status(w, opts.slug, opts, io);
  if (opts.slug) return afterLogged(ctx, index, await record(w, opts.slug, action!, opts, io));
  if (opts.orphans) return orphans(w, opts, io);
  if (opts.upcoming) return upcoming(w, opts, io);
  const limit = parseLimit(opts.limit);
  if (opts.review) return afterLogged(ctx, index, await review(w, io, limit));
  const within = opts.within ? parseDurationFlag("--within", opts.within, 0) : 0;
  const due = dueEntries(w, addDays(ctx.today, within));
  const entries = due.slice(0, limit);
  if (opts.json) {
    io.json({
      version: JSON_VERSION,
      today: ctx.today,
      until: addDays(ctx.today, within),
      count: entries.length,
      due: entries.map((e) => render.entryJson(e, ctx.today)),
      warnings,
    } satisfies RevisitListJson);
  } else {
    if (entries.length) io.out(render.renderDueList(entries, ctx.today, io.theme, io.columns));
    io.err(render.dueCountLine(due.length, within, entries.length));
  }
  return { entries, recorded: [] };
}

/**
 * Replay the schedules again once events were appended, so the shell prompt's cache
 * (.learn/brief.json) and the index's schedule table are current at once, not at the next prompt.
 */
function afterLogged(ctx: Context, index: IndexHandle, result: RevisitResult): RevisitResult {
  if (result.recorded.length && index instanceof SqliteIndex) noteSchedules(index, ctx, revisitLog(ctx.ws.root));
  return result;
}

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

/** Find a note by slug or id, or fail with the closest slug as a hint. */
async function findNote(w: World, slug: string): Promise<{ row: NoteRow; schedule: NoteSchedule }> {
  const row = w.index.getNote(slug); // by id, path or file name; a name two notes share exits 2
  if (!row) throw await unknownNoteError(slug, slugFromPath(slug), w.index.allNotes());
  return { row, schedule: w.schedules.get(w.keyOf(row))! };
}

async function record(
  w: World,
  slug: string,
  action: RevisitAction,
  opts: RevisitOptions,
  io: IO,
): Promise<RevisitResult> {
  const { row, schedule } = await findNote(w, slug);
  const shared = sharedIdProblem(w, row);
  if (shared) throw shared;
  const today = w.ctx.today;
  if (action.kind === "rate" && !opts.force) {
    const earlier = w.events.find(
      (e) =>
        e.event === "revisit" &&
        e.date === today &&
        (e.note === schedule.key || (e.note === row.slug.toLowerCase() && !schedule.key.startsWith("path:"))),
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
  if (opts.json)
    io.json({
      version: JSON_VERSION,
      recorded: event,
      schedule: render.entryJson(entry, today),
    } satisfies RevisitRecordJson);
  else io.out(render.renderRecorded(event, next, today, io.theme));
  return { entries: [entry], recorded: [event] };
}

async function status(w: World, slug: string, opts: RevisitOptions, io: IO): Promise<RevisitResult> {
  const entry = entryOf(w, (await findNote(w, slug)).schedule);
  if (opts.json) io.json({ version: JSON_VERSION, ...render.entryJson(entry, w.ctx.today) } satisfies RevisitNoteJson);
  else io.out(render.renderNoteStatus(entry, w.ctx.today, io.theme));
  return { entries: [entry], recorded: [] };
}

function orphans(w: World, opts: RevisitOptions, io: IO): RevisitResult {
  // Every event counts here, future-dated ones too: an orphan is about the key, not the date.
  const found = replay(w.events, [...w.rows.values()], w.ctx.config, "9999-12-31").orphans;
  if (opts.json) io.json({ version: JSON_VERSION, orphans: found } satisfies RevisitOrphansJson);
  else if (found.length) io.out(render.renderOrphans(found, io.theme));
  if (!opts.json) io.err(render.orphanCountLine(found.length, REVISIT_LOG));
  return { entries: [], recorded: [] };
}

/** One line for a shell prompt, or nothing; kept to a count so it stays fast. */
function brief(count: number, opts: RevisitOptions, io: IO): RevisitResult {
  if (opts.json) io.json({ version: JSON_VERSION, count } satisfies RevisitBriefJson);
  else if (count) io.out(render.briefLine(count));
  return { entries: [], recorded: [] };
}

function upcoming(w: World, opts: RevisitOptions, io: IO): RevisitResult {
  const up = upcomingWeeks(w.schedules.values(), w.ctx.today);
  if (opts.json)
    io.json({
      version: JSON_VERSION,
      today: w.ctx.today,
      now: up.now,
      weeks: up.weeks.map((x) => ({ week: isoWeek(x.start).label, ...x })),
    } satisfies RevisitUpcomingJson);
  else io.out(render.renderUpcoming(up, (d) => isoWeek(d).label, io.theme, io.columns));
  return { entries: [], recorded: [] };
}
