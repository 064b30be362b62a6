import { existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import type { Context } from "../../src/workspace/context.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { noteText, workspace } from "../helpers/workspace.js";

// A no-change refresh compares the walk with the listing kept in .learn/index.db.walk, bound to the
// tables by the token in meta: anything else in that file only costs the file-by-file comparison.

const ctxOf = (root: string): Context => ({
  ws: workspacePaths(root),
  config: structuredClone(DEFAULT_CONFIG),
  today: "2026-11-27",
});

async function refresh(root: string) {
  const { index, stats } = await openIndexLazy(ctxOf(root), {});
  const paths = index.allNotes().map((n) => n.path);
  index.close();
  return { stats, paths };
}

const listingOf = (root: string): string => join(root, ".learn", "index.db.walk");

describe("the walk listing beside the index", () => {
  it("is written by a refresh and matched by the next one, which reads nothing", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }), "notes/b.md": noteText({ title: "B" }) });
    await refresh(root);
    expect(existsSync(listingOf(root))).toBe(true);
    const { stats } = await refresh(root);
    expect(stats).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
  });

  it("sees a rename that keeps the file's mtime and size", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }), "notes/b.md": noteText({ title: "B" }) });
    await refresh(root);
    const before = statSync(join(root, "notes/b.md"));
    renameSync(join(root, "notes/b.md"), join(root, "notes/c.md"));
    utimesSync(join(root, "notes/c.md"), before.atime, before.mtime);
    const { stats, paths } = await refresh(root);
    expect(stats).toMatchObject({ added: 1, removed: 1, unchanged: 1 });
    expect(paths).toEqual(["notes/a.md", "notes/c.md"]);
  });

  it("is not trusted when missing, cut short, or naming another token, and is written again", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    await refresh(root);
    const kept = readFileSync(listingOf(root));
    for (const broken of [
      undefined,
      kept.subarray(0, kept.length - 3),
      Buffer.from(`other${kept.toString("latin1")}`, "latin1"),
    ]) {
      if (broken) writeFileSync(listingOf(root), broken);
      else rmSync(listingOf(root));
      // a change made behind a listing that cannot be trusted is still found
      writeFileSync(join(root, "notes/a.md"), noteText({ title: `A ${broken?.length ?? 0}` }));
      const { stats } = await refresh(root);
      expect(stats).toMatchObject({ updated: 1 });
      const again = await refresh(root);
      expect(again.stats).toMatchObject({ updated: 0, unchanged: 1 });
      expect(existsSync(listingOf(root))).toBe(true);
    }
  });

  it("with a file the tables do not match (a refresh that died before writing its own) compares file by file", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    await refresh(root);
    const old = readFileSync(listingOf(root));
    writeFileSync(join(root, "notes/b.md"), noteText({ title: "B" }));
    await refresh(root); // the tables now hold b.md, under a new token
    writeFileSync(listingOf(root), old); // the listing of the walk before b.md, under the old token
    rmSync(join(root, "notes/b.md"));
    const { stats, paths } = await refresh(root);
    expect(stats).toMatchObject({ removed: 1, unchanged: 1 });
    expect(paths).toEqual(["notes/a.md"]);
  });
});
