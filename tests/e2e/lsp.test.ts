import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/commands/check.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { createContext } from "../../src/workspace/context.js";
import { initialize, sharedWorkspace, startLsp, type Lsp } from "./lsp-client.js";

const IDEM = `---
title: Idempotency keys
type: doc
status: budding
visibility: public
domain: core-backend
roles: [backend]
tags: [http, retries]
summary: Retry a POST safely.
published: 2026-11-01
---
# Idempotency keys

## Why

## How
`;
const CACHING = `---
title: HTTP caching
type: doc
status: seedling
visibility: public
domain: core-backend
tags: [http]
related: [idempotency-keys]
covers: [http-fundamentals]
---
# HTTP caching

See [[idempotency-keys]] and [the keys](idempotency-keys.md).
`;
const ROADMAP = `---
title: Backend roadmap
type: roadmap
---
## Core backend (core-backend)
- HTTP fundamentals (http-fundamentals): methods, status codes, caching.
- Queues (queues): at-least-once delivery.
`;
const PRIVATE = `---\ntitle: Diary\nvisibility: private\n---\nPrivate.\n`;
const USED = `{"v":1,"note":"idempotency-keys","slug":"idempotency-keys","date":"2026-11-20","event":"used","build":"payments v2"}\n`;

let lsp: Lsp;
let cleanup: () => void;
type Item = { label: string; detail?: string; textEdit?: { newText: string } };
type List = { items: Item[] } | null;

beforeAll(async () => {
  const ws = sharedWorkspace({
    "notes/idempotency-keys.md": IDEM,
    "notes/http-caching.md": CACHING,
    "notes/roadmap.md": ROADMAP,
    "notes/diary.md": PRIVATE,
    "revisits.jsonl": USED,
  });
  cleanup = ws.cleanup;
  lsp = await startLsp(ws.root);
  await initialize(lsp);
});
afterAll(async () => {
  await lsp?.stop();
  cleanup?.();
});

const complete = (rel: string, line: number, character: number) =>
  lsp.conn.sendRequest("textDocument/completion", {
    textDocument: { uri: lsp.uri(rel) },
    position: { line, character },
  }) as Promise<List>;

describe("learn lsp: completion", () => {
  it("completes [[idem with the note's slug and closes the link", async () => {
    lsp.open("notes/new-a.md", "---\ntitle: A\n---\nSee [[idem\n");
    const list = await complete("notes/new-a.md", 3, 10);
    expect(list!.items[0]).toMatchObject({ label: "Idempotency keys", textEdit: { newText: "idempotency-keys]]" } });
  });

  it("completes a Markdown link after ]( with the path relative to the note", async () => {
    lsp.open("notes/sub/new-b.md", "---\ntitle: B\n---\n[x](http\n");
    const list = await complete("notes/sub/new-b.md", 3, 8);
    expect(list!.items[0]!.textEdit!.newText).toBe("../http-caching.md)");
  });

  it("completes front-matter values: status, domain, tags by frequency, related slugs, covers ids", async () => {
    const text = "---\ntitle: C\nstatus: \ndomain: \ntags: [\nrelated: [idem\ncovers: [\n---\n";
    lsp.open("notes/new-c.md", text);
    const labels = async (line: number, ch: number) =>
      (await complete("notes/new-c.md", line, ch))!.items.map((i) => i.label);
    expect(await labels(2, 8)).toEqual(["seedling", "budding", "evergreen"]);
    expect(await labels(3, 8)).toContain("core-backend");
    expect((await labels(4, 7)).slice(0, 2)).toEqual(["http", "retries"]);
    expect((await complete("notes/new-c.md", 5, 14))!.items[0]!.textEdit!.newText).toBe("idempotency-keys");
    const covers = (await complete("notes/new-c.md", 6, 9))!.items;
    expect(covers.map((i) => [i.label, i.detail])).toEqual([
      ["http-fundamentals", "HTTP fundamentals"],
      ["queues", "Queues"],
    ]);
  });
});

