import type { Context } from "../core/context.js";
import type { LogEvent, RevisitLogSource } from "../core/revisit-event.js";
import type { NoteRow } from "../core/index-types.js";
import { isNew, NEW_PER_DAY, queueNew } from "../core/revisit-new.js";
import { replay, type NoteSchedule, type ReplayNote } from "../core/revisit-replay.js";
import { formatDate } from "../core/dates.js";
import { rememberBrief } from "./brief-cache.js";
import { dueWithCap, type FreshDue } from "../files/brief-key.js";
import { gitFirstDates } from "./git-dates.js";
import type { SqliteIndex } from "./handle.js";

// Replaying revisits.jsonl over every note costs a few hundred ms at 10k notes, too much for a
// shell prompt's `learn revisit --brief`. The replay is kept in the index (the `schedule` table)
// and redone only when the notes, the log or the revisit policy changed. Events dated after
// today (a `--today` in the past) make the replay depend on the date, so those runs skip the cache.

const FAR_FUTURE = "9999-12-31";
/** Bump when replay's rules change, so schedules cached by an older learn are replayed again. */
const REPLAY_VERSION = 4;

/** revisit.new_per_day, or its default. */
const capOf = (ctx: Context): number => ctx.config.revisit.new_per_day ?? NEW_PER_DAY;

/**
 * Notes with no date of their own get the day git first saw them, else their file's date: git is
 * asked (once, cached by HEAD in .learn/) only when some note has no date.
 */
function withFirstDates(ctx: Context, notes: NoteRow[]): ReplayNote[] {
  const undated = notes.filter((n) => n.published === null && n.updated === null);
  if (!undated.length) return notes;
  const git = gitFirstDates(
    ctx.ws.root,
    ctx.ws.dataDir,
    undated.map((n) => n.path),
  );
  return notes.map((n): ReplayNote => {
    if (n.published !== null || n.updated !== null) return n;
    const day = git.get(n.path);
    return {
      ...n,
      first: day ? { date: day, source: "git" } : { date: formatDate(new Date(n.mtime_ms)), source: "file" },
    };
  });
}

