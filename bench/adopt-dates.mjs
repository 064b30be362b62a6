#!/usr/bin/env node
// No-change `learn status` and `learn revisit` on an adopted folder of 6,500 notes, beside `node -e 0`
// measured in the same run. Two workspaces: the generated corpus as it is (every note dated in its
// front matter) and a copy with its dates removed, committed to a git repo (every note's first date
// then comes from git's first add, cached in .learn/git-dates.json by HEAD). A third row touches one
// undated note between runs: the notes changed, so the schedule is replayed, but the set of undated
// notes did not, so git is not asked again.
//
//   node bench/adopt-dates.mjs          BENCH_NOTES (6500), BENCH_RUNS (7), BENCH_BIN (other builds'
//                                       bin/learn.cjs, comma-separated, to compare before and after)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin as ownBin, generatedWorkspace, median, requireReady, root } from "./common.mjs";

const N = Number(process.env.BENCH_NOTES ?? 6500);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// this build first, then any other builds named in BENCH_BIN (comma-separated)
const BINS = [ownBin, ...(process.env.BENCH_BIN ? process.env.BENCH_BIN.split(",") : [])];
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

/** A copy of `ws` for one build (each build keeps its own .learn/: their index schemas may differ). */
function copyFor(ws, i) {
  const to = `${ws}-bin${i}`;
  if (!existsSync(to)) cpSync(ws, to, { recursive: true, filter: (src) => !src.includes(`${ws}/.learn`) });
  return to;
}

const dated = generatedWorkspace(`revisit-plain-${N}`, N);
const adopt = undated(dated);
const touchOne = (ws) => {
  const one = join(
    ws,
    "notes",
    readdirSync(join(ws, "notes"), { recursive: true }).find((p) => p.endsWith(".md")),
  );
  return (i) => utimesSync(one, new Date(Date.UTC(2026, 0, 1 + i)), new Date(Date.UTC(2026, 0, 1 + i)));
};
// Each figure is a list of runs; builds and the floor take turns run by run, so a busy machine
// slows them alike and the ratios stay comparable.
const cases = [{ name: "node -e 0", run: () => once(["-e", "0"], root) }];
BINS.forEach((bin, i) => {
  const [d, u] = [copyFor(dated, i), copyFor(adopt, i)];
  const label = BINS.length > 1 ? ` [${i === 0 ? "this build" : bin}]` : "";
  const touch = touchOne(u);
  let k = 0;
  cases.push(
    { name: `status (dated)${label}`, run: () => once([bin, "status"], d) },
    { name: `revisit (dated)${label}`, run: () => once([bin, "revisit"], d) },
    { name: `status (undated, git)${label}`, run: () => once([bin, "status"], u) },
    { name: `revisit (undated, git)${label}`, run: () => once([bin, "revisit"], u) },
    {
      name: `revisit (undated, git; one note touched)${label}`,
      run: () => (touch(k++), once([bin, "revisit"], u)),
    },
  );
});
for (const c of cases) c.run(); // warm: indexes built, caches written
const times = cases.map(() => []);
for (let r = 0; r < RUNS; r++) cases.forEach((c, i) => times[i].push(c.run()));
const floor = median(times[0]);
console.log(`learn at ${N} notes, median of ${RUNS} interleaved runs`);
cases.forEach((c, i) => {
  const ms = median(times[i]);
  console.log(
    `${c.name.padEnd(64)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / floor).toFixed(1).padStart(5)}x node -e 0`,
  );
});
