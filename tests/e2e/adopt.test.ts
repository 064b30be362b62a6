import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { fileHashes as hashes } from "../helpers/files.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { index } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { list } from "../../src/commands/list.js";
import { publish } from "../../src/commands/publish.js";
import { search } from "../../src/commands/search.js";
import { createContext } from "../../src/workspace/context.js";
import { call, jsonOf } from "../helpers/in-process.js";
import * as schema from "../helpers/json-schemas.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/workspace.js";

// `learn init --here` on folders learn did not make (issue 9, "Adopt in place"): it writes only
// learn.config.yaml (and .gitignore/.gitattributes lines in a repo), says what it found, and every
// command then reads the notes where they are, with root-relative paths and the ignore rules.

/** Write `files` (path -> text) under a fresh temp folder and return it. */
function folder(files: Record<string, string>): string {
  const root = tempDir("learn-adopt-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const git = (root: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root, stdio: "pipe" });

/** An Obsidian vault as people keep one. */
const VAULT: Record<string, string> = {
  ".obsidian/app.json": "{}\n",
  ".obsidian/templates.json": '{"folder":"Templates"}\n',
  "Templates/Daily.md": "# {{title}}\n\nCreated {{date}}\n",
  "Templates/Meeting.md": "---\npublish: true\n---\n# {{title}}\n",
  "Drawing.excalidraw.md":
    '---\nexcalidraw-plugin: parsed\n---\n# Excalidraw Data\n```json\n{"type":"excalidraw"}\n```\n',
  "README.md": "# My vault\n\n" + Array.from({ length: 200 }, (_, i) => `- [[Topic ${i}]]`).join("\n") + "\n",
  "github/github-pages.md": "---\npublish: true\n---\n# GitHub Pages (github)\n\nServing a site from a repo.\n",
  "github-actions/github-pages.md": "---\npublished: true\n---\n# GitHub Pages (actions)\n\nDeploying Pages.\n",
  "databases/Postgres Indexes.md":
    "---\ntags: [postgres]\nPublish: True # on the site\n---\n# Postgres Indexes\n\nB-tree and GIN.\n",
  "Dataview.md": "# Dataview\n\nQuerying notes like a database. publish: true in the body is not front matter\n",
  "Private Journal.md": "---\npublish: false\n---\n# Private Journal\n\nOnly for me.\n",
  ".gitignore": "node_modules\n.DS_Store",
  "node_modules/pkg/readme.md": "# a package\n",
};

describe("learn init --here on an Obsidian vault", () => {
  it("writes only learn.config.yaml and appended lines, prints what it found, and changes no other byte", async () => {
    const root = folder(VAULT);
    git(root, "init", "-q");
    const before = hashes(root);

    const r = await call(init, { target: root, here: true });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("5 notes, Obsidian vault, 3 marked publish: true");
    expect(r.stdout).toContain("notes   the whole folder (found .obsidian/)");
    expect(r.stdout).toContain("ignore  /Templates/");

    const after = hashes(root);
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(changed.sort()).toEqual([".gitattributes", ".gitignore", "learn.config.yaml"]);
    expect(Object.keys(before).filter((p) => !(p in after))).toEqual([]);
    // appended, never rewritten: the old bytes are a prefix (a newline added where the last line had none)
    expect(readFileSync(join(root, ".gitignore"), "utf8")).toBe("node_modules\n.DS_Store\n.learn/\n");
    expect(readFileSync(join(root, ".gitattributes"), "utf8")).toMatch(/^revisits\.jsonl merge=union$/m);
    expect(existsSync(join(root, "notes"))).toBe(false);
    expect(existsSync(join(root, ".learn"))).toBe(false);

    const text = readFileSync(join(root, "learn.config.yaml"), "utf8");
    const config = validateConfig(yaml.load(text), "learn.config.yaml");
    expect(config).toMatchObject({ notes: ".", dialect: "obsidian", link_style: "wiki", ignore: ["/Templates/"] });
    expect(text).not.toMatch(/^domains:/m); // no default domain pack for an adopted folder
    expect(text).toMatch(/^# domains:/m);

    // a second run keeps everything and changes nothing
    const again = await call(init, { target: root, here: true });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("kept    learn.config.yaml");
    expect(hashes(root)).toEqual(after);
  });

  it("index finds the notes with root-relative paths; templates, drawings, the README and node_modules are left out", async () => {
    const root = folder(VAULT);
    await call(init, { target: root, here: true });
    const before = hashes(root);
    const idx = jsonOf<{ added: number }>(await call(index, { dir: root, json: true }));
    expect(idx.added).toBe(5);
    const paths = (await call(list, { dir: root, format: "paths", limit: 100 })).stdout.trim().split("\n").sort();
    expect(paths).toEqual([
      "Dataview.md",
      "Private Journal.md",
      "databases/Postgres Indexes.md",
      "github-actions/github-pages.md",
      "github/github-pages.md",
    ]);
    const hits = jsonOf<{ hits: { path: string }[] }>(await call(search, { dir: root, query: ["GIN"], json: true }));
    expect(hits.hits.map((h) => h.path)).toEqual(["databases/Postgres Indexes.md"]);
    expect(hashes(root)).toEqual(before); // reading never writes a note
  });

  it(".learnignore takes a default back (!README.md) and adds patterns; the config's ignore: adds more", async () => {
    const root = folder({ ...VAULT, ".learnignore": "# mine\n!README.md\ngithub-actions/\n" });
    await call(init, { target: root, here: true });
    const paths = (await call(list, { dir: root, format: "paths", limit: 100 })).stdout.trim().split("\n").sort();
    expect(paths).toEqual([
      "Dataview.md",
      "Private Journal.md",
      "README.md",
      "databases/Postgres Indexes.md",
      "github/github-pages.md",
    ]);
  });

  it("--json says what the folder held, in the init schema", async () => {
    const root = folder(VAULT);
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.created).toEqual(["learn.config.yaml"]); // not a git repo: no .gitignore made
    expect(out.adopted).toEqual({
      dialect: "obsidian",
      notes: ".",
      evidence: ".obsidian/",
      ignore: ["/Templates/"],
      remarks: [],
      count: 5,
      published: 3,
    });
  });

  it("learn run anywhere inside the adopted folder finds it", async () => {
    const root = folder(VAULT);
    await call(init, { target: root, here: true });
    const ctx = await createContext({ cwd: join(root, "github", ".") }, { env: {} });
    expect(ctx.ws.root).toBe(root);
    expect(ctx.ws.notesDir).toBe(root);
    expect(ctx.config.notes).toBe(".");
  });

  it("keeps an existing learn.config.yaml and says what it would need", async () => {
    const root = folder({ ...VAULT, "learn.config.yaml": "editor: vim\n" });
    const r = await call(init, { target: root, here: true });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, "learn.config.yaml"), "utf8")).toBe("editor: vim\n");
    expect(r.stdout).toContain("learn.config.yaml was already there and is kept as it is");
    expect(r.stdout).toContain("  notes: .\n  dialect: obsidian");
  });
});

