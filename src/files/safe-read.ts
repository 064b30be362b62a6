import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { LearnError } from "../core/errors.js";

// The one way learn reads a file of a workspace. A workspace arrives by `git clone`, so every
// file in it is untrusted input: only regular files are read (a FIFO would hang the read, a
// device like /dev/zero would never end), never more than a cap, and a symlink is followed only
// to a place inside the workspace (unless the config says `follow_symlinks_outside: true`).

const MiB = 1024 * 1024;

/**
 * Read caps, in bytes. A note (and a week log, which is a note) is indexed and shown up to 1 MiB;
 * config and templates are a few KiB by nature, so 256 KiB is generous; revisits.jsonl grows by
 * about 100 bytes a revisit, so 64 MiB is over half a million revisits.
 */
export const READ_CAPS = {
  note: MiB,
  config: 256 * 1024,
  template: 256 * 1024,
  revisitLog: 64 * MiB,
} as const;

/** A human size for messages: "1 MiB", "256 KiB". */
export const formatCap = (bytes: number): string =>
  bytes >= MiB ? `${+(bytes / MiB).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;

/**
 * Flags for opening a file to read: O_NONBLOCK so a FIFO swapped in after a check cannot hang
 * the open, O_NOFOLLOW so a path already resolved is not swapped for a link. (0 where the
 * platform lacks one, as on Windows.)
 */
const SAFE_READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Where reads may go: the workspace root, and whether links may leave it. */
export interface ReadScope {
  root: string;
  followOutside?: boolean;
}

/** A problem found while reading or walking: shaped like the index's problems. */
export interface FileProblem {
  path: string;
  line?: number;
  reason: string;
  severity: "error" | "warning";
}

/** The real path of a folder, or the path itself when it cannot be resolved (it may not exist yet). */
export function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return resolve(root);
  }
}

/** True when the real path `real` is `root` or inside it (both real paths). */
export const isInside = (real: string, root: string): boolean =>
  real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

/** What kind of non-regular file a stat describes, for messages. */
export function fileKind(
  st: Pick<Stats, "isDirectory" | "isFIFO" | "isCharacterDevice" | "isBlockDevice" | "isSocket">,
): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** Why a link may not be followed: it leaves the workspace. */
export const outsideReason = (target: string): string => `symlink to ${target} points outside the workspace`;

/** The hint for a refused outside link. */
const OUTSIDE_HINT =
  "copy the file into the workspace instead of linking to it; for notes, `follow_symlinks_outside: true` in learn.config.yaml allows such links";

/** A file that may not be read: not regular, or linked out of the workspace. */
export class UnsafeFileError extends LearnError {
  constructor(
    readonly path: string,
    readonly reason: string,
    hint?: string,
  ) {
    super(`cannot read ${path}: ${reason}`, hint);
  }
}

/** A whole file's bytes as read, capped. */
export interface CappedRead {
  buf: Buffer;
  /** The file's size on disk. */
  size: number;
  /** True when the file is larger than the cap and `buf` holds only its first `cap` bytes. */
  truncated: boolean;
}

/**
 * Read up to `cap` bytes of a file already known to be a regular file of `size` bytes (the
 * stat a walk did): open, read, close, no further syscalls. A FIFO swapped in since fails
 * with EAGAIN instead of hanging.
 */
export function readKnownRegular(path: string, size: number, cap: number): Buffer {
  const want = Math.min(size, cap);
  const fd = openSync(path, SAFE_READ_FLAGS);
  try {
    return readUpTo(fd, want);
  } finally {
    closeSync(fd);
  }
}

function readUpTo(fd: number, want: number): Buffer {
  const buf = Buffer.allocUnsafe(want);
  let got = 0;
  while (got < want) {
    const n = readSync(fd, buf, got, want - got, got);
    if (n === 0) break;
    got += n;
  }
  return got === want ? buf : buf.subarray(0, got);
}

/**
 * Resolve `path` for reading inside `scope`: its real path when it is a regular file whose
 * real location is inside the workspace (or links may leave it); undefined when nothing is
 * there (a missing file or a dangling link). Throws UnsafeFileError otherwise.
 */
function resolveForRead(path: string, scope: ReadScope, shown: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UnsafeFileError(shown, errorText(err));
  }
  if (!scope.followOutside && !isInside(real, realRoot(scope.root)))
    throw new UnsafeFileError(shown, outsideReason(real), OUTSIDE_HINT);
  return real;
}

/**
 * Read a whole workspace file safely: resolved inside `scope`, a regular file (checked before
 * the open and again on the open descriptor), at most `cap` bytes. Undefined when the file does
 * not exist. Bad files throw UnsafeFileError naming `shown`.
 */
export function readWorkspaceFile(path: string, scope: ReadScope, cap: number, shown: string): CappedRead | undefined {
  const real = resolveForRead(path, scope, shown);
  if (real === undefined) return undefined;
  let fd: number | undefined;
  try {
    const st = statSync(real);
    if (!st.isFile()) throw new UnsafeFileError(shown, `${fileKind(st)}, not a regular file`);
    fd = openSync(real, SAFE_READ_FLAGS);
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw new UnsafeFileError(shown, `${fileKind(fst)}, not a regular file`);
    const buf = readUpTo(fd, Math.min(fst.size, cap));
    return { buf, size: fst.size, truncated: fst.size > cap };
  } catch (err) {
    if (err instanceof LearnError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UnsafeFileError(shown, errorText(err));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Cut `buf` to at most `cap` bytes without splitting a UTF-8 sequence. */
export function cutUtf8(buf: Buffer, cap: number): Buffer {
  if (buf.length < cap) return buf;
  let end = cap;
  while (end > 0 && (buf[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && buf[end - 1]! >= 0xc0) end--;
  return buf.subarray(0, end);
}

/**
 * Read a workspace file as UTF-8 text that must be whole (config, a template): a file over
 * `cap` is refused rather than read in part. Undefined when it does not exist.
 */
export function readWholeText(path: string, scope: ReadScope, cap: number, shown: string): string | undefined {
  const read = readWorkspaceFile(path, scope, cap, shown);
  if (!read) return undefined;
  if (read.truncated)
    throw new UnsafeFileError(
      shown,
      `the file is ${formatCap(read.size)}, over the ${formatCap(cap)} learn reads of it`,
      "is it the file you meant? learn expects a small text file here",
    );
  return read.buf.toString("utf8");
}

/** The path to show for `abs`: relative to the workspace root when inside it. */
export function shownPath(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel && !rel.startsWith("..") ? rel.split(sep).join("/") : abs;
}

/** An error's code, or its message: the short "why" of a failed read. */
const errorText = (err: unknown): string =>
  (err as NodeJS.ErrnoException).code === "EAGAIN"
    ? "not a regular file (reading it would block)"
    : ((err as NodeJS.ErrnoException).code ?? (err as Error).message);

/**
 * A note's text read safely (regular file, inside `scope`, the first 1 MiB without a split
 * UTF-8 sequence), with whether it was cut; undefined when it does not exist. For commands that
 * read a note file directly rather than from the index.
 */
export function readNoteText(
  path: string,
  scope: ReadScope,
  shown: string,
): { text: string; truncated: boolean; size: number } | undefined {
  const read = readWorkspaceFile(path, scope, READ_CAPS.note, shown);
  if (!read) return undefined;
  return { text: cutUtf8(read.buf, READ_CAPS.note).toString("utf8"), truncated: read.truncated, size: read.size };
}
