#!/usr/bin/env node
// `learn publish` on 6,500 public notes (issue 9's target: <= 6 s and <= 250 MB peak RSS), as a
// whole process, beside floors measured in the same run: `node -e 0`, a Node process that only
// walks the notes and stats each, and a file-creation floor: a Node process that only creates the
// files the site holds (same paths, same sizes) in a folder emptied the same way just before. Each
// publish run is paired with a floor run right before it (creating files on a virtual disk varies
// several-fold from minute to minute), and each figure shows the median floor of its own runs (for
// the re-publishes, which create next to nothing, only as the disk's state at the time).
// Four figures: a first publish into an empty folder with no caches at all (every note rendered
// and scanned for secrets), one into an empty folder with the scan cache of an earlier publish, a
// re-publish with nothing changed (nothing rendered, scanned or written), and one after a single
// note changed.
// BENCH_PUBLISH_NOTES sets the size; BENCH_RUNS the runs per figure (median time, max RSS);
// BENCH_LEARN_BIN another build's bin/learn.cjs to measure (e.g. a checkout of main, for a before/after).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { bin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

const N = Number(process.env.BENCH_PUBLISH_NOTES ?? 6500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
requireReady();
const learn = process.env.BENCH_LEARN_BIN ?? bin;

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

const summary = (rs) => ({
  secs: median(rs.map((r) => r.secs)),
  cpu: median(rs.map((r) => r.cpu)),
  mb: Math.max(...rs.map((r) => r.mb)),
});

/** RUNS runs of `args`, each right after a run of the file-creation floor (both folders emptied first). */
function measure(args, cwd, before) {
  const rs = [];
  const floors = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(floorDir, { recursive: true, force: true });
    floors.push(once(floorArgs, cwd));
    before?.(i);
    rs.push(once(args, cwd));
  }
  return { ...summary(rs), floor: summary(floors) };
}

/** [path, size] of every file under `dir`. */
const filesOf = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const p = join(e.parentPath ?? e.path, e.name);
      return [relative(dir, p), statSync(p).size];
    });

const ws = generatedWorkspace(`publish-${N}`, N, allPublic);
const site = join(ws, "site");
once([learn, "index"], ws);
// The floor creates what a publish creates: list the site one publish makes.
once([learn, "publish"], ws);
const floorList = join(ws, ".learn", "bench-floor-files.json");
const floorDir = join(ws, "floor-site");
writeFileSync(floorList, JSON.stringify(filesOf(site)));
const floorArgs = [join(root, "bench", "create-floor.mjs"), floorList, floorDir];
once(floorArgs, ws); // the first run leaves a folder to remove, as the publish runs do
const alone = (args) => summary(Array.from({ length: RUNS }, () => once(args, ws)));
const node0 = alone(["-e", "0"]);
const walk = alone([join(root, "bench", "walk-baseline.mjs"), join(ws, "notes")]);
const cold = measure([learn, "publish"], ws, () => {
  rmSync(site, { recursive: true, force: true });
  for (const f of ["publish-clean.json", "publish-pages.json", "publish-site.json"])
    rmSync(join(ws, ".learn", f), { force: true });
});
const fresh = measure([learn, "publish"], ws, () => rmSync(site, { recursive: true, force: true }));
const same = measure([learn, "publish"], ws);
const one = join(
  ws,
  "notes",
  readdirSync(join(ws, "notes"), { recursive: true }).find((f) => String(f).endsWith(".md")),
);
const original = readFileSync(one, "utf8");
const changed = measure([learn, "publish"], ws, (i) => writeFileSync(one, `${original}\nEdit ${i}.\n`));
writeFileSync(one, original);
rmSync(floorDir, { recursive: true, force: true });

const row = (label, r, note = "") =>
  console.log(
    `${label.padEnd(34)} ${r.secs.toFixed(2).padStart(6)} s  cpu ${r.cpu.toFixed(2).padStart(6)} s  ${r.mb.toFixed(0).padStart(4)} MB  ${note}`,
  );
console.log(`\npublish, ${N} public notes (median of ${RUNS}; targets: <= 6 s, <= 250 MB)`);
row("node -e 0", node0);
row("walk + stat only (node)", walk);
const files = JSON.parse(readFileSync(floorList, "utf8")).length;
for (const [label, r] of [
  ["publish, empty folder, no caches", cold],
  ["publish into an empty folder", fresh],
  ["re-publish, nothing changed", same],
  ["re-publish, one note changed", changed],
]) {
  row(label, r, `${(r.secs / walk.secs).toFixed(1)}x walk, ${(r.secs / node0.secs).toFixed(0)}x node -e 0`);
  const ratio = r === cold || r === fresh ? `publish = ${(r.secs / r.floor.secs).toFixed(1)}x this floor` : "";
  row(`  its floor: create ${files} files`, r.floor, ratio);
}