describe("publish in a folder adopted whole", () => {
  it("writes site/ inside it (the notes folder is the workspace), never into a folder holding notes", async () => {
    const root = folder(VAULT);
    await call(init, { target: root, here: true });
    const before = hashes(root);
    const r = await call(publish, { dir: root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(root, "site", "index.html"))).toBe(true);
    const refused = await call(publish, { dir: root, out: join(root, "github") });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("that folder holds notes");
    const after = hashes(root);
    expect(Object.keys(before).filter((p) => after[p] !== before[p])).toEqual([]);
  });
});

describe("learn init --here on other dialects", () => {
  it("a Dendron workspace reads its vault: notes: vault, paths under vault/, templates.* left out", async () => {
    const root = folder({
      "dendron.yml": "version: 5\nworkspace:\n  vaults:\n    -\n      fsPath: vault\n      name: site\n",
      "LICENSE.md": "MIT\n",
      "vault/root.md": "---\nid: r\ntitle: Root\nupdated: 1659715122710\n---\n# Root\n",
      "vault/dendron.topic.md": "---\nid: t\ntitle: Topic\n---\nSee [[dendron.topic.lookup]].\n",
      "vault/templates.feature.md": "---\nid: f\ntitle: Feature Template\n---\n{{! fill me }}\n",
    });
    const r = await call(init, { target: root, here: true, json: true });
    const out = schema.init.parse(jsonOf(r));
    expect(out.adopted).toMatchObject({ dialect: "dendron", notes: "vault", evidence: "dendron.yml", count: 2 });
    const config = validateConfig(yaml.load(readFileSync(join(root, "learn.config.yaml"), "utf8")), "x");
    expect(config).toMatchObject({ notes: "vault", dialect: "dendron", link_style: "wiki" });
    await call(index, { dir: root });
    const paths = (await call(list, { dir: root, format: "paths" })).stdout.trim().split("\n").sort();
    expect(paths).toEqual(["vault/dendron.topic.md", "vault/root.md"]);
  });

  it("an Obsidian vault one folder down (a repo holding a vault) is found, with its templates folder", async () => {
    const root = folder({
      "README.md": "# my repo\n",
      "scripts/x.sh": "",
      "vault/.obsidian/templates.json": '{"folder":"Meta/Templates"}',
      "vault/Meta/Templates/t.md": "# {{title}}\n",
      "vault/Note.md": "# Note\n",
    });
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.adopted).toMatchObject({
      dialect: "obsidian",
      notes: "vault",
      evidence: "vault/.obsidian/",
      ignore: ["/vault/Meta/Templates/"],
      remarks: ["the vault is vault/"],
      count: 1,
    });
    await call(index, { dir: root });
    expect((await call(list, { dir: root, format: "paths" })).stdout).toBe("vault/Note.md\n");
  });

  it("a Dendron workspace with two vaults is read whole, and says why", async () => {
    const root = folder({
      "dendron.yml": "workspace:\n  vaults:\n    - fsPath: a\n    - fsPath: b\n",
      "a/x.md": "# X\n",
      "b/y.md": "# Y\n",
    });
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.adopted).toMatchObject({
      dialect: "dendron",
      notes: ".",
      remarks: ["dendron.yml lists 2 vaults: reading the whole folder"],
      count: 2,
    });
  });

  it("a .zk/ notebook is zk, with the patterns its config.toml ignores", async () => {
    const root = folder({
      ".zk/config.toml": '[note]\nlanguage = "en"\nignore = ["drafts/*", "log-*.md"]\n',
      ".zk/templates/default.md": "# {{title}}\n",
      "a1b2.md": "# First\n\n[[c3d4]]\n",
      "c3d4.md": "# Second\n",
      "drafts/x.md": "# Draft\n",
    });
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.adopted).toMatchObject({ dialect: "zk", notes: ".", ignore: ["drafts/*", "log-*.md"], count: 2 });
  });

  it("Foam settings (.vscode/foam.json) make it foam, templates/ left out", async () => {
    const root = folder({
      ".vscode/foam.json": "{}\n",
      "templates/new.md": "# ${FOAM_TITLE}\n",
      "inbox.md": "# Inbox\n",
    });
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.adopted).toMatchObject({ dialect: "foam", notes: ".", evidence: "Foam settings", count: 1 });
  });

  it("a TIL repo is plain markdown read whole, its README and CONTRIBUTING left out", async () => {
    const root = folder({
      "README.md": "# TIL\n\n- [a](git/a.md)\n",
      "CONTRIBUTING.md": "# How to contribute\n",
      "git/a.md": "# Amend a commit\n",
      "postgres/explain.md": "# Explain analyze\n",
    });
    const r = await call(init, { target: root, here: true });
    expect(r.stdout.split("\n")[0]).toBe("2 notes, Markdown folder, 0 marked publish: true");
    const config = validateConfig(yaml.load(readFileSync(join(root, "learn.config.yaml"), "utf8")), "x");
    expect(config).toMatchObject({ notes: ".", dialect: "markdown", link_style: "markdown" });
    await call(index, { dir: root });
    const paths = (await call(list, { dir: root, format: "paths" })).stdout.trim().split("\n").sort();
    expect(paths).toEqual(["git/a.md", "postgres/explain.md"]);
  });

  it("a repo whose Markdown is all in one folder gets that folder as notes:", async () => {
    const root = folder({ "src/x.ts": "", "docs/a.md": "# A\n", "docs/b/c.md": "# C\n" });
    const out = schema.init.parse(jsonOf(await call(init, { target: root, here: true, json: true })));
    expect(out.adopted).toMatchObject({ dialect: "markdown", notes: "docs", count: 2 });
  });

  it("takes none of plain init's extras (--templates, --example, --roadmap)", async () => {
    const root = folder({ "a.md": "# A\n" });
    for (const extra of [{ templates: true }, { example: true }, { roadmap: true }]) {
      const r = await call(init, { target: root, here: true, ...extra });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--here reads the folder as it is: it takes no --");
    }
    expect(readdirSync(root)).toEqual(["a.md"]);
  });

  it("refuses a folder with no Markdown at all, writing nothing", async () => {
    const root = folder({ "a.txt": "x\n" });
    const r = await call(init, { target: root, here: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--here: no Markdown notes in");
    expect(readdirSync(root)).toEqual(["a.txt"]);
  });
});

