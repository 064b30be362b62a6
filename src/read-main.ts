import { searchStatus } from "./cli-run.js";
import { index } from "./commands/index.js";
import { list } from "./commands/list.js";
import { search } from "./commands/search.js";
import { show } from "./commands/show.js";
import { runFast, type FastCommand } from "./fast-run.js";

// The entry of dist/read.cjs, one of the build's CommonJS bundles (scripts/bundle.mjs), which
// start.ts hands `learn index`, `search`, `list` and `show` to in their everyday forms
// (read-fast.ts): one file with every source these commands may run. What they need only
// sometimes (the note parser, the scheduler, colours) is imported lazily as anywhere else, and
// evaluated only then.

/** The commands read-fast.ts takes, as cli-run.ts's fastCommands runs them, statically imported. */
const COMMANDS: Record<string, FastCommand> = {
  index: (o, io) => index(o, io),
  search: async (o, io) => searchStatus(await search(o as Parameters<typeof search>[0], io)),
  list: (o, io) => list(o, io),
  show: (o, io) => show(o as Parameters<typeof show>[0], io),
};

/**
 * Run an everyday read command line and return its exit code, or undefined when it is not one (commander's then).
 * @public (start.ts requires dist/read.cjs by a computed name)
 */
export const run = (argv: readonly string[]): Promise<number | undefined> => runFast(argv, COMMANDS);
