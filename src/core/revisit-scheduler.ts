import {
  createEmptyCard,
  fsrs,
  Rating,
  StrategyMode,
  type AbstractScheduler,
  type Card,
  type FSRS,
  type Grade,
} from "ts-fsrs";
import { addDays } from "./dates.js";
import { parseDuration } from "./revisit-duration.js";
import type { RatingName } from "./revisit-event.js";

/** The revisit policy from learn.config.yaml, parsed. */
export interface RevisitPolicy {
  /** Days from publication to a note's first revisit. */
  firstAfter: number;
  /** Longest interval FSRS may plan, in days. */
  maxInterval: number;
  /** Desired recall probability at the due date. */
  retention: number;
}

/** Parse the config's revisit block (already validated by the config loader). */
export function revisitPolicy(c: { first_after: string; max_interval: string; retention: number }): RevisitPolicy {
  return {
    firstAfter: parseDuration(c.first_after) ?? 7,
    maxInterval: parseDuration(c.max_interval) ?? 365,
    retention: c.retention,
  };
}

/** One note's schedule as it is replayed: where it starts, and what each rating does. */
export interface NoteScheduler {
  readonly kind: "fsrs" | "fixed";
  /** The first due date of a note published on `start` and never revisited. */
  first(start: string): string;
  /** Apply a revisit rated `rating` on `date`; returns the next due date and the interval in days. */
  rate(date: string, rating: RatingName): { due: string; interval: number };
}

/** Interval days from the `revisit_every:` key, or undefined when it is not a valid duration. */
export const fixedDays = (every: string): number | undefined => {
  const days = parseDuration(every);
  return days && days > 0 ? days : undefined;
};

/** A note with `revisit_every:`: always the same interval, whatever the rating. */
export function fixedScheduler(days: number): NoteScheduler {
  return {
    kind: "fixed",
    first: (start) => addDays(start, days),
    rate: (date) => ({ due: addDays(date, days), interval: days }),
  };
}

const GRADE: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};
type KeyedCard = Card & { note_key: string };
const at = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * An FSRS engine tuned for notes: no short-term learning steps, fuzz on, the policy's
 * maximum interval and retention. Fuzz is seeded from the note's key, the review date and
 * the review count, so replaying the same log always gives the same dates, while notes
 * revisited together still spread out.
 */
export function fsrsEngine(policy: RevisitPolicy): FSRS {
  const engine = fsrs({
    enable_short_term: false,
    enable_fuzz: true,
    maximum_interval: policy.maxInterval,
    request_retention: policy.retention,
  });
  return engine.useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
    const self = this as unknown as { current: KeyedCard; review_time: Date };
    return `${self.current.note_key}_${self.review_time.getTime()}_${self.current.reps}`;
  });
}

/**
 * The FSRS schedule of one note. Writing a note counts as learning it (a `good` review on
 * its start date), so the first real revisit is a review that finds out how well it stuck;
 * the first due date itself is the policy's `firstAfter`.
 */
export function fsrsScheduler(engine: FSRS, policy: RevisitPolicy, key: string): NoteScheduler {
  let card: KeyedCard | undefined;
  let start = "";
  let last = "";
  return {
    kind: "fsrs",
    first(from) {
      start = last = from;
      return addDays(from, policy.firstAfter);
    },
    rate(date, rating) {
      if (!card) {
        // Built on the first rating only: most notes in a big workspace have none, and replay stays cheap.
        const fresh: KeyedCard = { ...createEmptyCard(at(start || date)), note_key: key };
        card = { ...engine.next(fresh, at(start || date), Rating.Good).card, note_key: key };
        last ||= date;
      }
      // A log line dated before the previous review (clock skew, a merge) is read as same-day.
      const when = date < last ? last : date;
      card = { ...engine.next(card!, at(when), GRADE[rating]).card, note_key: key };
      last = when;
      // ts-fsrs keeps good > hard > again by a day, which can step one day past the maximum.
      const interval = Math.min(card.scheduled_days, policy.maxInterval);
      return { due: addDays(when, interval), interval };
    },
  };
}
