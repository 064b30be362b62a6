import { writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineMdRefs, lineWikiRefs, splitWikilink } from "../../src/core/markdown.js";
import { parseNote } from "../../src/core/note-parse.js";
import { noteLinks } from "../../src/store/read-note.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { createContext } from "../../src/workspace/context.js";
import type { LinkRow } from "../../src/core/index-types.js";
import { noteText, workspace } from "../helpers/workspace.js";

/** Every link of one note as [kind, target, anchor, to_path], from a real index of `root`. */
async function linksOf(root: string, from: string): Promise<[string, string, string | null, string | null][]> {
  const ctx = await createContext({ dir: root, today: "2026-12-01" }, { env: {} });
  const { index } = await openIndexLazy(ctx);
  try {
    return index.linksFrom(from).map((l: LinkRow) => [l.kind, l.target, l.anchor ?? null, l.to_path ?? null]);
  } finally {
    index.close();
  }
}

describe("splitting a wikilink by dialect", () => {
  it.each([
    ["target|label", undefined, { target: "target", label: "label" }],
    ["Note#Section|shown", "obsidian", { target: "Note", anchor: "Section", label: "shown" }],
    ["Note#^block1", "obsidian", { target: "Note", anchor: "^block1" }],
    ["image.png|300", "obsidian", { target: "image.png", label: "300" }],
    ["label|dev.tools.git", "dendron", { target: "dev.tools.git", label: "label" }],
    ["dendron://vault/dev.tools.git", "dendron", { target: "dev.tools.git" }],
    ["A label|dendron://other/a.b#usage", "dendron", { target: "a.b", anchor: "usage", label: "A label" }],
  ])("%s (%s)", (inner, dialect, want) => {
    expect(splitWikilink(inner, dialect)).toEqual(want);
  });

  it("finds embeds and links outside code spans only", () => {
    expect(lineWikiRefs("See ![[a.png|300]], [[b]] and `[[not-a-link]]` or ``x [[nor]] y``.")).toEqual([
      { inner: "a.png|300", embed: true },
      { inner: "b", embed: false },
    ]);
    expect(lineMdRefs("[a](a.md#top), `[b](b.md)`, ![c](img/c.png), [d](</x/d e.md>), [w](https://x.org)")).toEqual([
      { path: "a.md", anchor: "top" },
      { path: "img/c.png" },
      { path: "/x/d e.md" },
    ]);
  });

  it("reads Dendron's [[label|target]] only under dialect: dendron", () => {
    const parsed = parseNote("---\ntitle: R\n---\n[[Git tools|dev.tools.git]]\n", "r");
    expect(noteLinks("notes/r.md", parsed, { notesBase: "notes", dialect: "dendron" })[0]).toMatchObject({
      target: "dev.tools.git",
      toKey: "dev.tools.git",
    });
    expect(noteLinks("notes/r.md", parsed, { notesBase: "notes" })[0]).toMatchObject({ target: "Git tools" });
  });
});

const OBSIDIAN = {
  "notes/hub.md": noteText(
    { title: "Hub" },
    [
      "[[Target Note|shown]] [[target note#Section One]] [[Target Note#^block1]]",
      "[[github/github-pages]] [[github-pages]] [[The Title]] [[Alias Name]] [[zk1234]]",
      "![[diagram.png]] ![[diagram.png|300]] ![[missing.png]] ![[attachments/diagram.png]]",
      "[rel](sub/rel.md) [root](/sub/rel.md) [ws](/notes/sub/rel.md) [angle](<sub/rel note.md>) [bare](sub/rel)",
      "[pdf](files/doc.pdf) ![gone](img/gone.png) [[nowhere]]",
      "`[[in-code]]` and `[x](in-code.md)`",
      "```",
      "[[in-fence]] [y](in-fence.md)",
      "```",
      "",
    ].join("\n"),
  ),
  "notes/Target Note.md": noteText({ title: "Target" }, "## Section One\n\ntext ^block1\n"),
  "notes/github/github-pages.md": noteText({ title: "Pages on GitHub" }, "[[github-pages]]\n"),
  "notes/github-actions/github-pages.md": noteText({ title: "Pages by Actions" }, "[[github-pages]]\n"),
  "notes/titled.md": noteText({ title: "The Title" }),
  "notes/aliased.md": noteText({ title: "Aliased", aliases: ["Alias Name", "Other"] }),
  "notes/zk.md": noteText({ id: "zk1234", title: "Zk note" }),
  "notes/sub/rel.md": noteText({ title: "Rel" }),
  "notes/sub/rel note.md": noteText({ title: "Rel note" }),
  "notes/attachments/diagram.png": "png",
  "notes/files/doc.pdf": "pdf",
};

