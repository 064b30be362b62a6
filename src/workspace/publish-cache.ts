import { createHash } from "node:crypto";
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import type { Context } from "../core/context.js";
import type { SiteNote } from "../core/publish-model.js";
import type { RenderCache, RenderDep } from "../core/publish-site.js";
import { isInside, readWholeText, realRoot } from "../files/safe-read.js";
import { packageVersion } from "./package-root.js";
import { SITE_MARKER } from "./site-marker.js";

// `learn publish` scans every public note for secrets and for its template's placeholder text,
// the slowest steps of a re-publish. A note whose exact text was found clean of both by this
// version of learn is clean again (the rules are part of the version; the allowlist and the
// templates are part of the hash: a text clean only because a fingerprint was allowed, or
// because a template changed, is checked again once they change), so `.learn/publish-clean.json`
// remembers the hashes of clean texts, and for each whether it holds enough words of its own
// (what the readiness page counts, measured against the same templates). A note with a finding
// is never remembered: it is checked, and refuses the publish, every time. Only a cache:
// deleting it costs one full scan.

const FILE = "publish-clean.json";
const FORMAT = 2;
const CAP = 16 * 1024 * 1024;

/**
 * How a clean text is remembered: the hash of its bytes after the allowlist and the templates it was
 * checked with, which are the same for every note of a run, so they are put in text once.
 */
export function textKeyer(allow: ReadonlySet<string> = new Set(), templates: unknown = null): (text: string) => string {
  const prefix = `${[...allow].sort().join(",")}\0${JSON.stringify(templates) ?? ""}\0`;
  return (text) => createHash("sha256").update(prefix).update(text).digest("hex");
}

/** Texts checked clean before, by this version of learn, each with whether it has enough words of its own (empty when there is no usable cache). */
export function loadCleanTexts(ctx: Context): Map<string, boolean> {
  const known = new Map<string, boolean>();
  try {
    const text = readWholeText(join(ctx.ws.dataDir, FILE), { root: ctx.ws.root }, CAP, FILE);
    const data =
      text === undefined
        ? undefined
        : (JSON.parse(text) as { version?: unknown; format?: unknown; clean?: unknown; thin?: unknown });
    if (!data || data.version !== packageVersion() || data.format !== FORMAT) return known;
    if (!Array.isArray(data.clean) || !Array.isArray(data.thin)) return known;
    const hex = (h: unknown): h is string => typeof h === "string" && /^[0-9a-f]{64}$/.test(h);
    for (const h of data.clean) if (hex(h)) known.set(h, true);
    for (const h of data.thin) if (hex(h) && known.has(h)) known.set(h, false);
  } catch {
    // no usable cache: every text is checked
  }
  return known;
}

/** Remember the texts found clean in this publish, each with whether it has enough words of its own (the public notes of now: old entries go). */
export async function saveCleanTexts(ctx: Context, clean: Iterable<[string, boolean]>): Promise<void> {
  const all = [...clean].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  await ctx.saveCache?.(FILE, {
    format: FORMAT,
    clean: all.map((c) => c[0]),
    thin: all.filter((c) => !c[1]).map((c) => c[0]),
  });
}

// A re-publish renders again only the notes whose page body could differ: `.learn/publish-pages.json`
// holds, per page, a hash of what its body was rendered from (text, title, cut), every lookup the
// rendering made (a link resolved, an attachment found) with its answer, and the hash of the body
// HTML. When the note and every answer are the same, the body is taken back from the page the last
// publish wrote (checked against that hash), so only the frame around it is built again.

const PAGES = "publish-pages.json";
const PAGE_CAP = 16 * 1024 * 1024;
const KINDS = new Set(["wikilink", "markdown", "attachment"]);
const BODY_START = '<div class="note-body">\n';
const BODY_END = "</div>\n";

