import { UsageError } from "../core/errors.js";
import { completionScript, completionSpec, SHELLS, type ProgramShape } from "../ui/completion.js";
import type { IO } from "../ui/io.js";

/** Print a completion script for `shell`, made from the program's own commands and options. */
export function completion(opts: { shell: string; program: ProgramShape }, io: IO): void {
  const shell = opts.shell.toLowerCase();
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`unknown shell: ${opts.shell}`, `use one of ${SHELLS.join(", ")}`);
  io.out(completionScript(shell as (typeof SHELLS)[number], completionSpec(opts.program)));
}
