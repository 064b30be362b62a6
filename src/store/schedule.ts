import type { Context } from "../core/context.js";
import type { LogEvent, RevisitLogSource } from "../core/revisit-event.js";
import { replay, type NoteSchedule } from "../core/revisit-replay.js";
import { rememberBrief } from "./brief-cache.js";
import type { SqliteIndex } from "./handle.js";

// Replaying revisits.jsonl over every note costs a few hundred ms at 10k notes, too much for a
// shell prompt's `learn revisit --brief`. The replay is kept in the index (the `schedule` table)
// and redone only when the notes, the log or the revisit policy changed. Events dated after
// today (a `--today` in the past) make the replay depend on the date, so those runs skip the cache.

const FAR_FUTURE = "9999-12-31";
/** Bump when replay's rules change, so schedules cached by an older learn are replayed again. */
const REPLAY_VERSION = 3;

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
  const { byKey } = replay(events, index.allNotes(), ctx.config, cacheable ? FAR_FUTURE : ctx.today);
  if (cacheable)
    rememberBrief(
      index,
      ctx,
      sig,
      maxEvent,
      [...byKey.values()].map((s) => s.due),
    );
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
 */
export function noteSchedules(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Map<string, NoteSchedule> {
  const meta = freshMeta(index, ctx, log);
  if (meta) {
    const rows = index.db.prepare("SELECT key, data FROM schedule").all() as { key: string; data: string }[];
    const byKey = new Map(rows.map((r) => [r.key, JSON.parse(r.data) as NoteSchedule]));
    rememberBrief(
      index,
      ctx,
      log.signature,
      meta.max_event,
      [...byKey.values()].map((s) => s.due),
    );
    return byKey;
  }
  return replayAll(index, ctx, log.read().events, log.signature);
}

/** How many notes are due on or before today: one SQL query when the cache is fresh. */
export function countDue(index: SqliteIndex, ctx: Context, log: RevisitLogSource): number {
  const meta = freshMeta(index, ctx, log);
  if (meta) {
    const sql = "SELECT due, count(*) AS n FROM schedule WHERE due IS NOT NULL GROUP BY due";
    const perDay = index.db.prepare(sql).all() as { due: string; n: number }[];
    rememberBrief(
      index,
      ctx,
      log.signature,
      meta.max_event,
      perDay.flatMap((r) => Array<string>(r.n).fill(r.due)),
    );
    return perDay.reduce((n, r) => (r.due <= ctx.today ? n + r.n : n), 0);
  }
  let n = 0;
  for (const s of noteSchedules(index, ctx, log).values()) if (s.due !== null && s.due <= ctx.today) n++;
  return n;
}

/** Each note's next due date by slug (notes with `revisit: false` are left out), for `is:due` and `--sort due`. */
export function dueBySlug(index: SqliteIndex, ctx: Context, log: RevisitLogSource): Map<string, string> {
  const due = new Map<string, string>();
  for (const s of noteSchedules(index, ctx, log).values()) if (s.due !== null) due.set(s.slug, s.due);
  return due;
}
