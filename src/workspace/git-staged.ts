import { execFileSync } from "node:child_process";
import { relative, sep } from "node:path";
import { LearnError } from "../core/errors.js";
import type { WorkspacePaths } from "./find.js";

/** A note staged in git: its workspace-relative path and the staged text (what the commit will hold). */
export interface StagedNote {
  path: string;
  text: string;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT")
      throw new LearnError(
        "--staged needs git, and git is not installed",
        "install git, or run `learn check` without --staged",
      );
    const why = String(e.stderr ?? "").split("\n")[0] || e.message;
    if (/not a git repository/i.test(why))
      throw new LearnError(`--staged: ${root} is not in a git repository`, "run `learn check` without --staged");
    throw new LearnError(`--staged: git ${args[0]} failed: ${why}`);
  }
}

/**
 * The Markdown notes staged for the next commit (added, copied, modified or renamed)
 * under the notes folder, with their staged content rather than the working copy.
 */
export function stagedNotes(ws: WorkspacePaths): StagedNote[] {
  const notesRel = relative(ws.root, ws.notesDir).split(sep).join("/") || "notes";
  git(ws.root, ["rev-parse", "--is-inside-work-tree"]); // outside a repo, `git diff` would act as `diff --no-index`
  const listed = git(ws.root, [
    "diff",
    "--cached",
    "--name-only",
    "-z",
    "--diff-filter=ACMR",
    "--relative",
    "--",
    notesRel,
  ]);
  const paths = listed
    .split("\0")
    .filter((p) => /\.(md|markdown)$/i.test(p))
    .sort();
  return paths.map((path) => ({ path, text: git(ws.root, ["show", `:./${path}`]) }));
}
