import { readFileSync, statSync } from "node:fs";
import { replaceQuietly } from "../files/replace-quietly.js";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

// A note with no date of its own starts its revisit schedule on the day git first saw it: the
// commit that added the file. One `git log` over the whole history answers every note at once;
// its answer is kept in .learn/git-dates.json, keyed by HEAD and by the set of notes asked
// about, so runs that change neither spawn nothing (HEAD is read from .git's files, not git).

// node:child_process and node:crypto load when git is asked, not with `learn show` (a few ms at every start)
const builtin = <T>(name: string): T => createRequire(import.meta.url)(name) as T;

const CACHE = "git-dates.json";
const MAX_BUFFER = 256 * 1024 * 1024;

interface Cached {
  head: string;
  asked: string;
  dates: Record<string, string>;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
};

/** The git directory of the repository holding `root` (a `.git` folder, or the one a `.git` file names). */
function gitDir(root: string): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    try {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir:\s*(.+)$/m.exec(read(dotGit) ?? "");
      if (m) return resolve(dir, m[1]!.trim());
    } catch {
      // no .git here: look in the parent
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * What HEAD points at, read from the git directory's files (a branch's ref file, packed-refs, or a
 * detached commit), or undefined outside a repository or before the first commit.
 */
export function gitHead(root: string): string | undefined {
  const dir = gitDir(root);
  if (!dir) return undefined;
  const head = read(join(dir, "HEAD"));
  if (!head) return undefined;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return head;
  const common = read(join(dir, "commondir"));
  const refsDir = common ? resolve(dir, common) : dir;
  const sha = read(join(dir, ref)) ?? read(join(refsDir, ref));
  if (sha) return `${ref} ${sha}`;
  const packed = read(join(refsDir, "packed-refs"))
    ?.split("\n")
    .find((l) => l.endsWith(` ${ref}`));
  return packed ? `${ref} ${packed.split(" ")[0]}` : undefined;
}

/**
 * Each path's first-add date (YYYY-MM-DD, the author's own day) from one `git log` run in `root`:
 * paths relative to `root` (`--relative`), NUL-separated (`-z`) so spaces and any Unicode survive.
 * A rename is read as an add (`--no-renames`): the day the note reached its current path.
 */
function gitLogAdds(root: string): Map<string, string> {
  const out = builtin<typeof import("node:child_process")>("node:child_process")
    .execFileSync(
      "git",
      [
        "--no-pager",
        "-c",
        "log.showSignature=false",
        "log",
        "--diff-filter=A",
        "--no-renames",
        "--relative",
        "--format=%x01%as",
        "--name-only",
        "-z",
        "HEAD",
      ],
      { cwd: root, maxBuffer: MAX_BUFFER, stdio: ["ignore", "pipe", "ignore"] },
    )
    .toString("utf8");
  const dates = new Map<string, string>();
  // Newest commit first: a path added again later is overwritten by its earlier add.
  for (const chunk of out.split("\u0001")) {
    const end = chunk.indexOf("\0");
    if (end < 0) continue;
    const day = chunk.slice(0, end);
    for (const p of chunk
      .slice(end + 1)
      .replace(/^\n/, "")
      .split("\0"))
      if (p) dates.set(p, day);
  }
  return dates;
}

/**
 * The first-add dates git knows for `paths` (workspace-relative): from the cache when HEAD and
 * the paths are as last time, else from one `git log` (then cached). Empty outside a repository,
 * without git, or when git fails: those notes fall back to their file's date.
 */
export function gitFirstDates(root: string, dataDir: string, paths: readonly string[]): Map<string, string> {
  if (!paths.length) return new Map();
  const head = gitHead(root);
  if (!head) return new Map();
  const asked = builtin<typeof import("node:crypto")>("node:crypto")
    .createHash("sha1")
    .update([...paths].sort().join("\0"))
    .digest("hex");
  const file = join(dataDir, CACHE);
  try {
    const c = JSON.parse(readFileSync(file, "utf8")) as Cached;
    if (c.head === head && c.asked === asked) return new Map(Object.entries(c.dates));
  } catch {
    // no cache yet, or an unreadable one: ask git
  }
  let all: Map<string, string>;
  try {
    all = gitLogAdds(root);
  } catch {
    return new Map();
  }
  const dates: Record<string, string> = {};
  for (const p of paths) {
    const d = all.get(p);
    if (d) dates[p] = d;
  }
  replaceQuietly(file, JSON.stringify({ head, asked, dates } satisfies Cached)); // a read-only .learn/ asks git again next time
  return new Map(Object.entries(dates));
}
