import type { RoadmapItem } from "../core/readiness-roadmap.js";
import type { GroupReadiness } from "../core/readiness-score.js";
import {
  JSON_VERSION,
  type GroupJson,
  type ReadinessJson,
  type ReadinessRoleJson,
  type UncoveredItemJson,
} from "../core/json-types.js";
import { fitColumns, wrapWords } from "./layout.js";
import { displayWidth, forTerminal, padEndTo, truncateTo } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const WIDTH = 20;

/** A 0–100 score as a bar of WIDTH cells, coloured by how far along it is. */
function scoreBar(score: number, t: Theme, width = WIDTH): string {
  const full = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  const paint = score >= 70 ? t.ok : score >= 40 ? t.due : t.warn;
  return paint("█".repeat(full)) + t.dim("░".repeat(width - full));
}

const label = (g: GroupReadiness) => g.id;
const fullName = (g: GroupReadiness) => `${g.name} (${g.id})`;
const statusText = (g: GroupReadiness) =>
  `${g.byStatus.seedling} seedling, ${g.byStatus.budding} budding, ${g.byStatus.evergreen} evergreen`;
const itemsText = (g: GroupReadiness) => (g.items.total ? `${g.items.covered}/${g.items.total} items` : "no items");

const factsText = (g: GroupReadiness) =>
  `${g.notes} note${g.notes === 1 ? "" : "s"} (${statusText(g)}) · ${itemsText(g)} · revisits ${g.revisits.onTime} on time, ${g.revisits.overdue} overdue`;

/**
 * Groups as score lines fitted to `width` columns: id, bar, score, and (with `facts`) the figures
 * behind it, on the same line when they fit, else wrapped between words on the lines below.
 */
export function scoreLines(groups: readonly GroupReadiness[], t: Theme, width: number, facts = false): string[] {
  const labelW = Math.max(0, ...groups.map((g) => displayWidth(label(g))));
  const factsW = facts ? Math.max(0, ...groups.map((g) => displayWidth(factsText(g)))) : 0;
  // the bar is listed first so it is the first to narrow: ids stay readable
  const [barW = 0, idW = 0, , sameLine = 0] = fitColumns(
    [
      { natural: WIDTH, min: 5, ideal: WIDTH },
      { natural: labelW, min: 10, ideal: labelW },
      { natural: 3 },
      ...(facts ? [{ natural: factsW, drop: 1 }] : []),
    ],
    width,
    2,
  );
  return groups.flatMap((g) => {
    const line = `  ${padEndTo(truncateTo(label(g), idW), idW)}  ${scoreBar(g.score, t, barW)} ${String(g.score).padStart(3)}`;
    if (!facts) return [line];
    if (sameLine) return [`${line}  ${t.meta(factsText(g))}`];
    return [line, ...wrapWords(factsText(g), width - 4).map((l) => `    ${t.meta(l)}`)];
  });
}

/** `learn readiness`: roles, then domains, a bar each, fitted to `width` columns. */
export function renderReadiness(given: { groups: GroupReadiness[] }, t: Theme, width = 80): string {
  const groups = forTerminal(given.groups);
  const section = (kind: GroupReadiness["kind"], title: string) => [
    t.heading(title),
    ...scoreLines(
      groups.filter((g) => g.kind === kind),
      t,
      width,
      true,
    ),
  ];
  const hint = width >= 80 ? "score: learn readiness --help · next things to learn: learn readiness --role ID" : "";
  return [
    ...section("role", "Roles"),
    "",
    ...section("domain", "Domains"),
    "",
    ...(hint ? [t.meta(hint)] : ["score: learn readiness --help", "next: learn readiness --role ID"].map(t.meta)),
  ].join("\n");
}

const itemLine = (i: RoadmapItem, t: Theme) =>
  `  - ${i.name} ${t.path(`(${i.id})`)}${i.domain ? ` ${t.meta(i.domain)}` : ""}`;

/** `learn readiness --role R`: the group's figures and its uncovered items as the next things to learn. */
export function renderRoleDetail(group: GroupReadiness, t: Theme, width = 80): string {
  const g = forTerminal(group);
  const pct = g.items.total ? ` (${Math.round((100 * g.items.covered) / g.items.total)}%)` : "";
  return [
    `${t.heading(fullName(g))}  score ${t.title(String(g.score))}`,
    `  ${scoreBar(g.score, t, Math.max(5, Math.min(40, width - 2)))}`,
    `  notes     ${g.notes}: ${statusText(g)}`,
    `  roadmap   ${g.items.covered} of ${g.items.total} items covered${pct}`,
    `  revisits  ${g.revisits.onTime} on time, ${g.revisits.overdue} overdue`,
    "",
    g.items.uncovered.length
      ? t.heading("Next to learn (roadmap items no note of this role covers)")
      : t.ok("Every roadmap item is covered by a note of this role."),
    ...g.items.uncovered.map((i) => itemLine(i, t)),
  ]
    .flatMap((l) => l.split("\n"))
    .map((l) => truncateTo(l, width))
    .join("\n");
}

/** One group as JSON, with its uncovered items as `uncovered` says (ids, or whole items with --role). */
function groupJson<U>(g: GroupReadiness, uncovered: (i: RoadmapItem) => U): GroupJson<U> {
  return {
    kind: g.kind,
    id: g.id,
    name: g.name,
    score: g.score,
    notes: g.notes,
    status: g.byStatus,
    items: { total: g.items.total, covered: g.items.covered, uncovered: g.items.uncovered.map(uncovered) },
    revisits: { on_time: g.revisits.onTime, overdue: g.revisits.overdue },
  };
}

const itemId = (i: RoadmapItem): string => i.id;
const itemJson = (i: RoadmapItem): UncoveredItemJson => ({ id: i.id, name: i.name, domain: i.domain ?? null });

/** The stable JSON of `learn readiness` (or of one role with --role). */
export function toReadinessJson(
  data: { groups: GroupReadiness[]; items: RoadmapItem[]; roadmaps: string[] },
  role?: GroupReadiness,
): ReadinessJson | ReadinessRoleJson {
  if (role) return { version: JSON_VERSION, ...groupJson(role, itemJson) };
  return {
    version: JSON_VERSION,
    roadmaps: data.roadmaps,
    items: data.items.length,
    roles: data.groups.filter((g) => g.kind === "role").map((g) => groupJson(g, itemId)),
    domains: data.groups.filter((g) => g.kind === "domain").map((g) => groupJson(g, itemId)),
  };
}
