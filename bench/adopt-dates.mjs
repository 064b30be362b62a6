#!/usr/bin/env node
// No-change `learn status` and `learn revisit` on an adopted folder of 6,500 notes, beside `node -e 0`
// measured in the same run. Two workspaces: the generated corpus as it is (every note dated in its
// front matter) and a copy with its dates removed, committed to a git repo (every note's first date
// then comes from git's first add, cached in .learn/git-dates.json by HEAD). A third row touches one
// undated note between runs: the notes changed, so the schedule is replayed, but the set of undated
// notes did not, so git is not asked again.
//
//   node bench/adopt-dates.mjs          BENCH_NOTES (6500), BENCH_RUNS (7), BENCH_BIN (another
//                                       build's bin/learn.js, to compare before and after a change)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin as ownBin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

const N = Number(process.env.BENCH_NOTES ?? 6500);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BIN = process.env.BENCH_BIN ?? ownBin;
const TODAY = "2026-12-01";

requireReady();

/** A copy of the corpus without published:/updated:, in a git repo with one commit on a fixed day. */
function undated(dated) {
  const ws = join(root, "bench", ".corpora", `adopt-${N}`);
  if (existsSync(join(ws, ".complete"))) return ws;
  rmSync(ws, { recursive: true, force: true });
  cpSync(join(dated, "notes"), join(ws, "notes"), { recursive: true });
  writeFileSync(join(ws, "learn.config.yaml"), "");
  for (const f of readdirSync(join(ws, "notes"), { recursive: true }).filter((p) => p.endsWith(".md"))) {
    const p = join(ws, "notes", f);
    writeFileSync(p, readFileSync(p, "utf8").replace(/^(published|updated): .*\n/gm, ""));
  }
  const env = {
    PATH: process.env.PATH,
    HOME: ws,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_DATE: "2023-04-02T10:00:00Z",
    GIT_COMMITTER_DATE: "2023-04-02T10:00:00Z",
  };
  const git = (...args) =>
    execFileSync("git", ["-c", "user.name=b", "-c", "user.email=b@e", ...args], { cwd: ws, env });
  git("init", "-q");
  writeFileSync(join(ws, ".gitignore"), ".learn/\n.complete\n");
  git("add", "-A");
  git("commit", "-q", "-m", "notes");
  writeFileSync(join(ws, ".complete"), "");
  return ws;
}

function once(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env: { ...process.env, LEARN_TODAY: TODAY, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return ms;
}

function timed(args, cwd, before = () => {}) {
  once(args, cwd); // warm: the index and caches exist
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    before(i);
    xs.push(once(args, cwd));
  }
  return median(xs);
}

const dated = generatedWorkspace(`revisit-plain-${N}`, N);
const adopt = undated(dated);
const floor = timed(["-e", "0"], root);
const rows = [["node -e 0", floor]];
for (const [name, ws] of [
  ["dated", dated],
  ["undated, git", adopt],
]) {
  rows.push([`status (${name})`, timed([BIN, "status"], ws)]);
  rows.push([`revisit (${name})`, timed([BIN, "revisit"], ws)]);
}
const one = join(
  adopt,
  "notes",
  readdirSync(join(adopt, "notes"), { recursive: true }).find((p) => p.endsWith(".md")),
);
const touch = (i) => utimesSync(one, new Date(Date.UTC(2026, 0, 1 + i)), new Date(Date.UTC(2026, 0, 1 + i)));
rows.push(["revisit (undated, git; one note touched)", timed([BIN, "revisit"], adopt, touch)]);

console.log(`learn at ${N} notes (${BIN === ownBin ? "this build" : BIN}), median of ${RUNS} runs`);
for (const [what, ms] of rows)
  console.log(`${what.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / floor).toFixed(1).padStart(5)}x node -e 0`);
