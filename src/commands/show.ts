import { LearnError } from "../core/errors.js";
import type { GlobalOptions, IO } from "../ui/io.js";

/** Placeholder until the index lands. */
export async function show(_opts: GlobalOptions & Record<string, unknown>, _io: IO): Promise<void> {
  throw new LearnError("`learn show` is not built yet");
}
