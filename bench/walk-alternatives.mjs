#!/usr/bin/env node
// Ways to walk a notes folder and stat every note (issue 15, "a cheaper walk"), each as its own
// process, the runs interleaved so a busy machine slows them alike: the walk the index does
// (src/files/note-walk.ts: readdir with file types, one stat per note) against the alternatives.
// opendirSync streams entries in the file system's order; the walk needs readdir's order (by name:
// the walk digest and every listing depend on it), so it is measured sorted too. Measured with
// CPU to the millisecond (41 interleaved runs, 10k notes), opendirSync was no cheaper than readdir
// (170.1 vs 170.8 ms) and sorted 4% dearer (177.4 ms), so the walk stays on readdirSync.
// Prints each one's median wall and CPU time and its ratio to the first. Standalone:
// `node bench/walk-alternatives.mjs`; BENCH_SIZES=10000,50000 picks the generated corpora, BENCH_RUNS the runs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { generatedWorkspace, median } from "./common.mjs";

const sizes = (process.env.BENCH_SIZES ?? "10000,50000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const hasBash = spawnSync("sh", ["-c", "command -v bash"]).status === 0;

// Each walker prints how many notes it found, so a wrong one shows. NOTE and SKIP as note-walk.ts has them.
const head = `
import * as fs from "node:fs";
import { join } from "node:path";
const NOTE = /\\.(md|markdown)$/i;
const skip = (name) => name.startsWith(".") || name === "node_modules";
const dir = process.argv[1];
// The readdir walk most walkers share: each note's path, in folder order, to onNote.
const walkNotes = (d, onNote) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (skip(e.name)) continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walkNotes(p, onNote);
    else if (e.isFile() && NOTE.test(e.name)) onNote(p);
  }
};
`;
const WALKERS = {
  "readdirSync withFileTypes + statSync (as now)": `
    const found = [];
    walkNotes(dir, (p) => { const st = fs.statSync(p); found.push([p, st.mtimeMs, st.size]); });
    console.log(found.length);`,
  "statSync with bigint: false, throwIfNoEntry: false": `
    const found = [];
    walkNotes(dir, (p) => { const st = fs.statSync(p, { throwIfNoEntry: false }); if (st) found.push([p, st.mtimeMs, st.size]); });
    console.log(found.length);`,
  "readdirSync recursive (names) + statSync": `
    const found = [];
    for (const rel of fs.readdirSync(dir, { recursive: true })) {
      if (!NOTE.test(rel) || rel.split("/").some(skip)) continue;
      const st = fs.statSync(join(dir, rel));
      if (st.isFile()) found.push([rel, st.mtimeMs, st.size]);
    }
    console.log(found.length);`,
  "readdirSync recursive withFileTypes + statSync": `
    const found = [];
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !NOTE.test(e.name)) continue;
      const p = join(e.parentPath ?? e.path, e.name);
      if (p.slice(dir.length).split("/").some(skip)) continue;
      const st = fs.statSync(p);
      found.push([p, st.mtimeMs, st.size]);
    }
    console.log(found.length);`,
  "opendirSync (streamed entries) + statSync": `
    const found = [];
    const walk = (d) => {
      const h = fs.opendirSync(d, { bufferSize: 256 });
      for (let e = h.readSync(); e !== null; e = h.readSync()) {
        if (skip(e.name)) continue;
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && NOTE.test(e.name)) { const st = fs.statSync(p); found.push([p, st.mtimeMs, st.size]); }
      }
      h.closeSync();
    };
    walk(dir);
    console.log(found.length);`,
  "opendirSync, sorted by name + statSync": `
    const found = [];
    const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const walk = (d) => {
      const h = fs.opendirSync(d, { bufferSize: 256 });
      const entries = [];
      try {
        for (let e = h.readSync(); e !== null; e = h.readSync()) entries.push(e);
      } finally {
        h.closeSync();
      }
      for (const e of entries.sort(byName)) {
        if (skip(e.name)) continue;
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && NOTE.test(e.name)) { const st = fs.statSync(p); found.push([p, st.mtimeMs, st.size]); }
      }
    };
    walk(dir);
    console.log(found.length);`,
  "readdirSync + batched async stat (64 at a time)": `
    const paths = [];
    walkNotes(dir, (p) => paths.push(p));
    const found = [];
    for (let i = 0; i < paths.length; i += 64) {
      const sts = await Promise.all(paths.slice(i, i + 64).map((p) => fs.promises.stat(p)));
      sts.forEach((st, j) => found.push([paths[i + j], st.mtimeMs, st.size]));
    }
    console.log(found.length);`,
  "readdirSync + all async stats at once": `
    const paths = [];
    walkNotes(dir, (p) => paths.push(p));
    const sts = await Promise.all(paths.map((p) => fs.promises.stat(p)));
    console.log(sts.length);`,
  "readdirSync + lstatSync (no link follow)": `
    const found = [];
    walkNotes(dir, (p) => { const st = fs.lstatSync(p); found.push([p, st.mtimeMs, st.size]); });
    console.log(found.length);`,
  "walk only, no stat (the readdir floor)": `
    let n = 0;
    walkNotes(dir, () => n++);
    console.log(n);`,
};

/**
 * One run: wall seconds, CPU seconds (user + system) and what it printed. Under bash's `time`,
 * which reads both to the millisecond (/usr/bin/time gives CPU to 10 ms only).
 */
function once(code, dir) {
  const args = ["--input-type=module", "-e", head + code, dir];
  const start = process.hrtime.bigint();
  const res = hasBash
    ? spawnSync("bash", ["-c", 'TIMEFORMAT="__TIME__%3R %3U %3S"; time "$@"', "bash", process.execPath, ...args], {
        encoding: "utf8",
      })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(res.stderr);
  const m = /__TIME__([\d.]+) ([\d.]+) ([\d.]+)/.exec(res.stderr);
  const secs = m ? Number(m[1]) : Number(process.hrtime.bigint() - start) / 1e9;
  return { secs, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, out: res.stdout.trim() };
}

for (const n of sizes) {
  const notes = join(generatedWorkspace(String(n), n), "notes");
  const names = Object.keys(WALKERS);
  const runs = names.map(() => []);
  const counts = names.map(() => "");
  for (let i = 0; i < RUNS; i++)
    names.forEach((name, j) => {
      const r = once(WALKERS[name], notes);
      runs[j].push(r);
      counts[j] = r.out;
    });
  console.log(`\nwalk and stat ${n} notes: median of ${RUNS} interleaved runs, wall (CPU)`);
  const base = median(runs[0].map((r) => r.secs));
  const baseCpu = median(runs[0].map((r) => r.cpu));
  names.forEach((name, j) => {
    const secs = median(runs[j].map((r) => r.secs));
    const cpu = median(runs[j].map((r) => r.cpu));
    console.log(
      `  ${name.padEnd(50)} ${secs.toFixed(3)} s (${cpu.toFixed(3)})  ${(secs / base).toFixed(2)}x (CPU ${(cpu / baseCpu).toFixed(2)}x)  ${counts[j]} notes`,
    );
  });
}
