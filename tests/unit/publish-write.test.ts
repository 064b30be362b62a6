import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LearnError, UsageError } from "../../src/core/errors.js";
import { fuseAsset } from "../../src/workspace/site-assets.js";
import { foreignFiles, SITE_MARKER } from "../../src/workspace/site-marker.js";
import { guardOutDir, writeSite } from "../../src/workspace/site-write.js";
import { tempDir } from "../helpers/workspace.js";

const files = (...paths: string[]) => paths.map((path) => ({ path, content: `<p>${path}</p>\n` }));

describe("guardOutDir", () => {
  it("refuses the notes folder, a folder inside it, and a folder holding it", () => {
    const root = tempDir();
    const notes = join(root, "notes");
    mkdirSync(join(notes, "sub"), { recursive: true });
    expect(() => guardOutDir(notes, notes)).toThrow(UsageError);
    expect(() => guardOutDir(join(notes, "sub", "site"), notes)).toThrow(/cannot go in the notes folder/);
    expect(() => guardOutDir(root, notes)).toThrow(/holds the notes folder/);
    expect(() => guardOutDir(join(root, "site"), notes)).not.toThrow();
    expect(() => guardOutDir(join(root, "notes-site"), notes)).not.toThrow();
  });
});

describe("writeSite", () => {
  it("writes files and a marker listing them", () => {
    const out = join(tempDir(), "site");
    expect(writeSite(out, files("index.html", "notes/a.html"))).toEqual({ written: 2, unchanged: 0, removed: [] });
    expect(readFileSync(join(out, "notes/a.html"), "utf8")).toBe("<p>notes/a.html</p>\n");
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8")).files).toEqual(["index.html", "notes/a.html"]);
  });

  it("removes pages an earlier publish wrote that this one does not (a note made private)", () => {
    const out = join(tempDir(), "site");
    writeSite(out, files("index.html", "notes/a.html", "notes/b.html", "tags/old.html"));
    const res = writeSite(out, files("index.html", "notes/a.html"));
    expect(res.removed).toEqual(["notes/b.html", "tags/old.html"]);
    expect(existsSync(join(out, "notes/b.html"))).toBe(false);
    expect(existsSync(join(out, "tags"))).toBe(false);
    expect(foreignFiles(out)).toEqual([]);
  });

  it("refuses a folder holding files it did not make, unless forced, and then keeps them", () => {
    const out = tempDir();
    writeFileSync(join(out, "thesis.docx"), "mine");
    expect(() => writeSite(out, files("index.html"))).toThrow(LearnError);
    expect(() => writeSite(out, files("index.html"))).toThrow(/thesis\.docx/);
    expect(existsSync(join(out, "index.html"))).toBe(false);
    writeSite(out, files("index.html"), { force: true });
    writeSite(out, files("other.html"), { force: true });
    expect(readFileSync(join(out, "thesis.docx"), "utf8")).toBe("mine");
    expect(existsSync(join(out, "index.html"))).toBe(false);
  });

  it("accepts an empty existing folder and ignores a .git folder", () => {
    const out = tempDir();
    mkdirSync(join(out, ".git"));
    writeFileSync(join(out, ".git", "HEAD"), "ref");
    expect(() => writeSite(out, files("index.html"))).not.toThrow();
  });
});

describe("fuseAsset", () => {
  it("wraps the installed fuse.js build as a classic script that sets window.Fuse", () => {
    const { path, content } = fuseAsset();
    expect(path).toBe("assets/fuse.min.js");
    const window: { Fuse?: new (list: string[]) => { search: (q: string) => unknown[] } } = {};
    new Function("window", content)(window);
    expect(new window.Fuse!(["caching", "retries"]).search("cachng")).toHaveLength(1);
  });
});
