import { lstatSync, readdirSync, rmSync, type Stats } from "node:fs";
import { join, relative, resolve } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { openIndexLazy } from "../store/open-lazy.js";
import { claimWatcher, cookieDir, releaseWatcher } from "../store/watch-sync.js";
import type { Context } from "../workspace/context.js";

/**
 * Paths (relative to the notes folder) the watcher leaves alone: .learn/ (our own index's writes),
 * and every dot-folder and node_modules, which the walk never reads either; with `notes: .` the
 * notes folder is the whole workspace, .git/ included.
 */
const unwatched = (rel: string): boolean =>
  rel !== ".learnignore" && /(?:^|[\\/])(?:\.|node_modules(?:[\\/]|$))/.test(rel);

/** How long a burst of file events may last before the index is refreshed. */
const SETTLE_MS = 20;

/**
 * Keeps a workspace's index current from file-system events (chokidar, chosen by
 * bench/watchers.mjs: the shortest write-to-event latency, which every synced command pays) and answers the cookies of commands that sync with it
 * (store/watch-sync.ts). A cookie is deleted only after a refresh that began after every event
 * received before it, so a synced command sees what a walk would. One watcher per workspace:
 * when another live one holds it, this one only reports changes.
 */
export class IndexWatcher {
  private watchers: FSWatcher[] = [];
  private owner = false;
  private pending = true; // the first refresh catches up with changes made while nothing watched
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cookies = new Set<string>();
  private stopped = false;
  private report = false; // something changed since onRefreshed was last called

  constructor(
    private readonly ctx: Context,
    private readonly onRefreshed: () => void = () => undefined,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Start watching; resolves after the first refresh. */
  async start(): Promise<void> {
    try {
      await this.watch();
    } catch (err) {
      this.stop(); // e.g. ENOSPC: more files than inotify watches; commands keep walking
      throw err;
    }
    await this.refresh();
  }

  private async watch(): Promise<void> {
    if (this.stopped) return; // stopped before it started (the server exited first)
    this.owner = claimWatcher(this.ctx);
    const dir = this.ctx.ws.notesDir;
    const ours = (path: string) => unwatched(relative(dir, path)); // never our own index's writes, nor .git, node_modules
    // Folders, not files: a folder's watch reports every change to the files in it (as raw events),
    // so a watch and a stat per file would cost memory and start-up time and tell nothing more. A
    // link to a file keeps its own watch: its target may be in no watched folder.
    // atomic: false, or chokidar holds a deletion back 100 ms and a cookie could be answered first.
    const plainFile = (path: string, stats?: Stats): boolean =>
      stats?.isFile() === true && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() !== true;
    const notes = watch(dir, {
      ignoreInitial: true,
      atomic: false,
      ignored: (path, stats) => ours(path) || plainFile(path, stats),
    });
    // raw events arrive in the kernel's order, before chokidar's stat, so a change is always
    // pending before the cookie that follows it is seen
    notes.on("raw", (_event, name, details) => {
      if (!ours(resolve((details as { watchedPath: string }).watchedPath, name))) this.changed();
    });
    notes.on("all", () => this.changed());
    notes.on("error", (err) => this.fail(err));
    // listen for "ready" at once: it may come while the cookie watcher below gets ready, and a
    // listener added after it would wait for ever (learn watch then never says it is watching)
    const notesReady = new Promise<void>((ok) => notes.once("ready", ok));
    this.watchers.push(notes);
    if (this.owner) {
      const cookies = watch(cookieDir(this.ctx), { ignoreInitial: true, atomic: false, depth: 0 });
      cookies.on("add", (path) => this.cookie(relative(cookieDir(this.ctx), path)));
      cookies.on("error", (err) => this.fail(err));
      this.watchers.push(cookies);
      await new Promise<void>((ok) => cookies.once("ready", ok)); // added at once, before any await
      for (const name of readdirSync(cookieDir(this.ctx))) this.cookie(name); // dropped before we watched
    }
    await notesReady;
  }

  /** Stop watching and give the workspace up. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const w of this.watchers) void w.close();
    this.watchers = [];
    if (this.owner) releaseWatcher(this.ctx);
    this.owner = false;
  }

  private fail(err: unknown): void {
    // a watcher that may have missed events must not vouch for the index: commands walk again
    this.onError(err);
    this.stop();
  }

  private changed(): void {
    this.pending = true;
    this.report = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), SETTLE_MS);
  }

  private cookie(name: string): void {
    this.cookies.add(name);
    if (!this.pending && !this.running && !this.timer) this.answer();
  }

  /** Delete the cookies seen so far: every change before them is in the index. */
  private answer(): void {
    for (const name of this.cookies) rmSync(join(cookieDir(this.ctx), name), { force: true });
    this.cookies.clear();
  }

  private async refresh(): Promise<void> {
    this.timer = undefined;
    if (this.running || this.stopped) return;
    this.running = true;
    this.pending = false;
    try {
      const { index, stats } = await openIndexLazy(this.ctx);
      index.close();
      // The first refresh, which catches up without an event, tells listeners only when its walk
      // found a change; a non-owner syncs with the owning watcher, so its stats say nothing.
      if (!this.owner || stats.rebuilt || stats.added + stats.updated + stats.removed > 0) this.report = true;
    } catch (err) {
      this.fail(err);
      return;
    } finally {
      this.running = false;
    }
    if (this.pending) {
      this.changed();
      return;
    }
    this.answer();
    if (this.report) {
      this.report = false;
      this.onRefreshed();
    }
  }
}
