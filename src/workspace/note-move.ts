import { existsSync, linkSync, readFileSync, renameSync, unlinkSync } from "node:fs";
import { posix, join } from "node:path";
import { LearnError } from "../core/errors.js";
import { setFrontMatter } from "../core/front-matter-edit.js";
import { applyLineEdits, renameLinkEdits, type LineEdit } from "../core/note-rename.js";
import { isValidSlug } from "../core/slug.js";
import type { IndexHandle, NoteRow } from "../core/index-types.js";
import type { Context } from "./context.js";
import type { EditStamp } from "../core/week-model.js";
import { stampOf, writeEdited } from "./note-edit.js";

/** One note a move rewrites: its text as read, the link edits, and the text after them. */
interface MoveFile {
  path: string;
  text: string;
  stamp: EditStamp;
  edits: LineEdit[];
  next: string;
}

/** A rename planned against the index: the note, where it goes, and every file whose links change. */
export interface MovePlan {
  note: NoteRow;
  oldPath: string;
  newPath: string;
  /** True when the note had no `id:` and gets its old slug as id, so its revisit history stays its own. */
  addsId: boolean;
  files: MoveFile[];
}

/**
 * Plan renaming the note `name` (slug or id) to the slug `to`, in the same folder. `textOf`
 * gives a note's current text (an editor's unsaved buffer); by default it is read from disk.
 */
export function planMove(
  ctx: Context,
  index: IndexHandle,
  name: string,
  to: string,
  textOf: (path: string) => string | undefined = (p) => readText(ctx, p),
): MovePlan {
  const note = index.getNote(name.replace(/\.(md|markdown)$/i, ""));
  if (!note) throw new LearnError(`no note with slug or id ${name}`, "see `learn list` or `learn search`");
  const slug = to.replace(/\.(md|markdown)$/i, "");
  if (!isValidSlug(slug))
    throw new LearnError(
      `${to}: a new name must be a slug (lower-case letters and digits joined by -)`,
      "e.g. http-caching",
    );
  const ext = posix.extname(note.path);
  const newPath = posix.join(posix.dirname(note.path), `${slug}${ext}`);
  if (newPath === note.path) throw new LearnError(`${note.path} already has that name`);
  const clash = index.findNotes(slug).find((n) => n.slug.toLowerCase() === slug.toLowerCase());
  if ((clash && clash.path !== note.path) || existsSync(join(ctx.ws.root, newPath)))
    throw new LearnError(`${newPath} already exists: not moved`, "pick another name, or move that note first");
  const paths = new Set([note.path]);
  for (const l of index.linksTo(note.path)) if (l.from_path) paths.add(l.from_path);
  const addsId = note.id === null;
  // A note whose file name another id-less note shares was keyed by its path (see replayKeys): its old
  // path becomes its id, which replay reads as that path, so its history stays its own and unshared.
  const shared = addsId && index.findNotes(note.slug).some((n) => n.path !== note.path && n.id === null);
  const newId = shared ? note.path : note.slug.toLowerCase();
  const files: MoveFile[] = [];
  for (const path of paths) {
    const text = textOf(path);
    if (text === undefined) continue;
    const edits = renameLinkEdits(text, path, note.path, newPath);
    let next = applyLineEdits(text, edits);
    if (path === note.path && addsId) next = setFrontMatter(next, { id: newId }, path);
    if (next !== text) files.push({ path, text, stamp: stampOf(text), edits, next });
  }
  return { note, oldPath: note.path, newPath, addsId, files };
}

/** A note's text on disk, or undefined when it cannot be read. */
export function readText(ctx: Context, path: string): string | undefined {
  try {
    return readFileSync(join(ctx.ws.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Carry out a plan: rewrite each linking note (atomically, refused if it changed since the
 * plan read it), then rename the note without replacing anything at the new name.
 */
export function applyMove(ctx: Context, plan: MovePlan): void {
  for (const f of plan.files) {
    writeEdited(join(ctx.ws.root, f.path), f.next, f.stamp, ctx.ws.root);
  }
  const from = join(ctx.ws.root, plan.oldPath);
  const to = join(ctx.ws.root, plan.newPath);
  try {
    linkSync(from, to); // fails when the name was taken meanwhile: never replaces a file
    unlinkSync(from);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new LearnError(`${plan.newPath} already exists: not moved`);
    if (existsSync(to)) throw new LearnError(`${plan.newPath} already exists: not moved`);
    renameSync(from, to); // a file system without hard links
  }
}