describe("link forms in a real index", () => {
  it("resolves every Obsidian and Markdown form; embeds of files that exist; code is not links", async () => {
    const root = workspace(OBSIDIAN, { config: "dialect: obsidian\n" });
    expect(await linksOf(root, "notes/hub.md")).toEqual([
      ["wikilink", "Target Note", null, "notes/Target Note.md"],
      ["wikilink", "target note", "Section One", "notes/Target Note.md"],
      ["wikilink", "Target Note", "^block1", "notes/Target Note.md"],
      ["wikilink", "github/github-pages", null, "notes/github/github-pages.md"],
      // two notes have that name, neither beside hub.md: the shortest path, as Obsidian picks
      ["wikilink", "github-pages", null, "notes/github/github-pages.md"],
      ["wikilink", "The Title", null, "notes/titled.md"],
      ["wikilink", "Alias Name", null, "notes/aliased.md"],
      ["wikilink", "zk1234", null, "notes/zk.md"],
      ["embed", "diagram.png", null, "notes/attachments/diagram.png"],
      ["embed", "diagram.png", null, "notes/attachments/diagram.png"],
      ["embed", "missing.png", null, null],
      ["embed", "attachments/diagram.png", null, "notes/attachments/diagram.png"],
      ["wikilink", "nowhere", null, null], // wikilinks first, then Markdown links, as the note is read
      ["markdown", "sub/rel.md", null, "notes/sub/rel.md"],
      ["markdown", "/sub/rel.md", null, "notes/sub/rel.md"],
      ["markdown", "/notes/sub/rel.md", null, "notes/sub/rel.md"],
      ["markdown", "sub/rel note.md", null, "notes/sub/rel note.md"],
      ["markdown", "sub/rel", null, "notes/sub/rel.md"],
      ["markdown", "files/doc.pdf", null, "notes/files/doc.pdf"],
      ["markdown", "img/gone.png", null, null],
    ]);
  });

  it("prefers the note of that name in the linking note's own folder", async () => {
    const root = workspace(OBSIDIAN);
    expect((await linksOf(root, "notes/github-actions/github-pages.md"))[0]![3]).toBe(
      "notes/github-actions/github-pages.md",
    );
    expect((await linksOf(root, "notes/github/github-pages.md"))[0]![3]).toBe("notes/github/github-pages.md");
  });

  it("reads a Markdown link from the vault root too in Obsidian's dialect, never in plain Markdown", async () => {
    const files = {
      "notes/deep/a.md": noteText({ title: "A" }, "[rel](sub/rel.md) [up](../sub/rel.md)\n"),
      "notes/sub/rel.md": noteText({ title: "Rel" }),
    };
    const vault = workspace(files, { config: "dialect: obsidian\n" });
    expect((await linksOf(vault, "notes/deep/a.md")).map((l) => l[3])).toEqual([
      "notes/sub/rel.md",
      "notes/sub/rel.md",
    ]);
    const plain = workspace(files);
    expect((await linksOf(plain, "notes/deep/a.md")).map((l) => l[3])).toEqual([null, "notes/sub/rel.md"]);
  });

  it("a link by title, alias or id follows a note added later, and an image added later once notes change", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }, "[[Later Title]] ![[pic.png]]\n") });
    expect((await linksOf(root, "notes/a.md")).map((l) => l[3])).toEqual([null, null]);
    writeFileSync(join(root, "notes/later.md"), noteText({ title: "Later Title" }));
    writeFileSync(join(root, "notes/pic.png"), "png");
    expect((await linksOf(root, "notes/a.md")).map((l) => l[3])).toEqual(["notes/later.md", "notes/pic.png"]);
    rmSync(join(root, "notes/later.md"));
    expect((await linksOf(root, "notes/a.md")).map((l) => l[3])).toEqual([null, "notes/pic.png"]);
  });

  it("reads Dendron's [[label|target]], hierarchy names and dendron:// prefixes under dialect: dendron", async () => {
    const files = {
      "notes/root.md": noteText(
        { title: "Root" },
        "[[Git tools|dev.tools.git]] [[dev.tools.git]] [[dendron://vault/dev.tools.git]] [[Use|dev.tools.git#usage]]\n",
      ),
      "notes/dev.tools.git.md": noteText({ title: "Git" }),
    };
    const dendron = workspace(files, { config: "dialect: dendron\n" });
    expect(await linksOf(dendron, "notes/root.md")).toEqual([
      ["wikilink", "dev.tools.git", null, "notes/dev.tools.git.md"],
      ["wikilink", "dev.tools.git", null, "notes/dev.tools.git.md"],
      ["wikilink", "dev.tools.git", null, "notes/dev.tools.git.md"],
      ["wikilink", "dev.tools.git", "usage", "notes/dev.tools.git.md"],
    ]);
    // read Obsidian's way round, the label is taken for the target: broken
    const obsidian = workspace(files, { config: "dialect: obsidian\n" });
    expect((await linksOf(obsidian, "notes/root.md"))[0]).toEqual(["wikilink", "Git tools", null, null]);
  });
});
