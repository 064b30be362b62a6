// Worker thread of the parse pool: reads and parses the files it is sent, in order.
import { parentPort, workerData } from "node:worker_threads";
import { readNote, type LinkContext } from "./read-note.js";
import type { FoundFile } from "./walk.js";

parentPort?.on("message", (msg: { id: number; files: FoundFile[] }) => {
  parentPort!.postMessage({
    id: msg.id,
    results: msg.files.map((f) => readNote(f, workerData as LinkContext | undefined)),
  });
});
