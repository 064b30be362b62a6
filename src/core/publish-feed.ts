import { esc } from "./publish-html.js";
import { byDate, SITE_TITLE } from "./publish-layout.js";
import type { SiteNote } from "./publish-model.js";

const stamp = (d: string): string => `${d}T00:00:00Z`;
const EPOCH = "1970-01-01";

/** How many notes the feed holds: the latest, as feed readers expect (not the whole site). */
const FEED_SIZE = 50;

/**
 * An Atom feed of the latest FEED_SIZE public notes, newest first. Dates come only from the notes
 * (no clock), so the same notes give the same bytes; links are relative to the feed.
 */
export function atomFeed(notes: readonly SiteNote[], contentOf: (n: SiteNote) => string): string {
  const sorted = [...notes].sort(byDate).slice(0, FEED_SIZE);
  const dateOf = (n: SiteNote): string => n.row.updated ?? n.row.published ?? EPOCH;
  const newest = sorted.map(dateOf).sort().at(-1) ?? EPOCH;
  const entries = sorted.map((n) => {
    const r = n.row;
    return `  <entry>
    <title>${esc(r.title)}</title>
    <id>urn:learn:note:${esc(r.id ?? r.slug)}</id>
    <link rel="alternate" type="text/html" href="${esc(n.file)}"/>
${r.published ? `    <published>${stamp(r.published)}</published>\n` : ""}    <updated>${stamp(dateOf(n))}</updated>
${r.tags.map((t) => `    <category term="${esc(t)}"/>\n`).join("")}${r.summary ? `    <summary>${esc(r.summary)}</summary>\n` : ""}    <content type="html">${esc(contentOf(n))}</content>
  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${esc(SITE_TITLE)}</title>
  <id>urn:learn:site</id>
  <updated>${stamp(newest)}</updated>
  <link rel="self" type="application/atom+xml" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="index.html"/>
  <author><name>${esc(SITE_TITLE)}</name></author>
  <generator>learn</generator>
${entries.join("")}</feed>
`;
}
