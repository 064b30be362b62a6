import { describe, expect, it } from "vitest";
import { buildSiteModel } from "../../src/core/publish-model.js";
import { blankNoteRow, type LinkRow, type NoteRow } from "../../src/core/index-types.js";

const note = (path: string, title: string, visibility = "public"): NoteRow => ({
  ...blankNoteRow(path, path.replace(/^.*\//, "").replace(/\.md$/, "")),
  title,
  visibility,
});

// Two notes named github-pages in two folders: each keeps its own links, related notes and backlinks.
const notes = [
  note("github/github-pages.md", "Pages on GitHub"),
  note("github-actions/github-pages.md", "Pages from Actions"),
  note("deploy.md", "Deploying"),
  note("actions.md", "Actions"),
  note("secret.md", "Secret", "private"),
];
const link = (from: string, target: string, to: string | null, kind: LinkRow["kind"] = "wikilink"): LinkRow => ({
  from_slug: from.replace(/^.*\//, "").replace(/\.md$/, ""),
  from_path: from,
  target,
  kind,
  to_slug: to === null ? null : to.replace(/^.*\//, "").replace(/\.md$/, ""),
  to_path: to,
});
const links: LinkRow[] = [
  link("github/github-pages.md", "deploy", "deploy.md"),
  link("github/github-pages.md", "deploy", "deploy.md", "related"),
  link("github-actions/github-pages.md", "actions", "actions.md"),
  link("github-actions/github-pages.md", "secret", "secret.md"),
  link("deploy.md", "github/github-pages", "github/github-pages.md"),
  link("actions.md", "github-actions/github-pages", "github-actions/github-pages.md"),
];

describe("publish model keys links by path", () => {
  const model = buildSiteModel(notes, links, () => "");
  const titles = (ns: { row: NoteRow }[]): string[] => ns.map((n) => n.row.title);

  it("resolves each same-name note's links from its own rows", () => {
    expect(model.resolve("github/github-pages.md", "wikilink", "deploy")).toMatchObject({ kind: "public" });
    expect(model.resolve("github-actions/github-pages.md", "wikilink", "secret").kind).toBe("private");
    const to = model.resolve("actions.md", "wikilink", "github-actions/github-pages");
    expect(to.kind === "public" && to.note.row.title).toBe("Pages from Actions");
  });

  it("gives each same-name note its own related notes and backlinks", () => {
    expect(titles(model.related("github/github-pages.md"))).toEqual(["Deploying"]);
    expect(titles(model.related("github-actions/github-pages.md"))).toEqual([]);
    expect(titles(model.backlinks("github/github-pages.md"))).toEqual(["Deploying"]);
    expect(titles(model.backlinks("github-actions/github-pages.md"))).toEqual(["Actions"]);
    expect(titles(model.backlinks("deploy.md"))).toEqual(["Pages on GitHub"]);
    expect(titles(model.backlinks("actions.md"))).toEqual(["Pages from Actions"]);
  });

  it("gives the two pages distinct files", () => {
    const files = model.notes.filter((n) => n.row.slug === "github-pages").map((n) => n.file);
    expect(new Set(files).size).toBe(2);
  });
});
