import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  statSync,
  unlinkSync,
  type Stats,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { LearnError } from "../core/errors.js";

// Where learn may write: every path is checked against a root folder by real path, every
// folder on the way included, and a link is never written through. Used by safe-write.ts.

const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException).code;

/** The path to show in a message: relative to the current folder when that is shorter. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith(`..${sep}..${sep}`) && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
}

/** True when `child` is `parent` or lies under it (both absolute, resolved). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `path`: links resolved, also for a path not made yet (the real path of
 * its nearest existing ancestor, the rest appended) and through a dangling link.
 */
export function realPathOf(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  for (let hops = 0; hops < 64; hops++) {
    try {
      return join(realpathSync(p), ...rest);
    } catch {
      // missing, or a dangling link: resolve what the link names, else step up one folder
    }
    let link: string | undefined;
    try {
      if (lstatSync(p).isSymbolicLink()) link = readlinkSync(p);
    } catch {
      // does not exist
    }
    if (link !== undefined) p = resolve(dirname(p), link);
    else {
      if (dirname(p) === p) break;
      rest.unshift(basename(p));
      p = dirname(p);
    }
  }
  return join(resolve(path));
}

/** A write refused before anything was written: the path and why, with what to do. */
function refusal(path: string, why: string, hint: string): LearnError {
  return new LearnError(`cannot write ${shownPath(path)}: ${why}`, hint);
}

/** Make `root` when it is missing (only if asked) and return its real path. */
export function rootReal(root: string, make: boolean, target: string): string {
  try {
    if (!statSync(root).isDirectory())
      throw refusal(target, `${shownPath(root)} is not a folder`, "rename or move that file");
  } catch (err) {
    if (err instanceof LearnError) throw err;
    if (!make || errno(err) !== "ENOENT") throw err;
    mkdirSync(root, { recursive: true });
  }
  return realpathSync(root);
}

/**
 * Make sure every folder from `root` down to `dir` is a real folder inside the root (a
 * link to a folder counts only when its real path is inside), making missing ones one by
 * one, so nothing is ever made through a link that leads out.
 */
export function ensureFolderInside(root: string, realRoot: string, dir: string, target: string): void {
  const rel = relative(resolve(root), resolve(dir));
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw refusal(target, `outside ${shownPath(root)}`, "learn writes only inside its own folders");
  let cur = resolve(root);
  for (const part of rel.split(sep).filter(Boolean)) {
    cur = join(cur, part);
    let st: Stats;
    try {
      st = lstatSync(cur);
    } catch (err) {
      if (errno(err) !== "ENOENT") throw err;
      try {
        mkdirSync(cur);
      } catch (e) {
        if (errno(e) !== "EEXIST") throw e;
      }
      st = lstatSync(cur);
    }
    if (st.isSymbolicLink()) {
      const real = realPathOf(cur);
      if (!isInside(real, realRoot))
        throw refusal(
          target,
          `${shownPath(cur)} is a link to ${real}, outside ${shownPath(root)}`,
          "learn never writes through a link that leads out of its folder; replace the link with a folder",
        );
      st = statSync(cur);
    }
    if (!st.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR", path: cur });
  }
  // The last word: the folder's real path, whatever the route to it.
  if (!isInside(realPathOf(dir), realRoot))
    throw refusal(target, `${shownPath(dir)} leads outside ${shownPath(root)}`, "learn writes only inside its folders");
}

/**
 * What stands at `path`: undefined when nothing, the stats of a regular file; a link,
 * folder, device, FIFO or socket is refused.
 */
export function regularOrNothing(path: string): Stats | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (errno(err) === "ENOENT") return undefined;
    throw err;
  }
  if (st.isSymbolicLink())
    throw refusal(
      path,
      "it is a symbolic link; learn never writes through a link",
      "check where it points, delete the link, then run the command again",
    );
  if (!st.isFile()) throw refusal(path, "it is not a regular file", "move it away, then run the command again");
  return st;
}

// Temp files: `.NAME.learn-tmp-PID-RANDOM` in the target's folder; the pattern of older
// versions (`.NAME.PID.MILLISECONDS.tmp`) is recognised too.
const TEMP = /^\..+\.learn-tmp-(\d+)-[0-9a-f]{8}$/;
const OLD_TEMP = /^\..+\.(\d+)\.\d{13}\.tmp$/;
const STALE_MS = 60_000;

/** The temp name for `path`: hidden, in the same folder, recognisable as learn's own. */
export function tempNameFor(path: string, random: string): string {
  const name = basename(path);
  return join(dirname(path), `.${name.length > 200 ? name.slice(0, 200) : name}.learn-tmp-${process.pid}-${random}`);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errno(err) === "EPERM";
  }
};

const cleaned = new Set<string>();

/**
 * Remove temp files an interrupted learn left in `dir` (killed between writing a temp
 * file and renaming it): only regular files named like learn's own, whose process is
 * gone or that are over a minute old. Once per folder per run.
 */
export function cleanStrayTemps(dir: string): void {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name) ?? OLD_TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      const st = lstatSync(join(dir, name));
      if (st.isFile() && (!alive(Number(m[1])) || Date.now() - st.mtimeMs > STALE_MS)) unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
}
