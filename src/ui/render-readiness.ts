import { seriesOf, type HistoryPoint } from "../core/readiness-history.js";
import { LEVEL_NAMES, type NoteEvidence, type Promotion } from "../core/readiness-ladder.js";
import type { DuplicateItem, RoadmapItem } from "../core/readiness-roadmap.js";
import type { GroupReadiness, ItemReadiness } from "../core/readiness-score.js";
import { fitColumns, wrapWords } from "./layout.js";
import { displayWidth, forTerminal, padEndTo, truncateTo } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const WIDTH = 20;
const SPARK = "▁▂▃▄▅▆▇█";

/** A 0–100 score as a bar of WIDTH cells, coloured by how far along it is. */
function scoreBar(score: number, t: Theme, width = WIDTH): string {
  const full = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  const paint = score >= 70 ? t.ok : score >= 40 ? t.due : t.warn;
  return paint("█".repeat(full)) + t.dim("░".repeat(width - full));
}

/** Scores (0–100) as one cell each, ▁ to █. */
const sparkline = (scores: readonly number[]): string =>
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

// A domain with notes but no roadmap items (an adopted folder's, say) still says how many notes it holds.
const levelsText = (g: GroupReadiness) =>
  (g.kind === "domain" && g.notes && !g.items.length ? `${g.notes} note${g.notes === 1 ? "" : "s"}; ` : "") +
  (g.items.length
    ? `${g.items.length} item${g.items.length === 1 ? "" : "s"}: ${g.byLevel
        .map((n, l) => [n, l] as const)
        .filter(([n]) => n)
        .reverse()
        .map(([n, l]) => `${n} ${LEVEL_NAMES[l]}`)
        .join(", ")}`
    : "no roadmap items for it");

/**
 * Groups as score lines fitted to `width` columns: id, bar, score, and (with `facts`) the figures
 * behind it, on the same line when they fit, else wrapped between words on the lines below.
 */
export function scoreLines(
  groups: readonly GroupReadiness[],
  t: Theme,
  width: number,
  facts?: (g: GroupReadiness) => string,
  wrap = true,
): string[] {
  const labelW = Math.max(0, ...groups.map((g) => displayWidth(g.id)));
  const factsW = facts ? Math.max(0, ...groups.map((g) => displayWidth(facts(g)))) : 0;
  // the bar is listed first so it is the first to narrow: ids stay readable
  const [barW = 0, idW = 0, , sameLine = 0] = fitColumns(
    [
      { natural: WIDTH, min: 5, ideal: WIDTH },
      { natural: labelW, min: 10, ideal: labelW },
      { natural: 3 },
      ...(facts && factsW ? [{ natural: factsW, drop: 1 }] : []),
    ],
    width,
    2,
  );
  return groups.flatMap((g) => {
    const line = `  ${padEndTo(truncateTo(g.id, idW), idW)}  ${scoreBar(g.score, t, barW)} ${String(g.score).padStart(3)}`;
    const text = facts?.(g) ?? "";
    if (!text) return [line];
    if (sameLine) return [`${line}  ${t.meta(text)}`];
    if (!wrap) return [line];
    return [line, ...wrapWords(text, width - 4).map((l) => `    ${t.meta(l)}`)];
  });
}

/** What a new (or empty) workspace should do first; undefined once there is something to measure. */
function firstSteps(data: Pick<ReadinessView, "items" | "noteCount" | "groups">): string[] | undefined {
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
      `  1. learn week   write one public note (for example on ${first.name})`,
      `  2. in its front matter, list the items it covers: covers: [${first.id}]`,
      "  3. learn readiness --role ROLE   to see each item's rung and what moves it up",
    ];
  }
  return undefined;
}

