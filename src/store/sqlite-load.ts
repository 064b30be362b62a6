import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

/**
 * better-sqlite3 and its native addon, loaded on first use through require: imported as an ES
 * module, Node would first scan its CommonJS source for export names (a few ms on every read
 * command), and the `bindings` package would search three folders for the addon, which sits in
 * build/Release in every install (from source or prebuilt). The build bundles the package's
 * JavaScript (a dozen small files, as many module loads) as dist/better-sqlite3-VERSION.cjs
 * (scripts/bundle.mjs); it is used only beside that very version's addon. Anything else (no
 * bundle, another version installed, the addon elsewhere) loads the package as it is.
 */
let sqlite: { Database: typeof Database; nativeBinding?: string } | undefined;
export function loadSqlite(): NonNullable<typeof sqlite> {
  if (sqlite) return sqlite;
  const require = createRequire(import.meta.url);
  try {
    const nativeBinding = require.resolve("better-sqlite3/build/Release/better_sqlite3.node");
    const { version } = JSON.parse(readFileSync(join(nativeBinding, "..", "..", "..", "package.json"), "utf8")) as {
      version: string;
    };
    const bundled = join(dirname(fileURLToPath(import.meta.url)), `better-sqlite3-${version}.cjs`);
    const loaded = existsSync(bundled) ? bundled : "better-sqlite3";
    return (sqlite = { Database: require(loaded) as typeof Database, nativeBinding });
  } catch {
    return (sqlite = { Database: require("better-sqlite3") as typeof Database });
  }
}
