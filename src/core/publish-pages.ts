import { h, raw, type Html } from "./publish-html.js";
import { byDate, groupOf, layout, noteItem, SITE_TITLE, TYPE_GROUPS } from "./publish-layout.js";
import type { SiteModel, SiteNote, SiteTag } from "./publish-model.js";

/** The home page: public notes grouped by type, the search box, the tag list. */
export function indexPage(model: SiteModel, readiness = false): string {
  const groups = TYPE_GROUPS.map((g) => ({
    g,
    notes: model.notes.filter((n) => groupOf(n.row.type) === g).sort(byDate),
  })).filter((x) => x.notes.length);
  const count = model.notes.length;
  const content = h`<h1>${SITE_TITLE}</h1>
<p class="lead">${count} public ${count === 1 ? "note" : "notes"}.</p>
${readiness ? h`<p class="readiness-link"><a href="readiness.html">Readiness by role</a>: where these notes stand against the roadmap.</p>\n` : ""}<div class="search" id="search" hidden>
<label for="search-input">Search notes</label>
<input id="search-input" type="search" placeholder="Search titles, tags and text" autocomplete="off">
<p id="search-status" class="search-status" aria-live="polite"></p>
<ol id="search-results" class="note-list"></ol>
</div>
<div id="groups">
${groups.map(
  ({ g, notes }) => h`<section class="group" id="type-${g.type ?? "other"}">
<h2>${g.heading} <span class="count">${notes.length}</span></h2>
<ul class="note-list">
${notes.map((n) => noteItem(n, ""))}
</ul>
</section>
`,
)}</div>
${
  model.tags.length
    ? h`<section id="tags" class="tags"><h2>Tags</h2>
<ul class="tag-list">${model.tags.map((t) => h`<li><a class="tag" href="${t.file}">${t.tag} <span class="count">${t.notes.length}</span></a></li>`)}</ul>
</section>`
    : h`<section id="tags" class="tags"><h2>Tags</h2><p>No tags yet.</p></section>`
}`;
  return layout({
    title: SITE_TITLE,
    root: "",
    content,
    scripts: ["assets/fuse.min.js", "search-index.js", "assets/search.js"],
  });
}

const row = (label: string, value: Html | string | null | undefined): Html | "" =>
  value ? h`<div><dt>${label}</dt><dd>${value}</dd></div>\n` : "";
const time = (d: string | null): Html | null => (d ? h`<time datetime="${d}">${d}</time>` : null);
const isHttp = (s: string): boolean => /^https?:\/\/\S+$/i.test(s.trim());

function listSection(cls: string, heading: string, notes: SiteNote[]): Html | "" {
  if (!notes.length) return "";
  return h`<section class="${cls}"><h2>${heading}</h2>
<ul class="link-list">${notes.map((n) => h`<li><a href="../${n.file}">${n.row.title}</a>${n.row.summary ? h` <span class="muted">${n.row.summary}</span>` : ""}</li>`)}</ul>
</section>
`;
}

/** One note's page: title, summary, metadata, rendered body, sources, related notes and backlinks. */
export function notePage(note: SiteNote, model: SiteModel, bodyHtml: string, domains: Record<string, string>): string {
  const r = note.row;
  const group = groupOf(r.type);
  const tagFile = new Map(model.tags.map((t) => [t.tag, t.file]));
  const tags = r.tags.length
    ? h`${r.tags.map((t) => h`<a class="tag" href="../${tagFile.get(t) ?? ""}">${t}</a> `)}`
    : null;
  const content = h`<nav class="crumbs"><a href="../index.html">All notes</a> › <a href="../index.html#type-${group.type ?? "other"}">${group.heading}</a></nav>
<article class="note">
<header class="note-head">
<h1>${r.title}</h1>
${r.summary ? h`<p class="summary">${r.summary}</p>` : ""}
<dl class="meta-block">
${row("Status", r.status)}${row("Visibility", r.visibility)}${row("Category", group.label)}${row("Domain", r.domain ? (domains[r.domain] ?? r.domain) : null)}${row("Difficulty", r.difficulty)}${row("Published", time(r.published))}${row("Updated", time(r.updated))}${row("Tags", tags)}</dl>
</header>
<div class="note-body">
${raw(bodyHtml)}</div>
${
  r.sources.length
    ? h`<section class="sources"><h2>Source Links</h2>
<ul class="link-list">${r.sources.map((s) => (isHttp(s) ? h`<li><a href="${s.trim()}" rel="noopener noreferrer">${s.trim()}</a></li>` : h`<li>${s}</li>`))}</ul>
</section>
`
    : ""
}${listSection("related", "Related Notes", model.related(r.path))}${listSection("backlinks", "Backlinks", model.backlinks(r.path))}</article>`;
  return layout({ title: r.title, root: "../", content });
}

/** A tag's page: every public note with that tag. */
export function tagPage(tag: SiteTag): string {
  const content = h`<nav class="crumbs"><a href="../index.html">All notes</a> › <a href="../index.html#tags">Tags</a></nav>
<h1>Tagged <span class="tag">${tag.tag}</span></h1>
<p class="lead">${tag.notes.length} ${tag.notes.length === 1 ? "note" : "notes"}.</p>
<ul class="note-list">
${[...tag.notes].sort(byDate).map((n) => noteItem(n, "../"))}
</ul>`;
  return layout({ title: `Tag: ${tag.tag}`, root: "../", content });
}
