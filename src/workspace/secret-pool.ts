import type { Worker } from "node:worker_threads";
import { startSmallWorker, workerUsable } from "../files/worker-start.js";
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
/** Batches whose claim (worker or this thread) is tracked in shared memory; later ones are the worker's alone. */
const CLAIM_SLOTS = 1 << 14;

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
 * with its own work; once the caller awaits `finish()`, this thread scans batches too, from the
 * last back, each batch claimed by one thread only. `finish()` gives each note's hits in the order
 * added, the same as scanning them one by one here. If the worker fails, what it has not answered is scanned on
 * this thread (and `warn` says so): a failure never skips a note or hangs. The worker keeps the
 * process alive only while `finish()` waits for it, and stops when `finish()` returns.
 */
export class SecretScanner {
  private readonly notes: { path: string; text: string }[] = [];
  private readonly hits: (SecretHit[] | undefined)[] = [];
  private readonly batches: Batch[] = [];
  private worker: Worker | undefined;
  private sent = 0;
  /** Batches whose hits are in: answered by the worker or scanned here. */
  private completed = 0;
  private finishing = false;
  /** Batches the worker has answered, counted by the worker itself: read while this thread is too busy to take its messages. */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  /** Who scans each batch: 0 nobody yet, 1 the worker, 2 this thread (whoever sets it first). */
  private claims: Int32Array | undefined;
  private failure: string | undefined;
  /** The scanner on this thread, once this thread scans. */
  private scan: typeof import("./secrets.js").scanSecrets | undefined;
  private settle: (() => void) | undefined;
  /** Resolves at the worker's first answer or failure: this thread helps only a worker that works. */
  private answering: Promise<void> | undefined;
  private answered: (() => void) | undefined;

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
      await this.help();
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.settleWhenDone();
      });
      this.close();
    }
    if (this.failure) this.opts.warn?.(`the secret-scan worker failed (${this.failure}); scanning on the main thread`);
    for (const [i] of this.notes.entries()) if (!this.hits[i]) await this.scanHere(i);
    return this.hits as SecretHit[][];
  }

  /** Scan note `i` on this thread (secretlint loads here only when this thread scans). */
  private async scanHere(i: number): Promise<void> {
    this.scan ??= (await import("./secrets.js")).scanSecrets;
    this.hits[i] = await this.scan(this.notes[i]!.text, this.notes[i]!.path, { allow: this.opts.allow });
  }

  /**
   * Once the caller awaits, scan batches here too, from the last one back, until one is the
   * worker's: it takes them in order, so the two meet in the middle and neither idles.
   */
  private async help(): Promise<void> {
    await this.answering; // comes after the caller's own work: this thread takes no message before it awaits
    for (let b = this.batches.length - 1; b >= 0 && this.worker; b--) {
      if (b >= CLAIM_SLOTS || Atomics.compareExchange(this.claims!, b, 0, 2) !== 0) return;
      const { start, end } = this.batches[b]!;
      for (let i = start; i < end; i++) await this.scanHere(i);
      this.completed++;
    }
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
    if (!workerUsable(url)) return;
    this.claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_SLOTS));
    this.answering = new Promise((resolve) => (this.answered = resolve));
    const worker = startSmallWorker(url, { allow: [...(this.opts.allow ?? [])], done: this.done, claims: this.claims });
    this.worker = worker;
    worker.unref(); // an error thrown before finish() must not leave the process waiting on it
    worker.on("message", (msg: { id: number; hits?: SecretHit[][]; error?: string }) => {
      this.answered?.();
      const batch = this.batches[msg.id];
      if (!batch) return;
      if (msg.error !== undefined) return this.fail(msg.error);
      for (let i = batch.start; i < batch.end; i++) this.hits[i] = msg.hits![i - batch.start]!;
      this.completed++;
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
    this.answered?.();
    this.close();
    this.settleWhenDone();
  }

  /** Resolve `finish()`'s wait once every batch is answered or the worker failed. */
  private settleWhenDone(): void {
    const all = this.sent === this.notes.length && this.completed === this.batches.length;
    if (this.settle && (this.failure || all)) {
      const settle = this.settle;
      this.settle = undefined;
      settle();
    }
  }
}
