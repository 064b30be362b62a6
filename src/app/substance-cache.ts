import { createHash } from "node:crypto";
import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import { NOTE_TYPES } from "../core/note-model.js";
import { readCache } from "../workspace/cache-file.js";
import { substance } from "../core/note-substance.js";
import { templateTexts } from "../workspace/template-texts.js";

// `.learn/substance.json`: whether each public note has enough words of its own (readiness counts
// it as evidence only then), by the note's (mtime, size) as the index stat'd it. Measuring it means
// reading every public note's body and comparing it with its template: most of `learn status` at
// thousands of notes. The stamp covers learn's version and the templates measured against.
const FILE = "substance.json";
const FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  stamp: string;
  /** path -> [signature, enough] */
  notes: Record<string, [string, boolean]>;
}

/** A note's "has enough of its own words", cached; call save() once the index is done with. */
export interface SubstanceCache {
  /** A hash of the templates notes are measured against. */
  stamp: string;
  enough(n: NoteRow, body: () => string): boolean;
  save(): Promise<void>;
}

/** Open the substance cache of a workspace (an old, odd or missing file starts empty). */
export function substanceCache(ctx: Context): SubstanceCache {
  const templates = templateTexts(ctx.ws);
  const parts = NOTE_TYPES.map((t) => [...templates(t).lines].join("\n"));
  const stamp = createHash("sha1").update(parts.join("\0")).digest("base64url");
  let read: CacheFile["notes"] | undefined; // read on first use: a status served from its own cache needs none
  const previous = (): CacheFile["notes"] => {
    if (read) return read;
    const file = readCache<CacheFile>(ctx.ws, FILE, FORMAT);
    read = file && file.stamp === stamp ? file.notes : {};
    return read;
  };
  const now: CacheFile["notes"] = {};
  let changed = false;
  return {
    stamp,
    enough(n, body) {
      const old = previous();
      const sig = `${n.mtime_ms}:${n.size}:${n.type ?? ""}`;
      const hit = Object.hasOwn(old, n.path) ? old[n.path] : undefined;
      const value = hit?.[0] === sig ? hit[1] : substance(body(), templates(n.type)).enough;
      if (hit?.[0] !== sig) changed = true;
      now[n.path] = [sig, value];
      return value;
    },
    async save() {
      if (read === undefined || (!changed && Object.keys(now).length === Object.keys(read).length)) return;
      const file: Omit<CacheFile, "version"> = { format: FORMAT, stamp, notes: now };
      await ctx.saveCache?.(FILE, file);
    },
  };
}
