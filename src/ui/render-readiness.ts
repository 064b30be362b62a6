import { seriesOf, type HistoryPoint } from "../core/readiness-history.js";
import { LEVEL_NAMES, type NoteEvidence, type Promotion } from "../core/readiness-ladder.js";
import type { DuplicateItem, RoadmapItem } from "../core/readiness-roadmap.js";
import type { GroupReadiness, ItemReadiness } from "../core/readiness-score.js";
import { forTerminal } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const WIDTH = 20;
const SPARK = "▁▂▃▄▅▆▇█";

/** A 0–100 score as a bar of WIDTH cells, coloured by how far along it is. */
export function scoreBar(score: number, t: Theme, width = WIDTH): string {
  const full = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  const paint = score >= 70 ? t.ok : score >= 40 ? t.due : t.warn;
  return paint("█".repeat(full)) + t.dim("░".repeat(width - full));
}

/** Scores (0–100) as one cell each, ▁ to █. */
export const sparkline = (scores: readonly number[]): string =>
  scores.map((s) => SPARK[Math.round((Math.max(0, Math.min(100, s)) / 100) * (SPARK.length - 1))]).join("");

/** A change of score in words: `+5`, `-3`, `±0`. */
export const deltaText = (d: number): string => (d > 0 ? `+${d}` : d < 0 ? `${d}` : "±0");

/** What the data of a readiness screen must hold. */
export interface ReadinessView {
  today: string;
  groups: GroupReadiness[];
  items: RoadmapItem[];
  promotions: Promotion[];
  history: HistoryPoint[];
  noteCount: number;
  duplicates?: DuplicateItem[];
}

const levelsText = (g: GroupReadiness) =>
  g.items.length
    ? `${g.items.length} item${g.items.length === 1 ? "" : "s"}: ${g.byLevel
        .map((n, l) => [n, l] as const)
        .filter(([n]) => n)
        .reverse()
        .map(([n, l]) => `${n} ${LEVEL_NAMES[l]}`)
        .join(", ")}`
    : "no roadmap items for it";

/** One group as one line: id, bar, score, then its items by rung. */
export function groupLine(g: GroupReadiness, width: number, t: Theme): string {
  return `  ${g.id.padEnd(width)}  ${scoreBar(g.score, t)} ${String(g.score).padStart(3)}  ${t.meta(levelsText(g))}`;
}

/** What a new (or empty) workspace should do first; undefined once there is something to measure. */
export function firstSteps(data: Pick<ReadinessView, "items" | "noteCount" | "groups">): string[] | undefined {
  if (!data.items.length)
    return [
      "Start here: readiness is measured against a roadmap, and this workspace has none.",
      '  1. learn new roadmap "My roadmap"   then write bullets like `- HTTP fundamentals (http-fundamentals) [backend]: ...`',
      "  2. learn week                        write one public note and list the items it covers in covers:",
    ];
  if (data.groups.every((g) => g.score === 0)) {
    const first = data.items[0]!;
    return [
      data.noteCount
        ? "Start here: no note covers a roadmap item yet."
        : "Start here: the roadmap is ready and no note is written yet.",
      `  1. learn week   pick a domain and write one public note (for example on ${first.name})`,
      `  2. in its front matter, list the roadmap items it covers: covers: [${first.id}]`,
      "  3. learn readiness --role ROLE   to see each item's rung and what moves it up",
    ];
  }
  return undefined;
}

function historyLines(data: ReadinessView, groups: GroupReadiness[], t: Theme): string[] {
  if (!data.history.length) return [];
  const width = Math.max(...groups.map((g) => g.id.length));
  const first = data.history[0]!.week;
  const last = data.history[data.history.length - 1]!.week;
  return [
    t.heading(`Last ${data.history.length} weeks (${first} … ${last})`),
    ...groups.map((g) => {
      const s = seriesOf(data.history, g);
      const d = s[s.length - 1]! - s[0]!;
      return `  ${g.id.padEnd(width)}  ${t.title(sparkline(s))}  ${String(s[0]).padStart(3)} → ${String(s[s.length - 1]).padStart(3)}  ${t.meta(deltaText(d))}`;
    }),
  ];
}

const promotionLine = (p: Promotion, t: Theme) =>
  `  ${t.path(p.slug)}: ${p.why}: ${t.title(`${p.to}?`)} ${t.meta(`(status: ${p.from})`)}`;

/** `learn readiness`: roles, then domains, a bar each; promotions the evidence supports; the trend with --history. */
export function renderReadiness(given: ReadinessView, t: Theme, history = false): string {
  const data = forTerminal(given);
  const width = Math.max(...data.groups.map((g) => g.id.length));
  const section = (kind: GroupReadiness["kind"], title: string) => [
    t.heading(title),
    ...data.groups.filter((g) => g.kind === kind).map((g) => groupLine(g, width, t)),
  ];
  const start = firstSteps(data);
  const roles = data.groups.filter((g) => g.kind === "role");
  return [
    ...section("role", "Roles"),
    "",
    ...section("domain", "Domains"),
    ...(start ? ["", ...start.map((l, i) => (i === 0 ? t.title(l) : l))] : []),
    ...(data.promotions.length
      ? [
          "",
          t.heading("Suggested promotions (status: stays your word; change it if you agree)"),
          ...data.promotions.map((p) => promotionLine(p, t)),
        ]
      : []),
    ...(history ? ["", ...historyLines(data, roles, t)] : []),
    "",
    t.meta("rungs and score: learn readiness --help · per item: learn readiness --role ID · trend: --history"),
  ].join("\n");
}