describe("learn lsp: diagnostics", () => {
  it("reports a broken link with check's rule and message, and drops it once fixed", async () => {
    const rel = "notes/http-caching.md";
    const broken = CACHING.replace("[[idempotency-keys]]", "[[idempotency-kyes]]");
    lsp.open(rel, broken);
    const diags = await lsp.waitFor(
      () => lsp.diagnostics.get(lsp.uri(rel))?.filter((d) => d.code === "broken-link"),
      "a broken-link diagnostic",
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ severity: 2, message: "broken link [[idempotency-kyes]]: no note has that name" });
    expect(diags[0]!.range.start).toEqual({ line: 12, character: 6 });
    lsp.change(rel, CACHING, 2);
    await lsp.waitFor(() => lsp.diagnostics.get(lsp.uri(rel))?.length === 0, "the diagnostic to vanish");
  });

  it("gives the same rule ids and messages as learn check for public->private links, schema and secrets", async () => {
    const rel = "notes/bad.md";
    const text =
      "---\ntitle: Bad\nvisibility: public\nstatus: ripe\n---\nSee [[diary]].\n\n" +
      "GITHUB_TOKEN=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB\n";
    lsp.open(rel, text);
    const diags = await lsp.waitFor(() => lsp.diagnostics.get(lsp.uri(rel)), "diagnostics of bad.md");
    // the same text on disk, through learn check's own code
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(lsp.root, rel), text);
    const ctx = await createContext({ dir: lsp.root, today: "2026-12-01" }, { env: {} });
    const { index } = await openIndexLazy(ctx);
    const report = await runCheck(ctx, index);
    index.close();
    const fromCheck = report.findings.filter((f) => f.path === rel).map((f) => [f.rule, f.message, f.line! - 1]);
    const fromLsp = diags.map((d) => [d.code, d.message, d.range.start.line]);
    expect(fromLsp).toEqual(fromCheck);
    expect(fromLsp.map((d) => d[0])).toEqual(
      expect.arrayContaining(["front-matter/status", "private-link", expect.stringMatching(/^secret\//)]),
    );
  });
});

describe("learn lsp: navigation", () => {
  const at = (rel: string, line: number, character: number) => ({
    textDocument: { uri: lsp.uri(rel) },
    position: { line, character },
  });

  it("hovers a link with title, summary, type, status and revisit state", async () => {
    lsp.open("notes/http-caching.md", CACHING, 10);
    const h = (await lsp.conn.sendRequest("textDocument/hover", at("notes/http-caching.md", 12, 10))) as {
      contents: { value: string };
    };
    expect(h.contents.value).toContain("**Idempotency keys** · doc · budding · public");
    expect(h.contents.value).toContain("Retry a POST safely.");
    expect(h.contents.value).toMatch(
      /due today \(2026-1\d-\d\d\); used in 1 build|overdue by \d+ days .*used in 1 build/,
    );
  });

  it("hovers a covers: id with the roadmap item", async () => {
    const h = (await lsp.conn.sendRequest("textDocument/hover", at("notes/http-caching.md", 8, 12))) as {
      contents: { value: string };
    };
    expect(h.contents.value).toContain("**HTTP fundamentals** (`http-fundamentals`)");
  });

  it("goes to the definition of [[links]], Markdown links, related: and covers: entries", async () => {
    const def = async (line: number, ch: number) =>
      (await lsp.conn.sendRequest("textDocument/definition", at("notes/http-caching.md", line, ch))) as {
        uri: string;
        range: { start: { line: number } };
      } | null;
    expect((await def(12, 10))!.uri).toBe(lsp.uri("notes/idempotency-keys.md"));
    expect((await def(12, 40))!.uri).toBe(lsp.uri("notes/idempotency-keys.md"));
    expect((await def(7, 12))!.uri).toBe(lsp.uri("notes/idempotency-keys.md"));
    const item = (await def(8, 12))!;
    expect(item.uri).toBe(lsp.uri("notes/roadmap.md"));
    const roadmapLines = ROADMAP.split("\n");
    expect(roadmapLines[item.range.start.line]).toContain("(http-fundamentals)");
    expect(await def(0, 0)).toBeNull();
  });

  it("lists backlinks as references", async () => {
    lsp.open("notes/idempotency-keys.md", IDEM);
    const refs = (await lsp.conn.sendRequest("textDocument/references", {
      ...at("notes/idempotency-keys.md", 11, 0),
      context: { includeDeclaration: false },
    })) as { uri: string; range: { start: { line: number } } }[];
    expect(refs.map((r) => r.uri)).toContain(lsp.uri("notes/http-caching.md"));
  });

  it("outlines headings as document symbols and finds notes as workspace symbols", async () => {
    const syms = (await lsp.conn.sendRequest("textDocument/documentSymbol", {
      textDocument: { uri: lsp.uri("notes/idempotency-keys.md") },
    })) as { name: string; children: { name: string }[] }[];
    expect(syms.map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([["Idempotency keys", ["Why", "How"]]]);
    const ws = (await lsp.conn.sendRequest("workspace/symbol", { query: "idem" })) as { name: string }[];
    expect(ws.map((s) => s.name)).toEqual(["Idempotency keys"]);
  });
});

describe("learn lsp: bad input", () => {
  it("ignores a document outside the workspace: no diagnostics, empty answers", async () => {
    const outside = "file:///tmp/elsewhere/secret.md";
    lsp.open(outside, "---\ntitle: X\nstatus: nope\n---\n[[idem\n");
    expect(await complete(outside, 4, 6)).toBeNull();
    lsp.open("notes/after-outside.md", "---\ntitle: Y\n---\n");
    await lsp.waitFor(() => lsp.diagnostics.get(lsp.uri("notes/after-outside.md")), "diagnostics after it");
    expect(lsp.diagnostics.has(outside)).toBe(false);
  });

  it("checks a 5 MB document up to the index's cap and keeps answering", async () => {
    const big = "---\ntitle: Big\n---\n" + "A line of text that goes on.\n".repeat(180_000) + "[[idem\n";
    expect(big.length).toBeGreaterThan(5_000_000);
    const started = Date.now();
    lsp.open("notes/big.md", big);
    const diags = await lsp.waitFor(
      () => lsp.diagnostics.get(lsp.uri("notes/big.md")),
      "diagnostics of big.md",
      20_000,
    );
    expect(diags.map((d) => d.code)).toContain("too-large");
    expect(Date.now() - started).toBeLessThan(15_000);
    const list = await complete("notes/big.md", 180_003, 6);
    expect(list!.items[0]!.label).toBe("Idempotency keys");
  });

  it("reports broken YAML mid-typing and still completes", async () => {
    const rel = "notes/typing.md";
    lsp.open(rel, "---\ntitle: T\ntags: [http\nstatus: \n---\nSee [[idem\n");
    const diags = await lsp.waitFor(() => lsp.diagnostics.get(lsp.uri(rel)), "diagnostics of typing.md");
    expect(diags.map((d) => d.code)).toContain("broken-yaml");
    expect((await complete(rel, 5, 10))!.items[0]!.label).toBe("Idempotency keys");
    expect((await complete(rel, 3, 8))!.items.map((i) => i.label)).toContain("budding");
  });

  it("answers an unknown request with MethodNotFound and stays up", async () => {
    await expect(lsp.conn.sendRequest("learn/noSuchThing", {})).rejects.toMatchObject({ code: -32601 });
    const ws = (await lsp.conn.sendRequest("workspace/symbol", { query: "" })) as unknown[];
    expect(ws.length).toBeGreaterThan(0);
    expect(lsp.child.exitCode).toBeNull();
  });
});

describe("learn lsp: start-up", () => {
  it("refuses to initialize outside a workspace with a clear error", async () => {
    const { root, cleanup: rm } = sharedWorkspace({});
    const { rmSync } = await import("node:fs");
    rmSync(join(root, "learn.config.yaml"));
    rmSync(join(root, "notes"), { recursive: true });
    const other = await startLsp(root);
    try {
      await expect(initialize(other)).rejects.toThrow(/^learn: no workspace/);
    } finally {
      await other.stop();
      rm();
    }
  });

  it("does not touch the notes it serves", () => {
    expect(readFileSync(join(lsp.root, "notes/idempotency-keys.md"), "utf8")).toBe(IDEM);
  });
});
