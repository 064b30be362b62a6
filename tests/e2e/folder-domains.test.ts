import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { list, type ListOptions } from "../../src/commands/list.js";
import { readiness } from "../../src/commands/readiness.js";
import { search, type SearchOptions } from "../../src/commands/search.js";
import { status } from "../../src/commands/status.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { noteText, workspace } from "../helpers/workspace.js";

const env = { LEARN_TODAY: "2026-12-01" };

/** Paths `learn list` prints for these options, sorted. */
const paths = async (root: string, opts: ListOptions) => {
  const r = await call(list, { dir: root, format: "paths", sort: "title", ...opts }, env);
  expect(r.stderr).not.toMatch(/^learn: (?!rebuilt)/m);
  return r.stdout.trim().split("\n").filter(Boolean).sort();
};

/** Paths of the hits, best first (none: exit 1, as grep). */
const hits = async (root: string, query: string[], opts: Omit<SearchOptions, "query"> = {}) => {
  const r = await call(search, { dir: root, query, json: true, ...opts }, env);
  expect(r.code, r.stderr).toBeLessThan(2);
  return (JSON.parse(r.stdout) as { hits: { path: string }[] }).hits.map((h) => h.path);
};

type Group = { id: string; name: string; notes: number };
const domainsOf = async (root: string) =>
  jsonOf<{ domains: Group[] }>(await call(readiness, { dir: root, json: true }, env)).domains;

/** A TIL-like folder: topic folders, notes with an H1 and no front matter. */
const til = (config: string) =>
  workspace(
    {
      "notes/postgres/difference-between-explain-and-explain-analyze.md":
        "# Difference Between Explain And Explain Analyze\n\nThe `explain` statement shows the plan; analyze runs it.\n",
      "notes/postgres/lower-is-faster.md": "# Lower Is Faster Than ilike\n\nA tip about case-insensitive matching.\n",
      "notes/zsh/history.md": "# Use a space to exclude a command from history\n\nA zsh tip. #shell/zsh\n",
      "notes/Machine Learning/tokens.md": "# Tokens\n\nHow text is cut up.\n",
      "notes/readme-top.md": "# Top level\n\nNo folder, so no folder domain.\n",
      "notes/pinned.md": noteText({ title: "Pinned", domain: "zsh" }),
    },
    { config },
  );

