import { hasConfigId, type Config } from "./config.js";
import { addDays, toIsoDate } from "./dates.js";
import { UsageError } from "./errors.js";
import { requireDomain, slugForTitle } from "./note-new.js";
import { parseDuration } from "./revisit-duration.js";
import type { WeekStep } from "./week-model.js";

/** The note types step 2 can write: the transferable kinds. */
export const WEEK_NOTE_TYPES = ["doc", "cheatsheet", "blog"] as const;

const PLAN_HINT = "use build, a date like 2026-12-10, or a duration from today like 3d, 2w or 1m";

/**
 * Read a revisit plan: `build` (revisit after using it in a real build), a date, or a
 * duration from today (`3w`). A date before today is refused. `flag` names the source.
 */
export function parseRevisitPlan(text: string, today: string, flag = "--revisit"): string {
  const t = text.trim();
  if (t.toLowerCase() === "build") return "build";
  const days = parseDuration(t);
  if (days !== undefined) {
    if (days < 1) throw new UsageError(`${flag} ${text}: must be at least 1 day from today`, PLAN_HINT);
    return addDays(today, days);
  }
  const day = toIsoDate(t);
  if (!day || day !== t) throw new UsageError(`${flag} ${text}: not a date`, PLAN_HINT);
  if (day < today) throw new UsageError(`${flag} ${text}: that date is in the past (today is ${today})`, PLAN_HINT);
  return day;
}

/** Check checklist items from flags: at least one, none empty; trimmed, duplicates dropped. */
export function checklistItems(items: readonly string[] | undefined, flag = "--checklist"): string[] {
  const trimmed = (items ?? []).map((i) => i.trim());
  if (!trimmed.length) throw new UsageError(`${flag} needs at least one item`, `${flag} "first item" "second item"`);
  if (trimmed.some((i) => i === "")) throw new UsageError(`${flag}: an item is empty`, "give each item some words");
  return [...new Set(trimmed)];
}

/** Check role ids against the config; a usage error lists the valid ones. */
export function requireRoles(roles: readonly string[], config: Pick<Config, "roles">, flag = "--role"): string[] {
  const ids = roles
    .flatMap((r) => r.split(","))
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  if (!ids.length)
    throw new UsageError(`${flag} needs at least one role`, `use one of ${Object.keys(config.roles).join(", ")}`);
  const bad = ids.find((r) => !hasConfigId(config.roles, r));
  if (bad) throw new UsageError(`unknown role: ${bad}`, `use one of ${Object.keys(config.roles).join(", ")}`);
  return [...new Set(ids)];
}

/** Check a step-2 note type: doc (or note), cheatsheet or blog. */
export function requireWeekType(type: string | undefined): (typeof WEEK_NOTE_TYPES)[number] {
  const t = (type ?? "doc").trim().toLowerCase();
  const resolved = t === "note" ? "doc" : t === "cheat-sheet" ? "cheatsheet" : t;
  if (!(WEEK_NOTE_TYPES as readonly string[]).includes(resolved))
    throw new UsageError(`--type ${type}: the week's note must be one of ${WEEK_NOTE_TYPES.join("|")}`);
  return resolved as (typeof WEEK_NOTE_TYPES)[number];
}

/** The step flags of `learn week`, as typed. */
export interface WeekFlags {
  domain?: string;
  title?: string;
  type?: string;
  difficulty?: string;
  note?: string;
  checklist?: string[];
  role?: string[];
  revisit?: string;
}

/** Flag values checked before anything is asked or written. */
export interface WeekGiven {
  domain?: string;
  title?: string;
  note?: string;
  checklist?: string[];
  roles?: string[];
  plan?: string;
}

/** Check every step flag of `learn week` up front (a usage error for the first bad one), read as each step takes it. */
export function checkWeekFlags(opts: WeekFlags, config: Config, today: string): WeekGiven {
  if (opts.title !== undefined && opts.note !== undefined)
    throw new UsageError(
      "--title and --note cannot be used together",
      "--title writes a new note, --note picks an existing one",
    );
  if (opts.type !== undefined) requireWeekType(opts.type);
  if (opts.title !== undefined) {
    if (!opts.title.trim()) throw new UsageError("--title is empty", 'learn week --title "HTTP caching mental model"');
    slugForTitle(opts.title);
  }
  return {
    domain: opts.domain !== undefined ? requireDomain(opts.domain, config) : undefined,
    title: opts.title?.trim(),
    note: opts.note?.trim(),
    checklist: opts.checklist !== undefined ? checklistItems(opts.checklist) : undefined,
    roles: opts.role !== undefined ? requireRoles(opts.role, config) : undefined,
    plan: opts.revisit !== undefined ? parseRevisitPlan(opts.revisit, today) : undefined,
  };
}

/** Whether the flags do `step` (so it needs no prompt). */
export const stepGiven = (step: WeekStep, g: WeekGiven): boolean =>
  step === "domain"
    ? g.domain !== undefined
    : step === "note"
      ? g.title !== undefined || g.note !== undefined
      : step === "checklist"
        ? g.checklist !== undefined
        : step === "roles"
          ? g.roles !== undefined
          : g.plan !== undefined;
