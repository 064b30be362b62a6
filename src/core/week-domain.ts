import type { Config } from "./config.js";
import { isoWeek } from "./dates.js";
import { weeksBetween } from "./week-model.js";

/** What the domain menu of step 1 shows for one domain. */
export interface DomainStat {
  id: string;
  name: string;
  /** Notes of the domain, not counting week logs and roadmaps. */
  notes: number;
  evergreen: number;
  /** Weeks since the domain was last a week's focus; null when it never was. */
  weeksSinceFocus: number | null;
}

/** Types that are about the learning, not part of it: left out of domain and readiness counts. */
export const META_TYPES: readonly string[] = ["log", "roadmap"];

/** What the stats need of a note (a NoteRow fits). */
export interface DomainNote {
  domain: string | null;
  type: string | null;
  status: string | null;
}

/**
 * Count each configured domain's notes and evergreen notes, and the weeks since it was
 * last a week's focus (`focus` maps past week labels to their domain). An adopted folder's
 * domains (`auto_domains`) are listed only when they hold notes.
 */
export function domainStats(
  notes: readonly DomainNote[],
  focus: ReadonlyMap<string, string>,
  config: Pick<Config, "domains" | "auto_domains">,
  today: string,
): DomainStat[] {
  const thisWeek = isoWeek(today).label;
  const stats = Object.entries(config.domains).map(([id, name]) => {
    const mine = notes.filter((n) => n.domain === id && !META_TYPES.includes(n.type ?? ""));
    const weeks = [...focus].filter(([w, d]) => d === id && w < thisWeek).map(([w]) => weeksBetween(w, thisWeek));
    return {
      id,
      name,
      notes: mine.length,
      evergreen: mine.filter((n) => n.status === "evergreen").length,
      weeksSinceFocus: weeks.length ? Math.min(...weeks) : null,
    };
  });
  // an adopted folder's top-level folders without notes (images, templates) are not domains to pick
  return config.auto_domains ? stats.filter((s) => s.notes > 0) : stats;
}

/** The domain that needs the week most, by SUGGESTION_RULE (week-help.ts); undefined when there are none. */
export function suggestDomain(stats: readonly DomainStat[]): string | undefined {
  const since = (s: DomainStat) => s.weeksSinceFocus ?? Number.POSITIVE_INFINITY;
  const longer = (a: DomainStat, b: DomainStat) => (since(a) === since(b) ? 0 : since(a) > since(b) ? -1 : 1);
  const ranked = stats
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.notes - b.s.notes || longer(a.s, b.s) || a.s.evergreen - b.s.evergreen || a.i - b.i);
  return ranked[0]?.s.id;
}
