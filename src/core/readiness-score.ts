import type { Config } from "./config.js";
import { noteEvidence, type EvidenceNote, type Level, type NoteEvidence } from "./readiness-ladder.js";
import type { RoadmapItem } from "./readiness-roadmap.js";
import type { LogEvent } from "./revisit-event.js";
import { slugFromPath } from "./slug.js";
import { META_TYPES } from "./week-domain.js";

/** What coverage needs of a note (a NoteRow fits). */
export interface CoverageNote {
  slug: string;
  type: string | null;
  covers: string[];
}

/**
 * Which notes cover each roadmap item: a note covers an item when its `covers:` lists the
 * item's id, when it links to the id (`[[http-fundamentals]]`, or the id in `related:`) and no note
 * has that slug,
 * or when the item's bullet in the roadmap links to the note. Slugs are lower-case.
 */
export function coverage(
  items: readonly Pick<RoadmapItem, "id" | "links">[],
  notes: readonly CoverageNote[],
  links: readonly { from_slug: string; target: string; to_slug?: string | null }[],
): Map<string, Set<string>> {
  const real = new Set(notes.filter((n) => !META_TYPES.includes(n.type ?? "")).map((n) => n.slug.toLowerCase()));
  const out = new Map(items.map((i) => [i.id, new Set<string>()]));
  for (const n of notes)
    if (real.has(n.slug.toLowerCase())) for (const c of n.covers) out.get(c.toLowerCase())?.add(n.slug.toLowerCase());
  for (const l of links) {
    if (l.to_slug) continue; // a link to a note is about that note, even when its slug is also an item id
    const target = slugFromPath(l.target.trim()).toLowerCase();
    if (real.has(l.from_slug.toLowerCase())) out.get(target)?.add(l.from_slug.toLowerCase());
  }
  for (const i of items) for (const s of i.links) if (real.has(s)) out.get(i.id)!.add(s);
  return out;
}

/** What a role needs: item id -> weight, and the ids of its config `needs:` that name nothing. */
export interface RoleNeeds {
  weights: Map<string, number>;
  unknown: string[];
}

/**
 * Each role's needed items: the roadmap's brackets (a section's roles need all its items, an
 * item's own add to them), then the config's `needs:` (a domain id stands for its section's
 * items; its weight wins; weight 0 leaves an item out).
 */
export function roleNeeds(
  config: Pick<Config, "roles" | "needs">,
  items: readonly RoadmapItem[],
): Map<string, RoleNeeds> {
  const out = new Map<string, RoleNeeds>();
  for (const role of Object.keys(config.roles)) {
    const weights = new Map<string, number>();
    for (const i of items) if (Object.hasOwn(i.roles, role)) weights.set(i.id, i.roles[role]!);
    const unknown: string[] = [];
    for (const [id, w] of Object.entries(config.needs?.[role] ?? {})) {
      const hit = items.filter((i) => i.id === id || i.domain === id);
      if (!hit.length) unknown.push(id);
      for (const i of hit) weights.set(i.id, w);
    }
    for (const [id, w] of weights) if (w <= 0) weights.delete(id);
    out.set(role, { weights, unknown });
  }
  return out;
}

/** One roadmap item as a group sees it: its weight there, its rung, and the notes behind it (best first). */
export interface ItemReadiness {
  item: RoadmapItem;
  weight: number;
  level: Level;
  evidence: NoteEvidence[];
}

/** One row of readiness: a role-readiness group or a domain. */
export interface GroupReadiness {
  kind: "role" | "domain";
  id: string;
  name: string;
  /** 0-100: the weighted mean of the items' rungs, over 4. */
  score: number;
  items: ItemReadiness[];
  /** How many of its items stand on each rung, 0 to 4. */
  byLevel: [number, number, number, number, number];
  /** How many notes are in it (a domain: its notes, by front matter or folder; a role: notes listing it). */
  notes: number;
}

/** The 0-100 score: the weighted mean of the rungs (0-4), as a share of 4. */
export function readinessScore(items: readonly Pick<ItemReadiness, "weight" | "level">[]): number {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (!total) return 0;
  const sum = items.reduce((s, i) => s + i.weight * i.level, 0);
  return Math.round(Number(((100 * sum) / (4 * total)).toFixed(6))); // 57.4999… from floating point is 57.5
}

/** Everything readiness is computed from; `measure` turns it into groups on any date. */
export interface ReadinessInput {
  config: Pick<Config, "roles" | "domains" | "needs">;
  items: RoadmapItem[];
  /** Every note that can be evidence (week logs and roadmaps left out). */
  notes: EvidenceNote[];
  /** Item id -> slugs (lower-case) of the notes that cover it. */
  covering: Map<string, Set<string>>;
  events: LogEvent[];
  /** Days after a build use in which a revisit is on time. */
  graceDays: number;
}

/** Readiness on a date: every note's rung, then every role and domain from its items' rungs. */
export function measure(
  input: ReadinessInput,
  asOf: string,
): { groups: GroupReadiness[]; evidence: Map<string, NoteEvidence> } {
  const evidence = noteEvidence(input.notes, input.events, asOf, input.graceDays);
  const bySlug = new Map<string, NoteEvidence[]>(); // coverage names notes by slug: twins share one
  for (const e of evidence.values()) {
    const slug = e.note.slug.toLowerCase();
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), e]);
  }
  const levelOf = new Map<string, { level: Level; evidence: NoteEvidence[] }>();
  for (const item of input.items) {
    const ev = [...(input.covering.get(item.id) ?? [])]
      .flatMap((s) => bySlug.get(s) ?? [])
      .sort(
        (a, b) =>
          b.level - a.level ||
          a.note.slug.localeCompare(b.note.slug, "en") ||
          a.note.path.localeCompare(b.note.path, "en"),
      );
    levelOf.set(item.id, { level: ev[0]?.level ?? 0, evidence: ev });
  }
  const group = (kind: GroupReadiness["kind"], id: string, name: string, weights: Map<string, number>) => {
    const items = input.items
      .filter((i) => weights.has(i.id))
      .map((item) => ({ item, weight: weights.get(item.id)!, ...levelOf.get(item.id)! }));
    const byLevel: GroupReadiness["byLevel"] = [0, 0, 0, 0, 0];
    for (const i of items) byLevel[i.level]++;
    const notes = input.notes.filter((n) => (kind === "domain" ? n.domain === id : n.roles?.includes(id))).length;
    return { kind, id, name, score: readinessScore(items), items, byLevel, notes };
  };
  const needs = roleNeeds(input.config, input.items);
  const roles = Object.entries(input.config.roles).map(([id, name]) => group("role", id, name, needs.get(id)!.weights));
  const domains = Object.entries(input.config.domains).map(([id, name]) =>
    group("domain", id, name, new Map(input.items.filter((i) => i.domain === id).map((i) => [i.id, 1]))),
  );
  return { groups: [...roles, ...domains], evidence };
}
