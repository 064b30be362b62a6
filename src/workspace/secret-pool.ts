import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SecretHit } from "./secrets.js";

/** Below this many notes to scan, a worker costs more to start than it saves: they are scanned on this thread. */
export const SECRET_WORKER_MIN_NOTES = 400;
/** Notes per batch sent to the worker, and the most text one batch holds (a batch closes at either). */
const BATCH_NOTES = 100;
const BATCH_CHARS = 1 << 20;
/**
 * Batches sent and not yet answered, at most, while notes are still being added: the rest wait here
 * (their texts are held here anyway), so copies do not pile up. `finish()` sends all that is left.
 */
const AHEAD = 3;

const defaultWorkerUrl = new URL("./secret-worker.js", import.meta.url);

/** How a scanner runs: the accepted fingerprints, and where a worker failure is reported. */
export interface SecretScannerOptions {
  allow?: ReadonlySet<string>;
  /** Told (once) when the worker fails and its notes are scanned on this thread instead. */
  warn?: (message: string) => void;
  /** The worker script (tests start a failing one); the bundled secret-worker.js by default. */
  workerUrl?: URL;
  /** How many notes start a worker (SECRET_WORKER_MIN_NOTES by default). */
  minNotes?: number;
}

interface Batch {
  start: number;
  end: number;
}

/**
 * Scans notes for secrets (workspace/secrets.ts `scanSecrets`), on a worker thread once enough
 * notes are added and a second core and the built worker are there, else on this thread: the
 * notes added are sent in batches as they come, so the worker scans while the caller goes on
 * with its own work, and `finish()` gives each note's hits in the order added, the same as
 * scanning them one by one here. If the worker fails, what it has not answered is scanned on
 * this thread (and `warn` says so): a failure never skips a note or hangs. The worker keeps the
 * process alive only while `finish()` waits for it, and stops when `finish()` returns.
 */
export class SecretScanner {
  private readonly notes: { path: string; text: string }[] = [];
  private readonly hits: (SecretHit[] | undefined)[] = [];
  private readonly batches: Batch[] = [];
  private worker: Worker | undefined;
  private sent = 0;
  private answered = 0;
  private finishing = false;
  /** Batches the worker has answered, counted by the worker itself: read while this thread is too busy to take its messages. */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private failure: string | undefined;
  private settle: (() => void) | undefined;

  constructor(private readonly opts: SecretScannerOptions = {}) {}

  /** Queue a note; returns its position in `finish()`'s result. */
  add(path: string, text: string): number {
    this.notes.push({ path, text });
    if (!this.worker && !this.failure && this.notes.length === (this.opts.minNotes ?? SECRET_WORKER_MIN_NOTES))
      this.start();
    if (this.worker) this.send();
    return this.notes.length - 1;
  }

  /**
   * Every note's hits, in the order added. What is left goes to the worker at once, so the caller
   * can do other work before it awaits the result.
   */
  async finish(): Promise<SecretHit[][]> {
    if (this.worker) {
      this.finishing = true;
      this.send();
      this.worker.ref();
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.settleWhenDone();
      });
      this.close();
    }
    if (this.failure) this.opts.warn?.(`the secret-scan worker failed (${this.failure}); scanning on the main thread`);
    const left = [...this.notes.keys()].filter((i) => !this.hits[i]);
    if (left.length) {
      const { scanSecrets } = await import("./secrets.js"); // secretlint loads here only when this thread scans
      for (const i of left)
        this.hits[i] = await scanSecrets(this.notes[i]!.text, this.notes[i]!.path, { allow: this.opts.allow });
    }
    return this.hits as SecretHit[][];
  }

  private close(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.removeAllListeners();
      void w.terminate();
    }
  }

  private start(): void {
    const url = this.opts.workerUrl ?? defaultWorkerUrl;
    if (availableParallelism() < 2 || !existsSync(fileURLToPath(url))) return;
    // A small heap makes the worker collect garbage early, so peak memory stays bounded.
    const worker = new Worker(url, {
      workerData: { allow: [...(this.opts.allow ?? [])], done: this.done },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    this.worker = worker;
    worker.unref(); // an error thrown before finish() must not leave the process waiting on it
    worker.on("message", (msg: { id: number; hits?: SecretHit[][]; error?: string }) => {
      const batch = this.batches[msg.id];
      if (!batch) return;
      if (msg.error !== undefined) return this.fail(msg.error);
      for (let i = batch.start; i < batch.end; i++) this.hits[i] = msg.hits![i - batch.start]!;
      this.answered++;
      this.settleWhenDone();
    });
    worker.on("error", (err) => this.fail(err.message));
    worker.on("messageerror", (err) => this.fail(err.message));
    worker.on("exit", (code) => this.fail(`it stopped early, exit code ${code}`));
  }

  /** Send the notes not yet sent: full batches while fewer than AHEAD are unanswered, or all once finishing. */
  private send(): void {
    while (
      this.worker &&
      this.sent < this.notes.length &&
      (this.finishing || this.batches.length - Atomics.load(this.done, 0) < AHEAD)
    ) {
      let end = this.sent;
      let chars = 0;
      while (end < this.notes.length && end - this.sent < BATCH_NOTES && chars < BATCH_CHARS)
        chars += this.notes[end++]!.text.length;
      if (!this.finishing && end - this.sent < BATCH_NOTES && chars < BATCH_CHARS) return;
      this.worker.postMessage({ id: this.batches.length, notes: this.notes.slice(this.sent, end) });
      this.batches.push({ start: this.sent, end });
      this.sent = end;
    }
  }

  private fail(reason: string): void {
    this.failure ??= reason;
    this.close();
    this.settleWhenDone();
  }

  /** Resolve `finish()`'s wait once every batch is answered or the worker failed. */
  private settleWhenDone(): void {
    const all = this.sent === this.notes.length && this.answered === this.batches.length;
    if (this.settle && (this.failure || all)) {
      const settle = this.settle;
      this.settle = undefined;
      settle();
    }
  }
}
