import type { Severity } from "./check-model.js";
import type { LinkRow, NoteRow } from "./index-types.js";
import type { LogEvent } from "./revisit-event.js";
import type { DueReason, OrphanKey } from "./revisit-replay.js";
import type { RatingName } from "./revisit-event.js";
import type { WeekStep } from "./week-model.js";
import type { HeatCell } from "./week-streak.js";

// `--json` is an API: every document a command prints has a named type here, and nowhere
// else. Keys are snake_case (like the front matter they come from); every document has
// `version` at its top level, bumped when a key is removed or changes meaning (adding a key
// is not a break). The README's "JSON output" lists them; tests/unit/json-contract.test.ts
// checks real output against them.

/** The version of every `--json` document. */
export const JSON_VERSION = 1;

/**
 * A top-level `--json` document: the fields, plus `version`.
 * @public
 */
export type Doc<T> = { version: typeof JSON_VERSION } & T;

/** A note as JSON: its indexed fields, without the index's bookkeeping (mtime, size). */
export type NoteJson = Omit<NoteRow, "mtime_ms" | "size">;

/**
 * A problem found while indexing, as JSON.
 * @public
 */
export interface ProblemJson {
  path: string;
  line: number | null;
  severity: "error" | "warning";
  reason: string;
}

/** `learn index --json`. */
export type IndexJson = Doc<{
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  rebuilt: string | null;
  ms: number;
  problems: ProblemJson[];
}>;

/**
 * One hit of `learn search --json`.
 * @public
 */
export interface SearchHitJson {
  slug: string;
  path: string;
  title: string;
  type: string | null;
  status: string | null;
  domain: string | null;
  score: number;
  fuzzy: boolean;
  snippet: string;
  /** [start, end) character ranges of the matched words in `snippet`. */
  matches: [number, number][];
}

/** `learn search --json`. */
export type SearchJson = Doc<{
  query: string;
  /** How the query was loosened when it found nothing as typed (both empty when it was not). */
  relaxed: { dropped_words: string[]; phrases_as_words: string[] };
  hits: SearchHitJson[];
}>;

/** `learn list --json` (or `--format json`). */
export type ListJson = Doc<{ count: number; notes: NoteJson[] }>;

/** `learn show SLUG --json`. */
export type ShowJson = Doc<{
  note: NoteJson;
  links: LinkRow[];
  backlinks: LinkRow[];
  body: string;
  /** True when the note is over the 1 MiB read cap and `body` stops there. */
  truncated: boolean;
}>;

/**
 * One finding of `learn check --json`.
 * @public
 */
export interface FindingJson {
  path: string;
  line: number | null;
  rule: string;
  severity: Severity;
  message: string;
  hint: string;
}

/** `learn check --json`, and `learn publish --json` when a secret stops it. */
export type CheckJson = Doc<{
  /** Findings per rule and severity, the most first. */
  summary: { rule: string; severity: "error" | "warning"; count: number }[];
  findings: FindingJson[];
  counts: { files: number; errors: number; warnings: number };
}>;

/** `learn publish --json`: what was written. */
export type PublishJson = Doc<{ out: string; notes: number; tags: number; files: number; removed: string[] }>;

/** One note's revisit schedule, as `learn revisit --json` shows it. */
export interface RevisitEntryJson {
  key: string;
  slug: string;
  title: string;
  path: string;
  due: string | null;
  /** Days past due (negative: not due yet); null when never due. */
  overdue: number | null;
  reason: DueReason | null;
  why: string;
  snoozed_until: string | null;
  last_revisit: string | null;
  last_rating: RatingName | null;
  interval: number;
  revisits: number;
  scheduler: "fsrs" | "fixed" | "never";
}

/** `learn revisit --json`: the notes due by `until`. */
export type RevisitListJson = Doc<{
  today: string;
  until: string;
  count: number;
  due: RevisitEntryJson[];
  warnings: string[];
}>;

/** `learn revisit SLUG --json`: one note's schedule. */
export type RevisitNoteJson = Doc<RevisitEntryJson>;

/** `learn revisit SLUG --rating|--used-in|--snooze --json` and `learn used --json`: the line appended, and the new schedule. */
export type RevisitRecordJson = Doc<{ recorded: LogEvent; schedule: RevisitEntryJson }>;

/** `learn revisit --brief --json`. */
export type RevisitBriefJson = Doc<{ count: number }>;

/** `learn revisit --upcoming --json`: due counts per ISO week; `now` counts the overdue. */
export type RevisitUpcomingJson = Doc<{
  today: string;
  now: number;
  weeks: { week: string; start: string; count: number }[];
}>;

/** `learn revisit --orphans --json`. */
export type RevisitOrphansJson = Doc<{ orphans: OrphanKey[] }>;

/** This week's loop, as `learn week` and `learn status` show it. */
export interface WeekFields {
  week: string;
  log: string | null;
  domain: string | null;
  note: string | null;
  revisit_plan: string | null;
  steps: Record<WeekStep, boolean>;
  next_step: WeekStep | null;
  complete: boolean;
  streak: number;
  heat: HeatCell[];
}

