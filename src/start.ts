import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { briefAnswer } from "./brief-fast.js";
import { earlyAnswer } from "./cli-early.js";
import { loadWithCache, readCodeCache } from "./code-cache.js";
import { fastInvocation } from "./read-fast.js";
import { terminalColumns } from "./ui/columns.js";
import { packageVersion } from "./workspace/package-root.js";

// The process entry: bin/learn.cjs requires dist/start.cjs, this file as a CommonJS bundle
// (scripts/bundle.mjs). A process whose code is all CommonJS never starts Node's ES module loader,
// some 6 ms of every run on this 2-core machine. So what runs at every shell prompt, every search
// and every glance at status is answered here or in a CommonJS bundle of its own: `--version`, the
// cached `--help` and `revisit --brief` from its cache here; `index`, `search`, `list` and `show` in
// their everyday forms by dist/read.cjs, and `status` by dist/status.cjs. Any other command line
// imports dist/cli.js, the ES module bundle, and runs the commander program. Each bundle holds its
// own copy of every source it uses and a process loads one of them, so no object made by one meets
// code of another: an error class, for one, is checked by `instanceof` only within its bundle.

/** What both CommonJS command bundles (read-main.ts, status-main.ts) export. */
type FastBundle = typeof import("./read-main.js");
type Cli = typeof import("./cli.js");

// the build's code cache script (scripts/code-cache.mjs) loads the bundles through these
export { loadWithCache, makeCodeCache, readCodeCache } from "./code-cache.js";

/** dist/NAME, compiled with the build's code cache for it when that is there and made from this build of it. */
function fastBundle(name: string): FastBundle {
  const file = join(__dirname, name);
  // LEARN_DEBUG's source maps are Node's for required files only
  const cache = process.env.LEARN_DEBUG === "1" ? undefined : readCodeCache(file, `${file}.cache`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS once built; import() would start the ES module loader
  return cache ? loadWithCache<FastBundle>(file, cache).exports : (require(file) as FastBundle);
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
  const command = fastInvocation(argv, env)?.command;
  const fast =
    command === undefined ? undefined : await fastBundle(command === "status" ? "status.cjs" : "read.cjs").run(argv);
  const cli = pathToFileURL(join(__dirname, "cli.js")).href;
  process.exitCode = fast ?? (await ((await import(cli)) as Cli).main(argv));
}
