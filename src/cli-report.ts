import { ExitStatus, isPromptExit, LearnError, StoppedError } from "./core/errors.js";

// How a command's error ends the process: one line on stderr and an exit code. Shared by cli.ts
// and read-main.ts (the read commands' own bundle), so both end alike.

/** Map any error to one line for stderr and an exit code: usage 2, everything else 1. */
export async function report(err: unknown, writeErr: (text: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const commanderCode = (err as { code?: unknown } | undefined)?.code;
  if (typeof commanderCode === "string" && commanderCode.startsWith("commander.")) {
    if (
      commanderCode === "commander.helpDisplayed" ||
      commanderCode === "commander.version" ||
      commanderCode === "commander.help"
    )
      return 0;
    return 2; // commander already printed its message through outputError
  }
  if (err instanceof ExitStatus) return err.code; // already said what it had to
  if (env.LEARN_DEBUG === "1") console.error(err);
  // a message may quote a file name or a config value: never send its control characters
  const { visible } = await import("./ui/terminal-text.js");
  // Ctrl-C at a prompt: the prompt erased itself; say what was kept (the command knows), exit 130
  if (err instanceof StoppedError || isPromptExit(err)) {
    writeErr(`${err instanceof StoppedError ? visible(err.message) : "stopped: nothing recorded"}\n`);
    return 130;
  }
  if (err instanceof LearnError) {
    writeErr(`learn: ${visible(err.message)}${err.hint ? ` (${visible(err.hint)})` : ""}\n`);
    return err.exitCode;
  }
  // the reader went away mid-command: quiet, but the command did not finish, so never "ok"
  if ((err as NodeJS.ErrnoException | undefined)?.code === "EPIPE") return 1;
  writeErr(
    `learn: internal error: ${visible(err instanceof Error ? err.message : String(err))} (run with LEARN_DEBUG=1 for details)\n`,
  );
  return 1;
}
