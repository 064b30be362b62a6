import { LearnError } from "../core/errors.js";
import type { GlobalOptions, IO } from "../ui/io.js";

/** Placeholder until the index lands. */
export async function index(_opts: GlobalOptions & Record<string, unknown>, _io: IO): Promise<void> {
  throw new LearnError("`learn index` is not built yet");
}
