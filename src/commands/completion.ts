import type { Command } from "commander";
import { UsageError } from "../core/errors.js";
import { completionScript, SHELLS, type CompletionSpec } from "../ui/completion.js";
import type { IO } from "../ui/io.js";

/** Print a completion script for `shell`, made from the program's own commands and options. */
export function completion(opts: { shell: string; program: Command }, io: IO): void {
  const shell = opts.shell.toLowerCase();
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`unknown shell: ${opts.shell}`, `use one of ${SHELLS.join(", ")}`);
  const flags = (c: Command) =>
    c.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  const spec: CompletionSpec = {
    globalFlags: [...flags(opts.program), "--help"],
    commands: opts.program.commands.map((c) => ({ name: c.name(), description: c.description(), flags: flags(c) })),
  };
  io.out(completionScript(shell as (typeof SHELLS)[number], spec));
}
