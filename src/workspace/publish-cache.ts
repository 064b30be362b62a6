import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Context } from "../core/context.js";
import { readWholeText } from "../files/safe-read.js";
import { packageVersion } from "./package-root.js";

// `learn publish` scans every public note for secrets, the slowest step of a re-publish. A note
// whose exact text was scanned clean by this version of learn is clean again (the rules are
// part of the version, and the allowlist part of the hash: a text clean only because a
// fingerprint was allowed is scanned again once the list changes), so `.learn/publish-clean.json`
// remembers the hashes of clean texts. A note with a finding is never remembered: it is scanned,
// and refuses the publish, every time. Only a cache: deleting it costs one full scan.

const FILE = "publish-clean.json";
const CAP = 16 * 1024 * 1024;

/** The hash a clean text is remembered by: its bytes and the allowlist it was scanned with. */
export function textKey(text: string, allow: ReadonlySet<string> = new Set()): string {
  return createHash("sha256")
    .update([...allow].sort().join(","))
    .update("\0")
    .update(text)
    .digest("hex");
}

/** The hashes of texts scanned clean before, by this version of learn (empty when there is no usable cache). */
export function loadCleanTexts(ctx: Context): Set<string> {
  try {
    const text = readWholeText(join(ctx.ws.dataDir, FILE), { root: ctx.ws.root }, CAP, FILE);
    const data = text === undefined ? undefined : (JSON.parse(text) as { version?: unknown; clean?: unknown });
    if (!data || data.version !== packageVersion() || !Array.isArray(data.clean)) return new Set();
    return new Set(data.clean.filter((h): h is string => typeof h === "string" && /^[0-9a-f]{64}$/.test(h)));
  } catch {
    return new Set();
  }
}

/** Remember the texts scanned clean in this publish (the public notes of now: old entries go). */
export async function saveCleanTexts(ctx: Context, clean: Iterable<string>): Promise<void> {
  await ctx.saveCache?.(FILE, { clean: [...clean].sort() });
}
