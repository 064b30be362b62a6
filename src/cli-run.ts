import { ExitStatus } from "./core/errors.js";
import type { GlobalOptions, IO } from "./ui/io.js";

// How a parsed command line runs, without commander: the fast path (read-fast.ts, via cli.ts) and
// the commander program (cli-program.ts) both run commands through these, so they cannot drift.

/** What a command line asks for: the command's name and the options object its function is called with. */
export interface Invocation {
  command: string;
  options: Record<string, unknown>;
}

/**
 * Run a command whose options are parsed (by commander, or by read-fast.ts's fast path): build the
 * IO from the global options (unless given), run it, and run it once more after dropping an index
 * found corrupt mid-query.
 */
export async function runParsed<O extends object>(
  options: O,
  run: (o: O, io: IO) => unknown,
  given?: IO,
  globals: GlobalOptions = options,
): Promise<void> {
  // chalk loads only here, and only when there is colour to show
  const io = given ?? (await (await import("./ui/io.js")).processIO(globals));
  try {
    await run(options, io);
  } catch (err) {
    // A corrupt page is found only when a query reads it: drop the index and run once more, which rebuilds it.
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown } | undefined)?.code))) throw err;
    if (!(await import("./store/open-db.js")).discardCorruptIndex(err)) throw err;
    await run(options, io);
  }
}

type SearchOptions = Parameters<typeof import("./commands/search.js").search>[0];
type ListOptions = Parameters<typeof import("./commands/list.js").list>[0];
type ShowOptions = Parameters<typeof import("./commands/show.js").show>[0];
type IndexOptions = Parameters<typeof import("./commands/index.js").index>[0];
type StatusOptions = Parameters<typeof import("./commands/status.js").status>[0];

/** `learn search`'s exit status: no hits exits 1, as grep and rg do (--json too: `"hits": []` and exit 1). */
export function searchStatus(hits: readonly unknown[]): void {
  if (hits.length === 0) throw new ExitStatus(1);
}

/** How index, search, list, show and status run once parsed: their commander actions and read-fast.ts share these. */
export const fastCommands = {
  index: async (o: IndexOptions, io: IO): Promise<unknown> => (await import("./commands/index.js")).index(o, io),
  search: async (o: SearchOptions, io: IO): Promise<void> =>
    searchStatus(await (await import("./commands/search.js")).search(o, io)),
  list: async (o: ListOptions, io: IO): Promise<unknown> => (await import("./commands/list.js")).list(o, io),
  show: async (o: ShowOptions, io: IO): Promise<unknown> => (await import("./commands/show.js")).show(o, io),
  status: async (o: StatusOptions, io: IO): Promise<unknown> => (await import("./commands/status.js")).status(o, io),
};
