import { h, type Html } from "./publish-html.js";
import { layout } from "./publish-layout.js";
import { LEVEL_NAMES } from "./readiness-ladder.js";
import type { GroupReadiness } from "./readiness-score.js";

/** The readiness page's file, at the site root. */
export const READINESS_PAGE = "readiness.html";

/**
 * The public readiness page: each role's score and every roadmap item it needs, with the
 * item's rung and links to the public notes that are its evidence. It is built from public
 * notes only (the caller measures readiness over them), so nothing private can appear.
 * `pageOf` gives a public note's page (relative to the site root) by slug.
 */
export function readinessPage(
  roles: readonly GroupReadiness[],
  pageOf: (slug: string) => string | undefined,
  today: string,
): string {
  const evidence = (g: GroupReadiness["items"][number]): Html | string => {
    const links = g.evidence.flatMap((e) => {
      const file = pageOf(e.note.slug);
      return file ? [h`<a href="${file}">${e.note.title}</a>`] : [];
    });
    return links.length
      ? h`${links.map((l, i) => (i ? h`, ${l}` : l))}`
      : h`<span class="muted">no public note yet</span>`;
  };
  const section = (g: GroupReadiness): Html => h`<section class="role" id="role-${g.id}">
<h2>${g.name} <span class="score" data-score="${String(g.score)}">${String(g.score)}</span><span class="count">/100</span></h2>
<meter min="0" max="100" value="${String(g.score)}" aria-label="${g.name}: ${String(g.score)} of 100">${String(g.score)}</meter>
${
  g.items.length
    ? h`<table class="readiness-items">
<thead><tr><th>Roadmap item</th><th>Rung</th><th>Evidence</th></tr></thead>
<tbody>
${g.items.map(
  (
    i,
  ) => h`<tr data-item="${i.item.id}" data-level="${String(i.level)}"><td>${i.item.name}${i.weight === 1 ? "" : h` <span class="muted">x${String(i.weight)}</span>`}</td><td><span class="rung rung-${String(i.level)}">${String(i.level)} ${LEVEL_NAMES[i.level]}</span></td><td>${evidence(i)}</td></tr>
`,
)}</tbody>
</table>`
    : h`<p class="muted">No public roadmap item names this role yet.</p>`
}
</section>
`;
  const content = h`<h1>Readiness</h1>
<p class="lead">How far the public notes here go, role by role, as of <time datetime="${today}">${today}</time>.
Each roadmap item stands on a rung of evidence: 0 nothing, 1 noted, 2 written up (a public note with real content and its
checklist started), 3 used in a real build, 4 known (revisited on time after that build). A role's score is the weighted
mean of its items' rungs, out of 4.</p>
${roles.length && roles.some((r) => r.items.length) ? "" : h`<p>No public roadmap yet: make a roadmap note public to measure against it.</p>`}
${roles.map(section)}`;
  return layout({ title: "Readiness", root: "", content });
}
