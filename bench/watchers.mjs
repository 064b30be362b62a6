#!/usr/bin/env node
// Which file watcher `learn watch` uses, by measurement (issue 14): Node's recursive fs.watch,
// chokidar (pure JS) and @parcel/watcher (native, prebuilt) on a generated 10k-note workspace.
// Each runs in its own process so its memory is its own: time to ready, RSS after ready, the
// median latency from a file write to its event (50 writes), and whether a rename and a delete in
// a subfolder are reported with their paths.
//
//   node bench/watchers.mjs [--notes N]
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, renameSync, rmSync, watch, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generatedWorkspace, median } from "./common.mjs";

const KINDS = ["fs.watch", "chokidar", "@parcel/watcher"];
const WRITES = 50;
const OPTIONAL = "@parcel/watcher";

/** Start one watcher on `dir`; resolves once it is ready, with its close function. */
async function start(kind, dir, onEvent) {
  if (kind === "fs.watch") {
    const w = watch(dir, { recursive: true }, (_e, name) => onEvent(resolve(dir, String(name))));
    // fs.watch has no ready event: it is ready once a write in the last folder of the walk is seen
    const last = join(dir, readdirSync(dir).sort().at(-1));
    const probe = join(last, ".probe.md");
    await new Promise((ok) => {
      const saw = onEvent;
      onEvent = (p) => (p === probe ? ok() : saw(p));
      const again = () => (writeFileSync(probe, String(Date.now())), (t = setTimeout(again, 5)));
      let t = setTimeout(again, 0);
      const done = ok;
      ok = () => (clearTimeout(t), (onEvent = saw), done());
    });
    rmSync(probe);
    return () => w.close();
  }
  if (kind === "chokidar") {
    const { watch: chokidar } = await import("chokidar");
    const w = chokidar(dir, { ignoreInitial: true, ignored: (p) => /[\\/]\.learn(?:[\\/]|$)/.test(p) });
    for (const e of ["add", "change", "unlink", "addDir", "unlinkDir"]) w.on(e, (p) => onEvent(resolve(p)));
    await new Promise((ok) => w.once("ready", ok));
    return () => w.close();
  }
  const parcel = await import(OPTIONAL); // not a dependency: `npm i --no-save @parcel/watcher` to compare
  const sub = await parcel.subscribe(
    dir,
    (err, events) => {
      if (!err) for (const e of events) onEvent(e.path);
    },
    { ignore: [".learn"] },
  );
  return () => sub.unsubscribe();
}

/** Measure one watcher in this process and print its figures as JSON. */
async function child(kind, dir) {
  const waiting = new Map();
  const seen = new Set();
  const onEvent = (p) => {
    seen.add(p);
    waiting.get(p)?.();
  };
  const until = (p, ms = 2000) =>
    new Promise((ok) => {
      const t = setTimeout(() => (waiting.delete(p), ok(false)), ms);
      waiting.set(p, () => (clearTimeout(t), waiting.delete(p), ok(true)));
    });
  const t0 = performance.now();
  const stop = await start(kind, dir, (p) => onEvent(p));
  const readyMs = performance.now() - t0;
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const sub = join(dir, readdirSync(dir).sort()[0]);
  const target = join(
    sub,
    readdirSync(sub).find((f) => f.endsWith(".md")),
  );
  const before = readFileSync(target, "utf8");
  const latencies = [];
  for (let i = 0; i < WRITES; i++) {
    const heard = until(target);
    const w0 = performance.now();
    writeFileSync(target, `---\ntitle: Write ${i}\n---\n`);
    if (await heard) latencies.push(performance.now() - w0);
    await new Promise((r) => setTimeout(r, 60)); // let coalescing watchers settle between writes
  }
  const [a, b] = readdirSync(sub).filter((f) => f.endsWith(".md") && join(sub, f) !== target);
  const renamed = join(sub, "renamed-by-bench.md");
  const heardOld = until(join(sub, a));
  const heardNew = until(renamed);
  renameSync(join(sub, a), renamed);
  const rename = (await heardOld) && (await heardNew);
  const kept = readFileSync(join(sub, b));
  const heardDel = until(join(sub, b));
  rmSync(join(sub, b));
  const del = await heardDel;
  await stop();
  // put the folder back as it was, for the next watcher and the next run
  writeFileSync(target, before);
  renameSync(renamed, join(sub, a));
  writeFileSync(join(sub, b), kept);
  console.log(
    JSON.stringify({ kind, readyMs, rssMB, latencyMs: median(latencies), heard: latencies.length, rename, del }),
  );
}

if (process.argv[2] === "--child") {
  await child(process.argv[3], process.argv[4]);
} else {
  const i = process.argv.indexOf("--notes");
  const n = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  const rows = [];
  const dir = join(generatedWorkspace(`watchers-${n}`, n), "notes");
  for (const kind of KINDS) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", kind, dir], { encoding: "utf8" });
    if (r.status !== 0) {
      const missing = /ERR_MODULE_NOT_FOUND/.test(r.stderr);
      console.error(
        `bench: ${kind} ${missing ? "skipped: not installed (npm i --no-save @parcel/watcher)" : `failed: ${r.stderr}`}`,
      );
      continue;
    }
    rows.push(JSON.parse(r.stdout.trim().split("\n").at(-1)));
  }
  const f = (x, d = 1) => x.toFixed(d);
  console.log(
    `watchers on ${n} notes: ready, RSS after ready, write→event median (${WRITES} writes), subfolder rename/delete`,
  );
  console.log(
    `${"watcher".padEnd(17)}${"ready ms".padStart(10)}${"RSS MB".padStart(9)}${"latency ms".padStart(12)}  rename  delete`,
  );
  for (const r of rows)
    console.log(
      `${r.kind.padEnd(17)}${f(r.readyMs, 0).padStart(10)}${f(r.rssMB, 0).padStart(9)}${f(r.latencyMs).padStart(12)}` +
        `  ${(r.rename ? "yes" : "no").padEnd(6)}  ${r.del ? "yes" : "no"}${r.heard < WRITES ? `  (missed ${WRITES - r.heard} writes)` : ""}`,
    );
}