const noteText = (e: NoteEvidence) => {
  const facts = [e.note.status ?? "no status", e.note.public ? "public" : "private"];
  if (e.builds) facts.push(`used in ${e.builds} build${e.builds === 1 ? "" : "s"}`);
  if (e.knownOn) facts.push(`revisited on time ${e.knownOn}`);
  return `${e.note.slug} (${facts.join(", ")})`;
};

/** What would move an item one rung up. */
function nextMove(i: ItemReadiness): string {
  const best = i.evidence[0]?.note.slug ?? "SLUG";
  switch (i.level) {
    case 0:
      return `write a note that covers it: covers: [${i.item.id}]`;
    case 1:
      return `make ${best} public, with 80+ words of its own and a checklist item ticked`;
    case 2:
      return `use it in a real build: learn used ${best} --in "<the build>" --lesson "..."`;
    case 3:
      return `revisit ${best} soon after the build: learn revisit ${best} --rating good`;
    default:
      return "known";
  }
}

/** `learn readiness --role R`: every item the role needs with its rung and evidence, then the next moves. */
export function renderRoleDetail(group: GroupReadiness, view: ReadinessView, t: Theme, history = false): string {
  const g = forTerminal(group);
  const data = forTerminal(view);
  const nameWidth = Math.max(0, ...g.items.map((i) => `${i.item.name} (${i.item.id})`.length));
  const next = [...g.items]
    .filter((i) => i.level < 4)
    .sort((a, b) => a.level - b.level || b.weight - a.weight)
    .slice(0, 3);
  const trend = seriesOf(data.history, g);
  return [
    `${t.heading(`${g.name} (${g.id})`)}  score ${t.title(String(g.score))}`,
    `  ${scoreBar(g.score, t, 40)}`,
    `  ${levelsText(g)}`,
    "",
    ...(g.items.length
      ? [
          t.heading("Items (rung: 0 nothing, 1 noted, 2 written up, 3 used in a build, 4 known)"),
          ...g.items.map((i) => {
            const name = `${i.item.name} (${i.item.id})`.padEnd(nameWidth);
            const w = i.weight === 1 ? "" : t.meta(` x${i.weight}`);
            const ev = i.evidence.length ? i.evidence.map(noteText).join("; ") : "no note yet";
            return `  ${i.level} ${LEVEL_NAMES[i.level].padEnd(16)} ${name}${w}  ${t.meta(ev)}`;
          }),
        ]
      : [
          t.warn(
            "No roadmap item names this role: add [role] to a roadmap section or bullet, or needs: in learn.config.yaml.",
          ),
        ]),
    ...(next.length ? ["", t.heading("Next"), ...next.map((i) => `  ${i.item.id}: ${nextMove(i)}`)] : []),
    ...(history && trend.length
      ? [
          "",
          t.heading(`Last ${trend.length} weeks`),
          ...data.history.map((p, k) => `  ${p.week}  ${scoreBar(trend[k]!, t)} ${String(trend[k]).padStart(3)}`),
        ]
      : []),
  ].join("\n");
}

function itemJson(i: ItemReadiness): object {
  return {
    id: i.item.id,
    name: i.item.name,
    domain: i.item.domain ?? null,
    weight: i.weight,
    level: i.level,
    rung: LEVEL_NAMES[i.level],
    notes: i.evidence.map((e) => ({
      slug: e.note.slug,
      path: e.note.path,
      status: e.note.status,
      visibility: e.note.public ? "public" : "private",
      level: e.level,
      builds: e.builds,
      known_on: e.knownOn,
    })),
  };
}

/** One group as JSON; `detail` adds every item with its evidence. */
function groupJson(g: GroupReadiness, history: HistoryPoint[], detail: boolean): object {
  return {
    kind: g.kind,
    id: g.id,
    name: g.name,
    score: g.score,
    levels: g.byLevel,
    items: detail ? g.items.map(itemJson) : g.items.map((i) => ({ id: i.item.id, weight: i.weight, level: i.level })),
    history: history.map((p) => ({ week: p.week, date: p.date, score: seriesOf([p], g)[0] })),
  };
}

/** The stable JSON of `learn readiness` (or of one role with --role). */
export function toReadinessJson(data: ReadinessView & { roadmaps: string[] }, role?: GroupReadiness): object {
  if (role) return { today: data.today, ...groupJson(role, data.history, true) };
  return {
    today: data.today,
    roadmaps: data.roadmaps,
    items: data.items.length,
    roles: data.groups.filter((g) => g.kind === "role").map((g) => groupJson(g, data.history, false)),
    domains: data.groups.filter((g) => g.kind === "domain").map((g) => groupJson(g, data.history, false)),
    promotions: data.promotions,
    duplicates: data.duplicates ?? [],
  };
}
