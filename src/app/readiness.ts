import { schedules } from "./due.js";
import type { Context } from "../core/context.js";
import { parseRoadmapItems, type RoadmapItem } from "../core/readiness-roadmap.js";
import { coverage, readiness as score, type GroupReadiness } from "../core/readiness-score.js";
import type { SqliteIndex } from "../store/handle.js";

// Readiness as `learn readiness` and `learn status` measure it.

/** Readiness of every group, with the roadmap items it was measured against. */
export interface ReadinessData {
  groups: GroupReadiness[];
  items: RoadmapItem[];
  /** Paths of the roadmap notes the items came from. */
  roadmaps: string[];
}

/** Measure readiness from an open index: roadmap items, coverage, revisit schedules, scores. */
export function readinessOf(ctx: Context, index: SqliteIndex): ReadinessData {
  const notes = index.allNotes();
  const roadmaps = notes.filter((n) => n.type === "roadmap");
  const seen = new Set<string>();
  const items = roadmaps
    .flatMap((r) => parseRoadmapItems(index.body(r.path) ?? ""))
    .filter((i) => !seen.has(i.id) && seen.add(i.id));
  const { dueOf } = schedules(ctx, index, notes);
  const rows = notes.map((n) => ({ ...n, due: dueOf(n) }));
  const groups = score(ctx.config, rows, items, coverage(items, rows, index.allLinks()), ctx.today);
  return { groups, items, roadmaps: roadmaps.map((r) => r.path) };
}
