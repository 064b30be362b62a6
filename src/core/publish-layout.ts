import { h, type Html } from "./publish-html.js";
import type { SiteNote } from "./publish-model.js";

/** The site's name, shown in every header and the feed. */
export const SITE_TITLE = "Learning notes";

/** Note types in index order, with the group heading and the singular label. */
export const TYPE_GROUPS: { type: string | null; heading: string; label: string }[] = [
  { type: "doc", heading: "Docs", label: "Doc" },
  { type: "cheatsheet", heading: "Cheat Sheets", label: "Cheat sheet" },
  { type: "blog", heading: "Blog", label: "Blog post" },
  { type: "log", heading: "Learning Log", label: "Learning log" },
  { type: "roadmap", heading: "Roadmap", label: "Roadmap" },
  { type: "checklist", heading: "Checklists", label: "Checklist" },
  { type: null, heading: "Other notes", label: "Note" },
];

/** The group a note type falls in (unknown and missing types go to "Other notes"). */
export const groupOf = (type: string | null): (typeof TYPE_GROUPS)[number] =>
  TYPE_GROUPS.find((g) => g.type === type) ?? TYPE_GROUPS[TYPE_GROUPS.length - 1]!;

/** Newest first by updated (else published) date, then by title: the order of every note list. */
export function byDate(a: SiteNote, b: SiteNote): number {
  const da = a.row.updated ?? a.row.published ?? "";
  const db = b.row.updated ?? b.row.published ?? "";
  return (
    db.localeCompare(da) || a.row.title.localeCompare(b.row.title, "en") || a.row.slug.localeCompare(b.row.slug, "en")
  );
}

const time = (d: string | null): Html | undefined => (d ? h`<time datetime="${d}">${d}</time>` : undefined);

/** One note in a list: title link, summary, badges and dates. `root` leads from the page to the site root. */
export function noteItem(n: SiteNote, root: string): Html {
  const r = n.row;
  return h`<li class="note-item">
<a class="note-title" href="${root + n.file}">${r.title}</a>
${r.summary ? h`<p class="summary">${r.summary}</p>` : ""}
<p class="meta">${[
    r.difficulty ? h`<span class="badge difficulty-${r.difficulty}">${r.difficulty}</span> ` : "",
    r.status ? h`<span class="badge status-${r.status}">${r.status}</span> ` : "",
    r.published ? h`<span class="date">published ${time(r.published)}</span> ` : "",
    r.updated && r.updated !== r.published ? h`<span class="date">updated ${time(r.updated)}</span>` : "",
  ]}</p>
</li>`;
}

/** The whole HTML document around a page's content. */
export function layout(opts: { title: string; root: string; content: Html; scripts?: string[] }): string {
  const { title, root } = opts;
  const scripts = (opts.scripts ?? []).map((s) => h`<script src="${root + s}"></script>\n`);
  return `<!doctype html>\n${h`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'">
<title>${title === SITE_TITLE ? title : `${title} · ${SITE_TITLE}`}</title>
<link rel="stylesheet" href="${root}assets/style.css">
<link rel="alternate" type="application/atom+xml" title="${SITE_TITLE}" href="${root}feed.xml">
</head>
<body>
<header class="site-header"><a class="site-name" href="${root}index.html">${SITE_TITLE}</a>
<nav><a href="${root}index.html">All notes</a> <a href="${root}index.html#tags">Tags</a> <a href="${root}feed.xml">Feed</a></nav></header>
<main>
${opts.content}
</main>
<footer class="site-footer">Made with learn.</footer>
${scripts}</body>
</html>
`}`;
}
