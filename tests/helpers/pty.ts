import { BIN } from "./run-cli.js";
import { tempDir } from "./workspace.js";

/** A learn process in a real pseudo-terminal: type keys, wait for text on the screen. */
export interface PtySession {
  /** Everything printed so far, ANSI escapes removed. */
  screen(): string;
  /** Everything printed so far, as sent (escapes kept). */
  raw(): string;
  /** Wait until `text` has appeared after the last `mark()` (or start). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Remember the current output length; later waits only look past it. */
  mark(): void;
  write(keys: string): void;
  /** Wait for the process to exit; resolves its exit code. */
  exit(timeoutMs?: number): Promise<number>;
}

export const KEY = { enter: "\r", down: "\x1b[B", up: "\x1b[A", space: " ", ctrlC: "\x03" } as const;

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>]/g;

/** Load node-pty, or return undefined so the test can skip with a message. */
export async function loadPty(): Promise<typeof import("@lydell/node-pty") | undefined> {
  try {
    return await import("@lydell/node-pty");
  } catch {
    return undefined;
  }
}

/** Spawn `node bin/learn.cjs ...args` in a pseudo-terminal with a clean environment. */
export function spawnLearn(
  pty: typeof import("@lydell/node-pty"),
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; cols?: number },
): PtySession {
  let out = "";
  let from = 0;
  let code: number | undefined;
  const exitWaiters: ((c: number) => void)[] = [];
  const p = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: opts.cols ?? 120,
    rows: 40,
    cwd: opts.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: tempDir("learn-home-"),
      TERM: "xterm-256color",
      NO_COLOR: "1",
      ...opts.env,
    },
  });
  p.onData((d) => (out += d));
  p.onExit(({ exitCode }) => {
    code = exitCode;
    for (const w of exitWaiters) w(exitCode);
  });
  const clean = () => out.replace(ANSI, "");
  return {
    screen: clean,
    raw: () => out,
    mark: () => void (from = clean().length),
    write: (keys) => p.write(keys),
    waitFor: (text, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const seen = clean().slice(from);
          if (typeof text === "string" ? seen.includes(text) : text.test(seen)) return resolve();
          if (code !== undefined)
            return reject(new Error(`process exited (${code}) before showing ${String(text)}:\n${clean()}`));
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`timed out waiting for ${String(text)}; screen:\n${clean()}`));
          setTimeout(tick, 25);
        };
        tick();
      }),
    exit: (timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        if (code !== undefined) return resolve(code);
        const t = setTimeout(() => reject(new Error(`still running; screen:\n${clean()}`)), timeoutMs);
        exitWaiters.push((c) => {
          clearTimeout(t);
          resolve(c);
        });
      }),
  };
}
