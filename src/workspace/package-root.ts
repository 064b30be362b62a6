import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/**
 * The folder of the installed learn package (holding templates/ and notes/).
 * @public
 */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

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
