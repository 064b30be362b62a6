import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { WorkspacePaths } from "../core/context.js";
import { LearnError, NoWorkspaceError, UsageError } from "../core/errors.js";

export type { WorkspacePaths } from "../core/context.js";

/**
 * The paths of the workspace rooted at `root` (which need not exist yet); `notes` is the config's
 * notes folder, relative to the root (`.` for the root itself).
 */
export function workspacePaths(root: string, notes = "notes"): WorkspacePaths {
  const r = resolve(root);
  return { root: r, notesDir: join(r, notes), configPath: join(r, "learn.config.yaml"), dataDir: join(r, ".learn") };
}

const NOTE_FILE = /\.(md|markdown)$/i;

/**
 * True when `dir` holds a Markdown file at its top or one folder down (not in dot-folders nor
 * the `skip` folders): somebody's notes.
 */
export function hasMarkdown(dir: string, skip: readonly string[] = []): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some(
      (e) =>
        (e.isFile() && NOTE_FILE.test(e.name)) ||
        (e.isDirectory() &&
          !e.name.startsWith(".") &&
          e.name !== "node_modules" &&
          !skip.includes(e.name) &&
          readdirSync(join(dir, e.name)).some((f) => NOTE_FILE.test(f))),
    );
  } catch {
    return false;
  }
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** A folder holds a workspace: learn.config.yaml, .learn/ or a notes/ folder. */
const isWorkspace = (d: string): boolean =>
  existsSync(join(d, "learn.config.yaml")) || isDir(join(d, ".learn")) || isDir(join(d, "notes"));

/**
 * Find the workspace as git finds a repo: `--dir`, then LEARN_DIR, then the nearest
 * ancestor of `cwd` holding learn.config.yaml or .learn/, then a notes/ folder in `cwd`.
 */
export function findWorkspace(opts: { dir?: string; env?: NodeJS.ProcessEnv; cwd?: string }): WorkspacePaths {
  const explicit = opts.dir ?? opts.env?.LEARN_DIR;
  if (explicit) {
    const from = opts.dir ? "--dir" : "LEARN_DIR";
    if (!existsSync(explicit))
      throw new LearnError(
        `${from} ${explicit}: no such folder`,
        "check the path, or run `learn init " + explicit + "`",
      );
    if (!isDir(explicit)) throw new LearnError(`${from} ${explicit}: not a folder`, "point it at the workspace folder");
    // never make .learn/ in a folder that is not a workspace (`--dir /etc`, or notes nobody adopted yet)
    if (!isWorkspace(explicit))
      throw hasMarkdown(explicit)
        ? new UsageError(
            `${from} ${explicit}: no workspace there, but it holds Markdown notes`,
            `run \`learn init --here\` in ${explicit} to use them in place (it writes only learn.config.yaml), or point ${from} at a workspace`,
          )
        : new LearnError(
            `${from} ${explicit}: no workspace there (no learn.config.yaml, .learn/ or notes/)`,
            `run \`learn init ${explicit}\` to make one, or point ${from} at a workspace`,
          );
    return workspacePaths(explicit);
  }
  const cwd = resolve(opts.cwd ?? ".");
  for (let d = cwd; ; d = dirname(d)) {
    if (existsSync(join(d, "learn.config.yaml")) || isDir(join(d, ".learn"))) return workspacePaths(d);
    if (dirname(d) === d) break;
  }
  if (isDir(join(cwd, "notes"))) return workspacePaths(cwd);
  throw new NoWorkspaceError(cwd, hasMarkdown(cwd));
}
