import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { LearnError } from "../core/errors.js";
import { JSON_VERSION, type NewJson } from "../core/json-types.js";
import { requireDomain, requireType, type NewNoteInput } from "../core/note-new.js";
import { parseNote } from "../core/note-parse.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext, type Context } from "../workspace/context.js";
import { editorCommand, openInEditor } from "../workspace/editor.js";
import { createNote } from "../workspace/note-create.js";
import { createWeekLog, readWeekLog } from "../workspace/week-log.js";

/** Options of `learn new`. */
export interface NewOptions extends GlobalOptions, Omit<NewNoteInput, "roles" | "tags"> {
  roles?: string;
  tags?: string;
  edit?: boolean;
}

/** What `learn new` made. */
export interface NewResult {
  id: string;
  slug: string;
  title: string;
  type: string;
  domain: string;
  path: string;
}

/** Scaffold a note from its template; prompt for missing title, domain, difficulty and roles at a terminal. */
export async function newNote(opts: NewOptions, io: IO): Promise<NewResult> {
  const type = requireType(opts.type);
  const ctx = await createContext(opts);
  const input: NewNoteInput = { ...opts };
  if (opts.domain) requireDomain(opts.domain, ctx.config); // fail before asking anything
  if (type === "log" && !input.title?.trim()) return thisWeeksLog(ctx, opts, io);
  if (io.interactive) {
    const ask = await import("../ui/prompts.js");
    if (!input.title?.trim()) input.title = await ask.askTitle();
    if (!input.domain && type !== "log") input.domain = await ask.askDomain(ctx.config);
    if (!input.difficulty) input.difficulty = await ask.askDifficulty();
    if (opts.roles === undefined) input.roles = await ask.askRoles(ctx.config);
  }
  const { plan, path } = createNote(ctx, input);
  return done(
    { id: plan.vars.id, slug: plan.slug, title: plan.vars.title, type: plan.type, domain: plan.vars.domain, path },
    ctx,
    opts,
    io,
  );
}

/** Print what was made (or found) and open it in the editor when asked. */
async function done(result: NewResult, ctx: Context, opts: NewOptions, io: IO): Promise<NewResult> {
  const shown = relative(process.cwd(), result.path) || result.path;
  if (opts.json) io.json({ version: JSON_VERSION, ...result } satisfies NewJson);
  else io.out(io.theme.path(shown));
  if (opts.edit) {
    const editor = await editorCommand(ctx, io, async (c, f) =>
      (await import("../ui/prompts.js")).askTrustEditor(c, f),
    );
    if (!editor) throw new LearnError("no editor set", `set $VISUAL or $EDITOR; the note is saved at ${shown}`);
    openInEditor(result.path, editor);
  }
  return result;
}

/**
 * `learn new log` without a title is this week's log, notes/log/YYYY-Www.md, the same file
 * `learn week` keeps: made from the log template when missing, else found (as Periodic Notes does).
 */
async function thisWeeksLog(ctx: Context, opts: NewOptions, io: IO): Promise<NewResult> {
  const log = readWeekLog(ctx);
  if (log.exists) io.err(`this week's log already exists: ${log.shown}`);
  else createWeekLog(ctx, log, { ...log.state, ...(opts.domain ? { domain: opts.domain.toLowerCase() } : {}) });
  const note = parseNote(readFileSync(log.path, "utf8"), log.label);
  return done(
    {
      id: note.data.id ?? "",
      slug: log.label,
      title: note.title,
      type: "log",
      domain: note.data.domain ?? "",
      path: log.path,
    },
    ctx,
    opts,
    io,
  );
}
