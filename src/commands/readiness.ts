import { isPublic } from "../core/check-links.js";
import { hasConfigId } from "../core/config.js";
import { addDays } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { readinessTrend, type HistoryPoint } from "../core/readiness-history.js";
import { promotions, type NoteEvidence, type Promotion } from "../core/readiness-ladder.js";
import { mergeRoadmaps, type DuplicateItem, type SourcedItem } from "../core/readiness-roadmap.js";
import { coverage, measure, roleNeeds, type GroupReadiness, type ReadinessInput } from "../core/readiness-score.js";
import { parseDuration } from "../core/revisit-duration.js";
import { noteKey, startDate } from "../core/revisit-replay.js";
import { META_TYPES } from "../core/week-domain.js";
import type { SqliteIndex } from "../store/handle.js";
import { openIndexLazy } from "../store/open-lazy.js";
import type { LinkRow, NoteRow } from "../store/types.js";
import type { LogEvent } from "../core/revisit-event.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderReadiness, renderRoleDetail, toReadinessJson } from "../ui/render-readiness.js";
import { createContext, type Context } from "../workspace/context.js";
import { noteSubstance, templateTexts } from "../workspace/note-substance.js";
import { readRevisitLog } from "../workspace/revisit-log.js";

/** Options of `learn readiness`. */
export interface ReadinessOptions extends GlobalOptions {
  role?: string;
  history?: boolean;
  refresh?: boolean;
}

/** Readiness of every group today, with what it was measured from and its trend. */
export interface ReadinessData {
  today: string;
  groups: GroupReadiness[];
  items: SourcedItem[];
  /** Paths of the roadmap notes the items came from. */
  roadmaps: string[];
  duplicates: DuplicateItem[];
  /** Role id -> ids in its config `needs:` that are neither a domain nor a roadmap item. */
  unknownNeeds: Record<string, string[]>;
  evidence: Map<string, NoteEvidence>;
  promotions: Promotion[];
  /** The last 12 weeks, oldest first, today last. */
  history: HistoryPoint[];
  /** How many notes (not logs or roadmaps) the workspace has. */
  noteCount: number;
}

/** What readiness is measured from, with where the roadmap items came from. */
export type ReadinessSource = ReadinessInput & {
  roadmaps: string[];
  duplicates: DuplicateItem[];
  items: SourcedItem[];
};

/** Everything readiness is measured from: roadmap items, evidence notes, coverage and the revisit log. */
export function readinessInput(
  ctx: Context,
  index: SqliteIndex,
  notes: readonly NoteRow[] = index.allNotes(),
  events = readRevisitLog(ctx.ws.root).events,
): ReadinessSource {
  return readinessInputFrom(ctx, notes, (n) => index.body(n.path) ?? "", index.allLinks(), events);
}

/**
 * The same from any source of notes: only `notes` are read (their bodies through `bodyOf`), and
 * only links from them count, so a caller that passes public notes gets public evidence only.
 */
export function readinessInputFrom(
  ctx: Context,
  notes: readonly NoteRow[],
  bodyOf: (n: NoteRow) => string,
  links: readonly LinkRow[],
  events: LogEvent[],
): ReadinessSource {
  const roadmapRows = notes.filter((n) => n.type === "roadmap");
  const { items, duplicates } = mergeRoadmaps(roadmapRows.map((r) => ({ path: r.path, body: bodyOf(r) })));
  const templates = templateTexts(ctx.ws);
  const real = notes.filter((n) => !META_TYPES.includes(n.type ?? ""));
  const known = new Set(notes.map((n) => n.slug.toLowerCase()));
  return {
    config: ctx.config,
    items,
    roadmaps: roadmapRows.map((r) => r.path),
    duplicates,
    notes: real.map((n) => ({
      key: noteKey(n),
      slug: n.slug,
      title: n.title,
      path: n.path,
      status: n.status,
      public: isPublic(n),
      substantial: isPublic(n) && noteSubstance(templates, n, bodyOf(n)).enough,
      checklistDone: n.checklist_done,
      since: startDate(n, ctx.today),
    })),
    covering: coverage(
      items,
      notes,
      links.filter((l) => known.has(l.from_slug.toLowerCase())),
    ),
    events,
    graceDays: parseDuration(ctx.config.revisit.first_after) ?? 7,
  };
}

/** Measure readiness from an open index: today, a week ago (for status) and the 12-week trend. */
export function readinessOf(ctx: Context, index: SqliteIndex): ReadinessData {
  const input = readinessInput(ctx, index);
  return readinessFrom(ctx.today, input);
}

/** Readiness from its input on `today`, with the trend and the promotions the evidence supports. */
export function readinessFrom(today: string, input: ReturnType<typeof readinessInput>): ReadinessData {
  const now = measure(input, today);
  const needs = roleNeeds(input.config, input.items);
  return {
    today,
    groups: now.groups,
    items: input.items,
    roadmaps: input.roadmaps,
    duplicates: input.duplicates,
    unknownNeeds: Object.fromEntries([...needs].filter(([, n]) => n.unknown.length).map(([r, n]) => [r, n.unknown])),
    evidence: now.evidence,
    promotions: promotions(now.evidence.values()),
    history: readinessTrend(today, (d) => (d === today ? now.groups : measure(input, d).groups)),
    noteCount: input.notes.length,
  };
}

/** Each role's score a week before `today`, from the same input. */
export function lastWeekScores(today: string, input: ReadinessSource): Map<string, number> {
  return new Map(
    measure(input, addDays(today, -7))
      .groups.filter((g) => g.kind === "role")
      .map((g) => [g.id, g.score]),
  );
}

/** Show readiness per role-readiness group and per domain, or one role in detail with what to learn next. */
export async function readiness(opts: ReadinessOptions, io: IO): Promise<ReadinessData> {
  const ctx = await createContext(opts);
  const role = opts.role?.trim().toLowerCase();
  if (role !== undefined && !hasConfigId(ctx.config.roles, role))
    throw new UsageError(`unknown role: ${opts.role}`, `use one of ${Object.keys(ctx.config.roles).join(", ")}`);
  const { index } = await openIndexLazy(ctx, { refresh: opts.refresh });
  let data: ReadinessData;
  try {
    data = readinessOf(ctx, index);
  } finally {
    index.close();
  }
  if (!data.items.length)
    io.err(
      'learn: no roadmap items found (add one: learn new roadmap "My roadmap", with bullets like `- Name (item-id) [role]: ...`)',
    );
  for (const d of data.duplicates)
    io.err(`learn: ${d.path}: roadmap item ${d.id} is already defined at ${d.first.path}; the first one counts`);
  for (const [r, ids] of Object.entries(data.unknownNeeds))
    io.err(`learn: learn.config.yaml: roles.${r}.needs: ${ids.join(", ")}: no such domain or roadmap item`);
  const group = role ? data.groups.find((g) => g.kind === "role" && g.id === role) : undefined;
  if (opts.json) io.json(toReadinessJson(data, group));
  else
    io.out(
      group ? renderRoleDetail(group, data, io.theme, opts.history) : renderReadiness(data, io.theme, opts.history),
    );
  return data;
}
