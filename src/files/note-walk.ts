import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, normalize, relative, sep } from "node:path";
import type { Config } from "../core/config.js";
import type { WorkspacePaths } from "../core/context.js";
import { ignoreRules, type IgnoreTest } from "./ignore-rules.js";
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

/** What a walk of the notes folder found: the files, folders it could not read, and why. */
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

/** The notes folder as the index names paths: relative to the workspace root, forward slashes; "" for the root itself. */
export const notesBase = (ws: WorkspacePaths): string => relative(ws.root, ws.notesDir).split(sep).join("/");

/**
 * Every note of the workspace: the one discovery the index and every command share, with the
 * workspace's ignore rules (.learnignore, `ignore:`, the dialect's defaults) applied.
 */
export function walkWorkspace(
  ws: WorkspacePaths,
  config: Pick<Config, "follow_symlinks_outside" | "dialect" | "ignore">,
): WalkResult {
  const scope = { root: ws.root, followOutside: config.follow_symlinks_outside };
  const notes = notesBase(ws);
  const rules = ignoreRules(ws.root, { notes, dialect: config.dialect, ignore: config.ignore }, scope);
  const walk = walkNotes(ws.notesDir, notes, scope, rules.test);
  walk.problems.unshift(...rules.problems);
  return walk;
}

/**
 * Walk `notesDir` for .md/.markdown files: skip dot-folders, node_modules and .learn, and what
 * `ignored` says (a folder it ignores is not entered); follow symlinks only to places inside
 * `scope.root` (else report and skip them, unless `scope.followOutside`), never into a folder
 * already visited (no loops); report note-named entries that are not regular files (FIFOs,
 * sockets, devices) instead of reading them. Paths are `relBase/…`, or root-relative when
 * `relBase` is "" or ".". One stat per note, a realpath only per symlink, one `ignored` call per
 * note and per folder.
 */
function walkNotes(notesDir: string, relBase: string, scope: ReadScope, ignored?: IgnoreTest): WalkResult {
  const out: WalkResult = { files: [], unreadable: [], problems: [] };
  const base = relBase === "." ? "" : relBase;
  const shownBase = base ? `${base}/` : "./";
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
      if (code(err) === "ENOENT" && rel === base) return;
      out.unreadable.push(rel ? `${rel}/` : shownBase);
      problem(rel ? `${rel}/` : shownBase, `cannot read folder: ${code(err)}`, "error");
      return;
    }
    // join(abs, name) for a normalized `abs` and a plain name, without join's normalizing on every entry;
    // each folder's prefixes made once, so an entry's paths are one concatenation each, not two (less garbage)
    const absPrefix = abs.endsWith(sep) ? abs : abs + sep;
    const relPrefix = rel ? `${rel}/` : "";
    for (const e of entries) {
      const childAbs = absPrefix + e.name;
      const childRel = relPrefix + e.name;
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
        if (ignored?.(isDir ? `${childRel}/` : childRel)) continue; // before any report about where it leads
        if (!allowed(childReal)) {
          problem(isDir ? `${childRel}/` : childRel, `${outsideReason(childReal)}: skipped${FOLLOW_TIP}`);
          continue;
        }
      }
      if (isDir) {
        if (skipDir(e.name) || ignored?.(`${childRel}/`)) continue;
        const dirReal = childReal ?? join(real, e.name);
        if (!seen.has(dirReal)) visit(childAbs, childRel, dirReal);
      } else if (NOTE_FILE.test(e.name)) {
        if (ignored?.(childRel)) continue;
        if (!isFile) {
          // A FIFO, socket or device named like a note: reading it could hang or never end.
          problem(childRel, `${fileKind(st ?? e)}, not a regular file: skipped`);
          continue;
        }
        try {
          st ??= statSync(childAbs);
          // two literals, not a spread: objects of one fixed shape are smaller and made faster (10k per walk)
          out.files.push(
            childReal
              ? { path: childRel, abs: childAbs, real: childReal, mtimeMs: st.mtimeMs, size: st.size }
              : { path: childRel, abs: childAbs, mtimeMs: st.mtimeMs, size: st.size },
          );
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
      out.unreadable.push(shownBase);
      problem(shownBase, `cannot read folder: ${code(err)}`, "error");
    }
    return out;
  }
  if (!allowed(start)) {
    problem(shownBase, `${outsideReason(start)}: skipped${FOLLOW_TIP}`);
    return out;
  }
  visit(normalize(notesDir), base, start);
  return out;
}
