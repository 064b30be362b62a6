import type { LogEvent } from "./revisit-event.js";
import { daysBetween } from "./revisit-replay.js";

// The evidence ladder: how far a note (and so a roadmap item it covers) has come, computed
// from files and the revisit log as of a date, never from the self-declared `status:`.

/** The rungs of the ladder, 0 to 4. */
export const LEVEL_NAMES = ["nothing", "noted", "written up", "used in a build", "known"] as const;
export type Level = 0 | 1 | 2 | 3 | 4;

/** What the ladder needs to know of a note (its file facts; dates decide when it counts). */
export interface EvidenceNote {
  /** The note's key in the revisit log: its id, else its slug (lower-case). */
  key: string;
  slug: string;
  /** What to type for the note: its slug, or its path when another note has that file name (see noteNames). */
  name?: string;
  title: string;
  path: string;
  status: string | null;
  public: boolean;
  /** Real content: enough words of its own and no template placeholder left. */
  substantial: boolean;
  checklistDone: number;
  /** Its domain (front matter, else its folder's) and roles, for each group's note count. */
  domain?: string | null;
  roles?: readonly string[];
  /** The day the note counts from: published, else updated, else its file's date. */
  since: string;
}

/** One note's rung on a date, with the facts behind it. */
export interface NoteEvidence {
  note: EvidenceNote;
  level: Level;
  /** `used` events on the note up to the date. */
  builds: number;
  /** The first revisit on time after a build use, up to the date; null when none. */
  knownOn: string | null;
}

/**
 * Every note's rung as of `asOf` (notes that do not exist yet are left out):
 *   1 noted        the note exists
 *   2 written up   public, real content (see note-substance), and its checklist started (an item ticked)
 *   3 used         a `used` event on the note
 *   4 known        a public note revisited on time after a build use: within `graceDays` of the
 *                  use, rated anything but "again" ("revisit it after using the concept in a real build")
 * A rung counts when its own condition holds (a private note used in a build is at 3).
 * Keyed by path: two notes with one file name each keep their own evidence.
 */
export function noteEvidence(
  notes: readonly EvidenceNote[],
  events: readonly LogEvent[],
  asOf: string,
  graceDays: number,
): Map<string, NoteEvidence> {
  const owner = new Map<string, string>();
  for (const n of notes) owner.set(n.slug.toLowerCase(), n.key);
  for (const n of notes) owner.set(n.key, n.key); // ids win over slugs, as in the revisit replay
  const facts = new Map<string, { builds: number; lastUse: string | null; knownOn: string | null }>();
  // Stable by date: the log's order holds within a day, and a union merge may put older lines later.
  const sorted = events.filter((e) => e.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of sorted) {
    const key = owner.get(e.note);
    if (!key) continue;
    const f = facts.get(key) ?? facts.set(key, { builds: 0, lastUse: null, knownOn: null }).get(key)!;
    if (e.event === "used") {
      f.builds++;
      f.lastUse = e.date;
    } else if (e.event === "revisit" && f.lastUse && !f.knownOn && e.rating !== "again") {
      if (daysBetween(f.lastUse, e.date) <= graceDays) f.knownOn = e.date;
    }
  }
  const out = new Map<string, NoteEvidence>();
  for (const n of notes) {
    if (n.since > asOf) continue;
    const f = facts.get(n.key) ?? { builds: 0, knownOn: null };
    const level: Level =
      f.knownOn && n.public ? 4 : f.builds ? 3 : n.public && n.substantial && n.checklistDone > 0 ? 2 : 1;
    out.set(n.path, { note: n, level, builds: f.builds, knownOn: f.knownOn });
  }
  return out;
}

/** A status change the evidence supports: the user decides, learn only suggests. */
export interface Promotion {
  slug: string;
  from: string;
  to: "budding" | "evergreen";
  why: string;
}

const builds = (n: number) => `used in ${n} build${n === 1 ? "" : "s"}`;

/** Promotions the evidence supports: known notes to evergreen; used or written-up seedlings to budding. */
export function promotions(evidence: Iterable<NoteEvidence>): Promotion[] {
  const out: Promotion[] = [];
  for (const e of evidence) {
    const from = e.note.status ?? "seedling";
    if (e.level === 4 && from !== "evergreen")
      out.push({ slug: e.note.slug, from, to: "evergreen", why: `${builds(e.builds)}, revisited on time` });
    else if (from === "seedling" && e.level === 3)
      out.push({ slug: e.note.slug, from, to: "budding", why: builds(e.builds) });
    else if (from === "seedling" && e.level === 2)
      out.push({ slug: e.note.slug, from, to: "budding", why: "written up, its checklist started" });
  }
  return out.sort((a, b) => a.slug.localeCompare(b.slug, "en"));
}