/** Per-day counts of the dates `pick` gives (nulls left out), sorted by date. */
function perDay(
  schedules: Iterable<NoteSchedule>,
  pick: (s: NoteSchedule) => string | null | undefined,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of schedules) {
    const d = pick(s);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** What the shell prompt's cache needs to count due notes on any later day: old and new notes apart, and the cap. */
function remember(index: SqliteIndex, ctx: Context, sig: string, from: string, byKey: Map<string, NoteSchedule>): void {
  const all = [...byKey.values()];
  const fresh: FreshDue = {
    cap: capOf(ctx),
    due: perDay(all, (s) => (isNew(s) ? s.due : null)),
    firsts: perDay(all, (s) => s.firstRevisit),
  };
  rememberBrief(
    index,
    ctx,
    sig,
    from,
    all.map((s) => (isNew(s) ? null : s.due)),
    fresh,
  );
}

const policyOf = (ctx: Context): string => JSON.stringify({ replay: REPLAY_VERSION, ...ctx.config.revisit });

interface Meta {
  log_sig: string;
  policy: string;
  max_event: string;
}

/** The cache's meta row when the cache holds for this log, policy and today, else undefined. */
function freshMeta(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Meta | undefined {
  const meta = index.db.prepare("SELECT log_sig, policy, max_event FROM schedule_meta").get() as Meta | undefined;
  const fresh =
    meta !== undefined &&
    meta.log_sig === log.signature &&
    meta.policy === policyOf(ctx) &&
    meta.max_event <= ctx.today;
  return fresh ? meta : undefined;
}

function store(
  index: SqliteIndex,
  ctx: Context,
  byKey: Map<string, NoteSchedule>,
  sig: string,
  maxEvent: string,
): void {
  const db = index.db;
  const insert = db.prepare("INSERT OR REPLACE INTO schedule (key, slug, due, data) VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    db.exec("DELETE FROM schedule; DELETE FROM schedule_meta");
    for (const s of byKey.values()) insert.run(s.key, s.slug, s.due, JSON.stringify(s));
    db.prepare("INSERT INTO schedule_meta (log_sig, policy, max_event) VALUES (?, ?, ?)").run(
      sig,
      policyOf(ctx),
      maxEvent,
    );
  }).immediate();
}

/** Replay the log into every note's schedule as of today, storing it when it does not depend on today. */
function replayAll(
  index: SqliteIndex,
  ctx: Context,
  events: readonly LogEvent[],
  sig: string,
): Map<string, NoteSchedule> {
  const maxEvent = events.reduce((m, e) => (e.date > m ? e.date : m), "");
  const cacheable = maxEvent <= ctx.today;
  const notes = withFirstDates(ctx, index.allNotes());
  const { byKey } = replay(events, notes, ctx.config, cacheable ? FAR_FUTURE : ctx.today);
  if (cacheable) remember(index, ctx, sig, maxEvent, byKey);
  try {
    if (cacheable) store(index, ctx, byKey, sig, maxEvent);
  } catch (err) {
    // The cache is only a shortcut: a full disk or a read-only .learn/ must not stop a revisit.
    const code = String((err as { code?: unknown }).code ?? "");
    if (!/^SQLITE_(FULL|READONLY|IOERR|BUSY|CANTOPEN|PERM)/.test(code)) throw err;
  }
  return byKey;
}

/**
 * Every note's revisit schedule (by note key), from the index's cache when the notes, the
 * log and the policy are unchanged, else replayed (and cached). The log is read only then.
 * Never-revisited notes are then queued by revisit.new_per_day (as of today: the cache holds
 * each note's own dates, the queue is laid over them on every read).
 */
export function noteSchedules(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Map<string, NoteSchedule> {
  return queueNew(replayedSchedules(index, ctx, log), ctx.today, capOf(ctx));
}

function replayedSchedules(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Map<string, NoteSchedule> {
  const meta = freshMeta(index, ctx, log);
  if (meta) {
    const rows = index.db.prepare("SELECT key, data FROM schedule").all() as { key: string; data: string }[];
    const byKey = new Map(rows.map((r) => [r.key, JSON.parse(r.data) as NoteSchedule]));
    remember(index, ctx, log.signature, meta.max_event, byKey);
    return byKey;
  }
  return replayAll(index, ctx, log.read().events, log.signature);
}

// A schedule row's parts the count needs, read from its JSON in SQL.
const NEW_SQL = "json_extract(data, '$.reason.kind') = 'new' AND json_extract(data, '$.snoozedUntil') IS NULL";

/** How many notes are due on or before today: a few SQL queries when the cache is fresh. */
export function countDue(index: SqliteIndex, ctx: Context, log: RevisitLogSource): number {
  const meta = freshMeta(index, ctx, log);
  if (meta) {
    const rows = (where: string) =>
      (
        index.db
          .prepare(`SELECT ${where} AS d, count(*) AS n FROM schedule WHERE ${where} IS NOT NULL GROUP BY d ORDER BY d`)
          .all() as { d: string; n: number }[]
      ).map((r): [string, number] => [r.d, r.n]);
    const old = rows(`CASE WHEN ${NEW_SQL} THEN NULL ELSE due END`);
    const fresh: FreshDue = {
      cap: capOf(ctx),
      due: rows(`CASE WHEN ${NEW_SQL} THEN due END`),
      firsts: rows("json_extract(data, '$.firstRevisit')"),
    };
    rememberBrief(
      index,
      ctx,
      log.signature,
      meta.max_event,
      old.flatMap(([d, n]) => Array<string>(n).fill(d)),
      fresh,
    );
    return dueWithCap(old, fresh, ctx.today);
  }
  let n = 0;
  for (const s of noteSchedules(index, ctx, log).values()) if (s.due !== null && s.due <= ctx.today) n++;
  return n;
}

/**
 * Each note's next due date by path (notes with `revisit: false` are left out), for `is:due` and
 * `--sort due`: two notes may share a file name. A schedule cached by an older learn has only its
 * slug; it keys the one note with that slug.
 */
export function dueByPath(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Map<string, string> {
  const due = new Map<string, string>();
  const bySlug = index.db.prepare("SELECT path FROM notes WHERE slug = ?");
  for (const s of noteSchedules(index, ctx, log).values()) {
    if (s.due === null) continue;
    const paths = s.path !== undefined ? [s.path] : (bySlug.all(s.slug) as { path: string }[]).map((r) => r.path);
    if (paths.length === 1) due.set(paths[0]!, s.due);
  }
  return due;
}
