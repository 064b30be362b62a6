import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { index } from "../../src/commands/index.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

describe("learn index", () => {
  it("builds the index, says so once, and prints counts to stderr and problems to stdout", async () => {
    const root = workspace({
      "notes/a.md": noteText({ title: "A", type: "doc" }),
      "notes/bad.md": noteText({ title: "Bad", status: "ripe" }),
    });
    const r = runCli(["index", "--dir", root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("learn: rebuilt the index: there was no index yet");
    expect(r.stderr).toMatch(/added 2, updated 0, removed 0, unchanged 0; 1 problem$/m);
    expect(r.stdout).toBe("notes/bad.md: error: status: must be one of seedling|budding|evergreen\n");

    const again = await call(index, { dir: root });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain("rebuilt");
    expect(again.stderr).toMatch(/added 0, updated 0, removed 0, unchanged 2; 1 problem$/m);
    expect(again.stdout).toBe(""); // a run that changed nothing prints only its summary
  });

  it("--json gives counts and problems only on stdout", async () => {
    const root = workspace({
      "notes/a.md": noteText({ title: "A" }),
      "notes/broken.md": "---\ntitle: [x\n---\nBody\n",
    });
    const r = await call(index, { dir: root, json: true });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0, rebuilt: "there was no index yet" });
    expect(out.problems).toEqual([
      {
        path: "notes/broken.md",
        line: expect.any(Number),
        severity: "error",
        reason: expect.stringMatching(/^broken YAML front matter/),
      },
    ]);
  });

  it("--full rebuilds from scratch and picks up new files", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    await call(index, { dir: root });
    writeFileSync(join(root, "notes/b.md"), noteText({ title: "B" }));
    const r = await call(index, { dir: root, full: true, json: true });
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 2, unchanged: 0, rebuilt: null });
  });

  it("skips dot-folders and node_modules and takes .markdown files", async () => {
    const root = workspace({
      "notes/a.markdown": noteText({ title: "A" }),
      "notes/.obsidian/x.md": noteText({ title: "Hidden" }),
      "notes/node_modules/y.md": noteText({ title: "Module" }),
      "notes/readme.txt": "not a note",
    });
    const r = await call(index, { dir: root, json: true });
    expect(JSON.parse(r.stdout).added).toBe(1);
  });
});
