import { earlyAnswer } from "./cli-early.js";
import { fastInvocation } from "./read-fast.js";
import type { Invocation } from "./cli-run.js";
import { terminalColumns } from "./ui/columns.js";
import type { IO } from "./ui/io.js";

/** Parse a command line (without `node learn`) into the command and its options, running nothing. */
export async function parseArgv(argv: readonly string[]): Promise<Invocation | undefined> {
  let inv: Invocation | undefined;
  const quiet = { out: () => {}, err: () => {} };
  const program = await (await import("./cli-program.js")).buildProgram({ capture: (i) => (inv = i), output: quiet });
  await program.parseAsync([...argv], { from: "user" });
  return inv;
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
  const columns = () => io?.columns ?? terminalColumns(process.stdout, env);
  const early = earlyAnswer(argv, env, columns);
  if (early !== undefined) {
    out(early); // `--version`, `learn` alone, `--help` at 80 columns: no commander, no command modules
    return 0;
  }
  try {
    // `index`, `search`, `list` and `show` in their everyday forms: parsed here, run without loading commander
    const fast = fastInvocation(argv, env);
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