describe("folders map to domains", () => {
  it("configured folders: a note's domain is its front matter, else the longest configured folder holding it", async () => {
    const root = workspace(
      {
        "notes/postgres/a.md": noteText({ title: "A" }),
        "notes/sql/joins/b.md": noteText({ title: "B" }),
        "notes/postgres/c.md": noteText({ title: "C", domain: "ops" }),
        "notes/postgres/tuning/d.md": noteText({ title: "D" }),
        "notes/other/e.md": noteText({ title: "E" }),
      },
      {
        config:
          "domains:\n  postgres:\n    name: Postgres\n    folders: [postgres, SQL]\n" +
          "  tuning:\n    folders: [postgres/tuning]\n  ops: Operations\n",
      },
    );
    expect(await paths(root, { domain: "postgres" })).toEqual(["notes/postgres/a.md", "notes/sql/joins/b.md"]);
    expect(await paths(root, { filters: ["domain:tuning"] })).toEqual(["notes/postgres/tuning/d.md"]);
    expect(await paths(root, { domain: "ops" })).toEqual(["notes/postgres/c.md"]);
    const domains = await domainsOf(root);
    expect(domains.map((d) => [d.id, d.name, d.notes])).toEqual([
      ["postgres", "Postgres", 2],
      ["tuning", "tuning", 1],
      ["ops", "Operations", 1],
    ]);
  });

  it("editing the domains' folders re-places every note (the index is rebuilt, and says why)", async () => {
    const root = workspace(
      { "notes/postgres/a.md": noteText({ title: "A" }), "notes/sql/b.md": noteText({ title: "B" }) },
      { config: "domains:\n  postgres:\n    folders: [postgres]\n" },
    );
    expect(await paths(root, { domain: "postgres" })).toEqual(["notes/postgres/a.md"]);
    writeFileSync(join(root, "learn.config.yaml"), "domains:\n  postgres:\n    folders: [postgres, sql]\n");
    const r = await call(list, { dir: root, format: "paths", domain: "postgres", sort: "title" }, env);
    expect(r.stdout).toBe("notes/postgres/a.md\nnotes/sql/b.md\n");
  });

  it("an adopted folder (dialect set, no domains:) has its top-level folders as domains", async () => {
    const root = til("dialect: markdown\n");
    mkdirSync(join(root, "notes", "assets")); // a folder without notes is not a domain worth a line
    writeFileSync(join(root, "notes", "assets", "x.png"), "png");
    expect(await paths(root, { domain: "postgres" })).toEqual([
      "notes/postgres/difference-between-explain-and-explain-analyze.md",
      "notes/postgres/lower-is-faster.md",
    ]);
    expect(await paths(root, { domain: "machine-learning" })).toEqual(["notes/Machine Learning/tokens.md"]);
    // front matter still wins over the folder
    expect(await paths(root, { domain: "zsh" })).toEqual(["notes/pinned.md", "notes/zsh/history.md"]);
    const domains = await domainsOf(root);
    expect(domains.map((d) => [d.id, d.name, d.notes])).toEqual([
      ["machine-learning", "Machine Learning", 1],
      ["postgres", "postgres", 2],
      ["zsh", "zsh", 2],
    ]);
  });

  it("a Dendron workspace (dotted names, vault folders) has its notes' top hierarchies as domains", async () => {
    const root = workspace(
      {
        "notes/root.md": "# Root\n",
        "notes/pkg.md": "# Packages\n",
        "notes/pkg.npm.publish.md": "# Publish to npm\n",
        "notes/vault2/dev.git.md": "# Git\n",
      },
      { config: "dialect: dendron\n" },
    );
    expect(await paths(root, { domain: "pkg" })).toEqual(["notes/pkg.md", "notes/pkg.npm.publish.md"]);
    expect((await domainsOf(root)).map((d) => [d.id, d.notes])).toEqual([
      ["dev", 1],
      ["pkg", 2],
    ]);
  });

  it("learn readiness and status on an adopted folder show each domain's notes, not 0 everywhere", async () => {
    const root = til("dialect: obsidian\n");
    const r = await call(readiness, { dir: root }, env);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\n {4}/g, " ")).toMatch(/^ {2}postgres +░+ +0 +2 notes; no roadmap items for it$/m);
    expect(r.stdout).toMatch(/^ {2}machine-learning .*1 note; no roadmap items for it$/m);
    expect(r.stdout).not.toMatch(/core-backend/);
    const st = await call(status, { dir: root }, env);
    expect(st.stdout).toMatch(/^Domains +postgres 2 · zsh 2 · machine-learning 1$/m);
  });

  it("learn's own workspaces keep the default domain pack; folders say nothing there", async () => {
    for (const config of ["", "dialect: learn\n"]) {
      const root = til(config);
      expect(await paths(root, { domain: "postgres" })).toEqual([]);
      expect((await domainsOf(root)).map((d) => d.id)).toEqual([
        "core-backend",
        "cloud-deployment",
        "ai-infrastructure",
        "security-reliability",
      ]);
    }
  });
});

