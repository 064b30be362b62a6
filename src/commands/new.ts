import { relative } from "node:path";
import { isoWeek } from "../core/dates.js";
import { LearnError } from "../core/errors.js";
import { requireDomain, requireType, type NewNoteInput } from "../core/note-new.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";
import { editorCommand, openInEditor } from "../workspace/editor.js";
import { createNote } from "../workspace/note-create.js";

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
  const ctx = createContext(opts);
  const input: NewNoteInput = { ...opts };
  if (type === "log" && !input.title) input.title = `Week ${isoWeek(ctx.today).label}`;
  if (opts.domain) requireDomain(opts.domain, ctx.config); // fail before asking anything
  if (io.interactive) {
    const ask = await import("../ui/prompts.js");
    if (!input.title?.trim()) input.title = await ask.askTitle();
    if (!input.domain && type !== "log") input.domain = await ask.askDomain(ctx.config);
    if (!input.difficulty) input.difficulty = await ask.askDifficulty();
    if (opts.roles === undefined) input.roles = await ask.askRoles(ctx.config);
  }
  const { plan, path } = createNote(ctx, input);
  const shown = relative(process.cwd(), path) || path;
  const result: NewResult = { id: plan.vars.id, slug: plan.slug, title: plan.vars.title, type: plan.type, domain: plan.vars.domain, path };

  if (opts.json) io.json(result);
  else io.out(io.theme.path(shown));
  if (opts.edit) {
    const editor = editorCommand(io.env, ctx.config.editor);
    if (!editor) throw new LearnError("no editor set", `set $VISUAL or $EDITOR; the note is saved at ${shown}`);
    openInEditor(path, editor);
  }
  return result;
}
