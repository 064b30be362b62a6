#!/usr/bin/env node
// Build step: bundle src/ into dist/ with esbuild (issue 15). Three entry points: the CLI (dist/cli.js,
// which bin/learn.js imports), the parse worker (dist/parse-worker.js, which store/parse-pool.ts
// starts as a thread by its file name) and the secret-scan worker (dist/secret-worker.js, which
// workspace/secret-pool.ts starts likewise); and a second bundle for the everyday read commands
// (below). Every `await import()` in src/ becomes its own chunk, so a
// command loads its code and nothing else's; npm packages stay in node_modules (better-sqlite3 is
// native, and a package's own files, e.g. fuse.js's page script, are found through its install).
// All output is flat in dist/, so `new URL("../package.json", import.meta.url)` and
// `./help.txt`/`./parse-worker.js`/`./secret-worker.js` hold from any chunk. Source maps sit beside each file
// (bin/learn.js turns them on for LEARN_DEBUG=1). dist/meta.json is esbuild's metafile: which
// sources each file holds (tests/e2e/read-path-modules.test.ts reads it; npm pack leaves it out).
// Type checking is `npm run typecheck` (tsc), not this.
import { build } from "esbuild";
import { esbuildBase } from "./esbuild-base.mjs";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });
/** What both bundles are built with. */
const common = {
  ...esbuildBase(root),
  outdir: dist,
  chunkNames: "[name]-[hash]",
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  metafile: true,
};
const result = await build({
  ...common,
  entryPoints: {
    cli: "src/cli.ts",
    "parse-worker": "src/store/parse-worker.ts",
    "secret-worker": "src/workspace/secret-worker.ts",
  },
});
// The second bundle: dist/read.js, what `learn index`, `search`, `list` and `show` always load, as
// one file (src/read-main.ts, and what it imports), which cli.ts's run() hands over to: some thirty
// chunks of the first bundle were as many modules to resolve, compile and link at every run. What
// those commands load only sometimes (the note parser, the scheduler of is:due, ...) is not copied
// in: their `import()` loads the first bundle's chunk. And core/errors.ts is the first bundle's
// too, so an error thrown there is still a LearnError here. Nothing else is met twice in a process.
// dist/brief.js is the shell prompt's `revisit --brief` (src/brief-fast.ts) as one file, the same way.
const read = await build({
  ...common,
  entryPoints: { read: "src/read-main.ts", brief: "src/brief-fast.ts" },
  splitting: false,
  plugins: [fromFirst()],
});
// better-sqlite3's JavaScript (a dozen small CommonJS files) as one, named by its version: store/open-db.ts
// loads it only beside that version's native addon, which stays in node_modules (and `bindings`, which
// finds an addon elsewhere, stays a package).
const sqliteDir = dirname(createRequire(join(root, "package.json")).resolve("better-sqlite3/package.json"));
const { version: sqliteVersion } = JSON.parse(readFileSync(join(sqliteDir, "package.json"), "utf8"));
const sqlite = await build({
  absWorkingDir: root,
  entryPoints: [join(sqliteDir, "lib", "index.js")],
  outfile: join(dist, `better-sqlite3-${sqliteVersion}.cjs`),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["bindings"],
  metafile: true,
  logLevel: "warning",
});
const meta = {
  inputs: { ...result.metafile.inputs, ...read.metafile.inputs, ...sqlite.metafile.inputs },
  outputs: { ...result.metafile.outputs, ...read.metafile.outputs, ...sqlite.metafile.outputs },
};
writeFileSync(join(dist, "meta.json"), JSON.stringify(meta));

/**
 * For dist/read.js: the sources src/read-main.ts imports statically, followed through (what a read
 * command always runs), found by a trial build; and an esbuild plugin that sends core/errors.ts and
 * every `import()` of a source outside them to the first bundle's files (by its metafile).
 */
function fromFirst() {
  const first = result.metafile.outputs;
  const out = (test) =>
    Object.keys(first)
      .find((file) => test(first[file]))
      ?.replace(/^dist\//, "./");
  const errors = out((o) => Object.keys(o.inputs).join() === "src/core/errors.ts");
  if (!errors) throw new Error("bundle: src/core/errors.ts is not a chunk of its own in the first bundle");
  return {
    name: "from-first-bundle",
    async setup(b) {
      const trial = await build({ ...common, entryPoints: ["src/read-main.ts"], splitting: false, write: false });
      const always = new Set();
      const follow = (source) => {
        if (always.has(source) || !trial.metafile.inputs[source]) return;
        always.add(source);
        for (const i of trial.metafile.inputs[source].imports) if (i.kind === "import-statement") follow(i.path);
      };
      follow("src/read-main.ts");
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = relative(root, resolve(dirname(args.importer), args.path)).replace(/\.js$/, ".ts");
        if (!existsSync(join(root, target))) return undefined;
        if (target === "src/core/errors.ts") return { path: errors, external: true };
        if (args.kind !== "dynamic-import" || always.has(target)) return undefined;
        const facade = out((o) => o.entryPoint === target);
        if (!facade) throw new Error(`bundle: ${target} is imported by import() but has no file of its own in dist/`);
        return { path: facade, external: true };
      });
    },
  };
}
