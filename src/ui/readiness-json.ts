import { seriesOf, type HistoryPoint } from "../core/readiness-history.js";
import { LEVEL_NAMES } from "../core/readiness-ladder.js";
import type { GroupReadiness, ItemReadiness } from "../core/readiness-score.js";
import {
  JSON_VERSION,
  type ReadinessGroupJson,
  type ReadinessItemJson,
  type ReadinessJson,
  type ReadinessRoleJson,
} from "../core/json-types.js";
import type { ReadinessView } from "./render-readiness.js";

// The stable JSON of `learn readiness`, kept apart from its text screens (render-readiness.ts):
// the JSON is a contract (tests/unit/json-contract.test.ts), the screens are free to change.

function itemJson(i: ItemReadiness): ReadinessItemJson {
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

/** One group as JSON; `detail` gives every item with its evidence, else each item's id, weight and rung. */
function groupJson<I>(
  g: GroupReadiness,
  history: HistoryPoint[],
  item: (i: ItemReadiness) => I,
): ReadinessGroupJson<I> {
  return {
    kind: g.kind,
    id: g.id,
    name: g.name,
    score: g.score,
    levels: g.byLevel,
    notes: g.notes,
    items: g.items.map(item),
    history: history.map((p) => ({ week: p.week, date: p.date, score: seriesOf([p], g)[0]! })),
  };
}

const itemBrief = (i: ItemReadiness) => ({ id: i.item.id, weight: i.weight, level: i.level });

/** The stable JSON of `learn readiness` (or of one role with --role). */
export function toReadinessJson(
  data: ReadinessView & { roadmaps: string[] },
  role?: GroupReadiness,
): ReadinessJson | ReadinessRoleJson {
  if (role) return { version: JSON_VERSION, today: data.today, ...groupJson(role, data.history, itemJson) };
  return {
    version: JSON_VERSION,
    today: data.today,
    roadmaps: data.roadmaps,
    items: data.items.length,
    roles: data.groups.filter((g) => g.kind === "role").map((g) => groupJson(g, data.history, itemBrief)),
    domains: data.groups.filter((g) => g.kind === "domain").map((g) => groupJson(g, data.history, itemBrief)),
    promotions: data.promotions.map((p) => ({ slug: p.slug, from: p.from, to: p.to, why: p.why })),
    duplicates: (data.duplicates ?? []).map((d) => ({ id: d.id, path: d.path, line: d.line, first: { ...d.first } })),
  };
}
