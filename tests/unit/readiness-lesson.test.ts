import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revisit } from "../../src/commands/revisit.js";
import { appendUsedLine, lessonLine } from "../../src/core/note-used-section.js";
import { UsageError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { noteText, workspace } from "../helpers/workspace.js";

const bullet = "- 2026-11-24, payments API v2: keys must cover the body";

/** The one inserted run of bytes: `after` is `before` with a single insertion at some offset. */
function insertion(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  let j = 0;
  while (j < before.length - i && before[before.length - 1 - j] === after[after.length - 1 - j]) j++;
  expect(before.slice(0, i) + before.slice(before.length - j)).toBe(before); // nothing of before changed
  return after.slice(i, after.length - j);
}

describe("capture what the build taught", () => {
  it("formats one dated line from what was typed", () => {
    expect(lessonLine("2026-11-24", "payments API v2", "keys must\ncover the body ")).toBe(bullet);
    expect(lessonLine("2026-11-24", undefined, "x\u001b[31m")).toBe("- 2026-11-24: x [31m");
  });

  it.each([
    [
      "a note with no section yet gets one at the end",
      "---\ntitle: T\n---\n# T\n\nBody.\n",
      `\n## Used in builds\n\n${bullet}\n`,
    ],
    ["a note without a final newline", "# T\n\nBody.", `\n\n## Used in builds\n\n${bullet}\n`],
    ["a note ending in a blank line", "# T\n\nBody.\n\n", `## Used in builds\n\n${bullet}\n`],
    [
      "an existing section gets the line after its last one, before the next section",
      "# T\n\n## Used in builds\n\n- 2026-10-01, orders API: first\n\n## Sources\n\n- x\n",
      `${bullet}\n`,
    ],
    ["an empty section at the end", "# T\n\n## Used in builds\n", `\n${bullet}\n`],
    [
      "a heading inside a code fence is not the section",
      "# T\n\n```md\n## Used in builds\n```\n",
      `\n## Used in builds\n\n${bullet}\n`,
    ],
    [
      "a deeper heading stays inside the section",
      "## Used in builds\n\n- a\n\n### Detail\n\ntext\n\n## Next\n",
      `${bullet}\n`,
    ],
  ])("%s: only inserts", (_, before, inserted) => {
    const after = appendUsedLine(before, bullet);
    expect(insertion(before, after)).toBe(inserted);
  });

  it("keeps CRLF line endings", () => {
    const before = "# T\r\n\r\n## Used in builds\r\n\r\n- a\r\n";
    expect(appendUsedLine(before, bullet)).toBe(`${before}${bullet}\r\n`);
    expect(appendUsedLine("# T\r\n", bullet)).toBe(`# T\r\n\r\n## Used in builds\r\n\r\n${bullet}\r\n`);
  });

  it("learn used --lesson appends to the note (byte-level minimal) and keeps the lesson in the event", async () => {
    const text = noteText(
      { title: "Idempotency keys", type: "doc", published: "2026-11-01" },
      "# Idempotency keys\n\nBody.\n\n## Used in builds\n\n- 2026-11-02, orders API: first use\n\n## Sources\n\n- rfc\n",
    );
    const root = workspace({
      "notes/idempotency-keys.md": text,
      "notes/no-section.md": noteText({ title: "N" }, "Body"),
    });
    const io = memoryIO();
    await revisit(
      {
        dir: root,
        today: "2026-11-24",
        slug: "idempotency-keys",
        usedIn: "payments API v2",
        lesson: "keys must\ncover the body",
      },
      io,
    );
    const after = readFileSync(join(root, "notes/idempotency-keys.md"), "utf8");
    expect(insertion(text, after)).toBe(`${bullet}\n`);
    expect(after).toContain(`first use\n${bullet}\n\n## Sources`);
    const log = readFileSync(join(root, "revisits.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(log).toEqual([
      expect.objectContaining({
        event: "used",
        build: "payments API v2",
        lesson: "keys must\ncover the body",
        date: "2026-11-24",
      }),
    ]);

    await revisit({ dir: root, today: "2026-11-25", slug: "no-section", usedIn: "orders", lesson: "x" }, memoryIO());
    expect(readFileSync(join(root, "notes/no-section.md"), "utf8")).toBe(
      `${noteText({ title: "N" }, "Body")}\n\n## Used in builds\n\n- 2026-11-25, orders: x\n`,
    );
    // without --lesson the note is not touched
    const before = readFileSync(join(root, "notes/no-section.md"), "utf8");
    await revisit({ dir: root, today: "2026-11-26", slug: "no-section", usedIn: "orders" }, memoryIO());
    expect(readFileSync(join(root, "notes/no-section.md"), "utf8")).toBe(before);
  });

  it("refuses --lesson without a build use, or empty", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    await expect(revisit({ dir: root, slug: "a", rating: "good", lesson: "x" }, memoryIO())).rejects.toThrow(
      UsageError,
    );
    await expect(revisit({ dir: root, slug: "a", usedIn: "b", lesson: " " }, memoryIO())).rejects.toThrow(
      "--lesson is empty",
    );
  });
});
