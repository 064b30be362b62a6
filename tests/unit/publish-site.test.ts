import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { buildSiteModel } from "../../src/core/publish-model.js";
import { buildSite, type SiteFile } from "../../src/core/publish-site.js";
import { htmlHeadings, htmlToText } from "../../src/core/publish-search.js";
import { blankNoteRow, type LinkRow, type NoteRow } from "../../src/core/index-types.js";

const makeNote = (o: Partial<NoteRow> & { slug: string }): NoteRow => ({
  ...blankNoteRow(`notes/${o.slug}.md`, o.slug),
  type: "doc",
  status: "budding",
  visibility: "public",
  domain: "core-backend",
  difficulty: "beginner",
  published: "2026-11-01",
  ...o,
});

const PRIVATE_TITLE = "Zanzibar heist plans";
const notes: NoteRow[] = [
  makeNote({
    slug: "http-caching",
    title: "HTTP caching",
    tags: ["http", "caching"],
    summary: "Caches.",
    related: ["idempotency-keys", "zanzibar-plans"],
    sources: ["https://example.org/rfc", "javascript:alert(1)"],
    updated: "2026-11-20",
  }),
  makeNote({ slug: "idempotency-keys", title: "Idempotency keys", type: "cheatsheet", tags: ["http"] }),
  makeNote({ slug: "weekly-log", title: "Week 48", type: "log", tags: [] }),
  makeNote({ slug: "zanzibar-plans", title: PRIVATE_TITLE, visibility: "private", tags: ["zanzitag"] }),
  makeNote({ slug: "no-visibility", title: "Unmarked draft", visibility: null }),
];
const bodies: Record<string, string> = {
  "http-caching":
    "# HTTP caching\n\n## Compare with [[zanzibar-plans]]\n\nSee [[idempotency-keys]], [[zanzibar-plans]] and [more](zanzibar-plans.md).\n\n<script>alert(1)</script>\n",
  "idempotency-keys": "Back to [[http-caching]].\n",
  "weekly-log": "Did things.\n",
};
const links: LinkRow[] = [
  { from_slug: "http-caching", target: "idempotency-keys", kind: "related", to_slug: "idempotency-keys" },
  { from_slug: "http-caching", target: "zanzibar-plans", kind: "related", to_slug: "zanzibar-plans" },
  { from_slug: "http-caching", target: "idempotency-keys", kind: "wikilink", to_slug: "idempotency-keys" },
  { from_slug: "http-caching", target: "zanzibar-plans", kind: "wikilink", to_slug: "zanzibar-plans" },
  { from_slug: "http-caching", target: "zanzibar-plans.md", kind: "markdown", to_slug: "zanzibar-plans" },
  { from_slug: "idempotency-keys", target: "http-caching", kind: "wikilink", to_slug: "http-caching" },
  { from_slug: "zanzibar-plans", target: "http-caching", kind: "wikilink", to_slug: "http-caching" },
];

function site(): SiteFile[] {
  const read: string[] = [];
  const model = buildSiteModel(notes, links, (r) => {
    read.push(r.slug);
    return bodies[r.slug] ?? "";
  });
  expect(read.sort()).toEqual(["http-caching", "idempotency-keys", "weekly-log"]);
  return buildSite(model, { domains: DEFAULT_CONFIG.domains });
}
const file = (files: SiteFile[], path: string): string => files.find((f) => f.path === path)?.content ?? "";

describe("buildSite", () => {
  const files = site();

  it("makes a page per public note, tag pages, feed, search index and assets", () => {
    expect(files.map((f) => f.path)).toEqual([
      "assets/search.js",
      "assets/style.css",
      "feed.xml",
      "index.html",
      "notes/http-caching.html",
      "notes/idempotency-keys.html",
      "notes/weekly-log.html",
      "search-index.js",
      "search-index.json",
      "tags/caching.html",
      "tags/http.html",
    ]);
  });

  it("never shows a private note's title, slug, tag or text anywhere (unmarked notes are private too)", () => {
    for (const f of files) {
      for (const leak of [PRIVATE_TITLE, "zanzibar", "zanzitag", "Unmarked draft", "no-visibility"]) {
        expect(f.content.toLowerCase(), `${leak} in ${f.path}`).not.toContain(leak.toLowerCase());
      }
    }
  });

  it("groups the index by type and links every public note", () => {
    const index = file(files, "index.html");
    expect(index.indexOf("Docs")).toBeLessThan(index.indexOf("Cheat Sheets"));
    expect(index.indexOf("Cheat Sheets")).toBeLessThan(index.indexOf("Learning Log"));
    expect(index.match(/class="note-title" href="notes\/[^"]+"/g)).toHaveLength(3);
  });

  it("gives a note its metadata, related notes and backlinks from public notes only", () => {
    const page = file(files, "notes/http-caching.html");
    expect(page).toContain("<dt>Category</dt><dd>Doc</dd>");
    expect(page).toContain("<dt>Domain</dt><dd>Core backend</dd>");
    expect(page).toMatch(/Related Notes<\/h2>\n<ul class="link-list"><li><a href="..\/notes\/idempotency-keys.html">/);
    expect(page).toMatch(
      /Backlinks<\/h2>\n<ul class="link-list"><li><a href="..\/notes\/idempotency-keys.html">Idempotency keys/,
    );
    expect(page).toContain('<a href="https://example.org/rfc" rel="noopener noreferrer">');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("uses only relative links to its own files", () => {
    for (const f of files.filter((x) => x.path.endsWith(".html"))) {
      for (const [, href] of f.content.matchAll(/(?:href|src)="([^"]*)"/g)) {
        if (/^https?:/.test(href!)) continue; // source links to the web
        expect(href, f.path).not.toMatch(/^\/|^[a-z]+:/i);
      }
    }
  });

  it("is deterministic: the same notes give the same bytes", () => {
    expect(site()).toEqual(files);
  });

  it("writes a valid-looking Atom feed dated from the notes", () => {
    const feed = file(files, "feed.xml");
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain("<updated>2026-11-20T00:00:00Z</updated>");
    expect(feed.match(/<entry>/g)).toHaveLength(3);
  });

  it("indexes public notes for search, as JSON and as a script", () => {
    const json = JSON.parse(file(files, "search-index.json")) as { title: string; text: string }[];
    expect(json.map((e) => e.title)).toEqual(["HTTP caching", "Idempotency keys", "Week 48"]);
    expect(json[0]!.text).toContain("See Idempotency keys, (private note) and more.");
    expect(file(files, "search-index.js")).toBe(
      `window.LEARN_SEARCH_INDEX = ${file(files, "search-index.json").trim()};\n`,
    );
  });

  it("strips tags from rendered HTML for search text", () => {
    expect(htmlToText("<p>a &lt;b&gt; &amp; <code>c</code></p>\n<p>d</p>")).toBe("a <b> & c d");
    expect(htmlHeadings('<h2 id="x">Compare <span>(private note)</span></h2><p>y</p><h3>Z</h3>')).toEqual([
      "Compare (private note)",
      "Z",
    ]);
  });
});
