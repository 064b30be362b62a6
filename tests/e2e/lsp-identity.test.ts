import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { complete } from "../../src/lsp/completion.js";
import { documentFindings } from "../../src/lsp/diagnostics.js";
import { definition, hover, references } from "../../src/lsp/navigation.js";
import { LspWorkspace } from "../../src/lsp/workspace-state.js";
import { createContext } from "../../src/workspace/context.js";
import { workspace } from "../helpers/workspace.js";

// The language server resolves links as the index does (dialect, path, file name, id, title,
// alias, attachments), finds references by path, and completes links in the workspace's form.
// In-process: the same functions the server calls for each request.

const note = (title: string, extra = "", body = "Body.\n") => `---\ntitle: ${title}\n${extra}---\n${body}`;
const HUB = [
  "[[b/dup]]", // 4: a path-qualified name
  "[[Other Name]]", // 5: an alias
  "[[Target Title|shown]]", // 6: a title, Obsidian's target|label
  "![[pic.png|300]]", // 7: an attachment
  "[[nowhere]]", // 8: broken
  "",
].join("\n");

async function open(files: Record<string, string>, config: string): Promise<LspWorkspace> {
  const root = workspace(files, { config });
  const ws = new LspWorkspace(await createContext({ dir: root }, { env: {} }));
  await ws.fresh();
  return ws;
}
const linesOf = (ws: LspWorkspace, rel: string) => readFileSync(join(ws.ctx.ws.root, rel), "utf8").split("\n");
const at = (line: number, character: number) => ({ line, character });
const pathOf = (ws: LspWorkspace, uri: string | undefined) => (uri === undefined ? undefined : ws.pathOf(uri));

const obsidian = () =>
  open(
    {
      "notes/a/dup.md": note("Dup A"),
      "notes/b/dup.md": note("Dup B"),
      "notes/target.md": note("Target Title", "aliases: [Other Name]\n"),
      "notes/pic.png": "png",
      "notes/hub.md": note("Hub", "", HUB),
      "notes/other.md": note("Other", "", "[[a/dup]]\n"),
    },
    "dialect: obsidian\n",
  );

describe("LSP links resolve as the index resolves them", () => {
  it("goes to a path-qualified name, an alias, a title and an attachment; a broken link goes nowhere", async () => {
    const ws = await obsidian();
    const lines = linesOf(ws, "notes/hub.md");
    const def = async (line: number, ch = 4) =>
      pathOf(ws, (await definition(ws, "notes/hub.md", lines, at(line, ch)))?.uri);
    expect(await def(3)).toBe("notes/b/dup.md");
    expect(await def(4)).toBe("notes/target.md");
    expect(await def(5)).toBe("notes/target.md");
    expect(await def(6)).toBe("notes/pic.png");
    expect(await def(7)).toBeUndefined();
    const h = await hover(ws, "notes/hub.md", lines, at(4, 4));
    expect(JSON.stringify(h?.contents)).toContain("Target Title");
    ws.close();
  });

  it("resolves a link typed but not saved (by alias), and its diagnostics agree", async () => {
    const ws = await obsidian();
    const lines = [...linesOf(ws, "notes/hub.md"), "new [[other name]] here"];
    const d = await definition(ws, "notes/hub.md", lines, at(lines.length - 1, 8));
    expect(pathOf(ws, d?.uri)).toBe("notes/target.md");
    const findings = await documentFindings(ws, "notes/hub.md", lines.join("\n"));
    expect(findings.filter((f) => /broken link/.test(f.message)).map((f) => f.line)).toEqual([8]);
    ws.close();
  });

  it("references are the backlinks of the note the link resolves to, by path", async () => {
    const ws = await obsidian();
    const refs = await references(ws, "notes/hub.md", linesOf(ws, "notes/hub.md"), at(3, 4));
    expect(refs.map((r) => pathOf(ws, r.uri))).toEqual(["notes/hub.md"]); // not other.md, which links a/dup
    const fromOther = await references(ws, "notes/other.md", linesOf(ws, "notes/other.md"), at(3, 4));
    expect(fromOther.map((r) => pathOf(ws, r.uri))).toEqual(["notes/other.md"]); // [[a/dup]]: a's backlinks
    const own = await references(ws, "notes/a/dup.md", linesOf(ws, "notes/a/dup.md"), at(0, 0));
    expect(own.map((r) => pathOf(ws, r.uri))).toEqual(["notes/other.md"]);
    ws.close();
  });

  it("reads Dendron's [[label|target]] the Dendron way round", async () => {
    const ws = await open(
      {
        "notes/proj.alpha.md": note("Alpha"),
        "notes/label.md": note("A decoy named like the label"),
        "notes/root.md": note("Root", "", "See [[label|proj.alpha]].\n"),
      },
      "dialect: dendron\nlink_style: wiki\n",
    );
    const lines = linesOf(ws, "notes/root.md");
    const d = await definition(ws, "notes/root.md", lines, at(3, 8));
    expect(pathOf(ws, d?.uri)).toBe("notes/proj.alpha.md");
    const h = await hover(ws, "notes/root.md", lines, at(3, 14));
    expect(JSON.stringify(h?.contents)).toContain("Alpha");
    ws.close();
  });
});

type Item = { label: string; textEdit?: { newText: string; range: { start: { character: number } } } };
const items = async (ws: LspWorkspace, path: string, line: string) => {
  const lines = [...linesOf(ws, path), line];
  const list = await complete(ws, path, lines, at(lines.length - 1, line.length));
  return (list?.items ?? []) as Item[];
};

describe("LSP link completion writes the workspace's link form", () => {
  it("wiki links by file name, path-qualified for a name two notes share", async () => {
    const ws = await obsidian();
    const got = (await items(ws, "notes/hub.md", "[[du")).map((i) => i.textEdit!.newText).sort();
    expect(got).toEqual(["a/dup]]", "b/dup]]"]);
    const target = await items(ws, "notes/hub.md", "[[targ");
    expect(target[0]!.textEdit!.newText).toBe("target]]");
    ws.close();
  });

  it("Dendron: the hierarchy name", async () => {
    const ws = await open(
      { "notes/proj.alpha.md": note("Alpha"), "notes/root.md": note("Root") },
      "dialect: dendron\n",
    );
    const got = await items(ws, "notes/root.md", "[[proj.al");
    expect(got.map((i) => i.textEdit!.newText)).toEqual(["proj.alpha]]"]);
    ws.close();
  });

  it("link_style: markdown turns the typed [[ into a Markdown link", async () => {
    const ws = await open(
      { "notes/sub/target.md": note("Target [draft]"), "notes/hub.md": note("Hub") },
      "dialect: obsidian\nlink_style: markdown\n",
    );
    const got = await items(ws, "notes/hub.md", "see [[targ");
    expect(got[0]!.textEdit!.newText).toBe("[Target \\[draft\\]](sub/target.md)");
    expect(got[0]!.textEdit!.range.start.character).toBe(4);
    ws.close();
  });
});
