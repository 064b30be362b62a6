import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { tempDir } from "./workspace.js";

/** The built CLI entry point (npm test builds before it runs the tests). */
export const BIN = fileURLToPath(new URL("../../bin/learn.cjs", import.meta.url));
if (!existsSync(fileURLToPath(new URL("../../dist/cli.js", import.meta.url)))) {
  throw new Error("dist/cli.js is missing: run `npm run build` before the end-to-end tests");
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawn `node bin/learn.cjs ...args` with a clean environment: PATH, NO_COLOR=1, a temp
 * HOME, no LEARN_DIR unless given. `cwd` defaults to a fresh temp folder.
 */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string; extra?: SpawnSyncOptions } = {},
): RunResult {
  const home = tempDir("learn-home-");
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? tempDir(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: home,
      NO_COLOR: "1",
      XDG_CONFIG_HOME: join(home, ".config"),
      ...opts.env,
    },
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
    ...opts.extra,
  });
  return { code: res.status, stdout: String(res.stdout), stderr: String(res.stderr) };
}
