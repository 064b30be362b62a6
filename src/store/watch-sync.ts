import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Context } from "../core/context.js";

// A running `learn watch` (or `learn lsp`) keeps .learn/index.db current from file events and
// says so in .learn/watcher.json. A command syncs with it as watchman's clients do: it drops a
// cookie file in .learn/cookies/ and waits for the watcher to delete it, which the watcher does
// only once every change it saw before the cookie is in the index. No live watcher, or no answer
// within the timeout, and the command walks the folder as it always did.

// node:os and node:crypto load only once a watcher file is there: every refresh looks for one (a few ms)
const builtin = <T>(name: string): T => createRequire(import.meta.url)(name) as T;
const hostname = (): string => builtin<typeof import("node:os")>("node:os").hostname();
const randomHex = (bytes: number): string =>
  builtin<typeof import("node:crypto")>("node:crypto").randomBytes(bytes).toString("hex");

/** The watcher's lock file, in the workspace's .learn/ folder. */
export const WATCHER_FILE = "watcher.json";
/** Where commands drop their cookies. */
export const COOKIE_DIR = "cookies";

/** What a watcher writes about itself. */
export interface WatcherInfo {
  pid: number;
  host: string;
  started: string;
}

const watcherFile = (ctx: Context): string => join(ctx.ws.dataDir, WATCHER_FILE);
/** The folder commands drop cookies in. */
export const cookieDir = (ctx: Context): string => join(ctx.ws.dataDir, COOKIE_DIR);

/** True when a process with this pid exists on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live watcher of a workspace: on this machine, its process running; else undefined (stale or none). */
export function liveWatcher(ctx: Context): WatcherInfo | undefined {
  let info: WatcherInfo;
  try {
    info = JSON.parse(readFileSync(watcherFile(ctx), "utf8")) as WatcherInfo;
  } catch {
    return undefined;
  }
  if (typeof info.pid !== "number" || info.host !== hostname() || !alive(info.pid)) return undefined;
  return info;
}

/** Claim the workspace for this process's watcher; false when another live watcher holds it. */
export function claimWatcher(ctx: Context): boolean {
  const other = liveWatcher(ctx);
  if (other && other.pid !== process.pid) return false;
  mkdirSync(cookieDir(ctx), { recursive: true });
  const info: WatcherInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  writeFileSync(watcherFile(ctx), `${JSON.stringify(info)}\n`);
  return true;
}

/** Give the workspace up (only when this process holds it). */
export function releaseWatcher(ctx: Context): void {
  if (liveWatcher(ctx)?.pid === process.pid) rmSync(watcherFile(ctx), { force: true });
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Ask a live watcher to bring the index up to date: true once it has (the index is then as fresh
 * as a walk would make it), false when there is no live watcher, it is this process, or it did not
 * answer within `timeoutMs` (then the caller walks).
 */
export function syncWithWatcher(ctx: Context, timeoutMs = 500): boolean {
  const w = liveWatcher(ctx);
  if (!w || w.pid === process.pid) return false;
  const cookie = join(cookieDir(ctx), `${process.pid}-${randomHex(6)}`);
  try {
    writeFileSync(cookie, "", { flag: "wx" });
  } catch {
    return false;
  }
  const until = Date.now() + timeoutMs;
  while (existsSync(cookie)) {
    if (Date.now() > until) {
      rmSync(cookie, { force: true });
      return false;
    }
    sleep(1);
  }
  return true;
}