function historyLines(data: ReadinessView, groups: GroupReadiness[], t: Theme): string[] {
  if (!data.history.length) return [];
  const width = Math.max(0, ...groups.map((g) => g.id.length));
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

/** A line of prose fitted to `width`: as it is when it fits, else wrapped between words (indented by 4). */
function proseLines(text: string, width: number, styled = text): string[] {
  if (displayWidth(text) <= width) return [styled];
  const indent = text.length - text.trimStart().length;
  return wrapWords(text, width - 4).map((l, i) => (i === 0 ? " ".repeat(indent) : "    ") + l);
}

const promotionLines = (p: Promotion, t: Theme, width: number) =>
  proseLines(
    `  ${p.slug}: ${p.why}: ${p.to}? (status: ${p.from})`,
    width,
    `  ${t.path(p.slug)}: ${p.why}: ${t.title(`${p.to}?`)} ${t.meta(`(status: ${p.from})`)}`,
  );

/** `learn readiness`: roles, then domains, a bar each; promotions the evidence supports; the trend with --history. */
export function renderReadiness(given: ReadinessView, t: Theme, width = 80, history = false): string {
  const data = forTerminal(given);
  const section = (kind: GroupReadiness["kind"], title: string) => [
    t.heading(title),
    ...scoreLines(
      data.groups.filter((g) => g.kind === kind),
      t,
      width,
      levelsText,
    ),
  ];
  const hint =
    width >= 100
      ? ["rungs and score: learn readiness --help · per item: learn readiness --role ID · trend: --history"]
      : ["rungs and score: learn readiness --help", "per item: learn readiness --role ID", "trend: --history"];
  const start = firstSteps(data);
  const roles = data.groups.filter((g) => g.kind === "role");
  const fitted = (lines: string[]) => lines.flatMap((l) => l.split("\n")).map((l) => truncateTo(l, width));
  return [
    ...section("role", "Roles"),
    "",
    ...section("domain", "Domains"),
    ...fitted([
      ...(start ? ["", ...start.flatMap((l, i) => proseLines(l, width, i === 0 ? t.title(l) : l))] : []),
      ...(data.promotions.length
        ? [
            "",
            t.heading("Suggested promotions (status: stays your word; change it if you agree)"),
            ...data.promotions.flatMap((p) => promotionLines(p, t, width)),
          ]
        : []),
      ...(history ? ["", ...historyLines(data, roles, t)] : []),
      "",
      ...hint.map(t.meta),
    ]),
  ].join("\n");
}

const noteText = (e: NoteEvidence) => {
  const facts = [e.note.status ?? "no status", e.note.public ? "public" : "private"];
  if (e.builds) facts.push(`used in ${e.builds} build${e.builds === 1 ? "" : "s"}`);
  if (e.knownOn) facts.push(`revisited on time ${e.knownOn}`);
  return `${e.note.name ?? e.note.slug} (${facts.join(", ")})`;
};

/** What would move an item one rung up. */
function nextMove(i: ItemReadiness): string {
  const first = i.evidence[0]?.note;
  const best = first ? (first.name ?? first.slug) : "SLUG";
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
export function renderRoleDetail(
  group: GroupReadiness,
  view: ReadinessView,
  t: Theme,
  width = 80,
  history = false,
): string {
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
    `  ${scoreBar(g.score, t, Math.max(5, Math.min(40, width - 2)))}`,
    `  ${levelsText(g)}`,
    "",
    ...(g.items.length
      ? [
          t.heading("Items (rung: 0 nothing, 1 noted, 2 written up, 3 used in a build, 4 known)"),
          ...g.items.flatMap((i) => {
            const name = `${i.item.name} (${i.item.id})`.padEnd(nameWidth);
            const w = i.weight === 1 ? "" : ` x${i.weight}`;
            const ev = i.evidence.length ? i.evidence.map(noteText).join("; ") : "no note yet";
            const head = `  ${i.level} ${LEVEL_NAMES[i.level].padEnd(16)} ${name}`;
            // the evidence on the item's line when it fits, else wrapped below it
            if (displayWidth(`${head}${w}  ${ev}`) <= width) return [`${head}${t.meta(w)}  ${t.meta(ev)}`];
            return [
              `${w ? head : head.trimEnd()}${t.meta(w)}`,
              ...wrapWords(ev, width - 6).map((l) => `      ${t.meta(l)}`),
            ];
          }),
        ]
      : [
          t.warn(
            "No roadmap item names this role: add [role] to a roadmap section or bullet, or needs: in learn.config.yaml.",
          ),
        ]),
    ...(next.length
      ? ["", t.heading("Next"), ...next.flatMap((i) => proseLines(`  ${i.item.id}: ${nextMove(i)}`, width))]
      : []),
    ...(history && trend.length
      ? [
          "",
          t.heading(`Last ${trend.length} weeks`),
          ...data.history.map(
            (p, k) =>
              `  ${p.week}  ${scoreBar(trend[k]!, t, Math.max(5, Math.min(WIDTH, width - 16)))} ${String(trend[k]).padStart(3)}`,
          ),
        ]
      : []),
  ]
    .flatMap((l) => l.split("\n"))
    .map((l) => truncateTo(l, width))
    .join("\n");
}
