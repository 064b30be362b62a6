import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReadResult } from "./read-note.js";
import type { FoundFile } from "./walk.js";

/** Below this many files a worker costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 1000;
const CHUNK = 100;
/** Chunks parsed ahead of the inserts: bounds memory when SQLite is the slower side. */
const AHEAD = 6;

const workerUrl = new URL("./parse-worker.js", import.meta.url);

/** True when a parse worker can help: enough files, a second core, and the compiled worker present. */
export function canParallel(files: number): boolean {
  return files >= PARALLEL_MIN_FILES && availableParallelism() >= 2 && existsSync(fileURLToPath(workerUrl));
}

/**
 * Read and parse files on a worker thread while this thread stores them: `store` is called for
 * every file, in order, as results arrive. Rejects (after stopping the worker) if `store` throws.
 */
export function parseInWorker(files: FoundFile[], store: (file: FoundFile, result: ReadResult) => void): Promise<void> {
  const chunks: FoundFile[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  return new Promise<void>((resolve, reject) => {
    // A small heap makes the worker collect garbage early: peak memory stays bounded on big builds.
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
    let sent = 0;
    let received = 0;
    const send = () => {
      if (sent < chunks.length) worker.postMessage({ id: sent, files: chunks[sent++] });
    };
    const fail = (err: unknown) => {
      finished = true;
      void worker.terminate();
      reject(err);
    };
    let finished = false;
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!finished) reject(new Error(`the parse worker stopped early (exit code ${code})`));
    });
    worker.on("message", (msg: { id: number; results: ReadResult[] }) => {
      try {
        const chunk = chunks[msg.id]!;
        msg.results.forEach((r, i) => store(chunk[i]!, r));
        chunks[msg.id] = [];
        received++;
        send();
        if (received === chunks.length) {
          finished = true;
          void worker.terminate();
          resolve();
        }
      } catch (err) {
        fail(err);
      }
    });
    if (chunks.length === 0) {
      finished = true;
      void worker.terminate();
      resolve();
      return;
    }
    for (let i = 0; i < AHEAD; i++) send();
  });
}
