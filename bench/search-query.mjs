#!/usr/bin/env node
// The search query in-process (issue 15): for a selective word, a common word, a two-word query
// and a filtered query, how many notes match, the median time of rankNotes (src/store/search.ts,
// bundled on the fly: bench/common.mjs fromSources) on a warm index, and the SQLite plan of each
// statement it ran (EXPLAIN QUERY PLAN). Standalone: `node bench/search-query.mjs`.
// BENCH_SIZES=10000,50000 picks the generated corpora (made and indexed by the built learn); BENCH_RUNS the runs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { bin, fromSources, generatedWorkspace, median } from "./common.mjs";

const sizes = (process.env.BENCH_SIZES ?? "10000,50000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const QUERIES = [
  ["selective word", "4862"],
  ["common word", "practice"],
  ["two common words", "circuit breaker"],
  ["filtered", "practice type:doc status:evergreen"],
];

const [{ rankNotes }, { parseQuery, toFtsMatch }, { SqliteIndex }] = await fromSources(
  "src/store/search.ts",
  "src/core/query.ts",
  "src/store/handle.ts",
);

/** The statements a call runs, with their parameters: db.prepare wrapped to record them. */
function recording(db) {
  const ran = new Map();
  const prepare = db.prepare.bind(db);
  db.prepare = (sql) => {
    const st = prepare(sql);
    for (const m of ["all", "get", "iterate"]) {
      const f = st[m].bind(st);
      st[m] = (...params) => {
        if (!ran.has(sql)) ran.set(sql, params);
        return f(...params);
      };
    }
    return st;
  };
  return { ran, prepare };
}

for (const n of sizes) {
  const ws = generatedWorkspace(String(n), n);
  // made, or brought up to date (an index of another schema is rebuilt)
  spawnSync(process.execPath, [bin, "index", "--dir", ws], { stdio: "ignore" });
  const db = new Database(join(ws, ".learn", "index.db"), { readonly: true });
  const index = new SqliteIndex(db);
  console.log(`\n${n} notes (median of ${RUNS} runs, warm)`);
  for (const [what, text] of QUERIES) {
    const query = parseQuery(text);
    const req = { query, limit: 10, today: "2026-11-27" };
    const matching = db
      .prepare("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?")
      .pluck()
      .get(toFtsMatch(query));
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await rankNotes(index, req);
      times.push(performance.now() - t);
    }
    const plain = new Database(join(ws, ".learn", "index.db"), { readonly: true });
    const { ran, prepare } = recording(plain);
    const hits = (await rankNotes(new SqliteIndex(plain), req)).hits.length;
    console.log(
      `  ${what.padEnd(17)} ${JSON.stringify(text).padEnd(38)} ${String(matching).padStart(6)} match  ` +
        `${hits} shown  ${median(times).toFixed(2)} ms`,
    );
    for (const [sql, params] of ran) {
      if (/terms_vocab|count\(\*\)/.test(sql)) continue; // the typo and relaxing look-ups, not the ranking
      console.log(`    ${sql.length > 150 ? `${sql.slice(0, 147)}...` : sql}`);
      for (const p of prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params)) console.log(`      ${p.detail}`);
    }
    plain.close();
  }
  db.close();
}
