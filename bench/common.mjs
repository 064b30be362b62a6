// What the bench scripts share: where things are, the checks before a run, generated corpora, the median.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makeCorpus } from "./make-corpus.mjs";
import { esbuildBase } from "../scripts/esbuild-base.mjs";

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The built CLI. */
export const bin = join(root, "bin", "learn.cjs");
/** Optional real note collections beside the repository (BENCH_CORPORA overrides); benchmarks skip them when absent. */
export const realCorpora = process.env.BENCH_CORPORA ?? resolve(root, "..", "shared", "corpora");

/** Exit with a message unless dist/ is built. */
export function requireReady() {
  if (!existsSync(join(root, "dist", "cli.js"))) {
    console.error("bench: dist/ is missing; run `npm run build` first");
    process.exit(1);
  }
}

/**
 * A workspace under bench/.corpora/NAME whose notes/ holds `n` generated notes (seed 42), made once
 * and kept; `extra(ws)` runs once after it is made. The marker file names the generator's
 * version, so a cache made by an older generator is made again.
 */
export function generatedWorkspace(name, n, extra) {
  const ws = join(root, "bench", ".corpora", name);
  const marker = join(ws, ".complete");
  const stamp = `make-corpus.mjs ${generatorVersion()} notes ${n} seed 42\n`;
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== stamp) {
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws, { recursive: true });
    process.stderr.write(`bench: generating ${n} notes in ${ws}\n`);
    makeCorpus(join(ws, "notes"), { notes: n, seed: 42 });
    writeFileSync(join(ws, "learn.config.yaml"), "");
    extra?.(ws);
    writeFileSync(marker, stamp);
  }
  return ws;
}

/** A short hash of the generator's source: what a cached corpus was made by. */
function generatorVersion() {
  let h = 0;
  for (const c of readFileSync(join(root, "bench", "make-corpus.mjs"), "utf8"))
    h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return (h >>> 0).toString(16);
}

/**
 * Modules of src/ for a bench that calls them in-process: dist/ is one bundle whose chunks have
 * no stable names, so each named source (e.g. "src/store/search.ts") is bundled here, as the
 * build does, into bench/.build/dist/, and imported. Beside it, as beside dist/, sit package.json,
 * templates/ and notes/ (what the code finds relative to itself). Returns the modules in the order asked.
 */
export async function fromSources(...sources) {
  const { build } = await import("esbuild");
  const home = join(root, "bench", ".build");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  copyFileSync(join(root, "package.json"), join(home, "package.json"));
  for (const dir of ["templates", "notes"]) symlinkSync(join(root, dir), join(home, dir));
  const entryPoints = Object.fromEntries(sources.map((s) => [s.replace(/^src\//, "").replace(/\.ts$/, ""), s]));
  await build({ ...esbuildBase(root), entryPoints, outdir: join(home, "dist") });
  return Promise.all(
    Object.keys(entryPoints).map((name) => import(pathToFileURL(join(home, "dist", `${name}.js`)).href)),
  );
}

/** The median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
