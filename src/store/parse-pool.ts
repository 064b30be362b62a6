import { startSmallWorker, workerUsable } from "../files/worker-start.js";
import type { LinkContext, ReadResult } from "./read-note.js";
import type { FoundFile } from "./walk.js";

/**
 * Below this many files a worker costs more to start than it saves.
 * @public
 */
export const PARALLEL_MIN_FILES = 1000;
const CHUNK = 100;
/** Chunks handed to the worker ahead of time: bounds memory when this thread is the slower side. */
const AHEAD = 4;

const workerUrl = new URL("./parse-worker.js", import.meta.url);

/** True when a parse worker can help: enough files, a second core, and the compiled worker present. */
export function canParallel(files: number): boolean {
  return files >= PARALLEL_MIN_FILES && workerUsable(workerUrl);
}

/**
 * Read and parse files on a worker thread and on this one, storing each result here (SQLite
 * has one writer) as it arrives: this thread parses a chunk itself whenever the worker has
 * enough queued, so neither side idles. Rejects, after stopping the worker, if anything throws.
 * `links` (the dialect and notes folder) goes to the worker, which reads links as `read` does.
 */
export function parseInWorker(
  files: FoundFile[],
  read: (file: FoundFile) => ReadResult,
  store: (file: FoundFile, result: ReadResult) => void,
  links?: LinkContext,
): Promise<void> {
  const chunks: FoundFile[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  return new Promise<void>((resolve, reject) => {
    const worker = startSmallWorker(workerUrl, links);
    let next = 0;
    let atWorker = 0;
    let stored = 0;
    let finished = false;
    const end = (err?: unknown) => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    const chunkDone = () => {
      if (++stored === chunks.length) end();
    };
    const toWorker = () => {
      if (next < chunks.length) {
        worker.postMessage({ id: next, files: chunks[next++] });
        atWorker++;
      }
    };
    const pump = () => {
      if (finished) return;
      try {
        if (atWorker >= 2 && next < chunks.length) {
          // each note stored as soon as it is parsed: a chunk's parsed notes all alive at once kept
          // surviving young-generation collections, and V8 grew the heap by some 40 MB at 50k notes
          const chunk = chunks[next++]!;
          for (const file of chunk) store(file, read(file));
          chunkDone();
        }
      } catch (err) {
        end(err);
        return;
      }
      if (next < chunks.length) setImmediate(pump);
    };
    worker.on("error", end);
    worker.on("exit", (code) => end(new Error(`the parse worker stopped early (exit code ${code})`)));
    worker.on("message", (msg: { id: number; results: ReadResult[] }) => {
      atWorker--;
      try {
        const chunk = chunks[msg.id]!;
        msg.results.forEach((r, i) => store(chunk[i]!, r));
        chunkDone();
      } catch (err) {
        end(err);
        return;
      }
      toWorker();
    });
    if (chunks.length === 0) return end();
    for (let i = 0; i < AHEAD; i++) toWorker();
    setImmediate(pump);
  });
}
