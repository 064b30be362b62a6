import { describe, expect, it } from "vitest";
import { normaliseFrontMatter } from "../../src/core/note-normalise.js";
import { parseNote } from "../../src/core/note-parse.js";

describe("normaliseFrontMatter", () => {
  it.each([
    ["a scalar where a list is expected", { tags: "retries" }, "tags", ["retries"]],
    ["a comma-separated string", { tags: "http, caching" }, "tags", ["http", "caching"]],
    ["enum case", { Status: "Evergreen" }, "status", "evergreen"],
    ["type case and spaces", { type: " Doc " }, "type", "doc"],
    ["a type alias", { type: "learning-log" }, "type", "log"],
    ["another type alias", { type: "Cheat-Sheet" }, "type", "cheatsheet"],
    ["a Date object", { published: new Date("2026-11-26T00:00:00Z") }, "published", "2026-11-26"],
    ["a string date", { updated: "2026-1-5" }, "updated", "2026-01-05"],
    ["an ISO timestamp", { updated: "2026-11-26T10:00:00Z" }, "updated", "2026-11-26"],
    ["a number as title", { title: 42 }, "title", "42"],
    ["roles lower-cased", { roles: ["Backend", "AI-API"] }, "roles", ["backend", "ai-api"]],
    ["revisit_every as days", { revisit_every: 30 }, "revisit_every", "30d"],
  ])("reads %s", (_label, raw, key, expected) => {
    const { data, warnings } = normaliseFrontMatter(raw);
    expect(warnings).toEqual([]);
    expect((data as unknown as Record<string, unknown>)[key]).toEqual(expected);
  });

  it.each([
    ["status", { status: "done" }, "must be one of seedling|budding|evergreen"],
    ["published", { published: "next week" }, "must be a date like 2026-11-26"],
    ["published", { published: "2026-02-30" }, "must be a date like 2026-11-26"],
    ["revisit_every", { revisit_every: "soon" }, "must be an interval like 30d, 6w, 3m or 1y"],
    ["revisit", { revisit: "maybe" }, "must be a boolean"],
  ])("warns on a bad %s and drops it", (key, raw, message) => {
    const { data, warnings } = normaliseFrontMatter(raw);
    expect(warnings).toEqual([{ key, message, severity: "warning" }]);
    expect((data as unknown as Record<string, unknown>)[key]).toBeUndefined();
  });

  it("keeps unknown keys as written", () => {
    const { data } = normaliseFrontMatter({ title: "A", aliases: ["x"], Custom: { a: 1 } });
    expect(data.extra).toEqual({ aliases: ["x"], Custom: { a: 1 } });
  });

  it("rejects front matter that is not a mapping", () => {
    expect(normaliseFrontMatter(["a"]).warnings[0]?.message).toMatch(/must be a mapping/);
  });
});

describe("parseNote", () => {
  it("strips a BOM and reads CRLF files", () => {
    const note = parseNote("\uFEFF---\r\ntitle: A\r\ntags: x\r\n---\r\n# Head\r\n- [x] done\r\n- [ ] todo\r\n", "a");
    expect(note.title).toBe("A");
    expect(note.data.tags).toEqual(["x"]);
    expect(note.body).toBe("# Head\n- [x] done\n- [ ] todo\n");
    expect(note.facts.checklist).toEqual({ done: 1, total: 2 });
  });

  it("takes the title from the first heading, then the file name", () => {
    expect(parseNote("intro\n# From heading\n", "file").title).toBe("From heading");
    expect(parseNote("no heading", "file-name").title).toBe("file-name");
  });

  it("records broken YAML with its line and still reads the body", () => {
    const note = parseNote("---\ntitle: A\ntags: [a, b\nstatus: x\n---\n# Body title\ntext\n", "f");
    expect(note.brokenYaml).toBe(true);
    expect(note.title).toBe("Body title");
    expect(note.body).toBe("# Body title\ntext\n");
    expect(note.warnings[0]).toMatchObject({ severity: "error" });
    expect(note.warnings[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it("finds links and headings but not inside code fences", () => {
    const note = parseNote(
      "## One\nsee [[idempotency-keys|keys]] and [x](../core/b.md#part) and [web](https://x.org/a.md)\n```\n# not a heading\n[[nope]]\n- [ ] no\n```\n",
      "f",
    );
    expect(note.facts.headings).toEqual(["One"]);
    expect(note.facts.wikilinks).toEqual([{ inner: "idempotency-keys|keys", embed: false }]);
    expect(note.facts.mdLinks).toEqual([{ path: "../core/b.md", anchor: "part" }]);
    expect(note.facts.checklist.total).toBe(0);
  });
});
