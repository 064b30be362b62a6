import { resolve, sep } from "node:path";
import type { Config } from "../core/config.js";
import { LearnError, NoteExistsError } from "../core/errors.js";
import type { WorkspacePaths } from "./find.js";
import { walkWorkspace } from "../files/note-walk.js";
import { createFileSafe } from "./safe-write.js";

/** Every note slug (file name without .md/.markdown, lower-case) the index would find: the same walk, the same ignore rules. */
export function existingSlugs(
  ws: WorkspacePaths,
  config: Pick<Config, "follow_symlinks_outside" | "dialect" | "ignore">,
): Set<string> {
  const walk = walkWorkspace(ws, config);
  return new Set(
    walk.files.map((f) =>
      f.path
        .replace(/^.*\//, "")
        .replace(/\.(md|markdown)$/i, "")
        .toLowerCase(),
    ),
  );
}

/**
 * Turn a file-system error into a sentence a user can act on. `existsHint` is what to do
 * when the file already exists, in the words of the command (default: `learn new`'s).
 */
export function writeProblem(err: unknown, path: string, existsHint?: string): LearnError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return new NoteExistsError(path, existsHint);
  if (code === "ENOSPC" || code === "EDQUOT")
    return new LearnError(`cannot write ${path}: the disk is full`, "free some disk space, then run the command again");
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new LearnError(`cannot write ${path}: permission denied`, "check that the notes folder is writable");
  }
  if (code === "ENOTDIR")
    return new LearnError(`cannot write ${path}: a file stands where a folder should be`, "rename or move that file");
  return new LearnError(`cannot write ${path}: ${(err as Error).message}`);
}

/**
 * Create a new note file, never overwriting one, and never outside `notesDir` (links
 * leading out included). The note appears whole or not at all (see createFileSafe).
 * Returns the absolute path written; `existsHint` as for writeProblem.
 */
export function createNoteFile(notesDir: string, relPath: string, text: string, existsHint?: string): string {
  const root = resolve(notesDir);
  const path = resolve(root, relPath);
  if (path !== root && !path.startsWith(root + sep))
    throw new LearnError(`refusing to write outside notes/: ${relPath}`);
  if (!createFileSafe(root, path, text, { makeRoot: true, folder: "the notes folder" }))
    throw new NoteExistsError(path, existsHint);
  return path;
}
