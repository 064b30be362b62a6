import { report } from "./cli-report.js";
import { runParsed, searchStatus } from "./cli-run.js";
import { index } from "./commands/index.js";
import { list } from "./commands/list.js";
import { search } from "./commands/search.js";
import { show } from "./commands/show.js";
import { readInvocation } from "./read-fast.js";
import { processIO, type IO } from "./ui/io.js";

// The entry of dist/read.cjs, the build's second bundle (scripts/bundle.mjs), which start.ts hands
// `learn index`, `search`, `list` and `show` to in their everyday forms (read-fast.ts): one
// CommonJS file with every source these commands may run. What they need only sometimes (the note
// parser, the scheduler, colours) is imported lazily as anywhere else, and evaluated only then.

/** The commands read-fast.ts takes, as cli-run.ts's fastCommands runs them, statically imported. */
const COMMANDS = {
  index: (o: Parameters<typeof index>[0], io: IO) => index(o, io),
  search: async (o: Parameters<typeof search>[0], io: IO) => searchStatus(await search(o, io)),
  list: (o: Parameters<typeof list>[0], io: IO) => list(o, io),
  show: (o: Parameters<typeof show>[0], io: IO) => show(o, io),
};

/**
 * Run an everyday read command line and return its exit code, or undefined when it is not one (commander's then).
 * @public (start.ts requires dist/read.cjs by a computed name)
 */
export async function runRead(argv: readonly string[]): Promise<number | undefined> {
  const invocation = readInvocation(argv);
  if (!invocation) return undefined;
  try {
    const run = COMMANDS[invocation.command as keyof typeof COMMANDS] as (o: object, io: IO) => unknown;
    await runParsed(invocation.options, run, await processIO(invocation.options));
    return 0;
  } catch (err) {
    return report(err, (text) => void process.stderr.write(text), process.env);
  }
}
