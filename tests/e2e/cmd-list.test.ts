import { describe, expect, it } from "vitest";
import { list, type ListOptions } from "../../src/commands/list.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const notes = () =>
  workspace({
    "notes/b.md": noteText({
      title: "Beta",
      type: "doc",
      status: "budding",
      domain: "core-backend",
      updated: "2026-02-01",
      visibility: "public",
    }),
    "notes/a.md": noteText({
      title: "Alpha",
      type: "cheatsheet",
      status: "evergreen",
      domain: "ai-infrastructure",
      updated: "2026-03-01",
    }),
    "notes/sub/c.md": noteText({ title: "Gamma", type: "doc", updated: "2026-01-01", tags: ["http"] }),
  });

const ls = (root: string, opts: ListOptions) => call(list, { dir: root, ...opts });

describe("learn list", () => {
  it("prints a table, newest first, with the count on stderr", async () => {
    const r = runCli(["list", "--dir", notes()]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^title\s+type\s+status\s+domain\s+updated\s+path$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(lines[1]).toMatch(/^Alpha\s+cheatsheet\s+evergreen\s+ai-infrastructure\s+2026-03-01\s+notes\/a\.md$/);
    expect(lines[3]).toMatch(/Gamma\s+doc\s+-\s+-\s+2026-01-01/);
    expect(r.stderr).toMatch(/^3 notes$/m);
  });

  it("--format paths prints every match, one a line, for scripts", async () => {
    const r = await ls(notes(), { format: "paths", filters: ["type:doc"], sort: "title" });
    expect(r.stdout).toBe("notes/b.md\nnotes/sub/c.md\n");
  });

  it("--json and --format json print the notes", async () => {
    const root = notes();
    for (const opts of [{ json: true }, { format: "json" }]) {
      const out = JSON.parse((await ls(root, { ...opts, filters: ["is:public"] })).stdout);
      expect(out.count).toBe(1);
      expect(out.notes[0]).toMatchObject({ slug: "b", title: "Beta", visibility: "public", tags: [] });
    }
  });

  it("filters by flags and inline filters, sorts and limits", async () => {
    const root = notes();
    const paths = async (opts: ListOptions) => (await ls(root, { format: "paths", ...opts })).stdout.trim().split("\n");
    expect(await paths({ tag: "http" })).toEqual(["notes/sub/c.md"]);
    expect(await paths({ filters: ["updated:>=2026-02-01"], sort: "title" })).toEqual(["notes/a.md", "notes/b.md"]);
    expect(await paths({ sort: "title", limit: "1" })).toEqual(["notes/a.md"]);
  });

  it("rejects words, bad sorts and formats with usage errors", async () => {
    const root = notes();
    const words = runCli(["list", "idempotency", "--dir", root]);
    expect(words.code).toBe(2);
    expect(words.stderr).toContain("learn search idempotency");
    expect((await ls(root, { sort: "size" })).code).toBe(2);
    expect((await ls(root, { format: "csv" })).code).toBe(2);
  });
});
