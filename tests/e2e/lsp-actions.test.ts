import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialize, sharedWorkspace, startLsp, type Diag, type Lsp } from "./lsp-client.js";

const CACHING = `---
id: k3x9q2m7
title: HTTP caching
type: doc
domain: core-backend
published: 2026-11-01
covers: [http-fundamentals]
---
See [[queues-basics]].
`;
const ROADMAP = `---\ntitle: Roadmap\ntype: roadmap\n---\n## Core backend (core-backend)\n- HTTP fundamentals (http-fundamentals): caching.\n`;

let lsp: Lsp;
let cleanup: () => void;
beforeAll(async () => {
  const ws = sharedWorkspace({ "notes/http-caching.md": CACHING, "notes/roadmap.md": ROADMAP });
  cleanup = ws.cleanup;
  lsp = await startLsp(ws.root);
  await initialize(lsp);
});
afterAll(async () => {
  await lsp?.stop();
  cleanup?.();
});

type Action = { title: string; command: { command: string; arguments: unknown[] } };
const REL = "notes/http-caching.md";
const logLines = () =>
  existsSync(join(lsp.root, "revisits.jsonl"))
    ? readFileSync(join(lsp.root, "revisits.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [];
const run = (a: Action) => lsp.conn.sendRequest("workspace/executeCommand", a.command);

describe("learn lsp: code actions and lens", () => {
  it("creates the missing note of a broken link from the template, in the note's domain folder", async () => {
    lsp.open(REL, CACHING);
    const diags = await lsp.waitFor(
      () => lsp.diagnostics.get(lsp.uri(REL))?.filter((d) => d.code === "broken-link"),
      "the broken link",
    );
    const actions = (await lsp.conn.sendRequest("textDocument/codeAction", {
      textDocument: { uri: lsp.uri(REL) },
      range: diags[0]!.range,
      context: { diagnostics: diags as Diag[] },
    })) as Action[];
    const create = actions.find((a) => a.title === "learn: create note queues-basics")!;
    expect(create).toBeDefined();
    const result = (await run(create)) as { message: string };
    expect(result.message).toBe("learn: created notes/core-backend/queues-basics.md");
    const made = readFileSync(join(lsp.root, "notes/core-backend/queues-basics.md"), "utf8");
    expect(made).toMatch(/^---\n[\s\S]*title: Queues basics\n[\s\S]*domain: core-backend\n/);
    await lsp.waitFor(() => lsp.diagnostics.get(lsp.uri(REL))?.length === 0, "the broken link to be fixed");
  });

  it("records revisits and build use in revisits.jsonl as learn revisit does, refusing a second revisit today", async () => {
    const actions = (await lsp.conn.sendRequest("textDocument/codeAction", {
      textDocument: { uri: lsp.uri(REL) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    })) as Action[];
    expect(actions.map((a) => a.title)).toEqual([
      "learn: revisited (good)",
      "learn: revisited (hard)",
      "learn: revisited (again)",
      "learn: used in a build",
      "learn: add this note to this week's loop",
    ]);
    await run(actions[0]!);
    expect(logLines()).toEqual([
      { v: 1, note: "k3x9q2m7", slug: "http-caching", date: "2026-12-01", event: "revisit", rating: "good" },
    ]);
    await expect(run(actions[1]!)).rejects.toThrow(/^learn: http-caching was already revisited today \(good\)/);
    await run(actions[3]!);
    expect(logLines()[1]).toEqual({
      v: 1,
      note: "k3x9q2m7",
      slug: "http-caching",
      date: "2026-12-01",
      event: "used",
      build: "used from the editor",
    });
  });

  it("shows a lens with the revisit state, builds and covered items", async () => {
    const lenses = (await lsp.conn.sendRequest("textDocument/codeLens", {
      textDocument: { uri: lsp.uri(REL) },
    })) as { command: { title: string } }[];
    expect(lenses[0]!.command.title).toBe("due today · 1 build · covers 1 item (core-backend)");
  });

  it("answers an unknown command or a document outside the workspace with a clear error", async () => {
    await expect(
      lsp.conn.sendRequest("workspace/executeCommand", { command: "learn.nope", arguments: [] }),
    ).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/^learn: unknown command learn.nope/) });
    await expect(
      lsp.conn.sendRequest("workspace/executeCommand", {
        command: "learn.revisit",
        arguments: [{ uri: "file:///etc/passwd", rating: "good" }],
      }),
    ).rejects.toThrow(/not a file inside the workspace/);
    expect(lsp.child.exitCode).toBeNull();
  });
});
