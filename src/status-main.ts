import { status } from "./commands/status.js";
import { runFast } from "./fast-run.js";

// The entry of dist/status.cjs, one of the build's CommonJS bundles (scripts/bundle.mjs): `learn
// status`, the one screen a person opens most, without commander or Node's ES module loader,
// as read-main.ts does for index, search, list and show. A bundle of its own, so that neither
// carries (nor compiles, nor caches) the other's code.

/**
 * Run `learn status` and return its exit code, or undefined for any other command line.
 * @public (start.ts requires dist/status.cjs by a computed name)
 */
export const run = (argv: readonly string[]): Promise<number | undefined> =>
  runFast(argv, { status: (o, io) => status(o, io) });
