import { join, relative } from "node:path";
import { isPromptExit, StoppedError, UsageError } from "../core/errors.js";
import type { WeekJson } from "../core/json-types.js";
import { slugForTitle } from "../core/note-new.js";
import { replayKeys } from "../core/revisit-replay.js";
import { domainStats, META_TYPES, suggestDomain } from "../core/week-domain.js";
import {
  checkWeekFlags,
  parseRevisitPlan,
  requireWeekType,
  stepGiven,
  type WeekFlags,
  type WeekGiven,
} from "../core/week-input.js";
import {
  firstUnfinished,
  namesWeekNote,
  STEP_FLAG,
  STEP_LABEL,
  WEEK_STEPS,
  type WeekLog,
  type WeekStep,
  weekNoteName,
} from "../core/week-model.js";
import { openIndexLazy, withIndex } from "../store/open-lazy.js";
import type { NoteRow } from "../core/index-types.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderWeekStatus, stepDoneLine, toWeekJson } from "../ui/render-week.js";
import { createContext, type Context } from "../workspace/context.js";
import { readForEdit } from "../workspace/note-edit.js";
import { startedWeekNote } from "../workspace/note-substance.js";
import { offerEditor, offerReview } from "../app/week-offers.js";
import { noteMissing, recheckNote, refreshActivity } from "../app/week-progress.js";
import { readAllWeekLogs, readWeekLog, weekOverview } from "../workspace/week-log.js";
import {
  collidingNote,
  notePath,
  stepChecklist,
  stepChecklistDraft,
  stepDomain,
  stepExistingNote,
  stepNewNote,
  stepRevisit,
  stepRoles,
  weekNote,
} from "../workspace/week-steps.js";

/** Options of `learn week`: each step's flag does that step without a prompt. */
export interface WeekOptions extends GlobalOptions, WeekFlags {
  status?: boolean;
  edit?: boolean;
}

const stepNo = (step: WeekStep): string => `step ${WEEK_STEPS.indexOf(step) + 1}/5 (${STEP_LABEL[step].toLowerCase()})`;

/** A usage error for the first step `step` needs that is not done this week. */
function missingBefore(step: WeekStep, log: WeekLog): UsageError | undefined {
  const need = WEEK_STEPS.slice(0, WEEK_STEPS.indexOf(step))
    .filter((s) => s === "domain" || s === "note")
    .find((s) => (s === "note" ? !log.state.note : !log.state.done.includes(s))); // a started note is enough to go on
  return need
    ? new UsageError(
        `missing ${STEP_FLAG[need]}: ${stepNo(need)} is not done this week`,
        `it comes before step ${WEEK_STEPS.indexOf(step) + 1}`,
      )
    : undefined;
}

