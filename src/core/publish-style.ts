// The site's one stylesheet, shipped as assets/style.css: system fonts only, light and
// dark, readable line length, and a layout that works from phone to desktop.

/** The stylesheet of the published site. */
export const SITE_CSS = `:root {
  --bg: #fdfdfc; --fg: #1d2126; --muted: #5b636e; --line: #e3e6ea; --accent: #0b62c4;
  --card: #ffffff; --code-bg: #f3f5f7; --badge: #eef2f7;
  --seedling: #2f855a; --budding: #b7791f; --evergreen: #276749;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #15181c; --fg: #e6e8eb; --muted: #9aa3ad; --line: #2b3138; --accent: #6cb0ff;
    --card: #1b1f24; --code-bg: #20252b; --badge: #252b33; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-underline-offset: 2px; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.site-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; justify-content: space-between;
  max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; border-bottom: 1px solid var(--line); }
.site-name { font-weight: 700; color: var(--fg); text-decoration: none; }
.site-header nav a { margin-left: 1rem; color: var(--muted); text-decoration: none; }
.site-header nav a:first-child { margin-left: 0; }
.site-header nav a:hover { color: var(--accent); }
.site-footer { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--line); }
h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.lead, .muted, .crumbs { color: var(--muted); }
.crumbs { font-size: .9rem; }
.count { color: var(--muted); font-weight: 400; font-size: .9em; }
.search { margin: 1.25rem 0 .5rem; }
.search label { display: block; font-weight: 600; margin-bottom: .35rem; }
.search input { width: 100%; font: inherit; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: .5rem;
  background: var(--card); color: var(--fg); }
.search input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.search-status { color: var(--muted); font-size: .9rem; min-height: 1.2em; margin: .4rem 0; }
.note-list { list-style: none; padding: 0; margin: 0; }
.note-item { padding: .8rem 1rem; margin: 0 0 .6rem; background: var(--card); border: 1px solid var(--line); border-radius: .6rem; }
.note-title { font-weight: 600; font-size: 1.05rem; text-decoration: none; }
.note-title:hover { text-decoration: underline; }
.note-item .summary { margin: .25rem 0; }
.meta { margin: .25rem 0 0; font-size: .85rem; color: var(--muted); }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; background: var(--badge); font-size: .8rem; }
.status-seedling { color: var(--seedling); } .status-budding { color: var(--budding); } .status-evergreen { color: var(--evergreen); }
.date { white-space: nowrap; margin-right: .5rem; }
.tag-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.tag { display: inline-block; padding: .05rem .55rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; font-size: .9rem; }
.note-head .summary { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
.meta-block { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem 1rem; margin: 1rem 0 1.5rem;
  padding: .8rem 1rem; background: var(--card); border: 1px solid var(--line); border-radius: .6rem; font-size: .9rem; }
.meta-block dt { color: var(--muted); font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; }
.meta-block dd { margin: 0; }
.note-body img { max-width: 100%; }
.note-body pre { background: var(--code-bg); padding: .8rem 1rem; border-radius: .5rem; overflow-x: auto; font-size: .88rem; line-height: 1.45; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
:not(pre) > code { background: var(--code-bg); padding: .1rem .3rem; border-radius: .3rem; }
.note-body table { border-collapse: collapse; display: block; overflow-x: auto; margin: 1rem 0; }
.note-body th, .note-body td { border: 1px solid var(--line); padding: .35rem .7rem; text-align: left; }
.note-body th { background: var(--code-bg); }
.note-body blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 3px solid var(--line); color: var(--muted); }
.task-list-item { list-style: none; }
.task-list-item input { margin: 0 .5rem 0 -1.4rem; }
.private-link, .broken-link { color: var(--muted); }
.truncated { color: var(--muted); font-style: italic; border-top: 1px dashed var(--line); padding-top: .5rem; }
.link-list { padding-left: 1.2rem; }
.link-list li { margin: .3rem 0; overflow-wrap: anywhere; }
.sources, .related, .backlinks { border-top: 1px solid var(--line); margin-top: 2rem; }
.role meter { width: 100%; height: .9rem; }
.role .score { font-variant-numeric: tabular-nums; }
.readiness-items { border-collapse: collapse; width: 100%; margin: .75rem 0 1.5rem; font-size: .92rem; }
.readiness-items th, .readiness-items td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
.rung { white-space: nowrap; padding: 0 .45rem; border-radius: 999px; background: var(--badge); }
.rung-0 { color: var(--muted); } .rung-3, .rung-4 { color: var(--evergreen); font-weight: 600; }
[hidden] { display: none !important; }
@media (max-width: 36rem) {
  body { font-size: 16px; }
  h1 { font-size: 1.6rem; }
  .site-header nav a { margin-left: .75rem; }
}
`;
