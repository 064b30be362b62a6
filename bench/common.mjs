// What the bench scripts share: where things are, the checks before a run, the median.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The built CLI. */
export const bin = join(root, "bin", "learn.js");
/** The corpus generator from ../shared (MAKE_CORPUS overrides). */
export const makeCorpus = process.env.MAKE_CORPUS ?? resolve(root, "..", "shared", "bench", "make-corpus.mjs");

/** Exit with a message unless dist/ is built and the corpus generator is there. */
export function requireReady() {
  if (!existsSync(join(root, "dist", "cli.js"))) {
    console.error("bench: dist/ is missing; run `npm run build` first");
    process.exit(1);
  }
  if (!existsSync(makeCorpus)) {
    console.error(`bench: make-corpus.mjs not found at ${makeCorpus} (set MAKE_CORPUS)`);
    process.exit(1);
  }
}

/** The median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
