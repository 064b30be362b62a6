// Readiness from day one: a new workspace gets the default roadmap, and a scaffolded roadmap parses.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { init } from "../../src/commands/init.js";
import { newNote } from "../../src/commands/new.js";
import { readiness } from "../../src/commands/readiness.js";
import { parseNote } from "../../src/core/note-parse.js";
import { parseRoadmap } from "../../src/core/readiness-roadmap.js";
import { memoryIO } from "../../src/ui/io.js";
import { tempDir } from "../helpers/workspace.js";

const today = "2026-11-02";

describe("readiness from day one", () => {
  it("learn init writes the default roadmap, and readiness on the new workspace says what to do first", async () => {
    const root = join(tempDir(), "learning");
    const made = await init({ target: root, today }, memoryIO());
    expect(made.created).toContain("notes/roadmap/roadmap.md");
    const text = readFileSync(join(root, "notes/roadmap/roadmap.md"), "utf8");
    const note = parseNote(text, "roadmap");
    expect(note.data).toMatchObject({ type: "roadmap", visibility: "private", published: today });
    expect(parseRoadmap(note.body).items).toHaveLength(19);

    const io = memoryIO();
    const data = await readiness({ dir: root, today }, io);
    const role = (id: string) => data.groups.find((g) => g.kind === "role" && g.id === id)!;
    expect(role("backend").items).toHaveLength(10);
    expect(role("backend").items.some((i) => i.item.domain === "ai-infrastructure")).toBe(false);
    expect(role("data").items.map((i) => i.item.id)).toEqual([
      "data-access",
      "managed-postgres",
      "object-storage",
      "queues",
    ]);
    expect(data.groups.every((g) => g.score === 0)).toBe(true);
    const out = io.stdout.join("");
    expect(out).toContain("Start here: the roadmap is ready and no note is written yet.");
    expect(out).toContain("covers: [http-fundamentals]");
    expect(io.stderr.join("")).toBe("");
  });

  it("adopting a folder that already has notes writes no roadmap unless asked, and never over a file", async () => {
    const root = tempDir();
    mkdirSync(join(root, "notes"));
    writeFileSync(join(root, "notes", "mine.md"), "# Mine\n");
    expect((await init({ target: root, today }, memoryIO())).created).not.toContain("notes/roadmap/roadmap.md");
    expect(existsSync(join(root, "notes/roadmap"))).toBe(false);
    const asked = await init({ target: root, today, roadmap: true }, memoryIO());
    expect(asked.created).toContain("notes/roadmap/roadmap.md");
    writeFileSync(join(root, "notes/roadmap/roadmap.md"), "kept\n");
    expect((await init({ target: root, today, roadmap: true }, memoryIO())).existing).toContain(
      "notes/roadmap/roadmap.md",
    );
    expect(readFileSync(join(root, "notes/roadmap/roadmap.md"), "utf8")).toBe("kept\n");
    const fresh = join(tempDir(), "x");
    expect((await init({ target: fresh, today, roadmap: false }, memoryIO())).created).not.toContain(
      "notes/roadmap/roadmap.md",
    );
  });

  it("a roadmap scaffolded from the template parses as written: its sections carry domains and roles", async () => {
    const root = join(tempDir(), "w");
    await init({ target: root, today, roadmap: false }, memoryIO());
    const made = await newNote(
      { dir: root, today, type: "roadmap", title: "Rust roadmap", domain: "core-backend", roles: "backend,data" },
      memoryIO(),
    );
    const { items } = parseRoadmap(parseNote(readFileSync(made.path, "utf8"), "r").body);
    expect(items.map((i) => [i.id, i.domain, i.roles])).toEqual([
      ["first-item", "core-backend", { backend: 1, data: 1 }],
      ["second-item", "core-backend", { backend: 1, data: 1 }],
      ["another-item", "next-domain", {}],
    ]);
    const data = await readiness({ dir: root, today }, memoryIO());
    expect(data.groups.find((g) => g.id === "core-backend")!.items).toHaveLength(2);
    // items that name no other role leave the other roles' scores alone
    expect(data.groups.find((g) => g.id === "cloud")!.items).toHaveLength(0);
  });
});
