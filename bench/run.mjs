#!/usr/bin/env node
// `npm run bench`: index and search timings on generated corpora, as whole processes.
// BENCH_SIZES=1000,10000 picks corpus sizes (default 1000,10000,50000); BENCH_RUNS sets runs per figure.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, makeCorpus, median, requireReady, root } from "./common.mjs";

const corpora = join(root, "bench", ".corpora");
const sizes = (process.env.BENCH_SIZES ?? "1000,10000,50000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

requireReady();

/** Run a command once: wall seconds and peak RSS in MB (when /usr/bin/time is there). */
function once(cmd, args, cwd) {
  const start = process.hrtime.bigint();
  // stdout goes to /dev/null (as in a terminal benchmark); stderr is kept for /usr/bin/time's figure.
  const spawnOpts = {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  };
  const res = timeBin
    ? spawnSync(timeBin, ["-f", "__PEAK__%M", cmd, ...args], spawnOpts)
    : spawnSync(cmd, args, spawnOpts);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /__PEAK__(\d+)/.exec(res.stderr ?? "");
  if (res.status !== 0 && !(cmd === "rg" && res.status === 1)) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  }
  return { secs, mb: m ? Number(m[1]) / 1024 : NaN };
}

/** Median time and max peak memory over `runs`, calling `before` ahead of each run (untimed). */
function measure(cmd, args, cwd, { runs = RUNS, before } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    results.push(once(cmd, args, cwd));
  }
  return { secs: median(results.map((r) => r.secs)), mb: Math.max(...results.map((r) => r.mb)) };
}

function corpus(n) {
  const ws = join(corpora, String(n));
  const notes = join(ws, "notes");
  if (!existsSync(join(ws, ".complete"))) {
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws, { recursive: true });
    process.stderr.write(`bench: generating ${n} notes in ${notes}\n`);
    const r = spawnSync(process.execPath, [makeCorpus, notes, "--notes", String(n)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    writeFileSync(join(ws, "learn.config.yaml"), "");
    writeFileSync(join(ws, ".complete"), "");
  }
  return ws;
}

const fmt = (r) => `${r.secs.toFixed(3)} s${Number.isNaN(r.mb) ? "" : `  ${r.mb.toFixed(0)} MB`}`;
const rows = [];
const row = (n, what, r, note = "") => {
  rows.push({ n, what, ...r, note });
  console.log(`${String(n).padStart(6)}  ${what.padEnd(34)} ${fmt(r).padEnd(20)} ${note}`);
};

console.log(`learn bench: ${RUNS} runs per figure (median time, peak memory); node ${process.version}`);
const node0 = measure(process.execPath, ["-e", "0"], root);
row(0, "node -e 0", node0);
const help = measure(process.execPath, [bin, "--help"], root);
row(0, "learn --help", help, `${(help.secs / node0.secs).toFixed(2)}x node -e 0 (target 1.3x)`);
const version = measure(process.execPath, [bin, "--version"], root);
row(0, "learn --version", version, `${(version.secs / node0.secs).toFixed(2)}x node -e 0 (target 1.3x)`);
// check is linear in links: one note of 100k wikilinks (just under the 1 MiB cap), each a broken-link warning.
const manyLinks = join(corpora, "links-100k");
if (!existsSync(join(manyLinks, ".complete"))) {
  mkdirSync(join(manyLinks, "notes"), { recursive: true });
  const body = Array.from({ length: 100_000 }, (_, i) => `[[m${i.toString(36)}]]`).join(" ");
  writeFileSync(join(manyLinks, "notes", "links.md"), `---\ntitle: Many links\n---\n${body}\n`);
  writeFileSync(join(manyLinks, "learn.config.yaml"), "");
  writeFileSync(join(manyLinks, ".complete"), "");
}
const checked = measure(process.execPath, [bin, "check", "--dir", manyLinks], manyLinks);
row(0, "check, a note of 100k wikilinks", checked, `${(checked.secs / node0.secs).toFixed(1)}x node -e 0`);

for (const n of sizes) {
  const ws = corpus(n);
  const notes = join(ws, "notes");
  const learn = (...args) => [bin, ...args, "--dir", ws];
  const fullRuns = n >= 50000 ? Math.min(RUNS, 3) : RUNS;
  const full = measure(process.execPath, learn("index"), ws, {
    runs: fullRuns,
    before: () => rmSync(join(ws, ".learn"), { recursive: true, force: true }),
  });
  row(n, "full index", full, n === 10000 ? "target 2.5 s" : n === 50000 ? "target 10 s, 200 MB" : "");
  const walk = measure(process.execPath, [join(root, "bench", "walk-baseline.mjs"), notes], ws);
  row(n, "walk + stat only (node)", walk);
  const same = measure(process.execPath, learn("index"), ws);
  row(n, "no-change re-index", same, `${(same.secs / walk.secs).toFixed(2)}x walk (target 1.15x)`);
  const first = join(notes, readdirSync(notes).sort()[0]);
  const victim = join(first, readdirSync(first).sort()[0]);
  const one = measure(process.execPath, learn("index"), ws, {
    before: (i) => appendFileSync(victim, `\nEdited in bench run ${i}.\n`),
  });
  row(n, "one-file-changed re-index", one);
  const exact = measure(process.execPath, learn("search", "idempotency"), ws);
  row(n, "search idempotency", exact, n === 10000 ? "target 0.45 s" : "");
  const noRefresh = measure(process.execPath, learn("search", "idempotency", "--no-refresh"), ws);
  row(n, "search idempotency --no-refresh", noRefresh, n === 10000 ? "target 0.2 s" : "");
  const fuzzy = measure(process.execPath, learn("search", "idempotncy"), ws);
  row(n, "search idempotncy (typo, fuzzy)", fuzzy, `${(fuzzy.secs / exact.secs).toFixed(2)}x exact (target 1.3x)`);
  const listed = measure(process.execPath, learn("list", "--format", "paths", "type:doc"), ws);
  row(n, "list --format paths type:doc", listed);
  if (has("rg")) {
    const rg = measure("rg", ["-l", "-i", "idempotency", notes], ws);
    row(n, "rg -l -i idempotency", rg, `search is ${(exact.secs / rg.secs).toFixed(2)}x rg`);
  } else row(n, "rg -l -i idempotency", { secs: NaN, mb: NaN }, "skipped: rg not installed (apt-get install ripgrep)");
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(rows, null, 2));
