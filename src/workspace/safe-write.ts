import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmdirSync,
  lstatSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { LearnError } from "../core/errors.js";
import {
  cleanStrayTemps,
  ensureFolderInside,
  isInside,
  realPathOf,
  regularOrNothing,
  rootReal,
  shownPath,
  tempNameFor,
} from "./safe-path.js";

// The one way learn writes a file. Every write names a root folder it must stay in; links
// are never written through; whole files are written to a temp file, fsynced and renamed
// (or hard-linked, to create without replacing), so a crash leaves the old file or the new
// one, never half of one; appends (safe-append.ts) are cut back when they fail part-way.

/** Options of a write: the folder it must stay in, and how to word a failure. */
export interface WriteOptions {
  /** Make the root folder when it does not exist yet (the notes folder, a site folder). */
  makeRoot?: boolean;
  /** The folder to name in "check that … is writable"; default "the folder". */
  folder?: string;
  /** How to name the file in a message; default its path from the current folder. */
  shown?: string;
  /**
   * false: skip the fsyncs (still atomic against a crash of learn, not of the machine), for
   * output that is rebuilt from the notes anyway: a site of 500 pages publishes in 1.5 s, not 6 s.
   */
  durable?: boolean;
  /**
   * The caller has checked this file's folder (checkWritable) moments ago, as a site of
   * thousands of pages in a few folders does: skip walking the folders again for each file.
   * The file itself is still checked (never a link) and written atomically.
   */
  folderChecked?: boolean;
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException).code;

const lstatOrNull = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** Why a write failed, in words; `folder` is what to check for a permission problem. */
export function writeFailure(err: unknown, path: string, outcome: string, opts: WriteOptions = {}): LearnError {
  if (err instanceof LearnError) return err;
  const code = errno(err);
  const folder = opts.folder ?? "the folder";
  const at = `cannot write ${opts.shown ?? shownPath(path)}`;
  const then = outcome ? `${outcome}; ` : "";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return new LearnError(`${at}: permission denied`, `${then}check that ${folder} is writable`);
    case "EROFS":
      return new LearnError(`${at}: the file system is read-only`, `${then}check where ${folder} is mounted`);
    case "ENOSPC":
      return new LearnError(`${at}: the disk is full`, `${then}free some space, then run the command again`);
    case "EDQUOT":
      return new LearnError(`${at}: the disk quota is used up`, `${then}free some space, then run the command again`);
    case "EFBIG":
      return new LearnError(
        `${at}: the file size limit was reached`,
        `${then}raise the limit (ulimit -f) or free some space, then run the command again`,
      );
    case "ENOTDIR":
    case "EEXIST":
      return new LearnError(`${at}: a file stands where a folder should be`, "rename or move that file");
    case "ELOOP":
      return new LearnError(`${at}: it is a symbolic link; learn never writes through a link`, "delete the link");
    default:
      return new LearnError(`${at}: ${(err as Error).message}`, outcome || undefined);
  }
}

// Test-only fault injection, read from the environment at each write:
// LEARN_TEST_FAULT=pause:NAME   stop half-way through writing NAME (a file's base name) and
//                               wait, so a test can kill the process at a known point;
// LEARN_TEST_FAULT=ENOSPC:NAME  fail half-way through writing NAME with that error code.
function faultFor(path: string): { action: string } | undefined {
  const spec = process.env.LEARN_TEST_FAULT;
  if (!spec) return undefined;
  const at = spec.indexOf(":");
  const name = spec.slice(at + 1);
  return path.endsWith(`/${name}`) || path.endsWith(`\\${name}`) ? { action: spec.slice(0, at) } : undefined;
}

