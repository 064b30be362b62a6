import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The nearest folder at or above `dir` that holds a package.json (the sources' or the bundle's). */
function packageRootFrom(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) return join(dir, "..", ".."); // never without one: src/workspace/ in a checkout
  }
}

/**
 * The folder of the installed learn package (holding templates/ and notes/): two up from
 * src/workspace/ when run from the sources, one up from the bundle's flat dist/.
 * @public
 */
export const PACKAGE_ROOT = packageRootFrom(dirname(fileURLToPath(import.meta.url)));

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates");

/** The bundled example notes (the sample workspace `learn init --example` starts from). */
export const BUNDLED_NOTES = join(PACKAGE_ROOT, "notes");

let version: string | undefined;

/** The installed learn's version, from its package.json (read once). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
  return version;
}
