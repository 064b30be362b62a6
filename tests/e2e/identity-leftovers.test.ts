import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNoteForSite } from "../../src/app/site-read.js";
import { check } from "../../src/commands/check.js";
import { list } from "../../src/commands/list.js";
import { week } from "../../src/commands/week.js";
import { search } from "../../src/commands/search.js";
import { show } from "../../src/commands/show.js";
import { walkedIndex } from "../../src/store/walked-index.js";
import { createContext } from "../../src/workspace/context.js";
import { call } from "../helpers/in-process.js";
import { noteText, workspace } from "../helpers/workspace.js";

const HAVE_GIT = spawnSync("git", ["--version"]).status === 0;

// git with no user or system config, a temp HOME, and an identity given on the command line.
const gitEnv = (home: string): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: home,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
});
const git = (cwd: string, ...args: string[]): void => {
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], {
    cwd,
    env: gitEnv(cwd),
    stdio: "pipe",
  });
};

describe("check --staged applies the ignore rules", () => {
  it.skipIf(!HAVE_GIT)("a staged file under an ignored folder is not checked", async () => {
    const bad = "---\ntitle: Bad\nstatus: wrong\n---\nBody.\n";
    const root = workspace(
      { "notes/drafts/bad.md": bad, "notes/Templates/t.md": bad, "notes/ok.md": "---\ntitle: Ok\n---\nFine.\n" },
      { config: "ignore: [drafts/]\ndialect: obsidian\n" },
    );
    git(root, "init", "-q");
    git(root, "add", "notes");
    const r = await call(check, { dir: root, staged: true, json: true }, gitEnv(root));
    const out = JSON.parse(r.stdout) as { counts: { files: number }; findings: { path: string }[] };
    expect(out.findings.map((f) => f.path)).toEqual([]);
    expect(out.counts.files).toBe(1);
    expect(r.code).toBe(0);
  });
});

describe("due dates of two notes with one file name", () => {
  const today = "2026-11-27";
  const make = () =>
    workspace({
      // first due 7 days after publication: a/dup.md is due, b/dup.md is not
      "notes/a/dup.md": noteText({ title: "Old dup", published: "2026-10-01" }, "words\n"),
      "notes/b/dup.md": noteText({ title: "New dup", published: "2026-11-25" }, "words\n"),
    });
  const paths = async (root: string, filters: string[], sort?: string) =>
    (await call(list, { dir: root, today, format: "paths", filters, sort })).stdout.trim().split("\n").filter(Boolean);

  it("is:due and --sort due key on the path, not the shared name", async () => {
    const root = make();
    expect(await paths(root, ["is:due"])).toEqual(["notes/a/dup.md"]);
    expect(await paths(root, [], "due")).toEqual(["notes/a/dup.md", "notes/b/dup.md"]);
    const found = await call(search, { dir: root, today, query: ["words is:due"], json: true });
    expect((JSON.parse(found.stdout) as { hits: { path: string }[] }).hits.map((h) => h.path)).toEqual([
      "notes/a/dup.md",
    ]);
  });
});

describe("publish_flag as configured, on every path that parses notes", () => {
  const make = () =>
    workspace(
      {
        "notes/flagged.md": "---\ntitle: Flagged\npublished: true\n---\nBody.\n",
        "notes/unflagged.md": "---\ntitle: Unflagged\npublished: false\n---\nBody.\n",
      },
      { config: "publish_flag: {true: private, false: public}\n" },
    );

  it("the index, the walked-index fallback and the site reader map `published: true` to private", async () => {
    const root = make();
    const shown = JSON.parse((await call(show, { dir: root, slug: "flagged", json: true })).stdout) as {
      note: { visibility: string };
    };
    expect(shown.note.visibility).toBe("private");
    const ctx = await createContext({ dir: root }, { env: {} });
    const walked = walkedIndex(ctx);
    expect(walked.getNote("flagged")?.visibility).toBe("private");
    expect(walked.getNote("unflagged")?.visibility).toBe("public");
    const site = readNoteForSite(root, "notes/flagged.md", ctx.config.publish_flag);
    expect("row" in site && site.row.visibility).toBe("private");
  });
});

describe("links, headings and tags inside comments", () => {
  it("a link written only in an HTML or %% comment is no link, backlink or broken link", async () => {
    const body = [
      "# Visible",
      "See [[shown]].",
      "<!-- old: [[hidden-html]] and [md](hidden-md.md) -->",
      "%% private: [[hidden-obsidian]]",
      "## Secret heading #secrettag",
      "%%",
      "`%% [[in-code]] %%` stays code.",
      "After #visibletag and [[broken-after]].",
      "",
    ].join("\n");
    const root = workspace({
      "notes/a.md": `---\ntitle: A\n---\n${body}`,
      "notes/shown.md": "---\ntitle: Shown\n---\nx\n",
      "notes/hidden-html.md": "---\ntitle: Hidden html\n---\nx\n",
      "notes/hidden-obsidian.md": "---\ntitle: Hidden obsidian\n---\nx\n",
    });
    type Shown = { links: { target: string }[]; backlinks: unknown[]; note: { tags: string[] } };
    const a = JSON.parse((await call(show, { dir: root, slug: "a", json: true })).stdout) as Shown;
    expect(a.links.map((l) => l.target).sort()).toEqual(["broken-after", "shown"]);
    expect(a.note.tags).toEqual(["visibletag"]);
    for (const hidden of ["hidden-html", "hidden-obsidian"]) {
      const h = JSON.parse((await call(show, { dir: root, slug: hidden, json: true })).stdout) as Shown;
      expect(h.backlinks).toEqual([]);
    }
    const checked = JSON.parse((await call(check, { dir: root, json: true })).stdout) as {
      findings: { rule: string; line: number | null; message: string }[];
    };
    const broken = checked.findings.filter((f) => /link/.test(f.rule));
    expect(broken.map((f) => f.line)).toEqual([11]); // line numbers still count the comment's lines
    expect(broken[0]!.message).toContain("broken-after");
  });
});

describe("learn week with a note whose file name another note has", () => {
  const dup = (title: string) =>
    noteText({ title, type: "doc", visibility: "private", domain: "core-backend", published: "2026-09-01" });
  const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");

  it("records the note by path and finds it again for steps 3 to 5", async () => {
    const root = workspace({ "notes/a/dup.md": dup("Dup A"), "notes/b/dup.md": dup("Dup B") });
    const today = "2026-11-27";
    const ambiguous = await call(week, { dir: root, today, domain: "core-backend", note: "dup" });
    expect(ambiguous.code).toBe(2); // the short name is ambiguous: the user picks one
    const r = await call(week, {
      dir: root,
      today,
      note: "b/dup",
      checklist: ["one thing"],
      role: ["backend"],
      revisit: "build",
    });
    expect(r.stderr).toContain("step 5/5");
    expect(r.code).toBe(0);
    expect(read(root, "notes/log/2026-W48.md")).toContain("note: notes/b/dup.md\n");
    expect(read(root, "notes/b/dup.md")).toContain("- [ ] one thing");
    expect(read(root, "notes/a/dup.md")).toBe(dup("Dup A"));
    expect(r.stderr).toContain("learn used notes/b/dup.md");
    const again = await call(week, { dir: root, today, json: true });
    expect(again.code).toBe(0);
  });
});
