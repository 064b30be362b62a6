import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `dir`, by its path relative to `dir` (with `/`), sorted. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();

/** sha256 of every file under `root` but .git/ and .learn/, by relative path: to show a user's files untouched. */
export function fileHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of filesUnder(root)) {
    if (/^\.(git|learn)\//.test(rel)) continue;
    out[rel] = createHash("sha256")
      .update(readFileSync(join(root, rel)))
      .digest("hex");
  }
  return out;
}
