// The placeholder guard: check reports a public note that is still its template, publish refuses it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { newNote } from "../../src/commands/new.js";
import { publish } from "../../src/commands/publish.js";
import { FindingsError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { workspace } from "../helpers/workspace.js";

const today = "2026-11-27";

describe("the placeholder guard", () => {
  it("check reports a public note still holding template text; publish refuses it and writes nothing", async () => {
    const root = workspace();
    const made = await newNote(
      { dir: root, today, type: "doc", title: "HTTP caching", domain: "core-backend", visibility: "public" },
      memoryIO(),
    );
    await newNote({ dir: root, today, type: "doc", title: "Private draft", domain: "core-backend" }, memoryIO());
    const io = memoryIO();
    await expect(check({ dir: root, today }, io)).rejects.toThrow(FindingsError);
    const out = io.stdout.join("");
    expect(out).toContain("template-placeholder");
    expect(out).toContain("notes/core-backend/http-caching.md:");
    expect(out).not.toContain("private-draft");

    const pub = memoryIO();
    await expect(publish({ dir: root, today, cwd: root }, pub)).rejects.toThrow(
      "publish refused: 1 public note still holds template placeholder text, nothing was written",
    );
    expect(pub.stderr.join("")).toContain("template-placeholder");
    expect(existsSync(join(root, "site"))).toBe(false);

    // written in the user's own words: both pass
    const text = readFileSync(made.path, "utf8");
    writeFileSync(
      made.path,
      text.replace(/\n# HTTP caching\n[\s\S]*$/, `\n# HTTP caching\n\n${"Caches keep copies. ".repeat(30)}\n`),
    );
    await check({ dir: root, today }, memoryIO());
    const ok = await publish({ dir: root, today, cwd: root }, memoryIO());
    expect(ok.notes).toBe(1);
  });
});
