#!/usr/bin/env node
// `npm test`'s first half: the build, type check, lint, format check and knip run at the same time
// (each is one process that mostly waits on one core; one after another they took ~30 s of a
// 2-core machine's wall time, together ~15 s). Each runs the npm script of its name, as `npm run`
// would (node_modules/.bin first on PATH); its output is printed whole when it ends, so outputs
// never interleave. Exits 1 if any failed, after all have ended, so every failure is shown at once.
// Usage: node scripts/checks.mjs [script ...]  (default: build typecheck lint format:check knip)
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["build", "typecheck", "lint", "format:check", "knip"];
const env = { ...process.env, PATH: [join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter) };

/** Run one npm script in a shell; resolves whether it passed, after printing its output. */
function run(name) {
  const command = scripts[name];
  if (!command) {
    console.error(`checks: no script "${name}" in package.json`);
    return Promise.resolve(false);
  }
  const started = Date.now();
  const child = spawn(command, { cwd: root, env, shell: true, stdio: ["ignore", "pipe", "pipe"] });
  const out = [];
  child.stdout.on("data", (d) => out.push(d));
  child.stderr.on("data", (d) => out.push(d));
  return new Promise((resolve) => {
    child.on("error", (err) => out.push(Buffer.from(`${err.message}\n`)));
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(out).toString().trimEnd();
      const status = ok ? "ok" : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n> ${name}: ${command}\n${text ? `${text}\n` : ""}${name}: ${status} in ${secs} s\n`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(names.map(run));
const failed = names.filter((_, i) => !results[i]);
if (failed.length) {
  console.error(`\nchecks: ${failed.join(", ")} failed`);
  process.exitCode = 1;
}
