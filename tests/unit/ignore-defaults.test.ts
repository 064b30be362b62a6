import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ignore from "ignore";
import { describe, expect, it } from "vitest";
import type { Dialect } from "../../src/core/config.js";
import { defaultIgnores, ignoreRules, obsidianTemplateFolders } from "../../src/files/ignore-rules.js";
import { tempDir } from "../helpers/workspace.js";

// Issue 15: with no pattern of the user's, the default ignore rules are tested as one regular
// expression instead of through the `ignore` package. Both must say the same of every path.

const DIALECTS: Dialect[] = ["learn", "obsidian", "dendron", "zk", "foam", "markdown"];
const FOLDERS = ["", "notes", "My Notes", "vault/sub", "a[b]*"];

/** Paths (relative to the workspace root) around every default pattern: near misses, case, nesting, folders. */
function paths(notes: string): string[] {
  const at = (p: string) => (notes ? `${notes}/${p}` : p);
  const names = [
    "a.md",
    "x.excalidraw.md",
    "X.Excalidraw.MD",
    ".excalidraw.md",
    "excalidraw.md",
    "x.excalidraw.md.bak",
    "x.excalidraw.md/inner.md",
    "templates/t.md",
    "Templates/t.md",
    "TEMPLATES/t.md",
    "templates",
    "templates/",
    "deep/templates/t.md",
    "templates.daily.md",
    "Templates.Daily.MD",
    "templates.md",
    "templates..md",
    "templates.a.b.md",
    "deep/templates.daily.md",
    "templates.x.md/inner.md",
    "README.md",
    "readme.md",
    "README.md/inner.md",
    "deep/README.md",
    "CHANGELOG.md",
    "LICENSE.md",
    "SECURITY.md.txt",
    "99 Meta/[T]/t.md",
    "99 Meta/T/t.md",
    "99 Meta/[T]",
    "99 Meta/[T]/",
    "tpl/x.md",
    "tplx/y.md",
    "é/é.md",
  ];
  return [...names, ...names.map(at), "notes/", "notes/a.md", "other/README.md", "templates/"];
}

describe("the default ignore rules without the ignore package", () => {
  it("say of every path what the ignore package says of the default patterns, for every dialect and notes folder", () => {
    let compared = 0;
    for (const dialect of DIALECTS)
      for (const notes of FOLDERS) {
        const root = tempDir("learn-ignore-defaults-");
        if (dialect === "obsidian") {
          const vault = notes ? join(root, notes) : root;
          mkdirSync(join(vault, ".obsidian", "plugins", "templater-obsidian"), { recursive: true });
          writeFileSync(join(vault, ".obsidian", "templates.json"), JSON.stringify({ folder: "99 Meta/[T]" }));
          writeFileSync(
            join(vault, ".obsidian", "plugins", "templater-obsidian", "data.json"),
            JSON.stringify({ templates_folder: "tpl" }),
          );
        }
        const settings = { notes, dialect };
        const rules = ignoreRules(root, settings, { root });
        expect(rules.problems).toEqual([]);
        const vault = notes ? join(root, notes) : root;
        const templates = dialect === "obsidian" ? obsidianTemplateFolders(vault, { root }) : [];
        const reference = ignore().add(defaultIgnores(settings, templates));
        for (const p of paths(notes)) {
          expect(rules.test(p), `${dialect} notes=${JSON.stringify(notes)} ${p}`).toBe(reference.ignores(p));
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(1000);
  });

  it("a .learnignore of only comments and blank lines leaves the defaults alone; one pattern in it is read", () => {
    const root = tempDir("learn-ignore-defaults-");
    writeFileSync(join(root, ".learnignore"), "# nothing yet\n\n   \n");
    const quiet = ignoreRules(root, { notes: "notes" }, { root });
    expect(quiet.test("notes/x.excalidraw.md")).toBe(true);
    expect(quiet.test("notes/drafts/a.md")).toBe(false);
    writeFileSync(join(root, ".learnignore"), "# drafts\n/notes/drafts/\n");
    const drafts = ignoreRules(root, { notes: "notes" }, { root });
    expect(drafts.test("notes/drafts/a.md")).toBe(true);
    expect(drafts.test("notes/x.excalidraw.md")).toBe(true);
    // a pattern with leading spaces is a pattern, not a comment
    writeFileSync(join(root, ".learnignore"), "  #odd.md\n");
    expect(ignoreRules(root, { notes: "" }, { root }).test("  #odd.md")).toBe(true);
  });
});
