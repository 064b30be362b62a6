import { relative, sep } from "node:path";
import type { Context } from "../core/context.js";
import { BRIEF_FILE, BRIEF_FORMAT, briefFiles, stamp, type BriefCache, type FreshDue } from "../files/brief-key.js";

// `learn revisit --brief` runs at every shell prompt and answers from .learn/brief.json without
// loading the index (see brief-fast.ts). Whenever a command has the due dates of every note with
// the index fresh, it remembers them here; once the index is closed (so index.db and its WAL are
// as they stay) they are written with the stamps of the files they depend on.

interface Pending {
  ctx: Context;
  /** The log's signature the schedules were replayed from. */
  logSig: string;
  from: string;
  due: [string, number][];
  fresh: FreshDue;
}

const pending = new WeakMap<object, Pending>();

/** Remember the due dates just computed from `index` (one date per note; null: never due). */
export function rememberBrief(
  index: object,
  ctx: Context,
  logSig: string,
  from: string,
  dues: Iterable<string | null>,
  fresh: FreshDue,
): void {
  const counts = new Map<string, number>();
  for (const d of dues) if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
  const due = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  pending.set(index, { ctx, logSig, from, due, fresh });
}

/**
 * Write what was remembered for `index` (call after closing it, and only when it was refreshed).
 * A cache: any failure is ignored, and a log appended to meanwhile leaves the old file alone.
 */
export async function flushBrief(index: object): Promise<void> {
  const p = pending.get(index);
  if (!p) return;
  pending.delete(index);
  const { root, dataDir, notesDir } = p.ctx.ws;
  const notes = relative(root, notesDir).split(sep).join("/") || ".";
  const key = briefFiles(root, dataDir, notes).map(stamp);
  if (key[0] !== p.logSig) return; // another process appended: the counts may not include it
  const cache: Omit<BriefCache, "version"> = {
    format: BRIEF_FORMAT,
    notes,
    key,
    from: p.from,
    due: p.due,
    fresh: p.fresh,
  };
  await p.ctx.saveCache?.(BRIEF_FILE, cache); // saveCache adds learn's version and ignores failures
}