/** Run this week's learning loop: resume at the first unfinished step; prompt at a terminal, else use the flags. */
export async function week(opts: WeekOptions, io: IO): Promise<WeekJson> {
  const ctx = await createContext(opts, io);
  if (opts.status) return showStatus(ctx, opts, io);
  const given = checkWeekFlags(opts, ctx.config, ctx.today);
  let log = await recheckNote(ctx, readWeekLog(ctx), io);
  const ask = io.interactive ? await import("../ui/prompts.js") : undefined;
  if (!ask && !WEEK_STEPS.some((s) => stepGiven(s, given))) {
    const next = firstUnfinished(log.state);
    if (next === "note" && log.state.note) return showStatus(ctx, opts, io); // started: the status says what is missing
    if (next)
      throw new UsageError(
        `missing ${STEP_FLAG[next]}: ${stepNo(next)} is next for ${log.label}`,
        "run `learn week` at a terminal, or see `learn week --help` for the flags",
      );
    return showStatus(ctx, opts, io);
  }

  let { index } = await openIndexLazy(ctx);
  const reindex = async () => {
    index.close();
    index = (await openIndexLazy(ctx)).index;
  };
  const find = (slug: string) => index.getNote(slug);
  let review = false;
  let ran = false;
  try {
    for (const step of WEEK_STEPS) {
      if (log.state.done.includes(step)) {
        if (stepGiven(step, given))
          io.err(`learn: ${stepNo(step)} is already done this week; ${STEP_FLAG[step]} ignored`);
        continue;
      }
      if (!ask && !stepGiven(step, given)) continue;
      const missing = missingBefore(step, log);
      if (missing) throw missing;
      ran = true;
      if (step === "domain") {
        const stats = domainStats(index.allNotes(), readAllWeekLogs(ctx).focus, ctx.config, ctx.today);
        const domain = given.domain ?? (await ask!.askWeekDomain(stats, suggestDomain(stats)));
        log = stepDomain(ctx, log, domain);
        if (given.domain) io.err(stepDoneLine(step, domain, io.theme)); // at a prompt, its answer line says it
      } else if (step === "note" && log.state.note && namesStartedNote(given, log.state.note, find)) {
        const started = startedWeekNote(ctx.ws, log.state, find);
        if (started) {
          io.err(`step 2/5 is started: ${started.path} needs ${started.missing}`);
          await offerEditor(ctx, join(ctx.ws.root, started.path), opts.edit, io);
          log = await recheckNote(ctx, log, io);
        }
      } else if (step === "note") {
        log = await noteStep(ctx, log, given, opts, io, index.allNotes(), find);
        log = await recheckNote(ctx, log, io); // written in the editor just now?
        await reindex();
      } else if (step === "checklist") {
        const row = weekNote(log, find);
        const before = readForEdit(notePath(ctx, row)).stamp; // the answer must not revert edits made meanwhile
        const kept = log.state.checklistDraft ?? [];
        if (kept.length && !given.checklist)
          io.err(
            `kept from a stopped run: ${kept.length} checklist item${kept.length === 1 ? "" : "s"} (${kept.join("; ")})`,
          );
        // each item is kept in the log as it is typed, so Ctrl-C does not lose it
        const items = given.checklist
          ? [...kept, ...given.checklist]
          : await ask!.askChecklistItems(kept, (draft) => void (log = stepChecklistDraft(ctx, log, draft)));
        log = stepChecklist(ctx, log, row, items, before);
        io.err(
          stepDoneLine(step, `${items.length} item${items.length === 1 ? "" : "s"} added to ${row.path}`, io.theme),
        );
        await reindex();
      } else if (step === "roles") {
        const row = weekNote(log, find);
        const before = readForEdit(notePath(ctx, row)).stamp;
        // A flag adds roles (never drops ones the note has); the checkbox shows them ticked.
        const roles = given.roles
          ? [...new Set([...row.roles, ...given.roles])]
          : await ask!.askWeekRoles(ctx.config, row.roles);
        log = stepRoles(ctx, log, row, roles, before);
        if (given.roles) io.err(stepDoneLine(step, `roles: [${roles.join(", ")}]`, io.theme));
        await reindex();
      } else {
        const row = weekNote(log, find);
        const plan = given.plan ?? (await ask!.askRevisitPlan((v) => parseRevisitPlan(v, ctx.today)));
        log = stepRevisit(ctx, log, row, plan, replayKeys(index.allNotes())(row)); // a shared file name keys by path
        io.err(
          stepDoneLine(
            step,
            plan === "build"
              ? `record the build with: learn used ${weekNoteName(row, index.allNotes())} --in "<the build>"`
              : `due on ${plan}`,
            io.theme,
          ),
        );
        review = await offerReview(ctx, index, io, ask);
      }
    }
    await reindex();
    refreshActivity(ctx, log, index.allNotes(), ran);
  } catch (err) {
    if (isPromptExit(err)) throw new StoppedError(keptSoFar(ctx, log));
    throw err;
  } finally {
    index.close();
  }
  const shown = await showStatus(ctx, opts, io);
  if (review) {
    const { review: walk, worldOf } = await import("../app/revisit-review.js");
    await withIndex(ctx, { notify: io.err }, (index) => walk(worldOf(ctx, index), io));
  }
  return shown;
}

/** What a stopped week kept: the steps done and step 3's items typed so far, as its log says now. */
function keptSoFar(ctx: Context, stale: WeekLog): string {
  let log = stale;
  try {
    log = readWeekLog(ctx);
  } catch {
    // say what this run knew
  }
  const done = log.state.done.map((s) => WEEK_STEPS.indexOf(s) + 1);
  const draft = log.state.checklistDraft?.length ?? 0;
  const parts = [
    ...(done.length ? [`step${done.length === 1 ? "" : "s"} ${done.join(", ")} done`] : []),
    ...(draft ? [`${draft} checklist item${draft === 1 ? "" : "s"} kept`] : []),
  ];
  return parts.length ? `${parts.join(", ")} in ${log.shown}; \`learn week\` goes on from there` : "nothing recorded";
}

