import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import type { Config } from "../core/config.js";
import { LearnError, NoteExistsError } from "../core/errors.js";
import type { WorkspacePaths } from "./find.js";
import { walkNotes } from "./note-walk.js";

/** Every note slug (file name without .md/.markdown, lower-case) the index would find: the same walk. */
export function existingSlugs(ws: WorkspacePaths, config: Pick<Config, "follow_symlinks_outside">): Set<string> {
  const walk = walkNotes(ws.notesDir, "notes", { root: ws.root, followOutside: config.follow_symlinks_outside });
  return new Set(
    walk.files.map((f) =>
      f.path
        .replace(/^.*\//, "")
        .replace(/\.(md|markdown)$/i, "")
        .toLowerCase(),
    ),
  );
}

/** Turn a file-system error into a sentence a user can act on. */
export function writeProblem(err: unknown, path: string): LearnError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return new NoteExistsError(path);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new LearnError(`cannot write ${path}: permission denied`, "check that the notes folder is writable");
  }
  if (code === "ENOTDIR")
    return new LearnError(`cannot write ${path}: a file stands where a folder should be`, "rename or move that file");
  return new LearnError(`cannot write ${path}: ${(err as Error).message}`);
}

/**
 * Create a new note file, never overwriting one (O_EXCL), and never outside `notesDir`.
 * Returns the absolute path written.
 */
export function createNoteFile(notesDir: string, relPath: string, text: string): string {
  const root = resolve(notesDir);
  const path = resolve(root, relPath);
  if (path !== root && !path.startsWith(root + sep))
    throw new LearnError(`refusing to write outside notes/: ${relPath}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    // EEXIST here means a file stands where the folder should be, not that the note exists.
    const code = (err as NodeJS.ErrnoException).code;
    throw code === "EEXIST" || code === "ENOTDIR"
      ? writeProblem({ code: "ENOTDIR" }, dirname(path))
      : writeProblem(err, path);
  }
  try {
    writeFileSync(path, text, { flag: "wx" });
  } catch (err) {
    throw writeProblem(err, path);
  }
  return path;
}
