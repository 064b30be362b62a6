import { esc } from "./publish-html.js";
import { SEARCH_SCRIPT } from "./publish-search-script.js";
import { SITE_CSS } from "./publish-style.js";
import { atomFeed } from "./publish-feed.js";
import { createMarkdown } from "./publish-markdown.js";
import type { SiteModel, SiteNote } from "./publish-model.js";
import { indexPage, notePage, tagPage } from "./publish-pages.js";
import { READINESS_PAGE } from "./publish-readiness.js";
import { searchIndex } from "./publish-search.js";

/** One file of the site: path relative to the site root (forward slashes) and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

/** Said where a note cut at a size cap ends, so a reader knows the page is not the whole note. */
function truncatedMarker(bytes: number): string {
  const size = bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes} bytes`;
  return `<p class="truncated">${esc(`… truncated at ${size}: the rest of this note is too long to publish.`)}</p>\n`;
}

/**
 * Every file of the site except assets copied from packages (fuse.js): pages, tag pages,
 * feed, search index, stylesheet and search script; sorted by path. Pure and deterministic.
 */
export function buildSite(
  model: SiteModel,
  opts: { domains: Record<string, string>; /** The readiness page's HTML, when it is on. */ readiness?: string },
): SiteFile[] {
  const render = createMarkdown();
  const htmlFor =
    (root: string) =>
    (n: SiteNote): string =>
      render(n.body, { root, title: n.row.title, resolve: (kind, target) => model.resolve(n.row.slug, kind, target) }) +
      (n.truncatedAt === undefined ? "" : truncatedMarker(n.truncatedAt));
  const pageHtml = new Map(model.notes.map((n) => [n.file, htmlFor("../")(n)]));
  const index = JSON.stringify(searchIndex(model.notes, (n) => pageHtml.get(n.file)!));
  const files: SiteFile[] = [
    { path: "index.html", content: indexPage(model, opts.readiness !== undefined) },
    ...(opts.readiness !== undefined ? [{ path: READINESS_PAGE, content: opts.readiness }] : []),
    ...model.notes.map((n) => ({ path: n.file, content: notePage(n, model, pageHtml.get(n.file)!, opts.domains) })),
    ...model.tags.map((t) => ({ path: t.file, content: tagPage(t) })),
    { path: "feed.xml", content: atomFeed(model.notes, htmlFor("")) },
    { path: "search-index.json", content: `${index}\n` },
    // A script, not only JSON: browsers do not let pages opened from file:// fetch files.
    { path: "search-index.js", content: `window.LEARN_SEARCH_INDEX = ${index};\n` },
    { path: "assets/style.css", content: SITE_CSS },
    { path: "assets/search.js", content: SEARCH_SCRIPT },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
