#!/usr/bin/env node
// Known-item search evaluation: can a user find a note they remember by its title, or by its title
// mistyped? On each collection, 100 notes picked with a fixed seed are searched for by their title's
// content words (stop words dropped), and again with two adjacent letters of the longest word swapped.
// Prints the share of title queries with the note first and of typo queries with it in the top 3.
// Collections: the generated corpus in bench/.corpora (made if missing), and the real ones in
// ../shared/corpora (BENCH_CORPORA overrides), each copied into a temp folder first, never touched.
// BENCH_EVAL_VERBOSE=1 lists the misses.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromSources, root } from "./common.mjs";
import { makeCorpus } from "./make-corpus.mjs";

const SAMPLE = 100;
const SEED = Number(process.env.BENCH_EVAL_SEED ?? 20261201);
const TARGET_FIRST = 0.97;
const TARGET_TOP3 = 0.9;
const corpora = process.env.BENCH_CORPORA ?? resolve(root, "..", "shared", "corpora");
// The repository's own generator when it has one, else the shared one bench/run.mjs uses.
const inRepo = join(root, "bench", "make-corpus.mjs");
const generator = existsSync(inRepo) ? inRepo : makeCorpus;
const verbose = Boolean(process.env.BENCH_EVAL_VERBOSE);

if (!existsSync(join(root, "dist", "cli.js"))) {
  console.error("search-eval: dist/ is missing; run `npm run build` first");
  process.exit(1);
}
const [{ search }, { memoryIO }, { createContext }, { openIndexLazy }] = await fromSources(
  "src/commands/search.ts",
  "src/ui/io.ts",
  "src/workspace/context.ts",
  "src/store/open-lazy.ts",
);

// Words that say nothing about which note is meant (a short English list, as search engines use).
const STOP = new Set(
  (
    "a an and are as at be but by can do does for from how i if in into is it its my no not of on or so " +
    "that the their then there these this to too up was we what when where which who why will with you your"
  ).split(" "),
);

/** mulberry32: a small seeded generator, so every run picks the same notes and typos. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of a title a user would type: lower-case letters and digits, stop words and single letters dropped. */
const contentWords = (title) =>
  (title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && !/^\p{L}$/u.test(w));

/**
 * The words with two adjacent, different letters of the longest word swapped (the longest word that has
 * such a pair: digits are not letters); undefined when no word has one.
 */
function withTypo(words, rand) {
  const spots = (w) =>
    [...w].map((_, i) => i).filter((i) => /\p{L}\p{L}/u.test(w.slice(i, i + 2)) && w[i] !== w[i + 1]);
  const longest = words.filter((w) => spots(w).length).reduce((a, w) => (w.length > a.length ? w : a), "");
  if (!longest) return undefined;
  const at = spots(longest);
  const i = at[Math.floor(rand() * at.length)];
  const typo = longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2);
  return words.map((w) => (w === longest ? typo : w));
}

/** A workspace in a temp folder whose notes/ is a copy of `src` (or the generated corpus). */
function workspaceFrom(name, src) {
  const ws = mkdtempSync(join(tmpdir(), `learn-eval-${name}-`));
  const notes = join(ws, "notes");
  if (src) cpSync(src, notes, { recursive: true });
  else {
    const r = spawnSync(process.execPath, [generator, notes, "--notes", "1000"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  writeFileSync(join(ws, "learn.config.yaml"), "");
  return ws;
}

/** The collections to evaluate: [name, source folder or null to generate, or a reason to skip]. */
function collections() {
  const out = [];
  const generated = join(root, "bench", ".corpora");
  const made = existsSync(generated)
    ? readdirSync(generated)
        .filter((d) => existsSync(join(generated, d, ".complete")))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (made.length) out.push({ name: `generated-${made[0]}`, src: join(generated, made[0], "notes") });
  else if (existsSync(generator)) out.push({ name: "generated-1000", src: null });
  else out.push({ name: "generated", skip: `make-corpus.mjs not found at ${generator}` });
  for (const name of ["til", "simonw-til", "dendron"]) {
    const src = join(corpora, name);
    out.push(existsSync(src) ? { name, src } : { name, skip: `${src} not found (set BENCH_CORPORA)` });
  }
  return out;
}

/**
 * Rank (1-based, 0 when not in the top 10) of a note for a query typed as separate words. A note whose
 * title reads the same counts as the note: no query of its title's words can tell the two apart.
 */
async function rankOf(ws, words, note) {
  const io = memoryIO({});
  const hits = await search({ dir: ws, query: words, json: true, refresh: false, limit: 10 }, io);
  const same = note.words.join(" ");
  return hits.findIndex((h) => h.note.path === note.path || contentWords(h.note.title).join(" ") === same) + 1;
}

/** Evaluate one workspace: the two shares, and the misses for a verbose run. */
async function evaluate(ws) {
  const ctx = await createContext({ dir: ws }, { env: {} });
  const { index } = await openIndexLazy(ctx, { refresh: true });
  const notes = index.db.prepare("SELECT path, title FROM notes ORDER BY path").all();
  index.close();
  const rand = rng(SEED);
  const pool = notes.map((n) => ({ ...n, words: contentWords(n.title) })).filter((n) => n.words.length > 0);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const sample = pool.slice(0, SAMPLE);
  const titles = new Map();
  for (const n of pool) titles.set(n.words.join(" "), (titles.get(n.words.join(" ")) ?? 0) + 1);
  const shared = sample.filter((n) => titles.get(n.words.join(" ")) > 1).length;
  let first = 0;
  let top3 = 0;
  let typos = 0;
  const misses = [];
  for (const n of sample) {
    const r = await rankOf(ws, n.words, n);
    if (r === 1) first++;
    else misses.push(`title #${r || "-"}  ${n.words.join(" ")}  (${n.path})`);
    const typo = withTypo(n.words, rand);
    if (!typo) continue;
    typos++;
    const t = await rankOf(ws, typo, n);
    if (t >= 1 && t <= 3) top3++;
    else misses.push(`typo  #${t || "-"}  ${typo.join(" ")}  (${n.path})`);
  }
  return { notes: notes.length, shared, first: first / sample.length, top3: top3 / typos, misses };
}

const mark = (v, target) => `${v.toFixed(2)}${v < target ? " (below target)" : ""}`;
console.log(
  `search-eval: ${SAMPLE} notes per collection, seed ${SEED}; targets: title first >= ${TARGET_FIRST}, typo top-3 >= ${TARGET_TOP3}`,
);
for (const c of collections()) {
  if (c.skip) {
    console.log(`${c.name.padEnd(16)} skipped: ${c.skip}`);
    continue;
  }
  const ws = workspaceFrom(c.name, c.src);
  try {
    const r = await evaluate(ws);
    console.log(
      `${c.name.padEnd(16)} ${String(r.notes).padStart(5)} notes  title first ${mark(r.first, TARGET_FIRST).padEnd(20)} typo top-3 ${mark(r.top3, TARGET_TOP3).padEnd(20)} ${r.shared ? `(${r.shared} share a title with another note)` : ""}`,
    );
    if (verbose) for (const m of r.misses) console.log(`    ${m}`);
    if (r.first < TARGET_FIRST || r.top3 < TARGET_TOP3) process.exitCode = 1;
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}
