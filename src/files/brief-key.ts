import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The key of `.learn/brief.json`, the cache `learn revisit --brief` answers a shell prompt from.
// Shared by the writer (store/brief-cache.ts) and the fast path (brief-fast.ts): node: builtins only.

/** The cache's file name, in the data folder (.learn/). */
export const BRIEF_FILE = "brief.json";
/** Bump when the file's shape changes. */
export const BRIEF_FORMAT = 2;

/** What brief.json holds: the key it is valid for, and the count of notes due on each date. */
export interface BriefCache {
  format: number;
  /** learn's version: an upgrade may schedule differently. */
  version: string;
  /** The notes folder, relative to the workspace root (its mtime is part of the key). */
  notes: string;
  /** The stamps of briefFiles(), in that order. */
  key: string[];
  /** The latest event date in the log: the counts hold for any today on or after it. */
  from: string;
  /** [due date, how many notes] pairs, sorted by date; notes never due and never-revisited notes are left out. */
  due: [string, number][];
  /** The never-revisited notes, counted under revisit.new_per_day. */
  fresh: FreshDue;
}

/** Never-revisited notes by their own due date, the notes first revisited on each day, and the daily cap. */
export interface FreshDue {
  cap: number;
  due: [string, number][];
  firsts: [string, number][];
}

/** A file's (mtime, size) as the revisit log's signature writes it, or "none". */
export function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return "none";
  }
}

/**
 * The files whose change invalidates the cache: the log, the config, .learnignore, the index
 * (and its WAL: writes land there first) and the notes folder (a note added, removed or saved by
 * rename at its top level), and the folder of this very code (dist/, made anew by every build
 * and every install; both of the build's bundles, scripts/bundle.mjs, hold a copy of this file),
 * so a rebuilt or upgraded learn never trusts an older learn's counts. A note edited in place outside learn is not seen until learn next runs.
 */
export const briefFiles = (root: string, dataDir: string, notes: string): string[] => [
  join(root, "revisits.jsonl"),
  join(root, "learn.config.yaml"),
  join(root, ".learnignore"),
  join(dataDir, "index.db"),
  join(dataDir, "index.db-wal"),
  join(root, notes),
  dirname(fileURLToPath(import.meta.url)),
];

/** How many notes are due on or before `today`. */
const dueOn = (due: readonly [string, number][], today: string): number =>
  due.reduce((n, [d, c]) => (d <= today ? n + c : n), 0);

/**
 * How many notes are due on or before `today`: the others, plus as many never-revisited notes as
 * the day's cap leaves after the notes first revisited today (core/revisit-new.ts queueNew's rule).
 */
export function dueWithCap(due: readonly [string, number][], fresh: FreshDue, today: string): number {
  const introduced = fresh.firsts.find(([d]) => d === today)?.[1] ?? 0;
  return dueOn(due, today) + Math.min(Math.max(0, fresh.cap - introduced), dueOn(fresh.due, today));
}
