import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join } from "node:path";
import { fileKind, isInside, outsideReason, realRoot, type FileProblem, type ReadScope } from "./safe-read.js";

// Note discovery: the one definition of "the notes of a workspace", used by the index and by
// every command that lists notes. Links are followed only inside the workspace (see safe-read.ts).

/** A note file found on disk, with what (mtime, size) says about its content. */
export interface FoundFile {
  /** Path relative to the workspace root, forward slashes. */
  path: string;
  abs: string;
  /** The resolved path, when the file is reached through a symlink; read this one. */
  real?: string;
  mtimeMs: number;
  size: number;
}

/** What a walk of notes/ found: the files, folders it could not read, and why. */
export interface WalkResult {
  files: FoundFile[];
  /** Relative folder paths (with trailing slash) that could not be read: their notes stay indexed. */
  unreadable: string[];
  problems: FileProblem[];
}

const NOTE_FILE = /\.(md|markdown)$/i;
const skipDir = (name: string): boolean => name.startsWith(".") || name === "node_modules";
const FOLLOW_TIP = " (set follow_symlinks_outside: true in learn.config.yaml to follow it)";
const code = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * Walk `notesDir` for .md/.markdown files: skip dot-folders, node_modules and .learn; follow
 * symlinks only to places inside `scope.root` (else report and skip them, unless
 * `scope.followOutside`), never into a folder already visited (no loops); report note-named
 * entries that are not regular files (FIFOs, sockets, devices) instead of reading them.
 * One stat per note, a realpath only per symlink.
 */
export function walkNotes(notesDir: string, relBase: string, scope: ReadScope): WalkResult {
  const out: WalkResult = { files: [], unreadable: [], problems: [] };
  const root = realRoot(scope.root);
  const allowed = (real: string): boolean => scope.followOutside === true || isInside(real, root);
  const seen = new Set<string>();
  const problem = (path: string, reason: string, severity: FileProblem["severity"] = "warning") =>
    out.problems.push({ path, reason, severity });

  const visit = (abs: string, rel: string, real: string): void => {
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      if (code(err) === "ENOENT" && rel === relBase) return;
      out.unreadable.push(`${rel}/`);
      problem(`${rel}/`, `cannot read folder: ${code(err)}`, "error");
      return;
    }
    for (const e of entries) {
      const childAbs = join(abs, e.name);
      const childRel = `${rel}/${e.name}`;
      let childReal: string | undefined;
      let st: Stats | undefined;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          childReal = realpathSync.native(childAbs);
          st = statSync(childReal);
        } catch {
          continue; // a dangling link is not a note
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (!isDir && !NOTE_FILE.test(e.name)) continue;
        if (isDir && skipDir(e.name)) continue;
        if (!allowed(childReal)) {
          problem(isDir ? `${childRel}/` : childRel, `${outsideReason(childReal)}: skipped${FOLLOW_TIP}`);
          continue;
        }
      }
      if (isDir) {
        if (skipDir(e.name)) continue;
        const dirReal = childReal ?? join(real, e.name);
        if (!seen.has(dirReal)) visit(childAbs, childRel, dirReal);
      } else if (NOTE_FILE.test(e.name)) {
        if (!isFile) {
          // A FIFO, socket or device named like a note: reading it could hang or never end.
          problem(childRel, `${fileKind(st ?? e)}, not a regular file: skipped`);
          continue;
        }
        try {
          st ??= statSync(childAbs);
          out.files.push({
            path: childRel,
            abs: childAbs,
            ...(childReal ? { real: childReal } : {}),
            mtimeMs: st.mtimeMs,
            size: st.size,
          });
        } catch (err) {
          out.unreadable.push(childRel);
          problem(childRel, `cannot stat: ${code(err)}`, "error");
        }
      }
    }
  };

  let start: string;
  try {
    start = realpathSync.native(notesDir);
  } catch (err) {
    if (code(err) !== "ENOENT") {
      out.unreadable.push(`${relBase}/`);
      problem(`${relBase}/`, `cannot read folder: ${code(err)}`, "error");
    }
    return out;
  }
  if (!allowed(start)) {
    problem(`${relBase}/`, `${outsideReason(start)}: skipped${FOLLOW_TIP}`);
    return out;
  }
  visit(notesDir, relBase, start);
  return out;
}
