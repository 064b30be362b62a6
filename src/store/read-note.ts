import { isUtf8 } from "node:buffer";
import { posix } from "node:path";
import { parseNote, type ParsedNote } from "../core/note-parse.js";
import { stripComments } from "../core/comments.js";
import { slugFromPath } from "../core/slug.js";
import type { IndexProblem } from "../core/index-types.js";
import { cutUtf8, readKnownRegular, READ_CAPS } from "../files/safe-read.js";
import type { FoundFile } from "./walk.js";

/**
 * Notes larger than this are indexed up to here, with a warning (keeps the index and memory bounded).
 * @public
 */
export const MAX_NOTE_BYTES = READ_CAPS.note;

/** A link as read from one file, before it is resolved against every note. */
interface RawLink {
  target: string;
  kind: "related" | "wikilink" | "markdown";
  /** What it resolves by: a lower-case slug, or for Markdown links a workspace-relative path. */
  toKey: string;
}

/** Everything the index stores about one readable note file. */
export interface NoteRecord {
  values: Record<string, string | number | null>;
  links: RawLink[];
}

/** A file read for the index: a note, or a reason it was skipped; problems either way. */
export interface ReadResult {
  note?: NoteRecord;
  problems: IndexProblem[];
}

const join = (xs: readonly string[]): string => xs.join("\n");

/** The links a parsed note makes (related:, [[wikilinks]], relative Markdown links), unresolved. */
export function noteLinks(path: string, parsed: ParsedNote): RawLink[] {
  const dir = posix.dirname(path);
  return [
    ...parsed.data.related.map((t) => ({ target: t, kind: "related" as const, toKey: slugFromPath(t).toLowerCase() })),
    ...parsed.facts.wikilinks.map((t) => ({
      target: t,
      kind: "wikilink" as const,
      toKey: slugFromPath(t.trim()).toLowerCase(),
    })),
    ...parsed.facts.mdLinks.map((t) => ({
      target: t,
      kind: "markdown" as const,
      // `/notes/b.md` is from the workspace root, as GitHub reads it; anything else from the note's folder.
      toKey: posix.normalize(t.startsWith("/") ? t.slice(1) : posix.join(dir, t)),
    })),
  ];
}

/** Read and parse one note file; never throws for bad content. */
export function readNote(file: FoundFile): ReadResult {
  let buf: Buffer;
  try {
    buf = readKnownSize(file);
  } catch (err) {
    return {
      problems: [
        {
          path: file.path,
          reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          severity: "error",
        },
      ],
    };
  }
  return parseBuffer(file, buf);
}

/**
 * Read the bytes the walk's stat saw (the walk checked it is a regular file inside the
 * workspace): open, one read, close. Syscalls are the cost of a full build here, and
 * readFileSync adds an fstat and an end-of-file read. A file that grew since the stat is read
 * again on the next refresh, because its stored signature is the stat's.
 */
const readKnownSize = (file: FoundFile): Buffer =>
  readKnownRegular(file.real ?? file.abs, file.size, MAX_NOTE_BYTES + 4);

/**
 * Turn a file's bytes into a note record (exported for tests).
 * @public
 */
export function parseBuffer(file: FoundFile, buf: Buffer): ReadResult {
  const problems: IndexProblem[] = [];
  const head = buf.subarray(0, 8192);
  if (head.includes(0))
    return {
      problems: [
        { path: file.path, reason: "skipped: binary content (NUL bytes) in a Markdown file", severity: "error" },
      ],
    };
  let bytes = buf;
  if (buf.length > MAX_NOTE_BYTES || file.size > MAX_NOTE_BYTES) {
    bytes = cutUtf8(buf, MAX_NOTE_BYTES);
    problems.push({
      path: file.path,
      reason: `note is ${(Math.max(buf.length, file.size) / 1048576).toFixed(1)} MiB: only the first 1 MiB is indexed`,
      severity: "warning",
    });
  }
  if (!isUtf8(bytes))
    return {
      problems: [{ path: file.path, reason: "skipped: not valid UTF-8 text (save it as UTF-8)", severity: "error" }],
    };
  const slug = slugFromPath(file.path);
  const parsed = parseNote(bytes.toString("utf8"), slug);
  for (const w of parsed.warnings) {
    const reason = w.key ? `${w.key}: ${w.message}` : w.message;
    problems.push({ path: file.path, line: w.line, reason, severity: w.severity });
  }
  const d = parsed.data;
  const links = noteLinks(file.path, parsed);
  const values = {
    path: file.path,
    slug,
    id: d.id ?? null,
    title: parsed.title,
    type: d.type ?? null,
    status: d.status ?? null,
    visibility: d.visibility ?? null,
    domain: d.domain ?? null,
    difficulty: d.difficulty ?? null,
    summary: d.summary ?? null,
    published: d.published ?? null,
    updated: d.updated ?? null,
    revisit_every: d.revisit_every ?? null,
    revisit: d.revisit === undefined ? null : d.revisit ? 1 : 0,
    roles: join(d.roles),
    tags: join(d.tags),
    sources: join(d.sources),
    related: join(d.related),
    covers: join(d.covers),
    checklist_done: parsed.facts.checklist.done,
    checklist_total: parsed.facts.checklist.total,
    headings: join(parsed.facts.headings),
    body: stripComments(parsed.body),
    mtime_ms: file.mtimeMs,
    size: file.size,
  };
  return { note: { values, links }, problems };
}
