import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { mv } from "../../src/commands/mv.js";
import { revisit } from "../../src/commands/revisit.js";
import { show } from "../../src/commands/show.js";
import { memoryIO } from "../../src/ui/io.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Issue 9, "Identity without collisions": a note is its id, else its path; the file name is a convenience.
const SAME_NAME = {
  "notes/github/github-pages.md": noteText({ title: "Pages on GitHub", published: "2026-10-01" }, "GitHub.\n"),
  "notes/github-actions/github-pages.md": noteText({ title: "Pages by Actions", published: "2026-10-01" }, "CI.\n"),
  "notes/hub.md": noteText(
    { title: "Hub", published: "2026-10-01" },
    "[[github/github-pages]] and [[github-actions/github-pages]]\n",
  ),
};
const today = "2026-12-01";

describe("two notes with one file name", () => {
  it("are both indexed; `show NAME` exits 2 listing both paths", async () => {
    const root = workspace(SAME_NAME);
    const r = runCli(["show", "github-pages", "--dir", root, "--today", today]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("github-pages: 2 notes have that name");
    expect(r.stderr).toContain("notes/github-actions/github-pages.md");
    expect(r.stderr).toContain("notes/github/github-pages.md");
  });

  it.each([
    ["github/github-pages", "notes/github/github-pages.md"],
    ["github-actions/github-pages", "notes/github-actions/github-pages.md"],
    ["github/github-pages.md", "notes/github/github-pages.md"],
    ["notes/github-actions/github-pages.md", "notes/github-actions/github-pages.md"],
    ["notes/github/github-pages", "notes/github/github-pages.md"],
    ["hub", "notes/hub.md"],
  ])("`show %s` is %s", async (name, path) => {
    const root = workspace(SAME_NAME);
    const out = jsonOf<{ note: { path: string; slug: string } }>(
      await call(show, { dir: root, today, slug: name, json: true }),
    );
    expect(out.note.path).toBe(path);
    expect(out.note.slug).toBe(path.replace(/^.*\//, "").replace(/\.md$/, ""));
  });

  it("links and backlinks name the right note of the two", async () => {
    const root = workspace(SAME_NAME);
    const hub = jsonOf<{ links: { to_path: string }[] }>(
      await call(show, { dir: root, today, slug: "hub", json: true }),
    );
    expect(hub.links.map((l) => l.to_path)).toEqual([
      "notes/github/github-pages.md",
      "notes/github-actions/github-pages.md",
    ]);
    const one = jsonOf<{ backlinks: { from_path: string; target: string }[] }>(
      await call(show, { dir: root, today, slug: "github-actions/github-pages", json: true }),
    );
    expect(one.backlinks).toMatchObject([{ from_path: "notes/hub.md", target: "github-actions/github-pages" }]);
    const text = await call(show, { dir: root, today, slug: "hub" });
    expect(text.stdout).toContain("→ notes/github/github-pages.md (Pages on GitHub)");
  });

  it("keep separate revisit histories, recorded by path; the bare name is refused with exit 2", async () => {
    const root = workspace(SAME_NAME);
    const due = (await revisit({ dir: root, today }, memoryIO())).entries;
    expect(due.map((e) => e.path).sort()).toEqual([
      "notes/github-actions/github-pages.md",
      "notes/github/github-pages.md",
      "notes/hub.md",
    ]);
    const bare = await call(revisit, { dir: root, today, slug: "github-pages", rating: "good" });
    expect(bare.code).toBe(2);
    const rated = await call(revisit, { dir: root, today, slug: "github/github-pages", rating: "good", json: true });
    expect(rated.code).toBe(0);
    const used = await call(revisit, {
      dir: root,
      today,
      slug: "github-actions/github-pages",
      usedIn: "blog",
      json: true,
    });
    expect(used.code).toBe(0);
    const log = readFileSync(join(root, "revisits.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { note: string; event: string });
    expect(log.map((e) => [e.event, e.note])).toEqual([
      ["revisit", "path:notes/github/github-pages.md"],
      ["used", "path:notes/github-actions/github-pages.md"],
    ]);
    const one = jsonOf<{ revisits: number; last_rating: string | null; path: string }>(
      await call(revisit, { dir: root, today, slug: "github/github-pages", json: true }),
    );
    const two = jsonOf<{ revisits: number; last_rating: string | null; reason: { kind: string } }>(
      await call(revisit, { dir: root, today, slug: "github-actions/github-pages", json: true }),
    );
    expect([one.path, one.revisits, one.last_rating]).toEqual(["notes/github/github-pages.md", 1, "good"]);
    expect([two.revisits, two.last_rating, two.reason.kind]).toEqual([0, null, "used"]);
    // rated today, so only the other one (used in a build) and the hub are still due
    const after = (await revisit({ dir: root, today }, memoryIO())).entries;
    expect(after.map((e) => e.path).sort()).toEqual(["notes/github-actions/github-pages.md", "notes/hub.md"]);
  });

  it("a rename (`learn mv`) of one of them keeps its own history, and the other keeps none of it", async () => {
    const root = workspace(SAME_NAME);
    expect((await call(revisit, { dir: root, today, slug: "github/github-pages", rating: "good" })).code).toBe(0);
    const moved = await call(mv, { dir: root, today, from: "github/github-pages", to: "gh-pages" });
    expect(moved.code).toBe(0);
    expect(readFileSync(join(root, "notes/github/gh-pages.md"), "utf8")).toContain("id: notes/github/github-pages.md");
    const renamed = jsonOf<{ revisits: number; path: string }>(
      await call(revisit, { dir: root, today, slug: "gh-pages", json: true }),
    );
    const other = jsonOf<{ revisits: number }>(
      await call(revisit, { dir: root, today, slug: "github-pages", json: true }),
    );
    expect([renamed.path, renamed.revisits, other.revisits]).toEqual(["notes/github/gh-pages.md", 1, 0]);
  });

  it("a note with a unique name keeps the history logged under its name (as before this change)", async () => {
    const root = workspace(SAME_NAME);
    writeFileSync(
      join(root, "revisits.jsonl"),
      '{"v":1,"event":"revisit","note":"hub","date":"2026-11-30","rating":"easy"}\n',
    );
    const hub = jsonOf<{ revisits: number }>(await call(revisit, { dir: root, today, slug: "hub", json: true }));
    expect(hub.revisits).toBe(1);
  });

  it("check reports neither note as a duplicate", async () => {
    const root = workspace(SAME_NAME);
    const r = await call(check, { dir: root, today, json: true });
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings;
    expect(findings.filter((f) => /duplicate|broken/.test(f.rule))).toEqual([]);
  });
});

describe("check on links of every dialect", () => {
  it("reports only the links that are really broken", async () => {
    const root = workspace(
      {
        "notes/a.md": noteText(
          { title: "A" },
          [
            "![[pic.png]] ![[pic.png|300]] ![[gone.png]] [[b#Part]] [[b#^blk]] [[B|label]] [[nowhere]]",
            "[root](/b.md) [pdf](files/x.pdf) ![img](img/none.png) `[[in-code]]`",
            "```",
            "[[in-fence]] [f](fence.md)",
            "```",
            "",
          ].join("\n"),
        ),
        "notes/b.md": noteText({ title: "B" }, "## Part\n\nx ^blk\n"),
        "notes/assets/pic.png": "png",
        "notes/files/x.pdf": "pdf",
      },
      { config: "dialect: obsidian\n" },
    );
    const r = await call(check, { dir: root, today, json: true });
    const broken = (JSON.parse(r.stdout) as { findings: { rule: string; message: string; line: number }[] }).findings
      .filter((f) => f.rule === "broken-link")
      .map((f) => `${f.line}: ${f.message}`);
    expect(broken).toEqual([
      "4: broken link ![[gone.png]]: no note or file by that name",
      "4: broken link [[nowhere]]: no note has that name",
      "5: broken link (img/none.png): no file at that path",
    ]);
  });
});