describe("plain learn init beside existing Markdown", () => {
  it("keeps today's behaviour and hints at --here", async () => {
    const root = folder({ "git/a.md": "# A\n" });
    const r = await call(init, { target: root });
    expect(r.code).toBe(0);
    expect(existsSync(join(root, "notes"))).toBe(true);
    expect(r.stderr).toContain("run `learn init --here`");
  });
});

describe("--dir on a Markdown folder nobody adopted", () => {
  it("LEARN_DIR too: a usage error naming learn init --here, and no .learn/ made", async () => {
    const root = folder({ "git/a.md": "# A\n" });
    const r = await call(list, {}, { LEARN_DIR: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`LEARN_DIR ${root}: no workspace there, but it holds Markdown notes`);
    expect(readdirSync(root)).toEqual(["git"]);
  });

  it("exits 2, says to run learn init --here there, and leaves the folder byte-identical (no .learn/)", () => {
    const root = folder({ "git/a.md": "# A\n", "README.md": "# TIL\n" });
    const before = hashes(root);
    const r = runCli(["search", "amend", "--dir", root]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`--dir ${root}: no workspace there, but it holds Markdown notes`);
    expect(r.stderr).toContain("learn init --here");
    expect(existsSync(join(root, ".learn"))).toBe(false);
    expect(hashes(root)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(["README.md", "git"]);
    expect(statSync(root).isDirectory()).toBe(true);
  });
});
