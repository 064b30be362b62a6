import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mv } from "../../src/commands/mv.js";
import { noteKey } from "../../src/core/revisit-replay.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { noteSchedules } from "../../src/store/schedule.js";
import { revisitLog } from "../../src/workspace/revisit-log.js";
import { memoryIO } from "../../src/ui/io.js";
import { createContext } from "../../src/workspace/context.js";
import { workspace } from "../helpers/workspace.js";
import { initialize, startLsp } from "./lsp-client.js";

const FILES = {
  "notes/http-cache.md": "---\ntitle: HTTP caching\npublished: 2026-11-01\n---\n# HTTP caching\n",
  "notes/b.md": "---\ntitle: B\n---\nSee [[http-cache]] and [[http-cache|it]].\n",
  "notes/sub/c.md": "---\ntitle: C\nrelated: [http-cache]\n---\n[x](../http-cache.md)\n",
  "notes/taken.md": "---\ntitle: Taken\n---\n",
  "revisits.jsonl": '{"v":1,"note":"http-cache","date":"2026-11-20","event":"revisit","rating":"good"}\n',
};
const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");

describe("learn mv", () => {
  it("renames the note, rewrites every link, and keeps its revisit history", async () => {
    const root = workspace(FILES);
    const io = memoryIO();
    await mv({ dir: root, today: "2026-12-01", from: "http-cache", to: "http-caching" }, io);
    expect(io.stdout.join("")).toBe("moved notes/http-cache.md -> notes/http-caching.md; rewrote 4 links in 2 notes\n");
    expect(existsSync(join(root, "notes/http-cache.md"))).toBe(false);
    expect(read(root, "notes/http-caching.md")).toBe(
      "---\ntitle: HTTP caching\npublished: 2026-11-01\nid: http-cache\n---\n# HTTP caching\n",
    );
    expect(read(root, "notes/b.md")).toBe("---\ntitle: B\n---\nSee [[http-caching]] and [[http-caching|it]].\n");
    expect(read(root, "notes/sub/c.md")).toBe("---\ntitle: C\nrelated: [http-caching]\n---\n[x](../http-caching.md)\n");
    const ctx = await createContext({ dir: root, today: "2026-12-01" }, { env: {} });
    const { index } = await openIndexLazy(ctx);
    const row = index.getNote("http-caching")!;
    expect(noteSchedules(index, ctx, revisitLog(ctx.ws.root)).get(noteKey(row))!.revisits).toBe(1);
    expect(index.linksTo("notes/http-caching.md")).toHaveLength(4);
    index.close();
  });

  it("refuses a name that is taken and changes nothing", async () => {
    const root = workspace(FILES);
    await expect(mv({ dir: root, from: "http-cache", to: "taken" }, memoryIO())).rejects.toThrow(
      "notes/taken.md already exists: not moved",
    );
    expect(read(root, "notes/b.md")).toBe(FILES["notes/b.md"]);
    expect(existsSync(join(root, "notes/http-cache.md"))).toBe(true);
  });
});

describe("learn lsp: rename", () => {
  it("renames from a link as one WorkspaceEdit (link edits, then the file), and refuses a taken name", async () => {
    const root = workspace(FILES);
    const lsp = await startLsp(root);
    try {
      await initialize(lsp);
      lsp.open("notes/b.md", FILES["notes/b.md"]);
      const pos = { textDocument: { uri: lsp.uri("notes/b.md") }, position: { line: 3, character: 8 } };
      const edit = (await lsp.conn.sendRequest("textDocument/rename", { ...pos, newName: "http-caching" })) as {
        documentChanges: ({ textDocument: { uri: string }; edits: { newText: string }[] } & {
          kind?: string;
          oldUri?: string;
          newUri?: string;
        })[];
      };
      const changes = edit.documentChanges;
      expect(changes.at(-1)).toMatchObject({
        kind: "rename",
        oldUri: lsp.uri("notes/http-cache.md"),
        newUri: lsp.uri("notes/http-caching.md"),
      });
      const byUri = new Map(changes.slice(0, -1).map((c) => [c.textDocument.uri, c.edits.map((e) => e.newText)]));
      expect(byUri.get(lsp.uri("notes/b.md"))).toEqual(["http-caching", "http-caching"]);
      expect(byUri.get(lsp.uri("notes/sub/c.md"))).toEqual(["http-caching", "../http-caching.md"]);
      expect(byUri.get(lsp.uri("notes/http-cache.md"))![0]).toContain("id: http-cache\n");
      await expect(lsp.conn.sendRequest("textDocument/rename", { ...pos, newName: "taken" })).rejects.toThrow(
        /^learn: notes\/taken.md already exists: not moved/,
      );
      await expect(lsp.conn.sendRequest("textDocument/rename", { ...pos, newName: "Not A Slug" })).rejects.toThrow(
        /^learn: Not A Slug: a new name must be a slug/,
      );
    } finally {
      await lsp.stop();
    }
  });
});
