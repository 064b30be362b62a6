import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { frontMatterFindings } from "../../src/core/check-front-matter.js";
import { keyLine, listItemLine } from "../../src/core/check-lines.js";
import { linkFindings } from "../../src/core/check-links.js";
import { countFindings, sortFindings, toCheckJson, type Finding } from "../../src/core/check-model.js";
import { parseNote } from "../../src/core/note-parse.js";
import { blankNoteRow, type LinkRow, type NoteRow } from "../../src/core/index-types.js";

const rulesOf = (text: string): string[] =>
  frontMatterFindings("notes/x.md", text, parseNote(text, "x"), DEFAULT_CONFIG).map(
    (f) => `${f.rule}@${f.line}:${f.severity}`,
  );

describe("front-matter findings", () => {
  it.each([
    ["a clean note", "---\ntitle: A\ntype: doc\nstatus: budding\ndomain: core-backend\nroles: [backend]\n---\nx\n", []],
    ["an unknown status", "---\ntitle: A\nstatus: greenish\n---\n", ["front-matter/status@3:error"]],
    ["an unknown type", "---\ntitle: A\nType: essay\n---\n", ["front-matter/type@3:error"]],
    ["a bad difficulty", "---\ntitle: A\ndifficulty: hard\n---\n", ["front-matter/difficulty@3:error"]],
    ["a date that is not a date", "---\ntitle: A\npublished: next tuesday\n---\n", ["front-matter/published@3:error"]],
    ["a missing title (the file name is the title)", "---\ntype: doc\n---\nbody\n", []],
    ["an unconfigured domain", "---\ntitle: A\ndomain: cooking\n---\n", ["unknown-domain@3:error"]],
    ["an unconfigured role", "---\ntitle: A\nroles:\n  - backend\n  - chef\n---\n", ["unknown-role@5:error"]],
  ])("%s", (_name, text, want) => {
    expect(rulesOf(text)).toEqual(want);
  });

  it("reports broken YAML as one error near the block", () => {
    const [f, ...rest] = frontMatterFindings(
      "notes/x.md",
      "---\ntitle: [oops\n---\n",
      parseNote("---\ntitle: [oops\n---\n", "x"),
      DEFAULT_CONFIG,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "broken-yaml", severity: "error" });
    expect(f!.line).toBeGreaterThanOrEqual(2);
  });

  it("names the valid values and gives a hint", () => {
    const [f] = frontMatterFindings(
      "notes/x.md",
      "---\ntitle: A\nstatus: nope\n---\n",
      parseNote("---\ntitle: A\nstatus: nope\n---\n", "x"),
      DEFAULT_CONFIG,
    );
    expect(f!.message).toBe("status: must be one of seedling|budding|evergreen");
    expect(f!.hint).toMatch(/seedling, budding or evergreen/);
  });
});

describe("line lookup", () => {
  const text = "---\ntitle: A\nRelated:\n  - one\n  - two\ntags: [x]\n---\nrelated: body\n";
  it("finds keys case-insensitively inside the front matter only", () => {
    expect(keyLine(text, "related")).toBe(3);
    expect(keyLine(text, "summary")).toBeUndefined();
  });
  it("finds list items in block lists", () => {
    expect(listItemLine(text, "related", "two")).toBe(5);
    expect(listItemLine(text, "tags", "x")).toBe(6);
  });
});

const note = (slug: string, visibility: string | null): NoteRow => ({
  ...blankNoteRow(`notes/${slug}.md`, slug),
  visibility,
});

describe("link findings", () => {
  const notes = [note("pub", "public"), note("priv", "private"), note("nov", null)];
  const texts: Record<string, string> = {
    "notes/pub.md": "---\ntitle: pub\nrelated: [priv]\n---\nSee [[nov]] and [[ghost]].\n",
  };
  const links: LinkRow[] = [
    { from_slug: "pub", target: "priv", kind: "related", to_slug: "priv" },
    { from_slug: "pub", target: "nov", kind: "wikilink", to_slug: "nov" },
    { from_slug: "pub", target: "ghost", kind: "wikilink", to_slug: null },
    { from_slug: "priv", target: "pub", kind: "wikilink", to_slug: "pub" },
  ];
  it("flags public-to-private links as errors and broken links as warnings, with lines", () => {
    const got = linkFindings(notes, links, (p) => texts[p]).map((f) => `${f.rule}@${f.line}:${f.severity}`);
    expect(got).toEqual(["private-link@3:error", "private-link@5:error", "broken-link@5:warning"]);
  });
  it("limits to the given paths", () => {
    expect(linkFindings(notes, links, () => undefined, new Set(["notes/priv.md"]))).toEqual([]);
  });
});

describe("findings model", () => {
  it("sorts by path and line, counts, and prints null for a missing line in JSON", () => {
    const f = (path: string, line: number | undefined, severity: Finding["severity"]): Finding => ({
      path,
      line,
      rule: "r",
      severity,
      message: "m",
      hint: "h",
    });
    const sorted = sortFindings([
      f("notes/b.md", 2, "warning"),
      f("notes/a.md", 9, "error"),
      f("notes/a.md", undefined, "error"),
    ]);
    expect(sorted.map((x) => `${x.path}:${x.line}`)).toEqual(["notes/a.md:undefined", "notes/a.md:9", "notes/b.md:2"]);
    const json = toCheckJson(sorted, countFindings(sorted, 2));
    expect(json.counts).toEqual({ files: 2, errors: 2, warnings: 1 });
    expect(json.findings[0]).toEqual({
      path: "notes/a.md",
      line: null,
      rule: "r",
      severity: "error",
      message: "m",
      hint: "h",
    });
  });
});
