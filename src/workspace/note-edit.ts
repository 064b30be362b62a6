import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { LearnError } from "../core/errors.js";
import type { EditStamp } from "../core/week-model.js";
import { writeFileSafe } from "./safe-write.js";

const hashOf = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The stamp of a text just read or written. */
export const stampOf = (text: string): EditStamp => ({ hash: hashOf(text) });

/** Read a note to change it later; keep the stamp for writeEdited. */
export function readForEdit(path: string): { text: string; stamp: EditStamp } {
  try {
    const text = readFileSync(path, "utf8");
    return { text, stamp: stampOf(text) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new LearnError(`${shown(path)}: no such note`, "run `learn index` and try again");
    throw new LearnError(`cannot read ${shown(path)}: ${(err as Error).message}`);
  }
}

/** The error for a file that is not what learn read: it refuses rather than revert someone's change. */
export const changedOnDisk = (path: string, hint = "save your editor's changes, then run the command again") =>
  new LearnError(`${shown(path)} changed on disk since learn read it; not written`, hint);

/**
 * Write a changed note atomically (temp file in the same folder, fsync, rename; mode and
 * owner kept; never through a link; never outside `root`, by default the note's folder),
 * refusing when the file changed on disk since `readForEdit` (an editor saved it).
 * Returns the stamp of what is on disk now.
 */
export function writeEdited(path: string, text: string, stamp: EditStamp, root = dirname(path)): EditStamp {
  let current: string;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    throw new LearnError(
      `${shown(path)} was moved or deleted while learn was working; not written`,
      "run the command again",
    );
  }
  if (hashOf(current) !== stamp.hash) throw changedOnDisk(path);
  if (current === text) return stamp;
  writeFileSafe(root, path, text, { folder: "the notes folder" });
  return stampOf(text);
}

/**
 * Read, change with `edit`, and write back atomically in one call. Returns the new text.
 * With `expect`, the stamp of an earlier read (before a prompt), the note must still be
 * what was read then.
 */
export function editNote(
  path: string,
  edit: (text: string) => string,
  opts: { root?: string; expect?: EditStamp } = {},
): string {
  const { text, stamp } = readForEdit(path);
  if (opts.expect && opts.expect.hash !== stamp.hash) throw changedOnDisk(path);
  const next = edit(text);
  writeEdited(path, next, stamp, opts.root);
  return next;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
