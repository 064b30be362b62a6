import { closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";
import { LearnError } from "../core/errors.js";
import { shownPath } from "./safe-path.js";
import { writeFileSafe } from "./safe-write.js";

// The `.learn-site` marker: how publish knows a folder is its own and which files it wrote
// there, and the plain relative paths it may list. Writing the site itself is site-write.ts.

/** The file that marks a folder as made by `learn publish`, listing the files it wrote. */
export const SITE_MARKER = ".learn-site";

interface Marker {
  generator: string;
  files: string[];
  /** Each file's SHA-256 as last written, so a file whose bytes would not change is not rewritten. */
  hashes?: Record<string, string>;
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
export function readMarker(out: string): Marker | undefined {
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
  // Hashes only ever save a write: any that do not look right are ignored, and those files rewritten.
  const hashes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (m.hashes && typeof m.hashes === "object")
    for (const f of m.files) {
      const h = Object.hasOwn(m.hashes, f) ? m.hashes[f] : undefined;
      if (typeof h === "string" && /^[0-9a-f]{64}$/.test(h)) hashes[f] = h;
    }
  return { generator: String(m.generator), files: m.files, hashes };
}

/** The marker: files sorted; hashes for those whose bytes on disk are known to match. */
export function writeMarker(out: string, files: string[], hashes: Map<string, string> = new Map()): void {
  const list = [...new Set(files)].sort();
  const known = list.filter((f) => hashes.has(f));
  const marker: Marker = { generator: "learn publish", files: list };
  if (known.length) marker.hashes = Object.fromEntries(known.map((f) => [f, hashes.get(f)!]));
  writeFileSafe(out, join(out, SITE_MARKER), `${JSON.stringify(marker, null, 1)}\n`);
}

/**
 * The files of a finished publish in `out`, when the folder holds exactly them: its marker
 * lists each with a hash (so the publish that wrote it finished) and nothing else is there,
 * nothing is missing. Undefined otherwise, or when the marker is not to be trusted.
 */
export function finishedSite(out: string): string[] | undefined {
  try {
    const m = readMarker(resolve(out));
    if (!m || !m.files.every((f) => m.hashes?.[f] !== undefined)) return undefined;
    const listed = [...new Set(m.files)].sort();
    const present = listFiles(resolve(out));
    return present.length === listed.length && present.every((f, i) => f === listed[i]) ? listed : undefined;
  } catch {
    return undefined;
  }
}

/** Files in `out` that an earlier publish did not write (what --force would keep). */
export function foreignFiles(out: string): string[] {
  const mine = new Set(readMarker(out)?.files ?? []);
  return listFiles(out).filter((f) => !mine.has(f));
}
