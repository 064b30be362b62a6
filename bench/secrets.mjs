#!/usr/bin/env node
// Precision and recall of the secret scanner over the labelled set in tests/fixtures/secrets-labelled.tsv
// (real credential shapes against code, placeholders, defaults, docs examples and prose from notes).
// Standalone: `node bench/secrets.mjs`; `--misses` lists the lines it gets wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fromSources, root } from "./common.mjs";

const [{ scanSecrets }] = await fromSources("src/workspace/secrets.ts");

const rows = readFileSync(join(root, "tests", "fixtures", "secrets-labelled.tsv"), "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => {
    const tab = l.indexOf("\t");
    return { label: l.slice(0, tab), line: l.slice(tab + 1).replaceAll("\\n", "\n") };
  });

const t0 = performance.now();
let tp = 0;
let fp = 0;
let fn = 0;
const misses = [];
for (const r of rows) {
  const found = (await scanSecrets(r.line, "notes/labelled.md")).length > 0;
  const secret = r.label === "secret";
  if (found && secret) tp++;
  else if (found) {
    fp++;
    misses.push(`false positive: ${r.line}`);
  } else if (secret) {
    fn++;
    misses.push(`missed: ${r.line}`);
  }
}
const ms = performance.now() - t0;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const secrets = rows.filter((r) => r.label === "secret").length;
console.log(
  `secrets: ${rows.length} labelled lines (${secrets} secret, ${rows.length - secrets} not): ` +
    `precision ${pct(tp / (tp + fp))}, recall ${pct(tp / (tp + fn))} ` +
    `(tp ${tp}, fp ${fp}, fn ${fn}); ${(ms / rows.length).toFixed(2)} ms a line`,
);
if (process.argv.includes("--misses")) for (const m of misses) console.log(`  ${m}`);
