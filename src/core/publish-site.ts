import { esc } from "./publish-html.js";
import { SEARCH_SCRIPT } from "./publish-search-script.js";
import { SITE_CSS } from "./publish-style.js";
import { atomFeed } from "./publish-feed.js";
import { createMarkdown } from "./publish-markdown.js";
import type { LinkTarget, SiteModel, SiteNote } from "./publish-model.js";
import { indexPage, notePage, tagPage } from "./publish-pages.js";
import { READINESS_PAGE } from "./publish-readiness.js";
import { searchEntry } from "./publish-search.js";

const joinParts = (parts: readonly (string | Uint8Array)[]): string => {
  const utf8 = new TextDecoder();
  return parts.map((p) => (typeof p === "string" ? p : utf8.decode(p))).join("");
};

/** One file of the site: path relative to the site root (forward slashes) and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

/** A file of a site plan: its text, or its parts in order (a large file shares its parts with another, never joined). */
interface PlannedFile {
  path: string;
  content: string | readonly (string | Uint8Array)[];
}

/** A site to write: every path it will hold, known before anything is rendered, and its files, made one at a time. */
export interface SitePlan {
  paths: string[];
  files: Iterable<PlannedFile>;
}

/** One lookup a note's rendering made (a link resolved, an attachment found) and what it gave. */
export interface RenderDep {
  kind: "wikilink" | "markdown" | "attachment";
  target: string;
  result: string;
}

/**
 * Rendered note bodies from the last publish. `get` gives the body HTML when the note is the
 * same and each lookup its rendering made gives the same answer now (`replay` asks it again);
 * `set` remembers a body just rendered.
 */
export interface RenderCache {
  get(n: SiteNote, replay: (dep: RenderDep) => string): string | undefined;
  set(n: SiteNote, html: string, deps: readonly RenderDep[]): void;
}

/** What building the site needs besides the model. */
export interface SiteOptions {
  domains: Record<string, string>;
  /** The readiness page's HTML, when it is on. */
  readiness?: string;
  /** The site path of a file (an image, a PDF) a public note names, when it is copied into the site. */
  attachment?: (from: SiteNote, target: string) => string | undefined;
  /** Bodies rendered before, reused when nothing they depend on changed. */
  cache?: RenderCache;
  /** Let each note's Markdown body go once its page is made (the model is then spent): a large site's bodies are never all held. */
  release?: boolean;
}

/** Said where a note cut at a size cap ends, so a reader knows the page is not the whole note. */
function truncatedMarker(bytes: number): string {
  const size = bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes} bytes`;
  return `<p class="truncated">${esc(`… truncated at ${size}: the rest of this note is too long to publish.`)}</p>\n`;
}

/**
 * The site as a plan: pages, tag pages, feed, search index, stylesheet and search script (not
 * assets copied from packages or the workspace). Files come one at a time, each note rendered
 * once, so a large site is never held in memory whole. Pure and deterministic.
 */
export function planSite(model: SiteModel, opts: SiteOptions): SitePlan {
  const fixed = [
    "index.html",
    "feed.xml",
    "search-index.json",
    "search-index.js",
    "assets/style.css",
    "assets/search.js",
  ];
  const paths = [
    ...fixed,
    ...(opts.readiness !== undefined ? [READINESS_PAGE] : []),
    ...model.notes.map((n) => n.file),
    ...model.tags.map((t) => t.file),
  ];
  return { paths, files: siteFiles(model, opts) };
}

function* siteFiles(model: SiteModel, opts: SiteOptions): Generator<PlannedFile> {
  const render = createMarkdown();
  const htmlFor =
    (root: string) =>
    (n: SiteNote): string =>
      render(n.body, {
        root,
        title: n.row.title,
        resolve: (kind, target) => model.resolve(n.row.path, kind, target),
        ...(opts.attachment ? { attachment: (target: string) => opts.attachment!(n, target) } : {}),
      }) + (n.truncatedAt === undefined ? "" : truncatedMarker(n.truncatedAt));
  // Each note's search entry is kept as its JSON's UTF-8 bytes: the index is written from them, in
  // parts, so neither the entries as objects nor the whole index as one string is ever held.
  const entries: { url: string; json: Uint8Array }[] = [];
  const utf8 = new TextEncoder();
  const describe = (t: LinkTarget): string =>
    t.kind === "public" ? `public ${t.note.file} ${t.note.row.title}` : t.kind;
  const replay = (n: SiteNote, d: RenderDep): string =>
    d.kind === "attachment"
      ? (opts.attachment?.(n, d.target) ?? "")
      : describe(model.resolve(n.row.path, d.kind, d.target));
  // A page's body, rendered once, with every lookup it made recorded for the cache.
  const page = (n: SiteNote): string => {
    const cached = opts.cache?.get(n, (d) => replay(n, d));
    if (cached !== undefined) return cached;
    const deps: RenderDep[] = [];
    const seen = new Set<string>();
    const note = (dep: RenderDep): void => {
      const k = `${dep.kind}\0${dep.target}`;
      if (seen.has(k)) return;
      seen.add(k);
      deps.push(dep);
    };
    const html =
      render(n.body, {
        root: "../",
        title: n.row.title,
        resolve: (kind, target) => {
          const to = model.resolve(n.row.path, kind, target);
          note({ kind, target, result: describe(to) });
          return to;
        },
        ...(opts.attachment
          ? {
              attachment: (target: string) => {
                const file = opts.attachment!(n, target);
                note({ kind: "attachment", target, result: file ?? "" });
                return file;
              },
            }
          : {}),
      }) + (n.truncatedAt === undefined ? "" : truncatedMarker(n.truncatedAt));
    opts.cache?.set(n, html, deps);
    return html;
  };
  // The feed first: it renders its few notes again, so their bodies are needed before they go.
  yield { path: "feed.xml", content: atomFeed(model.notes, htmlFor("")) };
  for (const n of model.notes) {
    const html = page(n);
    if (opts.release) n.body = "";
    entries.push({ url: n.file, json: utf8.encode(JSON.stringify(searchEntry(n, html))) });
    yield { path: n.file, content: notePage(n, model, html, opts.domains) };
  }
  for (const t of model.tags) yield { path: t.file, content: tagPage(t) };
  yield { path: "index.html", content: indexPage(model, opts.readiness !== undefined) };
  if (opts.readiness !== undefined) yield { path: READINESS_PAGE, content: opts.readiness };
  // The bytes of JSON.stringify(entries), sorted by url, in parts.
  const index = entries
    .sort((a, b) => a.url.localeCompare(b.url, "en"))
    .flatMap((e, i) => (i === 0 ? [e.json] : [",", e.json]));
  entries.length = 0;
  yield { path: "search-index.json", content: ["[", ...index, "]\n"] };
  // A script, not only JSON: browsers do not let pages opened from file:// fetch files.
  yield { path: "search-index.js", content: ["window.LEARN_SEARCH_INDEX = [", ...index, "];\n"] };
  yield { path: "assets/style.css", content: SITE_CSS };
  yield { path: "assets/search.js", content: SEARCH_SCRIPT };
}

/** Every file of the site (see planSite), sorted by path: the whole site at once, for small sites and tests. */
export function buildSite(model: SiteModel, opts: SiteOptions): SiteFile[] {
  return [...planSite(model, opts).files]
    .map((f) => ({ path: f.path, content: typeof f.content === "string" ? f.content : joinParts(f.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
