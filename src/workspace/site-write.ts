import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, posix, resolve } from "node:path";
import { LearnError, UsageError } from "../core/errors.js";
import { isInside, realPathOf, regularOrNothing } from "./safe-path.js";
import { checkWritable, removeEmptyFolders, removeFileSafe, writeFileSafe } from "./safe-write.js";
import { foreignFiles, isSitePath, readMarker, SITE_MARKER, writeMarker } from "./site-marker.js";

/** A file to write into the site: text, or bytes copied from the workspace. */
export interface OutFile {
  path: string;
  /** Parts (written one after another, so a large file is never joined into one string) or one whole. */
  content: string | Uint8Array | readonly (string | Uint8Array)[];
}

/**
 * Files to write: every path first (checked, and listed in the marker, before anything is
 * written), then the files one at a time; `then` gives more, known only once these are made
 * (the attachments the rendered pages named).
 */
export interface WritePlan {
  paths: string[];
  files: Iterable<OutFile>;
  then?: () => WritePlan | undefined;
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

// Strings are hashed and measured as UTF-8 without being made into bytes: a re-publish compares
// thousands of unchanged pages, and bytes made only to be compared are garbage outside the heap.
const sha256 = (parts: readonly (string | Uint8Array)[]): string => {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p);
  return hash.digest("hex");
};

const toBytes = (part: string | Uint8Array): Uint8Array =>
  typeof part === "string" ? Buffer.from(part, "utf8") : part;

/**
 * Write the site into `out`: refuse when it holds files publish did not make (unless
 * `force`, which keeps them), write every file (each atomically, never through a link,
 * never outside `out`), then remove files an earlier publish wrote that this one did not
 * (a note made private loses its page), but only regular files provably inside `out`.
 * A file whose bytes match what the last publish wrote there (same hash, same size) is
 * left alone, so an unchanged page keeps its mtime and a re-publish writes only what changed.
 */
export function writeSite(
  outDir: string,
  site: readonly OutFile[] | WritePlan,
  opts: { force?: boolean } = {},
): { written: number; unchanged: number; removed: string[] } {
  const out = resolve(outDir);
  const foreign = foreignFiles(out);
  if (foreign.length && !opts.force) {
    const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : "");
    throw new LearnError(
      `${out} holds files that learn publish did not make: ${shown}`,
      "pick an empty --out folder, or pass --force to write into it anyway (those files are kept)",
    );
  }
  const marker = readMarker(out);
  const before = marker?.files ?? [];
  const oldHashes = marker?.hashes ?? {};
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw new LearnError(`cannot make ${out}: ${(err as Error).message}`, "check that its parent folder is writable");
  }
  const hashes = new Map<string, string>();
  const listed: string[] = [];
  let written = 0;
  let unchanged = 0;
  const first: WritePlan = Array.isArray(site)
    ? { paths: (site as readonly OutFile[]).map((f) => f.path), files: site as readonly OutFile[] }
    : (site as WritePlan);
  for (let plan: WritePlan | undefined = first; plan;) {
    const stats = checkPaths(out, plan.paths);
    const more = listed.length === 0 || plan.paths.length > 0;
    listed.push(...plan.paths);
    // List old and new files first (without hashes for what is about to change): a publish cut
    // short leaves nothing that looks foreign, and nothing that looks up to date when it is not.
    // A plan adding no file (no attachments) needs no new list: one durable write fewer.
    if (more) writeMarker(out, [...before, ...listed], hashes);
    for (const f of plan.files) {
      if (!stats.has(f.path)) throw new Error(`site file ${JSON.stringify(f.path)} was not planned`);
      const content: readonly (string | Uint8Array)[] = Array.isArray(f.content) ? f.content : [f.content];
      const hash = sha256(content);
      const size = content.reduce((n, p) => n + (typeof p === "string" ? Buffer.byteLength(p, "utf8") : p.length), 0);
      const had = stats.get(f.path);
      hashes.set(f.path, hash);
      if (oldHashes[f.path] === hash && had === size) {
        unchanged++;
        continue;
      }
      const path = join(out, f.path);
      const parts = content.map(toBytes);
      // Pages are rebuilt from the notes: atomic per file, without an fsync each; the marker is durable.
      // A file that is not there yet is created in place (open, write, close), not via a temp file;
      // one in parts (the search index) is written part by part, never joined.
      if (had !== undefined || !createNew(path, parts))
        writeFileSafe(out, path, parts, { durable: false, folderChecked: true });
      written++;
    }
    plan = plan.then?.();
  }
  const keep = new Set(listed);
  const removed = [...new Set(before)].filter((p) => !keep.has(p) && removeFileSafe(out, join(out, p))).sort();
  for (const p of removed) removeEmptyFolders(out, dirname(join(out, p)));
  writeMarker(out, listed, hashes);
  return { written: written + unchanged, unchanged, removed };
}

/**
 * Create a file that is not there, in three system calls instead of the safe writer's seven:
 * an exclusive create refuses anything standing at the name (a link included, and never
 * followed), so nothing is replaced. A crash part-way leaves a short page, but the marker
 * lists it without a hash until the publish ends, so the next publish writes it again.
 * Returns false, leaving nothing behind, when it cannot (then the safe writer does it, and
 * says why when that fails too).
 */
function createNew(path: string, parts: readonly Uint8Array[]): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  } catch {
    return false;
  }
  try {
    for (const bytes of parts)
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    closeSync(fd);
    return true;
  } catch {
    try {
      closeSync(fd);
      unlinkSync(path);
    } catch {
      // the safe writer replaces what is left
    }
    return false;
  }
}

/**
 * Check every path before anything is written: a plain relative path, each folder on the way
 * a real folder inside `out`, nothing but a regular file where a file goes (a link in the way
 * refuses the publish). Returns the size of the file at each path now (undefined: nothing there).
 */
function checkPaths(out: string, paths: readonly string[]): Map<string, number | undefined> {
  const odd = paths.find((p) => !isSitePath(p));
  if (odd !== undefined) throw new Error(`site file path ${JSON.stringify(odd)} is not a plain relative path`);
  const folders = new Set<string>();
  const stats = new Map<string, number | undefined>();
  for (const p of paths) {
    const dir = posix.dirname(p);
    if (!folders.has(dir)) {
      folders.add(dir);
      checkWritable(out, join(out, p));
    }
    try {
      stats.set(p, regularOrNothing(join(out, p))?.size); // only the size: thousands of Stats are megabytes
    } catch {
      checkWritable(out, join(out, p)); // throws the writer's own message for what stands there
    }
  }
  return stats;
}
