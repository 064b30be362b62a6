#!/usr/bin/env node
// `learn revisit --brief` at 10k notes as a whole process, against `learn search` on the same
// workspace (the target: no slower than search). Standalone: `node bench/revisit-brief.mjs`.
// BENCH_NOTES sets the corpus size (default 10000), BENCH_RUNS the runs per figure (default 7),
// BENCH_JSON a file for the rows. The workspace gets a revisits.jsonl of ~3 events per 10 notes.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

const N = Number(process.env.BENCH_NOTES ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TODAY = "2026-11-27";

requireReady();

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A deterministic log: revisits, build uses and snoozes spread over the last year. */
function writeLog(ws, slugs) {
  const ratings = ["again", "hard", "good", "good", "good", "easy"];
  const lines = [];
  for (let i = 0; i < slugs.length; i += 3) {
    const slug = slugs[i];
    // every event lies in the past, as in a real log (events after "today" only happen with --today)
    const date = addDays(TODAY, -((i * 7919) % 300) - 40);
    lines.push({ v: 1, event: "revisit", note: slug, date, rating: ratings[i % ratings.length] });
    if (i % 9 === 0) lines.push({ v: 1, event: "revisit", note: slug, date: addDays(date, 30), rating: "good" });
    if (i % 30 === 0) lines.push({ v: 1, event: "used", note: slug, date: addDays(date, 1), build: "payments API v2" });
    if (i % 45 === 0)
      lines.push({ v: 1, event: "snooze", note: slug, date: addDays(date, 2), until: addDays(TODAY, 5) });
  }
  writeFileSync(join(ws, "revisits.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return lines.length;
}

function corpus(n) {
  return generatedWorkspace(`revisit-${n}`, n, (ws) => {
    const slugs = readdirSync(join(ws, "notes"), { recursive: true })
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.replace(/^.*\//, "").slice(0, -3))
      .sort();
    process.stderr.write(`bench: ${writeLog(ws, slugs)} events in revisits.jsonl\n`);
  });
}

/** A run of learn with `args`; `["-e", "0"]`-style node arguments when `node` is set. */
function once(args, cwd, node = false) {
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, node ? args : [bin, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: "1", LEARN_TODAY: TODAY },
  });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0) throw new Error(`learn ${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  return { secs, out: res.stdout };
}
// Interleave the commands run by run, so a busy machine slows them alike.
function race(cases, ws) {
  const times = cases.map(() => []);
  for (let i = 0; i < RUNS; i++)
    cases.forEach((args, j) => times[j].push(args === NODE ? once(["-e", "0"], ws, true).secs : once(args, ws).secs));
  return times.map(median);
}
const NODE = ["node -e 0"];

/** The modules (ES and CommonJS, each once) a learn run loads, via tests/helpers/module-log.mjs. */
function modulesLoaded(args, cwd) {
  const log = join(tmpdir(), `learn-bench-modules-${process.pid}.txt`);
  rmSync(log, { force: true });
  const hook = join(root, "tests", "helpers", "module-log.mjs");
  spawnSync(process.execPath, ["--import", hook, bin, ...args], {
    cwd,
    env: { ...process.env, LEARN_TODAY: TODAY, LEARN_MODULE_LOG: log },
  });
  const mods = new Set(readFileSync(log, "utf8").trim().split("\n"));
  rmSync(log, { force: true });
  return [...mods].filter((m) => !m.startsWith("node:") && !m.startsWith("cjs:node:")).length;
}

const ws = corpus(N);
once(["index"], ws); // warm the index: every figure below is a no-change refresh, as in daily use
once(["revisit", "--brief"], ws); // and its schedule cache, as after any earlier learn command
const [node, brief, search, list] = race([NODE, ["revisit", "--brief"], ["search", "idempotency"], ["revisit"]], ws);
const line = once(["revisit", "--brief"], ws).out.trim();
console.log(`learn revisit --brief bench: ${N} notes, ${RUNS} runs each (median), node ${process.version}`);
console.log(`  node -e 0             ${node.toFixed(3)} s`);
console.log(
  `  revisit --brief       ${brief.toFixed(3)} s   ${(brief / node).toFixed(2)}x node -e 0 (target <= 1.20x)` +
    `, ${modulesLoaded(["revisit", "--brief"], ws)} modules -> "${line}"`,
);
console.log(`  search idempotency    ${search.toFixed(3)} s`);
console.log(`  revisit (full list)   ${list.toFixed(3)} s`);
const ratio = brief / search;
console.log(`  brief / search        ${ratio.toFixed(2)}x (target <= 1.00x) ${ratio <= 1 ? "ok" : "SLOWER"}`);
if (process.env.BENCH_JSON)
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify({ notes: N, runs: RUNS, node, brief, search, list, ratio, nodeRatio: brief / node }, null, 2),
  );
