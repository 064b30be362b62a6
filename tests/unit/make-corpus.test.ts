import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "../../bench/make-corpus.mjs";
import { parseNote } from "../../src/core/note-parse.js";
import { tempDir } from "../helpers/workspace.js";

const bytes = (dir: string, files: string[]) => files.map((f) => readFileSync(join(dir, f)).toString("base64"));

describe("bench/make-corpus.mjs", () => {
  it("writes the same bytes for the same seed, and other notes for another seed", () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const ma = makeCorpus(a, { notes: 25, seed: 3, faults: true });
    const mb = makeCorpus(b, { notes: 25, seed: 3, faults: true });
    expect(mb.files).toEqual(ma.files);
    expect(bytes(b, mb.files)).toEqual(bytes(a, ma.files));
    const mc = makeCorpus(c, { notes: 25, seed: 4 });
    expect(bytes(c, mc.files)).not.toEqual(bytes(a, ma.files.slice(0, mc.files.length)));
  });

  it("makes valid learning notes with links, tags and realistic Markdown", () => {
    const dir = tempDir();
    const { notes } = makeCorpus(dir, { notes: 40 });
    expect(new Set(notes.map((n) => n.slug)).size).toBe(40);
    const parsed = notes.map((n) => parseNote(readFileSync(join(dir, n.path), "utf8"), n.path));
    for (const p of parsed) {
      expect(p.warnings).toEqual([]);
      expect(p.data).toMatchObject({ id: expect.stringMatching(/^[0-9a-z]{8}$/), domain: expect.any(String) });
      expect(p.data.tags?.length).toBeGreaterThan(0);
    }
    const all = parsed.map((p) => p.body).join("\n");
    for (const feature of [
      /^## /m,
      /^```\w+$/m,
      /^- \[[ x]\] /m,
      /^\d+\. /m,
      /\[\[[a-z0-9-]+\|/,
      /\]\(\.\.?\/.*\.md\)/,
    ])
      expect(all).toMatch(feature);
    expect(parsed.some((p) => (p.data.related?.length ?? 0) > 0)).toBe(true);
  });
});
