import { UsageError } from "../core/errors.js";
import { parseRoadmapItems, type RoadmapItem } from "../core/readiness-roadmap.js";
import { coverage, readiness as score, type GroupReadiness } from "../core/readiness-score.js";
import type { SqliteIndex } from "../store/handle.js";
import { openIndexLazy } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderReadiness, renderRoleDetail, toReadinessJson } from "../ui/render-readiness.js";
import { createContext, type Context } from "../workspace/context.js";
import { schedules } from "../workspace/week-due.js";

/** Options of `learn readiness`. */
export interface ReadinessOptions extends GlobalOptions {
  role?: string;
  refresh?: boolean;
}

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

/** Show readiness per role-readiness group and per domain, or one role in detail with what to learn next. */
export async function readiness(opts: ReadinessOptions, io: IO): Promise<ReadinessData> {
  const ctx = await createContext(opts, io);
  const role = opts.role?.trim().toLowerCase();
  if (role !== undefined && !(role in ctx.config.roles))
    throw new UsageError(`unknown role: ${opts.role}`, `use one of ${Object.keys(ctx.config.roles).join(", ")}`);
  const { index } = await openIndexLazy(ctx, { refresh: opts.refresh });
  let data: ReadinessData;
  try {
    data = readinessOf(ctx, index);
  } finally {
    index.close();
  }
  if (!data.items.length)
    io.err("learn: no roadmap items found (add a note with type: roadmap whose bullets read `- Name (item-id): ...`)");
  const group = role ? data.groups.find((g) => g.kind === "role" && g.id === role) : undefined;
  if (opts.json) io.json(toReadinessJson(data, group));
  else io.out(group ? renderRoleDetail(group, io.theme) : renderReadiness(data, io.theme));
  return data;
}
