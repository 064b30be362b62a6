import type { GlobalOptions, IO } from "../ui/io.js";

/** Options of `learn lsp`. */
export interface LspOptions extends GlobalOptions {
  /** Accepted for editors that pass it; stdio is the only transport. */
  stdio?: boolean;
}

/** `learn lsp`: serve the Language Server Protocol on stdin/stdout until the editor exits it. */
export async function lsp(opts: LspOptions, io: IO): Promise<void> {
  const { startServer } = await import("../lsp/server.js");
  // A long-lived server: a failure in one request is logged (stderr is the editor's log), never fatal.
  process.on("unhandledRejection", (err) => io.err(`learn lsp: ${String(err)}`));
  await startServer({ dir: opts.dir, today: opts.today, env: io.env }, process.stdin, process.stdout);
}
