import { existsSync, writeFileSync } from "node:fs";
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

describe("learn publish and default_visibility", () => {
  it("publishes a note that says nothing when the default is public, and says why nothing was published when none is", async () => {
    const { publish } = await import("../../src/commands/publish.js");
    const root = workspace({
      "notes/plain.md": "# Plain\n\nSays nothing.\n",
      "notes/hidden.md": "---\npublish: false\n---\n# Hidden\n",
    });
    const none = await call(publish, { dir: root, out: join(root, "site"), cwd: root });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain("no note is public");
    writeFileSync(join(root, "learn.config.yaml"), "default_visibility: public\n");
    const one = await call(publish, { dir: root, out: join(root, "site"), cwd: root });
    expect(one.stderr).toContain("published 1 public note");
    expect(existsSync(join(root, "site", "notes", "plain.html"))).toBe(true);
    expect(existsSync(join(root, "site", "notes", "hidden.html"))).toBe(false);
  });
});
