import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { briefAnswer } from "./brief-fast.js";
import { earlyAnswer, fastPathAsked, packageVersion } from "./cli-early.js";
import { loadWithCache, readCodeCache } from "./code-cache.js";
import { terminalColumns } from "./ui/columns.js";

// The process entry: bin/learn.cjs requires dist/start.cjs, this file as a CommonJS bundle
// (scripts/bundle.mjs). A process whose code is all CommonJS never starts Node's ES module loader,
// some 6 ms of every run on this 2-core machine. So what runs at every shell prompt and every
// search is answered here or in dist/read.cjs, both CommonJS: `--version`, the cached `--help`,
// `revisit --brief` from its cache, and `index`, `search`, `list` and `show` in their everyday forms.
// Any other command line imports dist/cli.js, the ES module bundle, and runs the commander program.
// dist/read.cjs holds its own copy of every source it uses, so no object made by one bundle meets
// code of the other: an error class, for one, is checked by `instanceof` only within its bundle.

type ReadMain = typeof import("./read-main.js");
type Cli = typeof import("./cli.js");

// the build's code cache script (scripts/code-cache.mjs) loads read.cjs through these
export { loadWithCache, makeCodeCache, readCodeCache } from "./code-cache.js";

/** dist/read.cjs, compiled with the build's code cache for it when that is there and made from this build of it. */
function readBundle(): ReadMain {
  const file = join(__dirname, "read.cjs");
  // LEARN_DEBUG's source maps are Node's for required files only
  const cache = process.env.LEARN_DEBUG === "1" ? undefined : readCodeCache(file, `${file}.cache`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS once built; import() would start the ES module loader
  return cache ? loadWithCache<ReadMain>(file, cache).exports : (require(file) as ReadMain);
}

/**
 * Run `learn` on process.argv and set the exit code. A reader that stops early
 * (`learn check | grep -q x`) closes the pipe: further output is dropped quietly and the exit
 * code stays the one the command would have had.
 * @public (bin/learn.cjs calls it)
 */
export async function start(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
    });
  }
  const argv = process.argv.slice(2);
  const env = process.env;
  const early =
    earlyAnswer(argv, env, () => terminalColumns(process.stdout, env)) ??
    (argv.includes("--brief") ? briefAnswer(argv, env, packageVersion()) : undefined);
  if (early !== undefined) return void process.stdout.write(early);
  // the bundles sit beside this file once built: their names are computed, so esbuild leaves them be
  const read = fastPathAsked(argv, env) ? await readBundle().runRead(argv) : undefined;
  const cli = pathToFileURL(join(__dirname, "cli.js")).href;
  process.exitCode = read ?? (await ((await import(cli)) as Cli).main(argv));
}
