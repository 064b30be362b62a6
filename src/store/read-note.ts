import { isUtf8 } from "node:buffer";
import { posix } from "node:path";
import type { Dialect } from "../core/config.js";
import { splitWikilink, type MdRef } from "../core/markdown.js";
import type { PublishFlagMap } from "../core/note-normalise.js";
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
export interface RawLink {
  /** The note or file named, as written (wikilinks: label and #anchor removed; Markdown: the path). */
  target: string;
  kind: "related" | "wikilink" | "embed" | "markdown";
  /**
   * What it resolves by: for a name (related:, wikilinks) the lower-case name; for a Markdown
   * link a workspace-relative path; for an attachment its first candidate path.
   */
  toKey: string;
  /**
   * A second key: for a name, the path it names when read as a path (the same folder, or from the
   * notes folder when it holds a `/`); for a `/`-rooted Markdown link, the path from the workspace root;
   * for an attachment, its other candidate paths ("\n"-joined).
   */
  altKey: string | null;
  /** `#heading` or `#^block` of the link, without the `#`. */
  anchor: string | null;
  /** True when it names a file that is not a note (an image, a PDF): resolved by looking on disk. */
  attach: boolean;
}

/** What reading links needs to know about the workspace: its dialect and where the notes folder is. */
export interface LinkContext {
  /** The notes folder relative to the workspace root ("notes", or "" when the notes are the root). */
  notesBase: string;
  dialect?: Dialect;
  /** How a boolean `published:`/`publish:` maps to visibility (learn.config.yaml `publish_flag`); the default when absent. */
  publishFlag?: PublishFlagMap;
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

const NOTE_EXT = /\.(?:md|markdown)$/i;
/** A file extension (`.png`, `.pdf`): a name with one names a file, not a note (Dendron's `a.b.c` aside, see below). */
const FILE_EXT = /\.([a-z0-9]{1,8})$/i;
/** Extensions of attachments people link to; a Dendron hierarchy name `a.b.c` is a note, not a `.c` file. */
const ATTACHMENT_EXT = new Set(
  (
    "png jpg jpeg gif svg webp avif bmp ico tif tiff heic pdf mp3 mp4 m4a wav ogg webm mov mkv csv tsv json " +
    "yaml yml txt zip gz tgz excalidraw canvas html htm xml drawio epub docx xlsx pptx py js ts sh sql go rs"
  ).split(" "),
);
/** Media a Dendron vault embeds; its notes are named `a.b.json` too, so only these name files there. */
const MEDIA_EXT = new Set("png jpg jpeg gif svg webp avif bmp ico pdf mp3 mp4 m4a wav ogg webm mov".split(" "));
const extOf = (name: string): string => FILE_EXT.exec(name)?.[1]?.toLowerCase() ?? "";
const isAttachmentName = (name: string, dialect?: string): boolean =>
  (dialect === "dendron" ? MEDIA_EXT : ATTACHMENT_EXT).has(extOf(name));

const rootJoin = (base: string, p: string): string => posix.normalize(base ? posix.join(base, p) : p);

/** A `[[name]]` or `related:` name as a link to resolve: a note by path, name, id, title or alias, or a file. */
function nameLink(
  dir: string,
  links: LinkContext,
  target: string,
  kind: RawLink["kind"],
  anchor: string | undefined,
): RawLink {
  const name = target.replace(NOTE_EXT, "");
  if (!NOTE_EXT.test(target) && isAttachmentName(target, links.dialect)) {
    // Obsidian looks for an attachment beside the note, then from the vault root; a bare name anywhere (see refresh).
    const first = target.includes("/") ? rootJoin(links.notesBase, target) : posix.join(dir, target);
    const others = [rootJoin(links.notesBase, target), posix.normalize(target.replace(/^\/+/, ""))];
    const alt = [...new Set(others.filter((o) => o !== first))].join("\n");
    return { target, kind, toKey: first, altKey: alt || null, anchor: anchor ?? null, attach: true };
  }
  const asPath = name.includes("/")
    ? rootJoin(links.notesBase, `${name.replace(/^\/+/, "")}.md`)
    : posix.join(dir, `${name}.md`);
  const toKey = (name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name).toLowerCase();
  return { target, kind, toKey, altKey: asPath, anchor: anchor ?? null, attach: false };
}

/** A Markdown link's destination as a link to resolve: relative to the note, or `/`-rooted. */
function mdLink(dir: string, links: LinkContext, ref: MdRef): RawLink | undefined {
  const t = ref.path;
  if (t.endsWith("/")) return undefined; // a folder, as READMEs link to them: neither a note nor broken
  // `/x.md` is from the notes folder (Obsidian, Foam) or from the workspace root (GitHub): both are tried.
  const rooted = t.startsWith("/");
  const first = rooted ? rootJoin(links.notesBase, t.replace(/^\/+/, "")) : posix.join(dir, t);
  // Obsidian and Foam also read `a/b.md` from the vault's root; GitHub (and so plain Markdown) does not
  const vaultRelative = links.dialect === "obsidian" || links.dialect === "foam";
  const second = rooted
    ? posix.normalize(t.replace(/^\/+/, ""))
    : vaultRelative && !t.startsWith(".")
      ? rootJoin(links.notesBase, t)
      : null;
  const anchor = ref.anchor ?? null;
  if (NOTE_EXT.test(t)) return { target: t, kind: "markdown", toKey: first, altKey: second, anchor, attach: false };
  if (FILE_EXT.test(t) && !t.endsWith(".")) {
    return { target: t, kind: "markdown", toKey: first, altKey: second, anchor, attach: true };
  }
  // No extension: a note written without `.md` (Foam, GitHub wikis), else a file or folder of that name.
  return {
    target: t,
    kind: "markdown",
    toKey: `${first}.md`,
    altKey: [second ? `${second}.md` : null, first, second].filter(Boolean).join("\n"),
    anchor,
    attach: false,
  };
}

/**
 * The links a parsed note makes (related:, [[wikilinks]], ![[embeds]], Markdown links and images),
 * unresolved. `links` gives the dialect (which side of `|` is the target) and the notes folder.
 */
export function noteLinks(path: string, parsed: ParsedNote, links: LinkContext = { notesBase: "notes" }): RawLink[] {
  const dir = posix.dirname(path);
  const out: RawLink[] = parsed.data.related.map((t) => nameLink(dir, links, t.trim(), "related", undefined));
  for (const w of parsed.facts.wikilinks) {
    const l = wikiLink(dir, links, w.inner, w.embed);
    if (l) out.push(l);
  }
  for (const ref of parsed.facts.mdLinks) {
    const l = mdLink(dir, links, ref);
    if (l) out.push(l);
  }
  return out;
}

/** A `[[inner]]` or `![[inner]]` as a link to resolve, split by the dialect; undefined when it names no note or file. */
function wikiLink(dir: string, links: LinkContext, inner: string, embed: boolean): RawLink | undefined {
  const parts = splitWikilink(inner, links.dialect);
  // `[[#heading]]` is a place in this note; `[[https://…]]` a URL; `[[{{date}}]]` a template's placeholder;
  // Dendron's `![[a.b.*]]` embeds every note matching a pattern
  const t = parts.target;
  if (!t || /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || t.includes("{{") || (embed && t.includes("*"))) return undefined;
  return nameLink(dir, links, t, embed ? "embed" : "wikilink", parts.anchor);
}

/**
 * One link of the note at `path` as an editor shows it (a wikilink's inner text, a `related:`
 * name, a Markdown destination's path and anchor), read as noteLinks reads it.
 */
export function writtenLink(
  path: string,
  written:
    | { kind: "wikilink" | "embed"; inner: string }
    | { kind: "related"; name: string }
    | { kind: "markdown"; ref: MdRef },
  links: LinkContext,
): RawLink | undefined {
  const dir = posix.dirname(path);
  if (written.kind === "related") return nameLink(dir, links, written.name.trim(), "related", undefined);
  if (written.kind === "markdown") return mdLink(dir, links, written.ref);
  return wikiLink(dir, links, written.inner, written.kind === "embed");
}

/** Front-matter tags, then the body's `#tags` not among them (any case). */
function withInlineTags(tags: readonly string[], inline: readonly string[]): string[] {
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  return [...tags, ...inline.filter((t) => !seen.has(t.toLowerCase()))];
}

/** Read and parse one note file; never throws for bad content. */
export function readNote(file: FoundFile, links?: LinkContext): ReadResult {
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
  return parseBuffer(file, buf, links);
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
export function parseBuffer(file: FoundFile, buf: Buffer, linkContext?: LinkContext): ReadResult {
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
  const parsed = parseNote(bytes.toString("utf8"), slug, linkContext?.publishFlag);
  for (const w of parsed.warnings) {
    const reason = w.key ? `${w.key}: ${w.message}` : w.message;
    problems.push({ path: file.path, line: w.line, reason, severity: w.severity });
  }
  const d = parsed.data;
  const links = noteLinks(file.path, parsed, linkContext);
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
    tags: join(withInlineTags(d.tags, parsed.facts.tags)),
    sources: join(d.sources),
    related: join(d.related),
    covers: join(d.covers),
    checklist_done: parsed.facts.checklist.done,
    checklist_total: parsed.facts.checklist.total,
    headings: join(parsed.facts.headings),
    body: stripComments(parsed.body),
    mtime_ms: file.mtimeMs,
    size: file.size,
    aliases: join(d.aliases),
    folder: "", // set by placeNote (core/folder-domain.ts), which knows the notes folder
    // visibility: wins; else the flag, mapped as configured (publish-flag.ts maps stored rows again when the setting changes)
    publish_flag: d.publish_flag === undefined ? null : d.publish_flag ? 1 : 0,
  };
  return { note: { values, links }, problems };
}
