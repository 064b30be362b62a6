import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";

/** `learn watch`: keep the index current from file events until interrupted, so commands skip their walk. */
export async function watchIndex(opts: GlobalOptions, io: IO): Promise<void> {
  const ctx = await createContext(opts);
  const { IndexWatcher } = await import("../lsp/watcher.js");
  let failed: unknown;
  const watcher = new IndexWatcher(ctx, undefined, (err) => {
    failed = err;
    io.err(`learn: watch: ${String(err)}; commands walk the folder again`);
    process.kill(process.pid, "SIGTERM");
  });
  await watcher.start();
  io.err(`learn: watching ${ctx.ws.root} (pid ${process.pid}); Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => resolve());
  });
  watcher.stop();
  if (failed) process.exitCode = 1;
}
