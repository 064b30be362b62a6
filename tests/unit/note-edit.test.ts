import { chmodSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setFrontMatter } from "../../src/core/front-matter-edit.js";
import { editNote, readForEdit, writeEdited } from "../../src/workspace/note-edit.js";
import { tempDir } from "../helpers/workspace.js";

describe("note edits on disk", () => {
  it("writes atomically, keeps the file mode and leaves no temp file", () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    writeFileSync(file, "---\ntitle: A # mine\n---\nbody\n");
    chmodSync(file, 0o640);
    editNote(file, (t) => setFrontMatter(t, { visibility: "public" }));
    expect(readFileSync(file, "utf8")).toBe("---\ntitle: A # mine\nvisibility: public\n---\nbody\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("refuses to write when the file changed since it was read", () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    writeFileSync(file, "---\ntitle: A\n---\n");
    const { text, stamp } = readForEdit(file);
    writeFileSync(file, "---\ntitle: A\n---\nsaved by an editor meanwhile\n");
    expect(() => writeEdited(file, setFrontMatter(text, { status: "budding" }), stamp)).toThrow(
      /changed on disk since learn read it; not written/,
    );
    expect(readFileSync(file, "utf8")).toBe("---\ntitle: A\n---\nsaved by an editor meanwhile\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("refuses when the file was deleted meanwhile", () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    writeFileSync(file, "x");
    const { stamp } = readForEdit(file);
    writeFileSync(join(dir, "b"), "");
    rmSync(file);
    expect(() => writeEdited(file, "y", stamp)).toThrow(/moved or deleted/);
  });
});
