#!/usr/bin/env node
// `learn publish` on 6,500 public notes (issue 9's target: <= 6 s and <= 250 MB peak RSS), as a
// whole process, beside two floors measured in the same run: `node -e 0` and a Node process that
// only walks the notes and stats each. Four figures: a first publish into an empty folder with no
// caches at all (every note rendered and scanned for secrets), one into an empty folder with the
// scan cache of an earlier publish, a re-publish with nothing changed (nothing rendered, scanned or
// written), and one after a single note changed.
// BENCH_PUBLISH_NOTES sets the size; BENCH_RUNS the runs per figure (median time, max RSS).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

const N = Number(process.env.BENCH_PUBLISH_NOTES ?? 6500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
requireReady();

/** Make every note public: the generator writes most of them private. */
function allPublic(ws) {
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".md")) {
        const text = readFileSync(p, "utf8");
        const next = text.replace(/^visibility: private$/m, "visibility: public");
        if (next !== text) writeFileSync(p, next);
      }
    }
  };
  walk(join(ws, "notes"));
}

/** One run: wall seconds, peak RSS (MB, when /usr/bin/time is there) and CPU seconds. */
function once(args, cwd) {
  const start = process.hrtime.bigint();
  const opts = { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } };
  const res = timeBin
    ? spawnSync(timeBin, ["-f", "__PEAK__%M %U %S", process.execPath, ...args], opts)
    : spawnSync(process.execPath, args, opts);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0) throw new Error(`${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  const m = /__PEAK__(\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? "");
  return { secs, mb: m ? Number(m[1]) / 1024 : NaN, cpu: m ? Number(m[2]) + Number(m[3]) : NaN };
}

function measure(args, cwd, before) {
  const rs = [];
  for (let i = 0; i < RUNS; i++) {
    before?.(i);
    rs.push(once(args, cwd));
  }
  return {
    secs: median(rs.map((r) => r.secs)),
    cpu: median(rs.map((r) => r.cpu)),
    mb: Math.max(...rs.map((r) => r.mb)),
  };
}

const ws = generatedWorkspace(`publish-${N}`, N, allPublic);
const site = join(ws, "site");
once([bin, "index"], ws);
const node0 = measure(["-e", "0"], ws);
const walk = measure([join(root, "bench", "walk-baseline.mjs"), join(ws, "notes")], ws);
const cold = measure([bin, "publish"], ws, () => {
  rmSync(site, { recursive: true, force: true });
  for (const f of ["publish-clean.json", "publish-pages.json", "publish-site.json"])
    rmSync(join(ws, ".learn", f), { force: true });
});
const fresh = measure([bin, "publish"], ws, () => rmSync(site, { recursive: true, force: true }));
const same = measure([bin, "publish"], ws);
const one = join(
  ws,
  "notes",
  readdirSync(join(ws, "notes"), { recursive: true }).find((f) => String(f).endsWith(".md")),
);
const original = readFileSync(one, "utf8");
const changed = measure([bin, "publish"], ws, (i) => writeFileSync(one, `${original}\nEdit ${i}.\n`));
writeFileSync(one, original);

const row = (label, r, note = "") =>
  console.log(
    `${label.padEnd(34)} ${r.secs.toFixed(2).padStart(6)} s  cpu ${r.cpu.toFixed(2).padStart(6)} s  ${r.mb.toFixed(0).padStart(4)} MB  ${note}`,
  );
console.log(`\npublish, ${N} public notes (median of ${RUNS}; targets: <= 6 s, <= 250 MB)`);
row("node -e 0", node0);
row("walk + stat only (node)", walk);
for (const [label, r] of [
  ["publish, empty folder, no caches", cold],
  ["publish into an empty folder", fresh],
  ["re-publish, nothing changed", same],
  ["re-publish, one note changed", changed],
])
  row(label, r, `${(r.secs / walk.secs).toFixed(1)}x walk, ${(r.secs / node0.secs).toFixed(0)}x node -e 0`);
