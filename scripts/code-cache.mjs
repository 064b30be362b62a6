#!/usr/bin/env node
// Build step, after bundle.mjs: V8's code cache for dist/read.cjs and dist/status.cjs
// (src/code-cache.ts), so that the everyday commands do not parse and compile them at every run.
// A cache holds the functions a run compiled, so it is made after a few: a child process (plain
// `node`, as learn runs: V8 rejects a cache made under other flags) loads the bundle through
// dist/start.cjs's loader, runs its commands (plain, then in colour) on a copy of the package's
// sample notes in a temp folder, and writes dist/NAME.cache. Then another child checks that V8
// takes it. A cache that cannot be made or is refused is a warning, never a failed build: learn
// only compiles that bundle as it would without one.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
/** Each bundle and the command lines its cache is made from. */
const BUNDLES = {
  "read.cjs": [
    ["index"],
    ["index"],
    ["search", "idempotency", "keys"],
    ["search", "idempotncy", "--no-refresh"],
    ["list", "--no-refresh", "-n", "20"],
    ["list", "type:note"],
    ["show", "idempotency-keys", "--no-refresh"],
    ["show", "idempotency-keys"],
  ],
  "status.cjs": [["status"], ["status"]],
};
const [mode, name, ws] = process.argv.slice(2);
const { loadWithCache, makeCodeCache, readCodeCache } = createRequire(import.meta.url)(join(dist, "start.cjs"));

if (mode === "--make") {
  const file = join(dist, name);
  const { exports, script } = loadWithCache(file);
  const runs = BUNDLES[name];
  for (const argv of runs) await exports.run([...argv, "--dir", ws]);
  // and in colour, as at a terminal (chalk is in the bundle)
  delete process.env.NO_COLOR;
  process.env.FORCE_COLOR = "1";
  for (const argv of runs.filter(([command]) => command !== "index")) await exports.run([...argv, "--dir", ws]);
  writeFileSync(`${file}.cache.tmp`, makeCodeCache(file, script));
  process.exit(0);
}
if (mode === "--check") {
  const file = join(dist, name);
  const cache = readCodeCache(file, `${file}.cache`);
  process.exit(cache && !loadWithCache(file, cache).script.cachedDataRejected ? 0 : 1);
}

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
  for (const bundle of Object.keys(BUNDLES)) {
    const out = join(dist, `${bundle}.cache`);
    rmSync(out, { force: true });
    try {
      const made = child("--make", bundle, temp);
      if (made.status !== 0) throw new Error(`the run failed (${made.status}): ${made.stderr}`);
      cpSync(`${out}.tmp`, out);
      const checked = child("--check", bundle);
      if (checked.status !== 0) throw new Error(`V8 refused the cache: ${checked.stderr}`);
    } catch (err) {
      rmSync(out, { force: true });
      console.warn(
        `code-cache: no code cache for dist/${bundle} (${err.message.trim()}); learn compiles it at each run`,
      );
    } finally {
      rmSync(`${out}.tmp`, { force: true });
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
