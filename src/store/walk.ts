import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { IndexProblem } from "../core/index-types.js";

/** A note file found on disk, with what (mtime, size) says about its content. */
export interface FoundFile {
  /** Path relative to the workspace root, forward slashes. */
  path: string;
  abs: string;
  mtimeMs: number;
  size: number;
}

/** What a walk of notes/ found: the files, folders it could not read, and why. */
export interface WalkResult {
  files: FoundFile[];
  /** Relative folder paths (with trailing slash) that could not be read: their notes stay indexed. */
  unreadable: string[];
  problems: IndexProblem[];
}

const NOTE_FILE = /\.(md|markdown)$/i;
const skipDir = (name: string): boolean => name.startsWith(".") || name === "node_modules";

/**
 * Walk `notesDir` for .md/.markdown files: skip dot-folders, node_modules and .learn,
 * follow symlinks but never into a folder already visited (no loops).
 */
export function walkNotes(notesDir: string, relBase: string): WalkResult {
  const out: WalkResult = { files: [], unreadable: [], problems: [] };
  const seen = new Set<string>();
  const visit = (abs: string, rel: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(abs);
      if (seen.has(real)) return;
      seen.add(real);
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT" && rel === relBase) return;
      out.unreadable.push(`${rel}/`);
      out.problems.push({
        path: `${rel}/`,
        reason: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        severity: "error",
      });
      return;
    }
    for (const e of entries) {
      const childAbs = join(abs, e.name);
      const childRel = `${rel}/${e.name}`;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link is not a note
        }
      }
      if (isDir) {
        if (!skipDir(e.name)) visit(childAbs, childRel);
      } else if (isFile && NOTE_FILE.test(e.name)) {
        try {
          const st = statSync(childAbs);
          out.files.push({ path: childRel, abs: childAbs, mtimeMs: st.mtimeMs, size: st.size });
        } catch (err) {
          out.unreadable.push(childRel);
          out.problems.push({
            path: childRel,
            reason: `cannot stat: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
            severity: "error",
          });
        }
      }
    }
  };
  visit(notesDir, relBase);
  return out;
}