/** `learn week --json` and `learn week --status --json`; `note_missing` says what a started note still needs. */
export type WeekJson = Doc<WeekFields & { note_missing?: string | null }>;

/**
 * A note behind a roadmap item's rung, in `learn readiness --role R --json`.
 * @public
 */
export interface ItemEvidenceJson {
  slug: string;
  path: string;
  status: string | null;
  visibility: "public" | "private";
  /** The note's own rung, 0-4. */
  level: number;
  /** How many builds the note was used in. */
  builds: number;
  /** The first on-time revisit after a build use; null when none. */
  known_on: string | null;
}

/**
 * A roadmap item a role needs, with its rung (0 nothing, 1 noted, 2 written up, 3 used in a build, 4 known).
 * @public
 */
export interface ReadinessItemJson {
  id: string;
  name: string;
  domain: string | null;
  weight: number;
  level: number;
  rung: string;
  notes: ItemEvidenceJson[];
}

/**
 * An item of a group in `learn readiness --json`: its id, weight and rung.
 * @public
 */
export interface ReadinessItemBriefJson {
  id: string;
  weight: number;
  level: number;
}

/**
 * One role's or domain's score on one day of the trend.
 * @public
 */
export interface ReadinessHistoryJson {
  week: string;
  date: string;
  score: number;
}

/**
 * One role or domain's readiness: the score, how many items stand on each rung (0-4), its items and the 12-week trend.
 * @public
 */
export interface ReadinessGroupJson<I = ReadinessItemBriefJson> {
  kind: "role" | "domain";
  id: string;
  name: string;
  score: number;
  levels: number[];
  /** Notes in the group: a domain's by front matter or folder, a role's listing it in roles:. */
  notes: number;
  items: I[];
  history: ReadinessHistoryJson[];
}

/**
 * A status change the evidence supports (a suggestion; status stays the user's word).
 * @public
 */
export interface PromotionJson {
  slug: string;
  from: string;
  to: "budding" | "evergreen";
  why: string;
}

/**
 * A roadmap item id defined twice: the first definition counts.
 * @public
 */
export interface DuplicateItemJson {
  id: string;
  path: string;
  line: number;
  first: { path: string; line: number };
}

/** `learn readiness --json`. */
export type ReadinessJson = Doc<{
  today: string;
  roadmaps: string[];
  items: number;
  roles: ReadinessGroupJson[];
  domains: ReadinessGroupJson[];
  promotions: PromotionJson[];
  duplicates: DuplicateItemJson[];
}>;

/** `learn readiness --role R --json`. */
export type ReadinessRoleJson = Doc<{ today: string } & ReadinessGroupJson<ReadinessItemJson>>;

/** `learn status --json`. */
export type StatusJson = Doc<{
  today: string;
  workspace: string;
  index: {
    notes: number;
    added: number;
    updated: number;
    removed: number;
    rebuilt: string | null;
    problems: { errors: number; warnings: number };
  };
  due: { count: number; top: { slug: string; title: string; due: string; overdue: number }[] };
  week: WeekFields & { problem: string | null };
  /** Each role's score, and its change since a week ago (null when not known). */
  readiness: { id: string; name: string; score: number; change: number | null }[];
  next: { command: string; why: string } | null;
}>;

/** `learn new --json`: the note made (or this week's log, found). */
/** `learn mv OLD NEW --json`. */
export type MvJson = Doc<{ from: string; to: string; links: number; notes: number; added_id: boolean }>;

export type NewJson = Doc<{ id: string; slug: string; title: string; type: string; domain: string; path: string }>;

/** `learn init --json`: what was made, added to, or found (paths relative to `root`); with --here, what the folder held. */
export type InitJson = Doc<{
  root: string;
  created: string[];
  updated: string[];
  existing: string[];
  adopted?: {
    dialect: "obsidian" | "dendron" | "zk" | "foam" | "markdown";
    notes: string;
    evidence?: string;
    ignore: string[];
    remarks: string[];
    count: number;
    published: number;
  };
}>;

/** Every document a command may print with `--json`: io.json takes only these. */
export type JsonDocument =
  | IndexJson
  | SearchJson
  | ListJson
  | ShowJson
  | CheckJson
  | PublishJson
  | RevisitListJson
  | RevisitNoteJson
  | RevisitRecordJson
  | RevisitBriefJson
  | RevisitUpcomingJson
  | RevisitOrphansJson
  | WeekJson
  | ReadinessJson
  | ReadinessRoleJson
  | StatusJson
  | NewJson
  | MvJson
  | InitJson;

/** A note row as JSON: the index's bookkeeping (mtime, size) left out. */
export function toNoteJson(row: NoteRow): NoteJson {
  const { mtime_ms: _mtime, size: _size, ...note } = row;
  return note;
}
