import { describe, expect, it } from "vitest";
import { linkFindings } from "../../src/core/check-links.js";
import { blankNoteRow, type LinkRow } from "../../src/core/index-types.js";

// Two notes of one file name: a bare [[name]] resolves (Obsidian's rule), but a reader cannot tell which.
describe("ambiguous-link", () => {
  const a = blankNoteRow("github/github-pages.md", "github-pages");
  const b = blankNoteRow("github-actions/github-pages.md", "github-pages");
  const from = blankNoteRow("links.md", "links");
  const link = (target: string, to: string): LinkRow =>
    ({
      from_slug: "links",
      from_path: "links.md",
      target,
      kind: "wikilink",
      to_slug: "github-pages",
      to_path: to,
    }) as LinkRow;

  it("warns about a bare name two notes share, naming where it leads and the other", () => {
    const found = linkFindings([a, b, from], [link("github-pages", a.path)], () => "[[github-pages]]\n");
    expect(found).toEqual([
      expect.objectContaining({
        rule: "ambiguous-link",
        severity: "warning",
        line: 1,
        message: "ambiguous link [[github-pages]]: 2 notes have that name; it leads to github/github-pages.md",
        hint: expect.stringContaining("github-actions/github-pages.md"),
      }),
    ]);
  });

  it("says nothing for a path-qualified link, or a name only one note has", () => {
    expect(linkFindings([a, b, from], [link("github/github-pages", a.path)], () => "")).toEqual([]);
    expect(linkFindings([a, from], [link("github-pages", a.path)], () => "")).toEqual([]);
  });
});
