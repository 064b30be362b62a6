import { LearnError } from "../core/errors.js";
import { formatFrontMatter } from "../core/note-format.js";
import { newNoteFields, planNewNote, type NewNoteInput, type NewNotePlan } from "../core/note-new.js";
import { renderTemplate, TemplateError } from "../core/template.js";
import type { Context } from "./context.js";
import type { WorkspacePaths } from "./find.js";
import { createNoteFile, existingSlugs } from "./note-files.js";
import { loadTemplate } from "./templates.js";

/** A note just written: its plan and absolute path. */
export interface CreatedNote {
  plan: NewNotePlan;
  path: string;
}

/** The text of a planned note: its template rendered, learn's front matter (plus `extra` keys) on top. */
export function renderPlannedNote(ws: WorkspacePaths, plan: NewNotePlan, extra: Record<string, unknown> = {}): string {
  const template = loadTemplate(ws, plan.type);
  let rendered;
  try {
    rendered = renderTemplate(template.source, plan.vars);
  } catch (err) {
    if (err instanceof TemplateError)
      throw new LearnError(`${template.path}: ${err.message}`, "fix the template, or delete it to use the bundled one");
    throw err;
  }
  return formatFrontMatter({ ...newNoteFields(plan.vars, rendered.fields), ...extra }) + rendered.body;
}

/** Plan a note from `input`, render its template and create the file (never overwriting one). */
export function createNote(ctx: Context, input: NewNoteInput): CreatedNote {
  const taken = existingSlugs(ctx.ws, ctx.config);
  const plan = planNewNote(input, ctx.config, ctx.today, (s) => taken.has(s));
  const path = createNoteFile(ctx.ws.notesDir, plan.relPath, renderPlannedNote(ctx.ws, plan));
  return { plan, path };
}
