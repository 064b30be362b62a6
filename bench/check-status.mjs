#!/usr/bin/env node
// `learn check` and `learn status` at 6,500 notes (issue 9's targets: check <= 2 s, status <= 0.5 s),
// as whole processes, each beside two floors measured in the same run: `node -e 0` (a Node start)
// and a Node process that walks the notes folder and stats every note (bench/walk-baseline.mjs).
// `check` is timed warm (its per-note cache in .learn/ filled, nothing changed), after one note
// changed, and cold (cache removed); `status` warm (its caches in .learn/ filled: status.json,
// week.json, substance.json), after one note changed (the index refreshed, everything computed
// again) and cold (its caches removed, the index kept). Standalone: `node bench/check-status.mjs` after `npm run build`;
// BENCH_NOTES sets the corpus size, BENCH_RUNS the runs per figure (the median is shown).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { bin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

requireReady();
const NOTES = Number(process.env.BENCH_NOTES ?? 6500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ws = generatedWorkspace(`check-status-${NOTES}`, NOTES);
const env = { ...process.env, NO_COLOR: "1", LEARN_TODAY: "2026-12-01" };

const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * Wall seconds of one run, CPU seconds (user + system) and peak RSS in MB, from /usr/bin/time when
 * there (CPU is steadier than wall time on a busy machine). check exits 1 when it finds errors,
 * which is not a failure here.
 */
function once(args) {
  const start = process.hrtime.bigint();
  const cmd = timeBin ? [timeBin, "-f", "__CPU__%U %S %M", process.execPath, ...args] : [process.execPath, ...args];
  const res = spawnSync(cmd[0], cmd.slice(1), { cwd: ws, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0 && res.status !== 1)
    throw new Error(`node ${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  const m = /__CPU__([\d.]+) ([\d.]+) (\d+)/.exec(res.stderr ?? "");
  return { secs, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rss: m ? Number(m[3]) / 1024 : NaN };
}

/** The median wall and CPU seconds and peak RSS of `RUNS` runs, calling `before` (untimed) ahead of each. */
function measure(args, before) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    before?.(i);
    runs.push(once(args));
  }
  return {
    secs: median(runs.map((r) => r.secs)),
    cpu: median(runs.map((r) => r.cpu)),
    rss: median(runs.map((r) => r.rss)),
  };
}

once([bin, "index"]); // build the index and fill the check and status caches, untimed
once([bin, "check"]);
once([bin, "status"]);
once([bin, "status"]);
const statusCaches = ["status.json", "week.json", "substance.json"];
const touched = join(ws, "notes", "inbox-bench-touch.md");
const figures = {
  "node -e 0": measure(["-e", "0"]),
  "walk+stat": measure([join(root, "bench", "walk-baseline.mjs"), join(ws, "notes")]),
  status: measure([bin, "status"]),
  check: measure([bin, "check"]),
  "check, 1 note changed": measure([bin, "check"], (i) => appendFileSync(touched, `line ${i}\n`)),
  "check, cold": measure([bin, "check"], () => rmSync(join(ws, ".learn", "check-cache.json"), { force: true })),
  "status, 1 note changed": measure([bin, "status"], (i) => appendFileSync(touched, `status line ${i}\n`)),
  "status, cold": measure([bin, "status"], () => {
    for (const f of statusCaches) rmSync(join(ws, ".learn", f), { force: true });
  }),
};
rmSync(touched, { force: true });
once([bin, "index"]);

const floor = figures["walk+stat"];
const target = { status: 0.5, check: 2 };
const start = figures["node -e 0"];
console.log(`check-status: ${NOTES} notes, median of ${RUNS} runs (targets: check <= 2 s, status <= 0.5 s)`);
for (const [name, { secs, cpu, rss }] of Object.entries(figures)) {
  const goal =
    target[name] === undefined ? "" : ` (target ${target[name]} s: ${secs <= target[name] ? "met" : "missed"})`;
  const ratio =
    name === "node -e 0" || name === "walk+stat"
      ? ""
      : `, ${(secs / floor.secs).toFixed(1)}x walk+stat, ${(secs / start.secs).toFixed(1)}x node -e 0`;
  const cpuText = Number.isNaN(cpu) ? "" : `, cpu ${cpu.toFixed(2)} s, peak rss ${rss.toFixed(0)} MB`;
  console.log(`  ${name.padEnd(22)} ${secs.toFixed(2)} s${ratio}${cpuText}${goal}`);
}
