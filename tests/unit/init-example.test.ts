import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers/files.js";
import { init } from "../../src/commands/init.js";
import { list } from "../../src/commands/list.js";
import { memoryIO } from "../../src/ui/io.js";
import { BUNDLED_NOTES } from "../../src/workspace/package-root.js";
import { tempDir } from "../helpers/workspace.js";

describe("learn init --example", () => {
  it("copies the bundled example notes into notes/, and they index", async () => {
    const root = join(tempDir(), "try-learn");
    const made = await init({ target: root, example: true }, memoryIO());
    const bundled = filesUnder(BUNDLED_NOTES);
    expect(bundled.length).toBeGreaterThan(0);
    expect(filesUnder(join(root, "notes"))).toEqual(bundled);
    for (const f of bundled)
      expect(readFileSync(join(root, "notes", f), "utf8")).toBe(readFileSync(join(BUNDLED_NOTES, f), "utf8"));
    expect(made.created).toContain(join("notes", bundled[0]!));
    const rows = await list({ dir: root, today: "2026-11-27", filters: [] }, memoryIO());
    expect(rows).toHaveLength(bundled.length);
  });

  it("keeps a note the workspace already has", async () => {
    const root = tempDir();
    await init({ target: root, example: true }, memoryIO());
    const first = filesUnder(BUNDLED_NOTES)[0]!;
    writeFileSync(join(root, "notes", first), "mine\n");
    const again = await init({ target: root, example: true }, memoryIO());
    expect(again.created).toEqual([]);
    expect(again.existing).toContain(join("notes", first));
    expect(readFileSync(join(root, "notes", first), "utf8")).toBe("mine\n");
  });

  it("copies nothing without --example", async () => {
    const root = tempDir();
    await init({ target: root }, memoryIO());
    expect(filesUnder(join(root, "notes"))).toEqual(["roadmap/roadmap.md"]); // only the default roadmap
  });
});
