import { readFileSync } from "node:fs";
import { packageVersion } from "./workspace/package-root.js";

// What `learn` answers before any command module loads: `--version`, `learn` alone and the
// cached `--help`. Both entries use it: cli.ts's main (the ES module bundle, and the tests) and
// start.ts (the process entry, a CommonJS bundle); one copy of this file sits in each.

/** What `learn` alone prints: the few commands to start with, and where the rest are. */
const OVERVIEW = `learn: a command-line learning OS for engineers: notes, search, revisits and the weekly loop.

Start here:
  learn init [dir]           make a workspace (notes/, learn.config.yaml)
  learn new note "Title"     scaffold a note from a template
  learn status               one screen: what is due, this week's loop, what next
  learn week                 run this week's learning loop
  learn search WORDS         full-text search
  learn revisit              which notes are due for a revisit, and why

Every command: learn --help    One command: learn help COMMAND
`;

/** `learn --help` as the build cached it (scripts/cache-help.mjs, dist/help.txt), or undefined. */
function cachedHelp(env: NodeJS.ProcessEnv): string | undefined {
  if (env.LEARN_HELP_CACHE === "off") return undefined;
  try {
    return readFileSync(new URL("./help.txt", import.meta.url), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The text to print for `--version`, no arguments, or `--help` at 80 columns (the width the build
 * cached it at: a pipe, or a terminal that wide); undefined for any other command line.
 */
export function earlyAnswer(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  columns: () => number,
): string | undefined {
  if (argv.length === 0) return OVERVIEW; // `learn | less` shows it: data on stdout, and asking for nothing is no error
  if (argv.length !== 1) return undefined;
  if (argv[0] === "--version" || argv[0] === "-V") return `${packageVersion()}\n`;
  if ((argv[0] === "--help" || argv[0] === "-h") && columns() === 80) return cachedHelp(env);
  return undefined;
}
