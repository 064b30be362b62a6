import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { LearnError, UsageError } from "../core/errors.js";
import type { SiteFile } from "../core/publish-site.js";
import { isInside, realPathOf, shownPath } from "./safe-path.js";
import { checkWritable, removeEmptyFolders, removeFileSafe, writeFileSafe } from "./safe-write.js";

/** The file that marks a folder as made by `learn publish`, listing the files it wrote. */
export const SITE_MARKER = ".learn-site";

interface Marker {
  generator: string;
  files: string[];
}

/**
 * Refuse an output folder that is the notes folder, inside it, or holds it (real paths
 * compared, links resolved); with `workspace` (the default site/, not a chosen --out), one
 * that leads out of the workspace through a link.
 */
export function guardOutDir(
  out: string,
  notesDir: string,
  shown: string = out,
  workspace?: string,
  root?: string,
): void {
  const [o, n] = [realPathOf(out), realPathOf(notesDir)];
  if (workspace && !isInside(o, realPathOf(workspace)))
    throw new LearnError(
      `${shown} is a link to ${o}, outside the workspace; nothing was written`,
      `pass --out ${o} to publish there on purpose, or replace the link with a folder`,
    );
  // A folder adopted whole (`notes: .`, `root` given) holds everything, the site included; it
  // still never goes into a folder that holds notes.
  if (root !== undefined && realPathOf(root) === n && o !== n) {
    if (existsSync(out) && !existsSync(join(out, SITE_MARKER)) && holdsMarkdown(out))
      throw new UsageError(`--out ${shown}: that folder holds notes`, "pick a new folder, e.g. --out site");
  } else if (isInside(o, n) || isInside(resolve(out), resolve(notesDir))) {
    throw new UsageError(
      `--out ${shown}: the site cannot go in the notes folder`,
      "pick a folder outside notes/, e.g. --out site",
    );
  }
  if (isInside(n, o) || isInside(resolve(notesDir), resolve(out)))
    throw new UsageError(
      `--out ${shown}: that folder holds the notes folder`,
      "pick a folder of its own, e.g. --out site",
    );
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new LearnError(`--out ${shown}: not a folder`, "pick another --out, or move that file");
}

/** True when a Markdown file is anywhere under `dir`. */
function holdsMarkdown(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
      (e) => !e.isDirectory() && /\.(md|markdown)$/i.test(e.name),
    );
  } catch {
    return false;
  }
}

/**
 * True for a path publish may use inside its folder: relative, forward slashes, already
 * normalised, no `.` or `..` step, no backslash, drive letter or control character.
 */
export function isSitePath(p: unknown): p is string {
  return (
    typeof p === "string" &&
    p.length > 0 &&
    p.length <= 1024 &&
    // eslint-disable-next-line no-control-regex
    !/[\\\x00-\x1f\x7f]/.test(p) &&
    !p.startsWith("/") &&
    !/^[a-zA-Z]:/.test(p) &&
    posix.normalize(p) === p &&
    p.split("/").every((s) => s !== "" && s !== "." && s !== "..")
  );
}

/** Every file under `dir`, relative, with forward slashes (a top-level .git folder is skipped). */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => p !== SITE_MARKER && p !== ".git" && !p.startsWith(".git/"))
    .sort();
}

/**
 * The marker of an earlier publish, its every entry checked: a marker that is a link or
 * lists a path outside the folder is refused (it was not written by publish).
 */
function readMarker(out: string): Marker | undefined {
  const path = join(out, SITE_MARKER);
  const untrusted = (why: string) =>
    new LearnError(
      `${shownPath(path)}: ${why}; publish does not trust it, nothing was written or removed`,
      `publish writes only relative paths inside its folder: delete ${shownPath(path)} (and check where it came from), then publish again`,
    );
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  if (st.isSymbolicLink()) throw untrusted("it is a symbolic link");
  if (!st.isFile()) throw untrusted("it is not a regular file");
  if (st.size > 16 * 1024 * 1024) throw untrusted("it is larger than any list of a site's files");
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  let text: string;
  try {
    text = readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
  let m: Marker;
  try {
    m = JSON.parse(text) as Marker;
  } catch {
    return undefined;
  }
  if (!m || !Array.isArray(m.files)) return undefined;
  const bad = m.files.find((f) => !isSitePath(f));
  if (bad !== undefined) throw untrusted(`it lists ${JSON.stringify(bad)}, not a plain path inside the site`);
  return m;
}

const writeMarker = (out: string, files: string[]): void =>
  writeFileSafe(
    out,
    join(out, SITE_MARKER),
    `${JSON.stringify({ generator: "learn publish", files: [...new Set(files)].sort() }, null, 2)}\n`,
  );

/** Files in `out` that an earlier publish did not write (what --force would keep). */
export function foreignFiles(out: string): string[] {
  const mine = new Set(readMarker(out)?.files ?? []);
  return listFiles(out).filter((f) => !mine.has(f));
}

/**
 * Write the site into `out`: refuse when it holds files publish did not make (unless
 * `force`, which keeps them), write every file (each atomically, never through a link,
 * never outside `out`), then remove files an earlier publish wrote that this one did not
 * (a note made private loses its page), but only regular files provably inside `out`.
 */
export function writeSite(
  outDir: string,
  files: readonly SiteFile[],
  opts: { force?: boolean } = {},
): { written: number; removed: string[] } {
  const out = resolve(outDir);
  const foreign = foreignFiles(out);
  if (foreign.length && !opts.force) {
    const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : "");
    throw new LearnError(
      `${out} holds files that learn publish did not make: ${shown}`,
      "pick an empty --out folder, or pass --force to write into it anyway (those files are kept)",
    );
  }
  const before = readMarker(out)?.files ?? [];
  const paths = files.map((f) => f.path);
  const odd = paths.find((p) => !isSitePath(p));
  if (odd !== undefined) throw new Error(`site file path ${JSON.stringify(odd)} is not a plain relative path`);
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw new LearnError(`cannot make ${out}: ${(err as Error).message}`, "check that its parent folder is writable");
  }
  // Check every folder and file first, so a link in the way refuses before anything is written.
  for (const p of paths) checkWritable(out, join(out, p));
  // List old and new files first: a publish cut short leaves nothing that looks foreign.
  writeMarker(out, [...before, ...paths]);
  // Pages are rebuilt from the notes: atomic per file, without an fsync each; the marker is durable.
  for (const f of files) writeFileSafe(out, join(out, f.path), f.content, { durable: false });
  const keep = new Set(paths);
  const removed = [...new Set(before)].filter((p) => !keep.has(p) && removeFileSafe(out, join(out, p))).sort();
  for (const p of removed) removeEmptyFolders(out, dirname(join(out, p)));
  writeMarker(out, paths);
  return { written: files.length, removed };
}
