#!/usr/bin/env node
// Build step, after bundle.mjs: V8's code cache for dist/read.cjs (src/code-cache.ts), so that the
// everyday read commands do not parse and compile it at every run. It holds the functions a run
// compiled, so it is made after a few: a child process (plain `node`, as learn runs: V8 rejects a
// cache made under other flags) loads read.cjs through dist/start.cjs's loader, runs index, search,
// list and show (plain, then in colour) on a copy of the package's sample notes in a temp folder, and writes
// dist/read.cjs.cache. Then another child checks that V8 takes it. A cache that cannot be made or
// is refused is a warning, never a failed build: learn only compiles read.cjs as before.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = join(root, "dist", "read.cjs");
const out = `${read}.cache`;
const [mode, ws] = process.argv.slice(2);
const { loadWithCache, makeCodeCache, readCodeCache } = createRequire(import.meta.url)(join(root, "dist", "start.cjs"));

if (mode === "--make") {
  const { exports, script } = loadWithCache(read);
  const runs = [
    ["index"],
    ["index"],
    ["search", "idempotency", "keys"],
    ["search", "idempotncy", "--no-refresh"],
    ["list", "--no-refresh", "-n", "20"],
    ["list", "type:note"],
    ["show", "idempotency-keys", "--no-refresh"],
    ["show", "idempotency-keys"],
  ];
  for (const argv of runs) await exports.runRead([...argv, "--dir", ws]);
  // and in colour, as at a terminal (chalk is in read.cjs)
  delete process.env.NO_COLOR;
  process.env.FORCE_COLOR = "1";
  for (const argv of runs.slice(2)) await exports.runRead([...argv, "--dir", ws]);
  writeFileSync(`${out}.tmp`, makeCodeCache(read, script));
  process.exit(0);
}
if (mode === "--check") {
  const cache = readCodeCache(read, out);
  process.exit(cache && !loadWithCache(read, cache).script.cachedDataRejected ? 0 : 1);
}

rmSync(out, { force: true });
const temp = mkdtempSync(join(tmpdir(), "learn-code-cache-"));
try {
  cpSync(join(root, "notes"), join(temp, "notes"), { recursive: true });
  writeFileSync(join(temp, "learn.config.yaml"), "");
  const child = (...args) =>
    spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LEARN_TODAY: "2026-01-05", NODE_OPTIONS: "" },
    });
  const made = child("--make", temp);
  if (made.status !== 0) throw new Error(`the run failed (${made.status}): ${made.stderr}`);
  rmSync(out, { force: true });
  cpSync(`${out}.tmp`, out);
  const checked = child("--check");
  if (checked.status !== 0) throw new Error(`V8 refused the cache: ${checked.stderr}`);
} catch (err) {
  rmSync(out, { force: true });
  console.warn(`code-cache: no code cache for dist/read.cjs (${err.message.trim()}); learn compiles it at each run`);
} finally {
  rmSync(`${out}.tmp`, { force: true });
  rmSync(temp, { recursive: true, force: true });
}
