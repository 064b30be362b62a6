import { isPublic } from "../core/check-links.js";
import type { Context } from "../core/context.js";
import { addDays } from "../core/dates.js";
import type { LinkRow, NoteRow } from "../core/index-types.js";
import { readinessTrend, type HistoryPoint } from "../core/readiness-history.js";
import { promotions, type NoteEvidence, type Promotion } from "../core/readiness-ladder.js";
import { mergeRoadmaps, type DuplicateItem, type SourcedItem } from "../core/readiness-roadmap.js";
import { coverage, measure, roleNeeds, type GroupReadiness, type ReadinessInput } from "../core/readiness-score.js";
import { parseDuration } from "../core/revisit-duration.js";
import type { LogEvent } from "../core/revisit-event.js";
import { replayKeys, startDate } from "../core/revisit-replay.js";
import { META_TYPES } from "../core/week-domain.js";
import { noteNames } from "../core/note-names.js";
import type { SqliteIndex } from "../store/handle.js";
import { notesBase } from "../store/open-db.js";
import { substance } from "../core/note-substance.js";
import { templateTexts } from "../workspace/template-texts.js";
import { readRevisitLog } from "../workspace/revisit-log.js";

// Readiness as `learn readiness`, `learn status` and `learn publish` measure it.

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
  enough?: EnoughOf,
): ReadinessSource {
  // coverage counts only links that resolve to no note (their target names a roadmap item): those alone are read
  return readinessInputFrom(
    ctx,
    notes,
    (n) => index.body(n.path) ?? "",
    () => index.unresolvedLinks(),
    events,
    enough,
  );
}

/** Whether a public note has enough words of its own, given its body on demand (a cache may not need it). */
type EnoughOf = (n: NoteRow, body: () => string) => boolean;

/**
 * The same from any source of notes: only `notes` are read (their bodies through `bodyOf`), and
 * only links from them count, so a caller that passes public notes gets public evidence only.
 * `links` may be a thunk: it is called only when there are roadmap items for links to cover.
 */
export function readinessInputFrom(
  ctx: Context,
  notes: readonly NoteRow[],
  bodyOf: (n: NoteRow) => string,
  links: readonly LinkRow[] | (() => readonly LinkRow[]),
  events: LogEvent[],
  enough?: EnoughOf,
): ReadinessSource {
  const roadmapRows = notes.filter((n) => n.type === "roadmap");
  const { items, duplicates } = mergeRoadmaps(roadmapRows.map((r) => ({ path: r.path, body: bodyOf(r) })));
  const templates = templateTexts(ctx.ws);
  const real = notes.filter((n) => !META_TYPES.includes(n.type ?? ""));
  const known = new Set(notes.map((n) => n.slug.toLowerCase()));
  const keyOf = replayKeys(notes); // a file name two notes share keys neither: each is keyed by path
  const nameOf = noteNames(notes, notesBase(ctx));
  return {
    config: withNoteDomains(ctx.config, real),
    items,
    roadmaps: roadmapRows.map((r) => r.path),
    duplicates,
    notes: real.map((n) => ({
      key: keyOf(n),
      slug: n.slug,
      name: nameOf(n),
      title: n.title,
      path: n.path,
      status: n.status,
      public: isPublic(n),
      substantial:
        isPublic(n) && (enough ? enough(n, () => bodyOf(n)) : substance(bodyOf(n), templates(n.type)).enough),
      checklistDone: n.checklist_done,
      domain: n.domain,
      roles: n.roles,
      since: startDate(n, ctx.today),
    })),
    covering: coverage(
      items,
      notes,
      (items.length === 0 ? [] : typeof links === "function" ? links() : links).filter((l) =>
        known.has(l.from_slug.toLowerCase()),
      ),
    ),
    events,
    graceDays: parseDuration(ctx.config.revisit.first_after) ?? 7,
  };
}

/**
 * An adopted folder's domains (its top-level folders) that hold notes: a folder of images or
 * templates is not a domain worth a line. Configured domains are kept as they are.
 */
function withNoteDomains(config: Context["config"], notes: readonly NoteRow[]): Context["config"] {
  if (!config.auto_domains) return config;
  const used = new Set(notes.map((n) => n.domain));
  return { ...config, domains: Object.fromEntries(Object.entries(config.domains).filter(([id]) => used.has(id))) };
}

/** Measure readiness from an open index: today, a week ago (for status) and the 12-week trend. */
export function readinessOf(ctx: Context, index: SqliteIndex): ReadinessData {
  return readinessFrom(ctx.today, readinessInput(ctx, index));
}

/** Readiness from its input on `today`, with the trend and the promotions the evidence supports. */
function readinessFrom(today: string, input: ReadinessSource): ReadinessData {
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