describe("folder: and path: filters", () => {
  const root = () =>
    workspace({
      "notes/postgres/explain.md": noteText({ title: "Explain" }, "Plans.\n"),
      "notes/postgres/tuning/work-mem.md": noteText({ title: "Work mem" }, "Plans and memory.\n"),
      "notes/postgresql/other.md": noteText({ title: "Other" }, "Plans elsewhere.\n"),
      "notes/top.md": noteText({ title: "Top" }, "Plans at the top.\n"),
    });

  it("--folder and folder: take a folder and everything below it, any case, commas for alternatives", async () => {
    const ws = root();
    expect(await paths(ws, { folder: "postgres" })).toEqual([
      "notes/postgres/explain.md",
      "notes/postgres/tuning/work-mem.md",
    ]);
    expect(await paths(ws, { filters: ["folder:Postgres/Tuning/"] })).toEqual(["notes/postgres/tuning/work-mem.md"]);
    expect(await paths(ws, { filters: ["folder:postgresql,postgres/tuning"] })).toEqual([
      "notes/postgres/tuning/work-mem.md",
      "notes/postgresql/other.md",
    ]);
    expect(await hits(ws, ["plans"], { folder: "postgres" })).toHaveLength(2);
    expect(await hits(ws, ["plans", "folder:postgres/tuning"])).toEqual(["notes/postgres/tuning/work-mem.md"]);
    const bad = await call(list, { dir: ws, filters: ["folder:../x"] }, env);
    expect(bad.code).toBe(2);
  });

  it("--path and path: match text in the note's path", async () => {
    const ws = root();
    expect(await paths(ws, { path: "work-" })).toEqual(["notes/postgres/tuning/work-mem.md"]);
    expect(await hits(ws, ["plans", "path:SQL/"])).toEqual(["notes/postgresql/other.md"]);
  });
});

describe("the path is searchable at low weight", () => {
  it("postgres explain analyze finds a note in postgres/ that never says postgres; the body outranks the folder", async () => {
    const root = workspace({
      "notes/postgres/difference-between-explain-and-explain-analyze.md":
        "# Difference Between Explain And Explain Analyze\n\nThe `explain` statement shows the plan; analyze runs it.\n",
      "notes/zsh/postgres-prompt.md": "# Prompt\n\nShow the postgres server in the prompt.\n",
      "notes/zsh/other.md": "# Other\n\nNothing here.\n",
    });
    expect((await hits(root, ["postgres", "explain", "analyze"]))[0]).toBe(
      "notes/postgres/difference-between-explain-and-explain-analyze.md",
    );
    // a note that says the word ranks above one that is only filed under it
    expect(await hits(root, ["postgres"])).toEqual([
      "notes/zsh/postgres-prompt.md",
      "notes/postgres/difference-between-explain-and-explain-analyze.md",
    ]);
    // the notes folder's own name is not a word of every note
    expect(await hits(root, ["notes"])).toEqual([]);
  });
});

describe("inline tags, aliases and desc in the index", () => {
  const root = () =>
    workspace({
      "notes/a.md": noteText({ title: "Alpha", tags: ["Go"] }, "About #go and #lang/rust.\n\n```\n#not-a-tag\n```\n"),
      "notes/b.md": noteText({ title: "Beta", aliases: ["PG", "Postgres"], desc: "What Beta is for" }, "Body.\n"),
      "notes/c.md": "# Gamma\n\nSee page#anchor and issue #42 in `#code`.\n",
    });

  it("merges body #tags with tags: and filters on them, nested tags under their parent", async () => {
    const ws = root();
    const r = jsonOf<{ notes: { path: string; tags: string[] }[] }>(
      await call(list, { dir: ws, json: true, sort: "title" }, env),
    );
    expect(r.notes.map((n) => n.tags)).toEqual([["Go", "lang/rust"], [], []]);
    expect(await paths(ws, { tag: "lang" })).toEqual(["notes/a.md"]);
    expect(await paths(ws, { filters: ["tag:lang/rust"] })).toEqual(["notes/a.md"]);
    expect(await paths(ws, { filters: ["tag:rust"] })).toEqual([]);
    expect(await paths(ws, { filters: ["tag:not-a-tag"] })).toEqual([]);
    expect(await paths(ws, { filters: ["tag:42"] })).toEqual([]);
  });

  it("aliases are searched, and desc: is the summary", async () => {
    const ws = root();
    expect(await hits(ws, ["pg"])).toEqual(["notes/b.md"]);
    const r = jsonOf<{ notes: { path: string; summary: string | null }[] }>(
      await call(list, { dir: ws, json: true, filters: ["path:b.md"] }, env),
    );
    expect(r.notes[0]!.summary).toBe("What Beta is for");
  });
});
