import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/core/config.js";
import { defaultIgnores } from "../../src/files/ignore-rules.js";
import { walkWorkspace } from "../../src/files/note-walk.js";
import { walkWorkspaceNotes } from "../../src/store/open-db.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { stagedNotes } from "../../src/workspace/git-staged.js";
import { existingSlugs } from "../../src/workspace/note-files.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { tempDir } from "../helpers/workspace.js";

// Ignore rules (issue 9): .learnignore in gitignore syntax, the config's `ignore:`, and defaults,
// applied in the one walk every command shares.

function tree(files: Record<string, string>): string {
  const root = tempDir("learn-ignore-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

type Settings = Partial<Pick<Config, "dialect" | "ignore" | "follow_symlinks_outside">>;
const paths = (root: string, notes: string, config: Settings = {}) =>
  walkWorkspace(workspacePaths(root, notes), config)
    .files.map((f) => f.path)
    .sort();

describe("defaultIgnores", () => {
  it.each([
    [{ notes: "notes" }, [], ["*.excalidraw.md"]],
    [
      { notes: "", dialect: "learn" as const },
      [],
      ["*.excalidraw.md", "/templates/", "/README.md", "/CONTRIBUTING.md"],
    ],
    [{ notes: "", dialect: "obsidian" as const }, ["99 Meta/[T]"], ["/99 Meta/\\[T\\]/", "/templates/", "/Templates/"]],
    [{ notes: "vault", dialect: "dendron" as const }, [], ["*.excalidraw.md", "/vault/templates.*.md"]],
    [{ notes: "", dialect: "markdown" as const }, [], ["*.excalidraw.md", "/README.md"]],
  ])("%j with templates %j includes %j", (settings, templates, expected) => {
    expect(defaultIgnores(settings, templates)).toEqual(expect.arrayContaining(expected));
  });

  it("a plain Markdown folder adopted whole keeps a topic folder named templates/", () => {
    expect(defaultIgnores({ notes: "", dialect: "markdown" })).not.toContain("/templates/");
  });
});

describe("walkWorkspace with ignore rules", () => {
  it("notes: . gives root-relative paths and never walks .learn/, dot-folders or node_modules", () => {
    const root = tree({
      "a.md": "# A\n",
      "topic/b.md": "# B\n",
      ".learn/x.md": "",
      ".git/y.md": "",
      "node_modules/z/readme.md": "",
      "README.md": "# index\n",
      "learn.config.yaml": "notes: .\n",
    });
    expect(paths(root, ".")).toEqual(["a.md", "topic/b.md"]);
  });

  it("patterns are relative to the workspace root, also when the notes folder is notes/", () => {
    const root = tree({
      "notes/keep.md": "",
      "notes/drafts/x.md": "",
      "notes/deep/drafts/y.md": "",
      "notes/d.excalidraw.md": "",
      ".learnignore": "/notes/drafts/\n",
    });
    expect(paths(root, "notes")).toEqual(["notes/deep/drafts/y.md", "notes/keep.md"]);
    expect(paths(root, "notes", { ignore: ["drafts/"] })).toEqual(["notes/keep.md"]);
  });

  it("the Obsidian templates folder comes from .obsidian/templates.json, even with wildcard characters in its name", () => {
    const root = tree({
      ".obsidian/templates.json": '{"folder":"/99 Meta/[T]/"}',
      "99 Meta/[T]/daily.md": "# {{title}}\n",
      "99 Meta/T/real.md": "# Real\n",
      "Templates/x.md": "# {{title}}\n",
      "note.md": "# Note\n",
    });
    expect(paths(root, ".", { dialect: "obsidian" })).toEqual(["99 Meta/T/real.md", "note.md"]);
    // without the dialect, nothing but the generic defaults applies
    expect(paths(root, ".", { dialect: "markdown" })).toContain("Templates/x.md");
  });

  it("an ignored folder is not entered: a link out of the workspace inside it is not even reported", () => {
    const outside = tree({ "secret.md": "# outside\n" });
    const root = tree({ "a.md": "", "skip/.keep": "", "look/.keep": "", ".learnignore": "skip/\n" });
    symlinkSync(join(outside, "secret.md"), join(root, "skip", "link.md"));
    symlinkSync(join(outside, "secret.md"), join(root, "look", "link.md"));
    const walk = walkWorkspace(workspacePaths(root, "."), {});
    expect(walk.files.map((f) => f.path)).toEqual(["a.md"]);
    expect(walk.problems.map((p) => p.path)).toEqual(["look/link.md"]);
  });

  it("a .learnignore that cannot be read safely is reported and the walk goes on", () => {
    const outside = tree({ ignore: "a.md\n" });
    const root = tree({ "a.md": "" });
    symlinkSync(join(outside, "ignore"), join(root, ".learnignore"));
    const walk = walkWorkspace(workspacePaths(root, "."), {});
    expect(walk.files.map((f) => f.path)).toEqual(["a.md"]);
    expect(walk.problems[0]).toMatchObject({ path: ".learnignore", severity: "error" });
    expect(walk.problems[0]!.reason).toMatch(/outside the workspace.*its patterns are not used/);
  });
});

describe("one discovery: the index and learn new's slug check agree", () => {
  it("on symlinks (inside, outside, loops) and ignore rules", () => {
    const outside = tree({ "far.md": "# far\n" });
    const root = tree({
      "notes/a.md": "",
      "notes/sub/b.md": "",
      "notes/Templates/t.md": "",
      "notes/.obsidian/templates.json": '{"folder":"Templates"}',
      "elsewhere/c.md": "",
      ".learnignore": "notes/sub/\n",
    });
    symlinkSync(join(root, "elsewhere", "c.md"), join(root, "notes", "c-link.md"));
    symlinkSync(join(outside, "far.md"), join(root, "notes", "far.md"));
    symlinkSync(join(root, "notes"), join(root, "notes", "loop"));
    const ws = workspacePaths(root);
    for (const follow of [false, true]) {
      const config = { ...DEFAULT_CONFIG, dialect: "obsidian" as const, follow_symlinks_outside: follow };
      const walked = walkWorkspaceNotes({ ws, config, today: "2026-12-01" }).files.map((f) =>
        f.path.replace(/^.*\//, "").replace(/\.md$/, ""),
      );
      expect(new Set(walked)).toEqual(existingSlugs(ws, config));
      expect(walked.sort()).toEqual(follow ? ["a", "c-link", "far"] : ["a", "c-link"]);
    }
  });
});

describe("check --staged sees the notes the walk sees", () => {
  it("given the config, staged templates, drawings, dot-folders and .learnignore'd files are left out", () => {
    const root = tree({
      ".obsidian/templates.json": '{"folder":"Templates"}',
      ".obsidian/snippet.md": "",
      "Templates/t.md": "# {{title}}\n",
      "d.excalidraw.md": "{}",
      "drafts/x.md": "",
      "a/b.md": "# B\n",
      "README.md": "# index\n",
      ".learnignore": "drafts/\n",
    });
    const env = { PATH: process.env.PATH ?? "", HOME: root, GIT_CONFIG_NOSYSTEM: "1" };
    execFileSync("git", ["init", "-q"], { cwd: root, env });
    execFileSync("git", ["add", "-A"], { cwd: root, env });
    const ws = workspacePaths(root, ".");
    expect(stagedNotes(ws, env, { dialect: "obsidian" }).map((n) => n.path)).toEqual(["a/b.md"]);
    expect(stagedNotes(ws, env).map((n) => n.path)).toContain("Templates/t.md"); // without the config: as before
  });
});
