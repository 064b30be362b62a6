import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The folder of the installed learn package (holding templates/ and notes/). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates");
