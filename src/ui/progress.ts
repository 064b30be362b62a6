import { createRequire } from "node:module";
import type { SingleBar } from "cli-progress";

/** A progress callback plus a stop function; a no-op unless stderr is a terminal. */
export interface Progress {
  onProgress: (done: number, total: number) => void;
  stop: () => void;
}

/** Files to read before a bar is worth drawing. */
const MIN_FILES = 200;

const silent: Progress = { onProgress: () => {}, stop: () => {} };

/** A cli-progress bar on stderr for long runs at a terminal; silent otherwise. cli-progress loads only when a bar is drawn. */
export function progressBar(enabled: boolean, label = "indexing"): Progress {
  if (!enabled || !process.stderr.isTTY) return silent;
  let bar: SingleBar | undefined;
  return {
    onProgress: (done, total) => {
      if (total < MIN_FILES) return;
      if (!bar) {
        const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof import("cli-progress");
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} notes`,
            stream: process.stderr,
            clearOnComplete: true,
            hideCursor: true,
            fps: 10,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      if (done % 50 === 0 || done === total) bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
