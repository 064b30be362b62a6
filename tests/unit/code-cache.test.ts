import { spawnSync } from "node:child_process";
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadWithCache, makeCodeCache, readCodeCache } from "../../src/code-cache.js";
import { tempDir } from "../helpers/workspace.js";

// Issue 15: dist/read.cjs is compiled with a V8 code cache made by the build (src/code-cache.ts,
// scripts/code-cache.mjs). V8 checks a cache against the source only by its length, so the cache
// file names the build of the file it was made from; any other build's cache is never used.

/** A CommonJS module that requires a neighbour, knows its own name and imports a package through module.learnImport. */
const MODULE = `const { twice } = require("./helper.cjs");
const dynImp = module.learnImport ?? ((s) => import(s));
exports.answer = twice(21);
exports.name = require("node:path").basename(__filename);
exports.platform = async () => (await dynImp("node:os")).platform();
`;

const make = () => {
  const dir = tempDir();
  writeFileSync(join(dir, "helper.cjs"), "exports.twice = (n) => n * 2;\n");
  writeFileSync(join(dir, "mod.cjs"), MODULE);
  return { file: join(dir, "mod.cjs"), cache: join(dir, "mod.cjs.cache") };
};

describe("the code cache for a CommonJS bundle", () => {
  it("loads a file as require() does, its neighbours, its own name and import() of a package included", async () => {
    const { file } = make();
    const { exports } = loadWithCache<{ answer: number; name: string; platform: () => Promise<string> }>(file);
    expect(exports.answer).toBe(42);
    expect(exports.name).toBe("mod.cjs");
    expect(await exports.platform()).toBe(process.platform);
  });

  it("is taken by V8 when made from this build of the file, and refused unread for any other", () => {
    const { file, cache } = make();
    const first = loadWithCache<{ answer: number }>(file);
    writeFileSync(cache, makeCodeCache(file, first.script));
    const bytes = readCodeCache(file, cache);
    expect(bytes?.length).toBeGreaterThan(0);
    const again = loadWithCache<{ answer: number }>(file, bytes);
    expect(again.script.cachedDataRejected).toBe(false);
    expect(again.exports.answer).toBe(42);
    // another build of the same length: V8 would take the cache (it checks the length); the stamp does not
    writeFileSync(file, MODULE.replace("twice(21)", "twice(22)"));
    utimesSync(file, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
    expect(readCodeCache(file, cache)).toBeUndefined();
    expect(loadWithCache<{ answer: number }>(file, readCodeCache(file, cache)).exports.answer).toBe(44);
  });

  it("is no cache when missing, cut short or not one of ours", () => {
    const { file, cache } = make();
    expect(readCodeCache(file, cache)).toBeUndefined();
    writeFileSync(cache, "learn-code-cache 1");
    expect(readCodeCache(file, cache)).toBeUndefined();
    writeFileSync(cache, Buffer.from([0, 1, 2, 3]));
    expect(readCodeCache(file, cache)).toBeUndefined();
  });

  it.each(["read.cjs", "status.cjs"])("the build made one for dist/%s that this Node takes", (name) => {
    const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
    expect(
      readFileSync(join(dist, `${name}.cache`))
        .subarray(0, 18)
        .toString(),
    ).toBe("learn-code-cache 1");
    // a process of its own, as learn runs: V8 refuses a cache made under other flags
    const script = `const s = require(${JSON.stringify(join(dist, "start.cjs"))});
const f = ${JSON.stringify(join(dist, name))};
const c = s.readCodeCache(f, f + ".cache");
process.stdout.write(String(c !== undefined && !s.loadWithCache(f, c).script.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("true");
  });
});