/** Write all of `buf`, looping over short writes; a failure carries how much was written. */
export function writeAll(fd: number, buf: Buffer, path: string): void {
  const fault = faultFor(path);
  let done = 0;
  const stop = fault ? Math.floor(buf.length / 2) : buf.length;
  while (done < stop) done += writeFailing(fd, buf, done, stop, done);
  if (fault?.action === "pause") {
    writeSync(2, `learn-test-paused ${path}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  } else if (fault)
    throw Object.assign(new Error(`${fault.action} (test fault)`), { code: fault.action, written: done });
  while (done < buf.length) done += writeFailing(fd, buf, done, buf.length, done);
}

function writeFailing(fd: number, buf: Buffer, from: number, to: number, done: number): number {
  try {
    return writeSync(fd, buf, from, to - from);
  } catch (err) {
    throw Object.assign(err as Error, { written: done });
  }
}

/** fsync a folder so a name just made in it survives a crash (a no-op where folders cannot be opened). */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; its file system journals names itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Check the folders on the way and clean stray temp files there; then return what stands
 * at `path` (a link or anything but a regular file is refused), or with `anything`, just
 * whether something does.
 */
export function prepare(root: string, path: string, opts: WriteOptions = {}, anything = false): Stats | undefined {
  try {
    if (!opts.folderChecked) {
      const real = rootReal(root, Boolean(opts.makeRoot), path);
      ensureFolderInside(root, real, dirname(path), path);
    }
    cleanStrayTemps(dirname(path));
    return anything ? lstatOrNull(path) : regularOrNothing(path);
  } catch (err) {
    throw writeFailure(err, path, "", opts);
  }
}

/** What a whole file is written from: text, bytes, or bytes in parts (written one after another, never joined). */
type FileData = string | Uint8Array | readonly Uint8Array[];

/** Bytes as a Buffer over the same memory (no copy). */
const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Write `data` to a new temp file beside `path`, with `like`'s mode and owner when given. */
function writeTemp(path: string, data: FileData, like: Stats | undefined, durable = true): string {
  // node:crypto loads on the first write, not with every reader of this module (a few ms at start)
  const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  const tmp = tempNameFor(path, randomBytes(4).toString("hex"));
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, like ? 0o600 : 0o666);
  try {
    if (like) {
      try {
        fchownSync(fd, like.uid, like.gid);
      } catch {
        // only root may give a file away; the mode is kept either way
      }
      fchmodSync(fd, like.mode & 0o777);
    }
    if (typeof data === "string") writeAll(fd, Buffer.from(data, "utf8"), path);
    else for (const part of Array.isArray(data) ? data : [data]) writeAll(fd, asBuffer(part), path);
    if (durable) fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  return tmp;
}

/**
 * Write a whole file inside `root`, replacing it atomically: temp file, fsync, rename.
 * An existing file keeps its mode (and owner where allowed); a new one gets 0666 less the
 * umask. Never follows a link; on failure the old file is left as it was.
 */
export function writeFileSafe(root: string, path: string, data: FileData, opts: WriteOptions = {}): void {
  const old = prepare(root, path, opts);
  let tmp: string | undefined;
  try {
    tmp = writeTemp(path, data, old, opts.durable !== false);
    regularOrNothing(path); // a link put there meanwhile is refused, not replaced silently
    renameSync(tmp, path);
    tmp = undefined;
    if (opts.durable !== false) syncFolder(dirname(path));
  } catch (err) {
    if (tmp) unlinkSync(tmp);
    throw writeFailure(err, path, old ? "the file is unchanged" : "", opts);
  }
}

/**
 * Create a file inside `root` with its whole content or not at all, never replacing one:
 * the temp file is hard-linked to the name, which fails when the name exists. Returns
 * false (and writes nothing) when something already stands there.
 */
export function createFileSafe(
  root: string,
  path: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
): boolean {
  if (prepare(root, path, opts, true)) return false;
  let tmp: string | undefined;
  try {
    tmp = writeTemp(path, data, undefined);
    try {
      linkSync(tmp, path);
    } catch (err) {
      if (errno(err) === "EEXIST") return false;
      if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"].includes(errno(err) ?? "")) throw err;
      createDirect(path, data); // a file system without hard links: exclusive create, then write
    }
    syncFolder(dirname(path));
    return true;
  } catch (err) {
    throw writeFailure(err, path, "", opts);
  } finally {
    if (tmp) unlinkSync(tmp);
  }
}

function createDirect(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o666);
  try {
    if (typeof data === "string") writeAll(fd, Buffer.from(data, "utf8"), path);
    else for (const part of Array.isArray(data) ? data : [data]) writeAll(fd, asBuffer(part), path);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(path);
    throw err;
  }
  closeSync(fd);
}

/**
 * Check, without writing it, that `path` could be written inside `root`: its folders are
 * made (never through a link out) and nothing but a regular file stands at it.
 */
export const checkWritable = (root: string, path: string): void => void prepare(root, path);

/** Make a folder inside `root` (and the ones above it), refusing a link out on the way. */
export function makeFolderSafe(root: string, dir: string, opts: WriteOptions = {}): void {
  try {
    ensureFolderInside(root, rootReal(root, Boolean(opts.makeRoot), dir), dir, dir);
  } catch (err) {
    throw writeFailure(err, dir, "", opts);
  }
}

/**
 * Delete a file inside `root` only when it provably is one: a regular file (never a link,
 * a folder or a device) whose folder's real path is inside the root. Returns whether the
 * path is gone now; a path that is something else is left alone.
 */
export function removeFileSafe(root: string, path: string): boolean {
  if (!isInside(realPathOf(dirname(path)), realPathOf(root))) return false;
  const st = lstatOrNull(path);
  if (!st) return true;
  if (!st.isFile()) return false;
  unlinkSync(path);
  return true;
}

/** Remove `dir` and its parents up to (not including) `root` while they are empty real folders. */
export function removeEmptyFolders(root: string, dir: string): void {
  const realRoot = realPathOf(root);
  for (let d = dir; d !== root && isInside(d, root); d = dirname(d)) {
    const st = lstatOrNull(d);
    if (!st?.isDirectory() || !isInside(realPathOf(d), realRoot)) return;
    try {
      rmdirSync(d);
    } catch {
      return; // not empty
    }
  }
}
