import type { Config } from "./config.js";
import type { RoadmapItem } from "./readiness-roadmap.js";
import { slugFromPath } from "./slug.js";
import { META_TYPES } from "./week-domain.js";

/** What readiness needs of a note (a NoteRow fits, with its revisit due date added). */
export interface ReadinessNote {
  slug: string;
  type: string | null;
  status: string | null;
  domain: string | null;
  roles: string[];
  covers: string[];
  /** Next revisit date, or null when the note is not scheduled. */
  due: string | null;
}

/** One row of readiness: a role-readiness group or a domain. */
export interface GroupReadiness {
  kind: "role" | "domain";
  id: string;
  name: string;
  notes: number;
  byStatus: { seedling: number; budding: number; evergreen: number };
  items: { total: number; covered: number; uncovered: RoadmapItem[] };
  revisits: { onTime: number; overdue: number };
  score: number;
}

/**
 * Which notes cover each roadmap item: a note covers an item when its `covers:` lists the
 * item's id, when it links to the id (`[[http-fundamentals]]`, or the id in `related:`),
 * or when the item's bullet in the roadmap links to the note.
 */
export function coverage(
  items: readonly RoadmapItem[],
  notes: readonly ReadinessNote[],
  links: readonly { from_slug: string; target: string }[],
): Map<string, Set<string>> {
  const real = new Set(notes.filter((n) => !META_TYPES.includes(n.type ?? "")).map((n) => n.slug.toLowerCase()));
  const out = new Map(items.map((i) => [i.id, new Set<string>()]));
  for (const n of notes)
    if (real.has(n.slug.toLowerCase())) for (const c of n.covers) out.get(c.toLowerCase())?.add(n.slug.toLowerCase());
  for (const l of links) {
    const target = slugFromPath(l.target.trim()).toLowerCase();
    if (real.has(l.from_slug.toLowerCase())) out.get(target)?.add(l.from_slug.toLowerCase());
  }
  for (const i of items) for (const s of i.links) if (real.has(s)) out.get(i.id)!.add(s);
  return out;
}

/** The 0–100 score of SCORE_FORMULA. */
export function readinessScore(r: Pick<GroupReadiness, "notes" | "byStatus" | "items" | "revisits">): number {
  if (r.notes === 0) return 0;
  const maturity = (0.5 * r.byStatus.budding + r.byStatus.evergreen) / r.notes;
  const scheduled = r.revisits.onTime + r.revisits.overdue;
  const onTime = scheduled ? r.revisits.onTime / scheduled : 1;
  const value = r.items.total
    ? 0.5 * (r.items.covered / r.items.total) + 0.3 * maturity + 0.2 * onTime
    : 0.6 * maturity + 0.4 * onTime;
  return Math.round(Number((100 * value).toFixed(6))); // 57.4999… from floating point is 57.5, as by hand
}

function group(
  kind: GroupReadiness["kind"],
  id: string,
  name: string,
  notes: ReadinessNote[],
  items: readonly RoadmapItem[],
  covered: (item: RoadmapItem) => boolean,
  today: string,
): GroupReadiness {
  const byStatus = { seedling: 0, budding: 0, evergreen: 0 };
  for (const n of notes) byStatus[n.status === "budding" || n.status === "evergreen" ? n.status : "seedling"]++;
  const overdue = notes.filter((n) => n.due !== null && n.due < today).length;
  const row = {
    kind,
    id,
    name,
    notes: notes.length,
    byStatus,
    items: { total: items.length, covered: items.filter(covered).length, uncovered: items.filter((i) => !covered(i)) },
    revisits: { onTime: notes.filter((n) => n.due !== null).length - overdue, overdue },
    score: 0,
  };
  return { ...row, score: readinessScore(row) };
}

/**
 * Readiness per role-readiness group and per domain. A role's notes are those listing it
 * in `roles:`, and its coverage is the share of all roadmap items its notes cover; a
 * domain's notes are those of the domain, and its coverage is the share of its own
 * items (by section) that any note covers. Week logs and roadmaps are not counted.
 */
export function readiness(
  config: Pick<Config, "roles" | "domains">,
  allNotes: readonly ReadinessNote[],
  items: readonly RoadmapItem[],
  covering: Map<string, Set<string>>,
  today: string,
): GroupReadiness[] {
  const notes = allNotes.filter((n) => !META_TYPES.includes(n.type ?? ""));
  const roles = Object.entries(config.roles).map(([id, name]) => {
    const mine = notes.filter((n) => n.roles.includes(id));
    const slugs = new Set(mine.map((n) => n.slug.toLowerCase()));
    return group(
      "role",
      id,
      name,
      mine,
      items,
      (i) => [...(covering.get(i.id) ?? [])].some((s) => slugs.has(s)),
      today,
    );
  });
  const domains = Object.entries(config.domains).map(([id, name]) =>
    group(
      "domain",
      id,
      name,
      notes.filter((n) => n.domain === id),
      items.filter((i) => i.domain === id),
      (i) => (covering.get(i.id)?.size ?? 0) > 0,
      today,
    ),
  );
  return [...roles, ...domains];
}
