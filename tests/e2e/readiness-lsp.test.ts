// learn lsp shows the placeholder rule as check does: a public note still holding its template's
// placeholder text gets a template-placeholder diagnostic, and loses it once the text is replaced.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newNote } from "../../src/commands/new.js";
import { memoryIO } from "../../src/ui/io.js";
import { initialize, sharedWorkspace, startLsp } from "./lsp-client.js";

describe("learn lsp and template placeholders", () => {
  it("reports a public note still holding template text, and clears it once written", async () => {
    const { root, cleanup } = sharedWorkspace({});
    const made = await newNote(
      {
        dir: root,
        today: "2026-12-01",
        type: "doc",
        title: "HTTP caching",
        domain: "core-backend",
        visibility: "public",
      },
      memoryIO(),
    );
    const rel = "notes/core-backend/http-caching.md";
    expect(made.path).toBe(join(root, rel));
    const text = readFileSync(join(root, rel), "utf8");
    const lsp = await startLsp(root);
    try {
      await initialize(lsp);
      lsp.open(rel, text);
      const found = await lsp.waitFor(() => {
        const got = lsp.diagnostics.get(lsp.uri(rel))?.filter((d) => d.code === "template-placeholder");
        return got?.length ? got : undefined;
      }, "a template-placeholder diagnostic");
      expect(found.length).toBeGreaterThan(0);
      const head = text.slice(0, text.indexOf("\n---", 3) + 4);
      lsp.change(rel, `${head}\n\n# HTTP caching\n\nMy own words about ETags and Cache-Control.\n`, 2);
      await lsp.waitFor(
        () => lsp.diagnostics.get(lsp.uri(rel))?.every((d) => d.code !== "template-placeholder"),
        "the placeholder diagnostic to clear",
      );
    } finally {
      await lsp.stop();
      cleanup();
    }
  });
});
