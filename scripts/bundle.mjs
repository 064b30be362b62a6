#!/usr/bin/env node
// Build step: bundle src/ into dist/ with esbuild (issue 15). Three entry points: the CLI (dist/cli.js,
// which bin/learn.js imports), the parse worker (dist/parse-worker.js, which store/parse-pool.ts
// starts as a thread by its file name) and the secret-scan worker (dist/secret-worker.js, which
// workspace/secret-pool.ts starts likewise). Every `await import()` in src/ becomes its own chunk, so a
// command loads its code and nothing else's; npm packages stay in node_modules (better-sqlite3 is
// native, and a package's own files, e.g. fuse.js's page script, are found through its install).
// All output is flat in dist/, so `new URL("../package.json", import.meta.url)` and
// `./help.txt`/`./parse-worker.js`/`./secret-worker.js` hold from any chunk. Source maps sit beside each file
// (bin/learn.js turns them on for LEARN_DEBUG=1). dist/meta.json is esbuild's metafile: which
// sources each file holds (tests/e2e/read-path-modules.test.ts reads it; npm pack leaves it out).
// Type checking is `npm run typecheck` (tsc), not this.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: "src/cli.ts",
    "parse-worker": "src/store/parse-worker.ts",
    "secret-worker": "src/workspace/secret-worker.ts",
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "[name]-[hash]",
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
writeFileSync(join(dist, "meta.json"), JSON.stringify(result.metafile));
