import { readFileSync } from "node:fs";
import type { Invocation } from "./cli-run.js";
import type { IO } from "./ui/io.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** Parse a command line (without `node learn`) into the command and its options, running nothing. */
export async function parseArgv(argv: readonly string[]): Promise<Invocation | undefined> {
  let inv: Invocation | undefined;
  const quiet = { out: () => {}, err: () => {} };
  const program = await (await import("./cli-program.js")).buildProgram({ capture: (i) => (inv = i), output: quiet });
  await program.parseAsync([...argv], { from: "user" });
  return inv;
}

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

/** `learn --help` as the build cached it (scripts/cache-help.mjs), or undefined. */
function cachedHelp(env: NodeJS.ProcessEnv): string | undefined {
  if (env.LEARN_HELP_CACHE === "off") return undefined;
  try {
    return readFileSync(new URL("./help.txt", import.meta.url), "utf8");
  } catch {
    return undefined;
  }
}

/** True when the command line may be an everyday `index`, `search`, `list` or `show` (read-fast.ts decides). */
const fastPathAsked = (argv: readonly string[], env: NodeJS.ProcessEnv): boolean =>
  env.LEARN_FAST_PATH !== "off" && argv.some((w) => w === "search" || w === "list" || w === "show" || w === "index");

/**
 * A module of the build's second bundle (scripts/bundle.mjs: dist/read.js, dist/brief.js, each one
 * file beside this one once built), or undefined when there is none (running from src/).
 */
async function secondBundle<T>(name: "read" | "brief"): Promise<T | undefined> {
  try {
    // a computed name: the bundler leaves it alone, so the file is loaded whole, not re-bundled here
    return (await import(new URL(`./${name}.js`, import.meta.url).href)) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw err;
  }
}

/** The exit code of an everyday read command run by dist/read.js, or undefined: not such a command, or no bundle. */
async function runReadBundle(argv: readonly string[]): Promise<number | undefined> {
  return (await secondBundle<typeof import("./read-main.js")>("read"))?.runRead(argv);
}

/**
 * Run `learn` with `argv` (the arguments after `learn`) and return its exit code. With `io`,
 * every command and commander's own text use it (tests); without, the process's streams.
 */
export async function main(given: readonly string[], io?: IO): Promise<number> {
  let argv = given;
  const out = io ? io.out : (t: string) => void process.stdout.write(t);
  const err = io ? io.err : (t: string) => void process.stderr.write(t);
  const env = io?.env ?? process.env;
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    // the shell-prompt fast paths: no commander, no command modules
    out(`${pkg.version}\n`);
    return 0;
  }
  if (argv.length === 0) {
    out(OVERVIEW); // `learn | less` shows it: data on stdout, and asking for nothing is no error
    return 0;
  }
  // the build cached the help at 80 columns: a pipe, or a terminal that wide (else commander renders it)
  const help =
    argv.length === 1 &&
    (argv[0] === "--help" || argv[0] === "-h") &&
    (io?.columns ?? (await import("./ui/layout.js")).terminalColumns(process.stdout, env)) === 80
      ? cachedHelp(env)
      : undefined;
  if (help !== undefined) {
    out(help);
    return 0;
  }
  try {
    // `index`, `search`, `list` and `show` in their everyday forms: parsed here, run without loading commander
    const fast = fastPathAsked(argv, env) ? (await import("./read-fast.js")).readInvocation(argv) : undefined;
    if (fast) {
      const { fastCommands, runParsed } = await import("./cli-run.js");
      const run = fastCommands[fast.command as keyof typeof fastCommands] as (o: object, io: IO) => unknown;
      await runParsed(fast.options, run, io);
      return 0;
    }
    const program = await (
      await import("./cli-program.js")
    ).buildProgram({ io, output: io ? { out, err } : undefined });
    if (argv[0] === "__complete") {
      // Tab in bash, zsh or fish: the words after `learn` (after a `--`), the last one being completed
      const words = argv.slice(argv[1] === "--" ? 2 : 1);
      await (await import("./commands/complete.js")).complete({ words, program }, out);
      return 0;
    }
    const asked = argv[0] === "help" && argv[1] && !argv[1].startsWith("-") ? argv[1] : undefined;
    // `help CMD` is `CMD --help`; an unknown CMD is commander's "unknown command" (exit 2, closest name)
    if (asked !== undefined)
      argv = program.commands.some((c) => c.name() === asked || c.aliases().includes(asked))
        ? [asked, "--help"]
        : [asked];
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    return (await import("./cli-report.js")).report(e, err, env);
  }
}

/**
 * The process entry point (bin/learn.js): run `main` on process.argv and set the exit code.
 * A reader that stops early (`learn check | grep -q x`) closes the pipe: further output is
 * dropped quietly and the exit code stays the one the command would have had.
 */
export async function run(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
    });
  }
  const argv = process.argv.slice(2);
  // a shell prompt's `revisit --brief`: answered from .learn/brief.json before commander loads, when it holds
  const brief = argv.includes("--brief")
    ? (
        (await secondBundle<typeof import("./brief-fast.js")>("brief")) ?? (await import("./brief-fast.js"))
      ).briefAnswer(argv, process.env, pkg.version)
    : undefined;
  if (brief !== undefined) return void process.stdout.write(brief);
  const read = fastPathAsked(argv, process.env) ? await runReadBundle(argv) : undefined;
  process.exitCode = read ?? (await main(argv));
}
