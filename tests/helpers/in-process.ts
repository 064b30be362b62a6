import { LearnError } from "../../src/core/errors.js";
import { memoryIO, type IO } from "../../src/ui/io.js";
import type { RunResult } from "./run-cli.js";

/** A command function: options in, output through the IO. */
type Command<O> = (opts: O, io: IO) => unknown;

/**
 * Call a command in this process the way the CLI would, and collect what it printed and its exit
 * code: a LearnError becomes `learn: message (hint)` on stderr and its exit code, as cli.ts does.
 * The command sees only `env` (not this process's environment). Any other error fails the test.
 */
export async function call<O>(command: Command<O>, opts: O, env: Record<string, string> = {}): Promise<RunResult> {
  const io = memoryIO(env);
  let code = 0;
  try {
    await command(opts, io);
  } catch (err) {
    if (!(err instanceof LearnError)) throw err;
    io.err(`learn: ${err.message}${err.hint ? ` (${err.hint})` : ""}`);
    code = err.exitCode;
  }
  return { code, stdout: io.stdout.join(""), stderr: io.stderr.join("") };
}

/** The JSON a successful `--json` call printed; throws with its stderr otherwise. */
export function jsonOf<T = Record<string, unknown>>(r: RunResult): T {
  if (r.code !== 0) throw new Error(`the command failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
