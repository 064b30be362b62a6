import { report } from "./cli-report.js";
import { runParsed } from "./cli-run.js";
import { readInvocation } from "./read-fast.js";
import type { IO } from "./ui/io.js";

// How the build's CommonJS bundles (read-main.ts, status-main.ts) run the command line start.ts hands
// them: parsed by read-fast.ts, run as commander's action would run it, errors reported alike.

/** A command as it runs once parsed. */
export type FastCommand = (options: object, io: IO) => unknown;

/**
 * Run `argv` when it is an everyday form of one of `commands` and return its exit code; undefined
 * when it is not (commander's then).
 */
export async function runFast(
  argv: readonly string[],
  commands: Readonly<Record<string, FastCommand>>,
): Promise<number | undefined> {
  const invocation = readInvocation(argv);
  const run = invocation && Object.hasOwn(commands, invocation.command) ? commands[invocation.command] : undefined;
  if (!invocation || !run) return undefined;
  try {
    await runParsed(invocation.options, run);
    return 0;
  } catch (err) {
    return report(err, (text) => void process.stderr.write(text), process.env);
  }
}
