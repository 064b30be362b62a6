import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// What the note parser's and the secret scanner's worker threads (store/parse-pool.ts,
// workspace/secret-pool.ts) share: when one can help, and how it is started.

/** True when a worker thread of this script can help: a second core, and the built script there (not from src/). */
export const workerUsable = (url: URL): boolean => availableParallelism() >= 2 && existsSync(fileURLToPath(url));

/** Start a worker of `url` with a small heap: it collects garbage early, so peak memory stays bounded on big runs. */
export const startSmallWorker = (url: URL, workerData: unknown): Worker =>
  new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
