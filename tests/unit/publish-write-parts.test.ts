// A site file written in parts (the search index) replaces the old one without joining its parts,
// with the safe writer's guarantees: the old file's mode kept, a link standing at its path (even
// one put there after the paths were checked) refused and never written through, no temp left.
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSite, type OutFile } from "../../src/workspace/site-write.js";
import { tempDir } from "../helpers/workspace.js";

const parts = (...xs: string[]): OutFile => ({
  path: "search-index.json",
  content: xs.map((x, i) => (i % 2 ? x : new TextEncoder().encode(x))),
});

describe("writeSite, a file in parts", () => {
  it("replaces the old file with the parts joined, keeping its mode and leaving no temp file", () => {
    const out = join(tempDir(), "site");
    writeSite(out, [parts("[", '{"a":1}', "]\n")]);
    expect(readFileSync(join(out, "search-index.json"), "utf8")).toBe('[{"a":1}]\n');
    if (process.platform !== "win32") chmodSync(join(out, "search-index.json"), 0o640);
    const res = writeSite(out, [parts("[", '{"a":1}', ",", '{"b":2}', "]\n")]);
    expect(res).toEqual({ written: 1, unchanged: 0, removed: [] });
    expect(readFileSync(join(out, "search-index.json"), "utf8")).toBe('[{"a":1},{"b":2}]\n');
    if (process.platform !== "win32") expect(statSync(join(out, "search-index.json")).mode & 0o777).toBe(0o640);
    expect(readdirSync(out).sort()).toEqual([".learn-site", "search-index.json"]);
  });

  it("refuses a link put at its path after the paths were checked, and never writes through it", () => {
    const dir = tempDir();
    const out = join(dir, "site");
    const outside = join(dir, "precious.txt");
    writeFileSync(outside, "keep me\n");
    writeSite(out, [parts("[", "1", "]\n")]);
    function* files(): Generator<OutFile> {
      // the race: the old file becomes a link between the check of every path and this write
      rmSync(join(out, "search-index.json"));
      symlinkSync(outside, join(out, "search-index.json"));
      yield parts("[", "2", "]\n");
    }
    expect(() => writeSite(out, { paths: ["search-index.json"], files: files() })).toThrow(/symbolic link/);
    expect(readFileSync(outside, "utf8")).toBe("keep me\n");
    expect(readdirSync(out).filter((n) => n.includes("learn-tmp"))).toEqual([]);
  });
});
