import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { list } from "../../src/commands/list.js";
import type { NoteRow } from "../../src/core/index-types.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { workspace } from "../helpers/workspace.js";

// default_visibility: a folder whose notes are public unless they say otherwise (a public TIL repo).
describe("default_visibility", () => {
  const notes = {
    "notes/plain.md": "# Plain\n\nSays nothing about visibility.\n",
    "notes/flagged.md": "---\npublish: false\n---\n# Flagged\n",
    "notes/private.md": "---\nvisibility: private\n---\n# Private\n",
  };
  const visibility = async (root: string): Promise<Record<string, string | null>> => {
    const rows = jsonOf<{ notes: NoteRow[] }>(await call(list, { dir: root, json: true }));
    return Object.fromEntries(rows.notes.map((n) => [n.slug, n.visibility]));
  };

  it("makes a note that says nothing public, leaves notes that say something alone, and is undone when removed", async () => {
    const root = workspace(notes, { config: "default_visibility: public\n" });
    expect(await visibility(root)).toEqual({ flagged: "private", plain: "public", private: "private" });
    writeFileSync(join(root, "learn.config.yaml"), "# default_visibility: public\n");
    expect(await visibility(root)).toEqual({ flagged: "private", plain: null, private: "private" });
  });

  it("is private by default", async () => {
    const root = workspace(notes);
    expect((await visibility(root)).plain).toBeNull();
  });
});
