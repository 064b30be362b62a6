import { describe, expect, it } from "vitest";
import { show } from "../../src/commands/show.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const notes = () =>
  workspace({
    "notes/a.md": noteText(
      {
        id: "abc12345",
        title: "Alpha",
        type: "doc",
        status: "budding",
        tags: ["http", "caching"],
        related: ["b", "ghost"],
      },
      "# Alpha\n\n- [x] done\n- [ ] todo\n- [ ] later\n\nSee [[b]].\n",
    ),
    "notes/b.md": noteText({ title: "Beta" }, "Back to [alpha](a.md).\n"),
  });

describe("learn show", () => {
  it("prints front matter, checklist progress, links (broken flagged), backlinks, then the body", async () => {
    const r = runCli(["show", "a", "--dir", notes()]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Alpha\nnotes\/a\.md\n/);
    expect(out).toMatch(/^tags:\s+http, caching$/m);
    expect(out).toMatch(/^checklist:\s+1\/3 done \(33%\)$/m);
    expect(out).toMatch(/→ b \(Beta\) related/);
    expect(out).toMatch(/✗ ghost \(broken\) related/);
    expect(out).toMatch(/backlinks \(1\)\n {2}← b \(Beta\) markdown/);
    expect(out.indexOf("backlinks")).toBeLessThan(out.indexOf("- [x] done"));
  });

  it("finds a note by id and prints JSON", async () => {
    const r = await call(show, { dir: notes(), slug: "ABC12345", json: true });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.note).toMatchObject({ slug: "a", checklist_done: 1, checklist_total: 3 });
    expect(out.links.map((l: { target: string; to_slug: string | null }) => [l.target, l.to_slug])).toEqual([
      ["b", "b"],
      ["ghost", null],
      ["b", "b"],
    ]);
    expect(out.backlinks).toEqual([
      {
        from_slug: "b",
        from_path: "notes/b.md",
        target: "a.md",
        kind: "markdown",
        to_slug: "a",
        to_path: "notes/a.md",
        anchor: null,
      },
    ]);
    expect(out.body).toContain("See [[b]].");
  });

  it("suggests close slugs for an unknown one", async () => {
    const r = await call(show, { dir: notes(), slug: "alpah" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^learn: no note with slug or id alpah \(did you mean a\?\)$/m);
  });
});
