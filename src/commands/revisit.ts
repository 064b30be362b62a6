import { LearnError } from "../core/errors.js";
import type { GlobalOptions, IO } from "../ui/io.js";

/** Placeholder until this command lands. */
export async function revisit(_opts: GlobalOptions & Record<string, unknown>, _io: IO): Promise<void> {
  throw new LearnError("`learn revisit` is not built yet");
}
