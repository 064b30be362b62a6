import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { toNoteRow } from "../store/handle.js";
import { MAX_NOTE_BYTES, parseBuffer } from "../store/read-note.js";
import { isPublic } from "../core/check-links.js";
import type { Context } from "../core/context.js";
import { LearnError } from "../core/errors.js";
import type { NoteRow } from "../core/index-types.js";
import type { PublishFlagMap } from "../core/note-normalise.js";

/** A note as `learn publish` reads it now: everything the site shows comes from here, never from the index. */
export interface NoteForSite {
  /** Front matter and title from the file, in the index's row shape. */
  row: NoteRow;
  body: string;
  /** The text the secret scan sees: every byte whose words can reach the site. */
  text: string;
  /** Set to the cap in bytes when the file is longer and only that much was read. */
  truncatedAt?: number;
}

/** A note file's bytes as publish reads them (capped), or why it cannot be read. */
export type NoteBytes = { buf: Buffer; size: number; mtimeMs: number } | { error: string };

/** Read at most `max` bytes of a regular file; FIFOs and devices are refused without blocking on them. */
function readCapped(abs: string, max: number): { buf: Buffer; size: number; mtimeMs: number } {
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error("not a regular file");
    const cap = Math.min(st.size, max);
    const buf = Buffer.allocUnsafe(cap);
    let got = 0;
    while (got < cap) {
      const n = readSync(fd, buf, got, cap - got, got);
      if (n === 0) break;
      got += n;
    }
    return { buf: buf.subarray(0, got), size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * Read and parse one note file for publishing, capped like the index (MAX_NOTE_BYTES) and
 * parsed by the index's own parser, so a page and its index row agree. Returns the reason
 * when the file cannot be read as a note (an I/O error, not a file, binary, not UTF-8).
 * `publishFlag` is learn.config.yaml's `publish_flag` mapping (the default when left out), and
 * `defaultVisibility` its `default_visibility`.
 */
export function readNoteForSite(
  root: string,
  path: string,
  publishFlag?: PublishFlagMap,
  defaultVisibility?: "public" | "private",
): NoteForSite | { error: string } {
  return parseNoteForSite(root, path, readNoteBytes(root, path), publishFlag, defaultVisibility);
}

/** Read one note file's bytes for publishing, capped like the index reads (MAX_NOTE_BYTES and a few bytes more). */
export function readNoteBytes(root: string, path: string): NoteBytes {
  try {
    // A few bytes past the cap, as the index reads, so the UTF-8 cut lands where the index's does.
    return readCapped(join(root, path), MAX_NOTE_BYTES + 4);
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
}

/** Parse bytes read by readNoteBytes as readNoteForSite does. */
function parseNoteForSite(
  root: string,
  path: string,
  file: NoteBytes,
  publishFlag?: PublishFlagMap,
  defaultVisibility?: "public" | "private",
): NoteForSite | { error: string } {
  if ("error" in file) return file;
  const { buf, size, mtimeMs } = file;
  // links are not used here: only the flag mapping matters in the context
  const parsed = parseBuffer(
    { path, abs: join(root, path), size, mtimeMs },
    buf,
    publishFlag === undefined ? undefined : { notesBase: "", publishFlag },
  );
  if (!parsed.note) {
    const why = parsed.problems.find((p) => p.severity === "error")?.reason ?? "cannot parse";
    return { error: why.replace(/^skipped: /, "") };
  }
  const { body, ...values } = parsed.note.values;
  const row = toNoteRow(values as unknown as Parameters<typeof toNoteRow>[0]);
  // learn.config.yaml's default_visibility, for a note that says neither visibility: nor publish: (as the index does)
  if (row.visibility === null && values.publish_flag === null && defaultVisibility) row.visibility = defaultVisibility;
  const truncated = size > MAX_NOTE_BYTES || buf.length > MAX_NOTE_BYTES;
  return {
    row,
    body: String(body ?? ""),
    text: buf.subarray(0, MAX_NOTE_BYTES).toString("utf8"),
    ...(truncated ? { truncatedAt: MAX_NOTE_BYTES } : {}),
  };
}

/**
 * Read every indexed note's file now: the index may be stale in ways its (mtime, size) check
 * cannot see (`cp -p`, `touch -r`), so visibility, title, summary and body come from the file.
 * A note the index calls public that cannot be read fails the publish; one it calls private
 * keeps its (private) cached row, so links to it still render as private.
 */
export function readNotesNow(
  ctx: Context,
  cached: readonly NoteRow[],
  bytesOf: (path: string) => NoteBytes,
  each: (path: string, n: NoteForSite) => void,
): { rows: NoteRow[]; read: Map<string, NoteForSite> } {
  const rows: NoteRow[] = [];
  const read = new Map<string, NoteForSite>();
  const failed: { path: string; why: string }[] = [];
  for (const c of cached) {
    // with the workspace's own publish_flag and default_visibility, as the index read it
    const file = bytesOf(c.path);
    const got = parseNoteForSite(ctx.ws.root, c.path, file, ctx.config.publish_flag, ctx.config.default_visibility);
    if ("error" in got) {
      if (isPublic(c)) failed.push({ path: c.path, why: got.error });
      else rows.push(c);
      continue;
    }
    rows.push(got.row);
    if (!isPublic(got.row)) continue;
    each(got.row.path, got);
    read.set(got.row.path, got);
  }
  if (failed.length)
    throw new LearnError(
      failed.length === 1
        ? `publish: ${failed[0]!.path}: cannot read this public note: ${failed[0]!.why}; nothing was written`
        : `publish: cannot read ${failed.length} public notes: ${failed.map((f) => `${f.path} (${f.why})`).join(", ")}; nothing was written`,
      "restore the file or fix its permissions, or make the note private, then publish again",
    );
  return { rows, read };
}
