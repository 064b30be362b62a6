// Worker thread of the secret scanner (secret-pool.ts): scans the batches of notes it is sent, in
// order, unless the pool's own thread claimed one first, and answers each batch it scans with every
// note's hits (or the error that stopped the batch).
import { parentPort, workerData } from "node:worker_threads";
import { scanSecrets, type SecretHit } from "./secrets.js";

const data = workerData as { allow?: string[]; done?: Int32Array; claims?: Int32Array } | undefined;
const allow = new Set(data?.allow ?? []);

parentPort?.on("message", (msg: { id: number; notes: { path: string; text: string }[] }) => {
  const claims = data?.claims;
  if (claims && msg.id < claims.length && Atomics.compareExchange(claims, msg.id, 0, 1) !== 0) {
    if (data?.done) Atomics.add(data.done, 0, 1);
    return; // the pool's thread took this batch (it scans from the last one back)
  }
  void (async () => {
    try {
      const hits: SecretHit[][] = [];
      for (const n of msg.notes) hits.push(await scanSecrets(n.text, n.path, { allow }));
      if (data?.done) Atomics.add(data.done, 0, 1); // counted first: the pool reads it to send more while busy
      parentPort!.postMessage({ id: msg.id, hits });
    } catch (err) {
      parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  })();
});
