import { join } from "node:path";
import type { WorkspacePaths } from "../core/context.js";
import { readSmallFile } from "../files/small-file.js";
import { packageVersion } from "./package-root.js";

// learn's own caches in .learn/ (written by Context.saveCache, which adds learn's version): one
// reader for them all, so each cache says only what its contents depend on (its format and key).

/**
 * The cache file `.learn/NAME` as JSON, when it is in `format` and was written by this version of
 * learn; undefined when it is missing, unreadable, not JSON, or from another format or version.
 */
export function readCache<T extends object>(ws: WorkspacePaths, name: string, format: number): T | undefined {
  const text = readSmallFile(join(ws.dataDir, name));
  if (text === undefined) return undefined;
  try {
    const file = JSON.parse(text) as (T & { format?: unknown; version?: unknown }) | null;
    return file?.format === format && file.version === packageVersion() ? file : undefined;
  } catch {
    return undefined;
  }
}
