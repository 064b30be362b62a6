import { describe, expect, it } from "vitest";
import { NoteLines } from "../../src/core/check-lines.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { linkFindings } from "../../src/core/check-links.js";
import { duplicateIdFindings, duplicateSlugFindings } from "../../src/core/check-notes.js";
import { lineNoteLinks, noteLinkTarget } from "../../src/core/markdown.js";
import { normaliseFrontMatter } from "../../src/core/note-normalise.js";
import { replay, replayKeys, type ReplayNote } from "../../src/core/revisit-replay.js";
import type { LogEvent } from "../../src/core/revisit-event.js";
import type { LinkRow, NoteRow } from "../../src/core/index-types.js";

describe("note link targets", () => {
  it.each([
    ["private.md?x=1", "private.md"],
    ["private.md#frag", "private.md"],
    ["./private.md", "./private.md"],
    ["priv%61te.md", "private.md"],
    ["b%2Emd", "b.md"],
    ["Private.MD", "Private.MD"],
    ["../x/y.markdown?a#b", "../x/y.markdown"],
    ["https://example.org/a.md", undefined],
    ["#heading", undefined],
    ["image.png", undefined],
    ["javascript:alert(1)//.md", undefined],
  ])("%s -> %s", (dest, want) => {
    expect(noteLinkTarget(dest)).toBe(want);
  });

  it("finds inline links, images, angle-bracket links and reference definitions", () => {
    expect(lineNoteLinks('See [a](a.md?x=1 "t"), ![b](b.md), [c](<c d.md>) and [e](e.md#top).')).toEqual([
      "a.md",
      "b.md",
      "c d.md",
      "e.md",
    ]);
    expect(lineNoteLinks("[ref]: ./private.md?y=2 'title'")).toEqual(["./private.md"]);
  });
});

const row = (slug: string, visibility: string | null, id: string | null = null): NoteRow =>
  ({ id, slug, path: `notes/${slug}.md`, title: slug, visibility }) as unknown as NoteRow;

describe("link findings are linear in links", () => {
  // 200k links in one note: the quadratic lookup (one scan of the text per link) never finished.
  it("finds the line of each of 200k links with one scan of the note", () => {
    const n = 200_000;
    const lines = Array.from({ length: n }, (_, i) => `[[t${i}]]`);
    const text = `---\ntitle: big\nvisibility: public\n---\n${lines.join("\n")}\n`;
    const links: LinkRow[] = lines.map((_, i) => ({
      from_slug: "big",
      target: `t${i}`,
      kind: "wikilink",
      to_slug: null,
    }));
    let reads = 0;
    const found = linkFindings([row("big", "public")], links, () => (reads++, text));
    expect(found).toHaveLength(n);
    expect(found[n - 1]!.line).toBe(4 + n);
    expect(reads).toBe(1);
  });
});

describe("line tables", () => {
  it("finds list items inline and in blocks, case-insensitively, else the key's line", () => {
    const at = new NoteLines("---\ntitle: A\nroles: [Backend, 'data']\nrelated:\n  - one\n  - \"two\"\n---\n");
    expect(at.listItemLine("roles", "backend")).toBe(3);
    expect(at.listItemLine("roles", "data")).toBe(3);
    expect(at.listItemLine("related", "two")).toBe(6);
    expect(at.listItemLine("related", "three")).toBe(4);
    expect(at.listItemLine("tags", "x")).toBeUndefined();
  });
});

describe("duplicate names and ids", () => {
  it("compares slugs in NFC and any case", () => {
    const notes = [
      row("caf\u00e9", null),
      { ...row("CAFE\u0301", null), path: "notes/b/CAFE\u0301.md" },
      row("x", null),
    ];
    expect(duplicateSlugFindings(notes).map((f) => f.path)).toEqual(["notes/caf\u00e9.md", "notes/b/CAFE\u0301.md"]);
  });
  it("reports ids shared in any case on every note that shares them", () => {
    const notes = [row("a", null, "ID1"), row("b", null, "id1"), row("c", null, "id2")];
    const found = duplicateIdFindings(notes, () => undefined);
    expect(found.map((f) => `${f.path}: ${f.message}`)).toEqual([
      "notes/a.md: duplicate id ID1: also used by notes/b.md",
      "notes/b.md: duplicate id id1: also used by notes/a.md",
    ]);
  });
});

describe("replay with a shared id", () => {
  const note = (slug: string, id: string | null): ReplayNote => ({
    id,
    slug,
    path: `notes/${slug}.md`,
    published: "2026-01-01",
    revisit_every: null,
    revisit: null,
  });
  const ev = (key: string, date: string): LogEvent => ({ v: 1, event: "revisit", note: key, date, rating: "good" });

  it("keys notes sharing an id by path; the shared id's events belong to neither", () => {
    const notes = [note("a", "k1"), note("b", "K1"), note("c", "k2")];
    const keyOf = replayKeys(notes);
    expect(notes.map(keyOf)).toEqual(["path:notes/a.md", "path:notes/b.md", "k2"]);
    const r = replay(
      [ev("k1", "2026-02-01"), ev("b", "2026-02-02"), ev("k2", "2026-02-03")],
      notes,
      DEFAULT_CONFIG,
      "2026-03-01",
    );
    expect(r.byKey.get("path:notes/a.md")!.revisits).toBe(0);
    expect(r.byKey.get("path:notes/b.md")!.revisits).toBe(1);
    expect(r.byKey.get("k2")!.revisits).toBe(1);
    expect(r.orphans.map((o) => o.key)).toEqual(["k1"]);
  });
});

describe("keys written in two cases", () => {
  it("reads the exact lower-case key wherever it stands and warns about the other", () => {
    for (const raw of [
      { visibility: "public", Visibility: "private" },
      { Visibility: "private", visibility: "public" },
    ]) {
      const { data, warnings } = normaliseFrontMatter(raw);
      expect(data.visibility).toBe("public");
      expect(warnings.map((w) => w.key)).toEqual(["visibility"]);
    }
  });
  it("reads the first spelling when none is lower-case, and keeps neither as an unknown key", () => {
    const { data, warnings } = normaliseFrontMatter({ Status: "budding", STATUS: "evergreen" });
    expect(data.status).toBe("budding");
    expect(data.extra).toEqual({});
    expect(warnings[0]!.message).toBe("is written more than once (Status:, STATUS:); only Status: is read");
  });
});