/** Step 2: an existing note (--note, or picked), or a new one (--title, or asked); then the editor. */
async function noteStep(
  ctx: Context,
  log: WeekLog,
  given: WeekGiven,
  opts: WeekOptions,
  io: IO,
  notes: NoteRow[],
  find: (s: string) => NoteRow | undefined,
): Promise<WeekLog> {
  const ask = io.interactive ? await import("../ui/prompts.js") : undefined;
  let existing: NoteRow | undefined;
  if (given.note !== undefined) {
    existing = find(given.note);
    if (!existing)
      throw new UsageError(
        `unknown note: ${given.note}`,
        "pass the slug of an existing note (see `learn list`), or --title for a new one",
      );
  } else if (given.title === undefined) {
    const candidates = notes.filter(
      (n) =>
        n.domain === log.state.domain &&
        !META_TYPES.includes(n.type ?? "") &&
        (n.visibility !== "public" || (n.status ?? "seedling") === "seedling"),
    );
    const slug = await ask!.askWeekNote(candidates);
    existing = slug ? find(slug) : undefined;
  }
  let title = given.title;
  while (!existing) {
    title ??= await ask!.askTitle("Title of the new public note");
    const clash = collidingNote(title, notes);
    if (!clash) break;
    const where = clash.path;
    if (!ask)
      throw new UsageError(
        `a note with this title already exists: ${where}`,
        `pass --note ${clash.slug} to make it the week's note, or pick another --title`,
      );
    if (await ask.askConfirm(`A note with this title already exists (${where}). Make it the week's note?`, true))
      existing = clash;
    else title = undefined;
  }
  if (existing) {
    const wasPublic = existing.visibility === "public";
    const next = stepExistingNote(ctx, log, existing, weekNoteName(existing, notes)); // a shared file name: by path
    io.err(noteStepLine(ctx, next, existing.path, wasPublic ? "is public already" : "is public now", io));
    await offerEditor(ctx, notePath(ctx, existing), opts.edit, io);
    return next;
  }
  const type = opts.type !== undefined ? requireWeekType(opts.type) : ask ? await ask.askWeekNoteType() : "doc";
  const difficulty = opts.difficulty ?? (ask ? await ask.askDifficulty() : undefined);
  const made = stepNewNote(ctx, log, { title: title!, type, difficulty });
  io.err(noteStepLine(ctx, made.log, relative(ctx.ws.root, made.path), "(public)", io));
  await offerEditor(ctx, made.path, opts.edit, io);
  return made.log;
}

/** True when step 2's flags name no other note than the one already started (by slug or path), or none at all. */
function namesStartedNote(given: WeekGiven, started: string, find: (name: string) => NoteRow | undefined): boolean {
  if (given.title === undefined && given.note === undefined) return true;
  const name = given.note ?? slugForTitle(given.title!);
  if (name.toLowerCase() === started.toLowerCase()) return true;
  const row = find(started);
  return (
    row !== undefined && (given.note !== undefined ? find(given.note)?.path === row.path : namesWeekNote(name, row))
  );
}

/** The line step 2 prints: done when the note is written, else started, with what it still needs. */
function noteStepLine(ctx: Context, log: WeekLog, path: string, what: string, io: IO): string {
  if (log.state.done.includes("note")) return stepDoneLine("note", `${path} ${what}`, io.theme);
  const started = startedWeekNote(ctx.ws, log.state, () => ({ path }));
  return `${io.theme.due("›")} step 2/5 started: ${path} ${what}; it is done once it has ${started?.missing ?? "words of its own"}`;
}

async function showStatus(ctx: Context, opts: WeekOptions, io: IO): Promise<WeekJson> {
  const o = { ...weekOverview(ctx), ...(await noteMissing(ctx, readWeekLog(ctx))) };
  for (const w of o.warnings) io.err(`learn: warning: ${w}`);
  const json = { ...toWeekJson(o), note_missing: o.noteMissing ?? null };
  if (opts.json) io.json(json);
  else io.out(renderWeekStatus(o, ctx.config, ctx.today, io.theme));
  return json;
}
