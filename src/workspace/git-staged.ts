import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Config } from "../core/config.js";
import { LearnError } from "../core/errors.js";
import { ignoreRules } from "../files/ignore-rules.js";
import type { WorkspacePaths } from "./find.js";

/** A note staged in git: its workspace-relative path and the staged text (what the commit will hold). */
export interface StagedNote {
  path: string;
  text: string;
}

const NOTE_FILE = /\.(md|markdown)$/i;
const MAX_BUFFER = 512 * 1024 * 1024;

/** Run git; every way it can fail becomes a LearnError, so --staged never passes on what it could not see. */
function git(cwd: string, env: NodeJS.ProcessEnv, args: string[], input?: string): Buffer {
  try {
    return execFileSync("git", ["--no-pager", "-c", "core.quotepath=off", ...args], {
      cwd,
      env,
      input,
      maxBuffer: MAX_BUFFER,
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer | string };
    if (e.code === "ENOENT")
      throw new LearnError(
        "--staged needs git, and git was not found on PATH",
        "install git, or run `learn check` without --staged",
      );
    const why = String(e.stderr ?? "").split("\n")[0] || e.message;
    if (/not a git repository/i.test(why))
      throw new LearnError(
        `--staged: ${cwd} is not in a git repository, so nothing is staged to check`,
        "run it inside the repository that holds the notes, or run `learn check` without --staged",
      );
    throw new LearnError(`--staged: git ${args[0]} failed: ${why}`, "fix the repository, then run it again");
  }
}

// A relative GIT_DIR or GIT_WORK_TREE (set by a hook or a wrapper) is relative to where learn was
// started; git runs below from the notes folder, so pin them first.
function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of ["GIT_DIR", "GIT_WORK_TREE"] as const) {
    const v = out[k];
    if (v && !isAbsolute(v)) out[k] = resolve(v);
  }
  return out;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** The notes folder's real path: through symlinks, or where it would be when it is missing. */
function realNotesDir(ws: WorkspacePaths): string {
  try {
    return realpathSync(ws.notesDir);
  } catch {
    return join(real(ws.root), relative(ws.root, ws.notesDir));
  }
}

/** `ls-files`-style blob ids and paths of what is staged (added or changed) under `pathspec`. */
function stagedBlobs(top: string, env: NodeJS.ProcessEnv, pathspec: string): { id: string; path: string }[] {
  const raw = git(top, env, [
    "diff",
    "--cached",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-relative",
    "--no-ext-diff",
    "--ignore-submodules",
    "--diff-filter=ACMRT",
    "--",
    pathspec,
  ]).toString("utf8");
  const parts = raw.split("\0");
  const out: { id: string; path: string }[] = [];
  // Each entry is ":<old mode> <new mode> <old id> <new id> <status>" NUL "<path>" NUL.
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, mode, , id] = parts[i]!.slice(1).split(" ");
    const path = parts[i + 1]!;
    if ((mode === "100644" || mode === "100755") && id && NOTE_FILE.test(path)) out.push({ id, path });
  }
  return out;
}

/** The contents of blobs by id, in one `git cat-file --batch`. */
function readBlobs(top: string, env: NodeJS.ProcessEnv, ids: string[]): string[] {
  if (!ids.length) return [];
  const buf = git(top, env, ["cat-file", "--batch"], ids.join("\n") + "\n");
  const texts: string[] = [];
  let at = 0;
  for (const id of ids) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString("utf8").split(" ");
    if (header[0] !== id || header[1] !== "blob")
      throw new LearnError(`--staged: git cat-file: cannot read staged blob ${id}`, "run `git status` to see why");
    const size = Number(header[2]);
    texts.push(buf.subarray(nl + 1, nl + 1 + size).toString("utf8"));
    at = nl + 1 + size + 1;
  }
  return texts;
}

/**
 * The Markdown notes staged for the next commit (added, copied, modified or renamed) under the
 * notes folder, with their staged content rather than the working copy. Git runs in the repository
 * that holds the notes' real folder, wherever its root is (above the workspace, or behind a symlinked
 * notes folder), and paths come back workspace-relative (`notes/a.md`). Throws when it cannot tell
 * what is staged: git missing, not a repository, the notes outside its work tree, or a git error.
 * With `config`, what the walk leaves out (dot-folders, node_modules, the ignore rules) is left out too.
 */
export function stagedNotes(
  ws: WorkspacePaths,
  env: NodeJS.ProcessEnv = process.env,
  config?: Pick<Config, "dialect" | "ignore">,
): StagedNote[] {
  const notes = realNotesDir(ws);
  const genv = gitEnv(env);
  // From the notes folder (or its nearest existing parent), so the repository holding them answers;
  // a hook's GIT_DIR without GIT_WORK_TREE makes git take its cwd as the top, so keep ours then.
  const from = env.GIT_DIR ? process.cwd() : nearestExisting(notes);
  const inside = git(from, genv, ["rev-parse", "--is-inside-work-tree"]).toString("utf8").trim();
  if (inside !== "true")
    throw new LearnError(`--staged: ${from} is not in a git work tree`, "run it inside the repository's work tree");
  const top = real(git(from, genv, ["rev-parse", "--show-toplevel"]).toString("utf8").trim());
  const rel = relative(top, notes);
  if (rel.startsWith("..") || isAbsolute(rel))
    throw new LearnError(
      `--staged: the notes folder ${notes} is outside the git work tree ${top}`,
      "commit the notes in the repository that holds them, and run the hook there",
    );
  const relNotes = rel.split(sep).join("/");
  const wsNotes = relative(ws.root, ws.notesDir).split(sep).join("/") || ".";
  const wsPath = (path: string): string => {
    const inNotes = relNotes ? path.slice(relNotes.length + 1) : path;
    return wsNotes === "." ? inNotes : `${wsNotes}/${inNotes}`;
  };
  const settings = { notes: wsNotes === "." ? "" : wsNotes, dialect: config?.dialect, ignore: config?.ignore };
  const rules = config && ignoreRules(ws.root, settings, { root: ws.root });
  // as the walk: no dot-folder or node_modules, nothing the rules (which check parent folders too) leave out
  const walked = (p: string): boolean => !/(?:^|\/)(?:\.[^/]*|node_modules)\//.test(p) && !rules?.test(p);
  const blobs = stagedBlobs(top, genv, relNotes ? `:(top,literal)${relNotes}` : ":(top)").filter(
    (b) => !config || walked(wsPath(b.path)),
  );
  const texts = readBlobs(
    top,
    genv,
    blobs.map((b) => b.id),
  );
  return blobs
    .map((b, i) => ({ path: wsPath(b.path), text: texts[i]! }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The nearest folder of `p` that exists (git needs an existing folder to run in). */
function nearestExisting(p: string): string {
  for (let d = p; ; d = resolve(d, "..")) {
    try {
      if (realpathSync(d)) return d;
    } catch {
      if (resolve(d, "..") === d) return d;
    }
  }
}
