import { createHash } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { LearnError } from "../core/errors.js";
import { writeProblem } from "./note-files.js";

/** What a note looked like when it was read: compared again before writing. */
export interface EditStamp {
  hash: string;
  mode: number;
}

const hashOf = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Read a note to change it later; keep the stamp for writeEdited. */
export function readForEdit(path: string): { text: string; stamp: EditStamp } {
  try {
    const text = readFileSync(path, "utf8");
    return { text, stamp: { hash: hashOf(text), mode: statSync(path).mode } };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new LearnError(`${shown(path)}: no such note`, "run `learn index` and try again");
    throw new LearnError(`cannot read ${shown(path)}: ${(err as Error).message}`);
  }
}

/**
 * Write a changed note atomically (temp file in the same folder, fsync, rename),
 * refusing when the file changed on disk since `readForEdit` (an editor saved it).
 */
export function writeEdited(path: string, text: string, stamp: EditStamp): void {
  let current: string;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    throw new LearnError(
      `${shown(path)} was moved or deleted while learn was working; not written`,
      "run the command again",
    );
  }
  if (hashOf(current) !== stamp.hash) {
    throw new LearnError(
      `${shown(path)} changed on disk since learn read it; not written`,
      "save your editor's changes, then run the command again",
    );
  }
  if (current === text) return;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, "wx", stamp.mode & 0o777);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeProblem(err, path);
  }
}

/** Read, change with `edit`, and write back atomically in one call. Returns the new text. */
export function editNote(path: string, edit: (text: string) => string): string {
  const { text, stamp } = readForEdit(path);
  const next = edit(text);
  writeEdited(path, next, stamp);
  return next;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
