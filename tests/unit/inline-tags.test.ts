import { describe, expect, it } from "vitest";
import { lineTags, scanBody } from "../../src/core/markdown.js";
import { parseNote } from "../../src/core/note-parse.js";
import { addFilter, emptyFilters } from "../../src/core/query-filters.js";

describe("inline #tags", () => {
  it("reads #tags and #nested/tags at the start of a line or after white space", () => {
    expect(lineTags("#postgres tip about #perf/indexes, and\t#日本語")).toEqual(["postgres", "perf/indexes", "日本語"]);
    expect(lineTags("- a list item #todo")).toEqual(["todo"]);
    expect(lineTags("ends with a slash #area/")).toEqual(["area"]);
    expect(lineTags("Dendron's #stage.germ, and a full stop after #todo.")).toEqual(["stage.germ", "todo"]);
  });

  it("leaves out headings, anchors, links, code spans, numbers, colours and indented code", () => {
    expect(lineTags("# A heading")).toEqual([]);
    expect(lineTags("## Heading with a #tag")).toEqual(["tag"]);
    expect(lineTags("see https://example.org/page#anchor and [x](#part) and [[Note#Section]]")).toEqual([]);
    expect(lineTags("C# and F# and &#38;")).toEqual([]);
    expect(lineTags("run `git log #not-a-tag` here")).toEqual([]);
    expect(lineTags("fixed in #123 and #1-2 and #1.2")).toEqual([]);
    expect(lineTags("colours #fff #1e90ff #a0b and a word #cafe #add")).toEqual(["cafe", "add"]);
    expect(lineTags("    #include <stdio.h>")).toEqual([]);
  });

  it("skips fenced code and keeps the first spelling of each tag once", () => {
    const facts = scanBody("Intro #Go\n\n```sh\n# comment #shell\n```\n\n#go again #rust\n");
    expect(facts.tags).toEqual(["Go", "rust"]);
    expect(facts.headings).toEqual([]);
  });

  it("a tag filter matches its nested tags, and a leading # is the same tag", () => {
    const f = emptyFilters();
    addFilter(f, "tag", "#Lang");
    expect(f.tag).toEqual(["lang"]);
  });
});

describe("aliases and desc", () => {
  it("reads aliases: and alias: as a list, and keeps them as written", () => {
    const a = parseNote("---\naliases: [PG, Postgres]\n---\nBody\n", "x");
    expect(a.data.aliases).toEqual(["PG", "Postgres"]);
    expect(a.data.extra.aliases).toEqual(["PG", "Postgres"]);
    expect(parseNote("---\nalias: pg\n---\n", "x").data.aliases).toEqual(["pg"]);
    expect(parseNote("---\nAliases: a, b\n---\n", "x").data.aliases).toEqual(["a", "b"]);
    expect(parseNote("---\ntitle: T\n---\n", "x").data.aliases).toEqual([]);
  });

  it("reads desc: or description: as the summary when there is no summary:", () => {
    expect(parseNote("---\ndesc: What it is for\n---\n", "x").data.summary).toBe("What it is for");
    expect(parseNote("---\ndescription: Longer\n---\n", "x").data.summary).toBe("Longer");
    expect(parseNote("---\nsummary: Mine\ndesc: Theirs\n---\n", "x").data.summary).toBe("Mine");
    expect(parseNote("---\ndesc: ''\n---\n", "x").data.summary).toBeUndefined();
  });
});
