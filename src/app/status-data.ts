import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import { measure, type GroupReadiness } from "../core/readiness-score.js";
import { noteNames } from "../core/note-names.js";
import type { SqliteIndex } from "../store/handle.js";
import { notesBase } from "../store/open-db.js";
import { schedules } from "./due.js";
import { lastWeekScores, readinessInput } from "./readiness.js";
import { ruledProblems } from "./rule-problems.js";
import type { SubstanceCache } from "./substance-cache.js";

// What `learn status` computes from the index (counts, due notes, readiness): loaded only when
// .learn/status.json does not already hold it for this run's inputs (app/status-cache.ts).

/** What status reads from the index: a function of the files, the revisit log, the config and the day. */
export interface FromIndex {
  notes: number;
  problems: { errors: number; warnings: number };
  /** `name`: what to type for the note (its slug, or its path when another note has that file name). */
  due: { slug: string; name?: string; title: string; due: string; overdue: number }[];
  roles: GroupReadiness[];
  /** Each domain's note count (front matter or folder), in config order. */
  domains?: { id: string; notes: number }[];
  /** Each role's score a week ago, for the change since last week. */
  lastWeek?: Record<string, number>;
}

/** Counts, due notes and readiness, computed from the index. */
export function fromTheIndex(ctx: Context, index: SqliteIndex, substance: SubstanceCache): FromIndex {
  const notes = index.allNotes();
  const problems = ruledProblems(ctx, index.problems(), () => notes); // counted as `learn check` does
  const nameOf = noteNames(notes, notesBase(ctx));
  return {
    notes: notes.length,
    problems: {
      errors: problems.filter((p) => p.severity === "error").length,
      warnings: problems.filter((p) => p.severity === "warning").length,
    },
    due: schedules(ctx, index, notes).due.map((d) => ({
      slug: d.note.slug,
      name: nameOf(d.note),
      title: d.note.title,
      due: d.schedule.due!,
      overdue: d.overdue,
    })),
    ...rolesNow(ctx, index, notes, substance),
  };
}

/** Each role's readiness today and its change since a week ago, and each domain's notes. */
function rolesNow(
  ctx: Context,
  index: SqliteIndex,
  notes: readonly NoteRow[],
  substance: SubstanceCache,
): Pick<FromIndex, "roles" | "lastWeek" | "domains"> {
  const input = readinessInput(ctx, index, notes, undefined, (n, body) => substance.enough(n, body));
  const groups = measure(input, ctx.today).groups;
  return {
    roles: groups.filter((g) => g.kind === "role"),
    // where folders say the domain, the dashboard says what is in each (a learn workspace's own stays as it was)
    ...(ctx.config.auto_domains || ctx.config.domain_folders
      ? { domains: groups.filter((g) => g.kind === "domain").map((g) => ({ id: g.id, notes: g.notes })) }
      : {}),
    lastWeek: Object.fromEntries(lastWeekScores(ctx.today, input)),
  };
}
