#!/usr/bin/env node
// Build step: bundle src/ into dist/ with esbuild (issue 15). The first bundle, ES modules: the CLI
// (dist/cli.js, which dist/start.cjs imports for any command it does not answer itself), the parse
// worker (dist/parse-worker.js, which store/parse-pool.ts starts as a thread by its file name) and
// the secret-scan worker (dist/secret-worker.js, which workspace/secret-pool.ts starts likewise).
// Every `await import()` in src/ becomes its own chunk, so a command loads its code and nothing
// else's; npm packages stay in node_modules (better-sqlite3 is native, and a package's own files,
// e.g. fuse.js's page script, are found through its install). The second bundle, CommonJS, is the
// process entry and the everyday read commands (below). All output is flat in dist/, so
// `new URL("../package.json", import.meta.url)` and `./help.txt`/`./parse-worker.js`/`./secret-worker.js`
// hold from any file. Source maps sit beside each file (bin/learn.cjs turns them on for
// LEARN_DEBUG=1). dist/meta.json is esbuild's metafile: which sources each file holds
// (tests/e2e/read-path-modules.test.ts reads it; npm pack leaves it out).
// Type checking is `npm run typecheck` (tsc), not this.
import { build } from "esbuild";
import { esbuildBase } from "./esbuild-base.mjs";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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
// The second bundle, CommonJS: dist/start.cjs, the process entry (src/start.ts; bin/learn.cjs requires it),
// which answers `--version`, the cached `--help` and the shell prompt's `revisit --brief`;
// dist/read.cjs (src/read-main.ts), `learn index`, `search`, `list` and `show` in their everyday
// forms; and dist/status.cjs (src/status-main.ts), `learn status`.
// A process whose code is all CommonJS never starts Node's ES module loader (some 6 ms a run), and
// one file is one module to resolve, compile and link where the first bundle's chunks were some
// thirty. CommonJS cannot be split, so each file holds every source it may run, the parts it needs
// only sometimes (the note parser, the scheduler of is:due, ...) too, evaluated only when imported;
// and no code of the first bundle is ever loaded beside it (start.ts), so no class meets its copy.
// npm packages stay in node_modules, but for chalk: `import()` of one stays import() (see dynImp below).
const second = await build({
  ...common,
  entryPoints: { start: "src/start.ts", read: "src/read-main.ts", status: "src/status-main.ts" },
  splitting: false,
  format: "cjs",
  // but chalk, ES modules only and loaded by every run at a terminal (colour): bundled, it is compiled
  // with the rest (and from the code cache) instead of starting Node's ES module loader for itself
  packages: undefined,
  external: Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies).filter(
    (name) => name !== "chalk",
  ),
  outExtension: { ".js": ".cjs" },
  // import.meta.url (new URL("./parse-worker.js", ...), createRequire, package.json) from this file's own path
  define: { "import.meta.url": "__learnModuleUrl" },
  banner: {
    js:
      'const __learnModuleUrl = require("node:url").pathToFileURL(__filename).href;\n' +
      "const dynImp = module.learnImport ?? ((specifier) => import(specifier));",
  },
});
// start.ts may compile read.cjs and status.cjs itself, to give V8 the build's code cache
// (src/code-cache.ts); on Node 20, import() in code compiled that way fails (or warns, experimental), so their
// import() of a package goes through dynImp, which start.cjs's loader passes in as
// module.learnImport (its own import(), which works) and a plain require() leaves as import().
// Same length as `import`, so the source map holds.
for (const name of ["read.cjs", "status.cjs"])
  dynamicImports(join(dist, name), second.metafile.outputs[`dist/${name}`]);
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
  inputs: { ...result.metafile.inputs, ...second.metafile.inputs, ...sqlite.metafile.inputs },
  outputs: { ...result.metafile.outputs, ...second.metafile.outputs, ...sqlite.metafile.outputs },
};
writeFileSync(join(dist, "meta.json"), JSON.stringify(meta));

/** Send each `import("package")` of a CommonJS output through dynImp (see above); any other import() fails the build. */
function dynamicImports(file, output) {
  const text = readFileSync(file, "utf8");
  const body = text.indexOf("\n", text.indexOf("const dynImp")) + 1;
  const wanted = output.imports.filter((i) => i.kind === "dynamic-import" && i.external).map((i) => i.path);
  const found = [];
  const rewritten = text.slice(body).replace(/\bimport\((?:"([^"]+)")?/g, (all, spec) => {
    found.push(spec);
    return spec && wanted.includes(spec) ? `dynImp("${spec}"` : all;
  });
  const left = found.filter((spec) => !spec || !wanted.includes(spec));
  if (left.length || wanted.some((w) => !found.includes(w)))
    throw new Error(`bundle: ${file} has import() calls not of a package (${left.join(", ")}), or lost one`);
  writeFileSync(file, text.slice(0, body) + rewritten);
}
