import { relative } from "node:path";
import type { Context } from "../core/context.js";
import type { SqliteIndex } from "../store/handle.js";
import type { IO } from "../ui/io.js";
import { editorCommand, openInEditor } from "../workspace/editor.js";
import { fallbackEditors } from "../workspace/note-substance.js";
import { schedules } from "./due.js";

// What `learn week` offers along the way: to open the week's note in an editor, and to go
// through the notes due once the loop is done.

/** Open the note with --edit; at a terminal with an editor set, offer to; with none set, offer nano or vi. */
export async function offerEditor(ctx: Context, path: string, edit: boolean | undefined, io: IO): Promise<void> {
  const shown = relative(ctx.ws.root, path);
  if (!edit && !io.interactive) return void io.err(`write the note in your own words: ${shown}`);
  let editor = await editorCommand(ctx, io, async (c, f) => (await import("../ui/prompts.js")).askTrustEditor(c, f));
  if (!editor && io.interactive) {
    const found = fallbackEditors(io.env);
    editor = found.length ? await (await import("../ui/prompts.js")).askFallbackEditor(found, shown) : undefined;
    if (editor) return openInEditor(path, editor);
  }
  if (!editor) {
    io.err(`learn: no editor set ($VISUAL or $EDITOR); the note is saved: edit ${shown}, then run learn week again`);
    return;
  }
  let open = Boolean(edit);
  if (!open && io.interactive)
    open = await (await import("../ui/prompts.js")).askConfirm(`Open it in ${editor} now?`, false);
  if (open) openInEditor(path, editor);
}

/** After step 5: say which notes are due now and offer to go through them. */
export async function offerReview(
  ctx: Context,
  index: SqliteIndex,
  io: IO,
  ask: typeof import("../ui/prompts.js") | undefined,
): Promise<boolean> {
  const { due } = schedules(ctx, index, index.allNotes());
  if (!due.length) {
    io.err("no notes due for revisit now");
    return false;
  }
  const names = due
    .slice(0, 5)
    .map((d) => d.note.slug)
    .join(", ");
  io.err(
    `${due.length} note${due.length === 1 ? "" : "s"} due for revisit now: ${names}${due.length > 5 ? ", …" : ""}`,
  );
  if (!ask) {
    io.err("go through them with: learn revisit --review");
    return false;
  }
  return ask.askConfirm(`Go through the ${due.length} due note${due.length === 1 ? "" : "s"} now?`, false);
}
