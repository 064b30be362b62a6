import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../core/context.js";
import type { SiteNote } from "../core/publish-model.js";
import type { RenderCache, RenderDep } from "../core/publish-site.js";
import { isInside, readWholeText, realRoot } from "../files/safe-read.js";
import { packageVersion } from "./package-root.js";

// `learn publish` scans every public note for secrets, the slowest step of a re-publish. A note
// whose exact text was scanned clean by this version of learn is clean again (the rules are
// part of the version, and the allowlist part of the hash: a text clean only because a
// fingerprint was allowed is scanned again once the list changes), so `.learn/publish-clean.json`
// remembers the hashes of clean texts. A note with a finding is never remembered: it is scanned,
// and refuses the publish, every time. Only a cache: deleting it costs one full scan.

const FILE = "publish-clean.json";
const CAP = 16 * 1024 * 1024;

/** The hash a clean text is remembered by: its bytes and the allowlist it was scanned with. */
export function textKey(text: string, allow: ReadonlySet<string> = new Set()): string {
  return createHash("sha256")
    .update([...allow].sort().join(","))
    .update("\0")
    .update(text)
    .digest("hex");
}

/** The hashes of texts scanned clean before, by this version of learn (empty when there is no usable cache). */
export function loadCleanTexts(ctx: Context): Set<string> {
  try {
    const text = readWholeText(join(ctx.ws.dataDir, FILE), { root: ctx.ws.root }, CAP, FILE);
    const data = text === undefined ? undefined : (JSON.parse(text) as { version?: unknown; clean?: unknown });
    if (!data || data.version !== packageVersion() || !Array.isArray(data.clean)) return new Set();
    return new Set(data.clean.filter((h): h is string => typeof h === "string" && /^[0-9a-f]{64}$/.test(h)));
  } catch {
    return new Set();
  }
}

/** Remember the texts scanned clean in this publish (the public notes of now: old entries go). */
export async function saveCleanTexts(ctx: Context, clean: Iterable<string>): Promise<void> {
  await ctx.saveCache?.(FILE, { clean: [...clean].sort() });
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
const noteKey = (n: SiteNote): string => sha256(JSON.stringify([n.body, n.row.title, n.truncatedAt ?? null]));

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
  const old = loadPages(ctx, out);
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