interface PageEntry {
  key: string;
  hash: string;
  deps: [RenderDep["kind"], string, string][];
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const noteKeys = new WeakMap<SiteNote, string>();
/** The renderer's revision within one version of learn (2: Obsidian block ids): a change renders every page again. */
const RENDERER = 2;
/** What a note's body was rendered from, hashed once per note (asked by `get`, then by `set`). */
const noteKey = (n: SiteNote): string => {
  let key = noteKeys.get(n);
  if (key === undefined) {
    // the title and cut first, each length-prefixed, then the body as it is: no JSON copy of every body
    const head = `${RENDERER}\0${n.row.title.length}:${n.row.title}\0${n.truncatedAt ?? ""}\0`;
    key = createHash("sha256").update(head).update(n.body).digest("hex");
    noteKeys.set(n, key);
  }
  return key;
};

function loadPages(ctx: Context, out: string): Map<string, PageEntry> {
  const pages = new Map<string, PageEntry>();
  try {
    const text = readWholeText(join(ctx.ws.dataDir, PAGES), { root: ctx.ws.root }, 256 * 1024 * 1024, PAGES);
    const data =
      text === undefined ? undefined : (JSON.parse(text) as { version?: unknown; out?: unknown; pages?: unknown });
    if (!data || data.version !== packageVersion() || data.out !== out || !data.pages || typeof data.pages !== "object")
      return pages;
    for (const [file, e] of Object.entries(data.pages as Record<string, PageEntry>)) {
      const ok =
        typeof e?.key === "string" &&
        typeof e.hash === "string" &&
        Array.isArray(e.deps) &&
        e.deps.every(
          (d) => Array.isArray(d) && KINDS.has(d[0]) && typeof d[1] === "string" && typeof d[2] === "string",
        );
      if (ok) pages.set(file, e);
    }
  } catch {
    // no usable cache: every page is rendered
  }
  return pages;
}

let scratch = Buffer.alloc(0);

/**
 * The body HTML inside a page the last publish wrote, or undefined when it cannot be read. Read
 * like the safe reader reads (a regular file whose real path is inside the site, never blocking,
 * capped), into one buffer reused for every page: thousands of page-sized buffers would sit
 * outside the heap until a late collection. What is read counts only if its hash matches.
 */
function bodyOfPage(out: string, file: string): string | undefined {
  let fd: number | undefined;
  try {
    const real = realpathSync.native(join(out, file));
    if (!isInside(real, realRoot(out))) return undefined;
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > PAGE_CAP) return undefined;
    if (scratch.length < st.size) scratch = Buffer.allocUnsafe(Math.max(st.size, 64 * 1024));
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, scratch, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    const page = scratch.toString("utf8", 0, got);
    const start = page.indexOf(BODY_START);
    const end = start < 0 ? -1 : page.indexOf(BODY_END, start + BODY_START.length);
    return end < 0 ? undefined : page.slice(start + BODY_START.length, end);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The render cache of a publish into `out`; `save` remembers this publish's pages once it is written. */
export function renderCache(ctx: Context, out: string): RenderCache & { save(): Promise<void> } {
  // A site folder no publish finished in (a new one) holds no page to take a body back from.
  const old = existsSync(join(out, SITE_MARKER)) ? loadPages(ctx, out) : new Map<string, PageEntry>();
  const next = new Map<string, PageEntry>();
  return {
    get(n, replay) {
      const e = old.get(n.file);
      old.delete(n.file); // each page is asked for once: let what it held go
      if (!e || e.key !== noteKey(n)) return undefined;
      for (const [kind, target, result] of e.deps) if (replay({ kind, target, result }) !== result) return undefined;
      const html = bodyOfPage(out, n.file);
      if (html === undefined || sha256(html) !== e.hash) return undefined;
      next.set(n.file, e);
      return html;
    },
    set(n, html, deps) {
      next.set(n.file, { key: noteKey(n), hash: sha256(html), deps: deps.map((d) => [d.kind, d.target, d.result]) });
    },
    save: async () => ctx.saveCache?.(PAGES, { out, pages: Object.fromEntries(next) }),
  };
}

// A re-publish where nothing changed renders nothing and scans nothing: `.learn/publish-site.json`
// holds a hash of every input of the last publish that finished (each note file's bytes, the
// index's rows and links, the config, today, the allowlist, the templates, the revisit log) and
// the size and mtime of every file it left in the site and of every attachment it copied. When
// the inputs hash the same, the site holds exactly those files unchanged, and the workspace holds
// the same candidate attachments, the site is already what this publish would write.

const SITE = "publish-site.json";

/** What a finished publish leaves for the next one to compare with. */
export interface SiteState {
  print: string;
  out: string;
  /** Site files: [size, mtimeMs] as left by that publish. */
  files: Record<string, [number, number]>;
  /** Attachments copied, by workspace path: [size, mtimeMs]. */
  sources: Record<string, [number, number]>;
  /** A hash of the candidate attachments' names, when any note looked one up. */
  listing?: string;
  result: { notes: number; tags: number; files: number };
}

/** The hash of a publish's inputs, fed part by part: the `parts` (JSON), then each input file's bytes. */
export interface InputsPrint {
  /** Add one file (workspace-relative `path`): its bytes and size as read, or why it could not be read. */
  file(path: string, got: { buf: Uint8Array; size: number } | { error: string }): void;
  digest(): string;
}

/** Start the hash of a publish's inputs with `parts` (a list, each part JSON, item by item when a list). */
export function inputsPrint(parts: readonly unknown[]): InputsPrint {
  const hash = createHash("sha256");
  // Long lists (every note row, every link) are hashed one item at a time: no string of them all.
  for (const part of parts) {
    if (Array.isArray(part)) for (const item of part) hash.update(`\0${JSON.stringify(item)}`);
    else hash.update(`\0${JSON.stringify(part) ?? ""}`);
    hash.update("\0\0");
  }
  return {
    file(path, got) {
      hash.update(`\0${path}`);
      if ("error" in got) hash.update(`\0${got.error}\0`);
      else hash.update(`\0${got.size}\0`).update(got.buf);
    },
    digest: () => hash.digest("hex"),
  };
}

/** The hash of a list of names. */
export const listingPrint = (names: readonly string[]): string => sha256(names.join("\0"));

/** The state the last finished publish left, when it is usable. */
export function loadSiteState(ctx: Context): SiteState | undefined {
  try {
    const text = readWholeText(join(ctx.ws.dataDir, SITE), { root: ctx.ws.root }, 64 * 1024 * 1024, SITE);
    const data = text === undefined ? undefined : (JSON.parse(text) as Partial<SiteState> & { version?: unknown });
    if (!data || data.version !== packageVersion() || typeof data.print !== "string" || typeof data.out !== "string")
      return undefined;
    if (!data.files || typeof data.files !== "object" || !data.sources || typeof data.sources !== "object")
      return undefined;
    if (!data.result || typeof data.result.notes !== "number") return undefined;
    return data as SiteState;
  } catch {
    return undefined;
  }
}

/** True when every file in `stats` is a regular file (links not followed) of the same size and mtime. */
export function sameStats(dir: string, stats: Record<string, [number, number]>, follow = false): boolean {
  for (const [rel, [size, mtime]] of Object.entries(stats)) {
    try {
      const st = follow ? statSync(join(dir, rel)) : lstatSync(join(dir, rel));
      if (!st.isFile() || st.size !== size || st.mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** [size, mtimeMs] of each file (following links when `follow`), or undefined when one cannot be read. */
export function statsOf(dir: string, files: Iterable<string>, follow = false): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const f of files) {
    const st = follow ? statSync(join(dir, f)) : lstatSync(join(dir, f));
    out[f] = [st.size, st.mtimeMs];
  }
  return out;
}

/** Remember the finished publish (or forget it, with undefined, before a publish that may not finish). */
export async function saveSiteState(ctx: Context, state: SiteState | undefined): Promise<void> {
  await ctx.saveCache?.(SITE, state ?? {});
}
