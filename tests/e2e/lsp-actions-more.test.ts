import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialize, sharedWorkspace, startLsp, type Lsp } from "./lsp-client.js";

const BODY = "Intro line.\n## Retry budgets\nA budget caps retries per second.\nKeep it small.\n";
const RETRIES = `---\nid: r3tr1es0\ntitle: Retries\ntype: doc\ndomain: core-backend\n---\n${BODY}`;
const QUEUES = `---\ntitle: Queues\ntype: doc\ndomain: core-backend\nvisibility: private\n---\nQueues decouple producers from consumers, and they need words of their own to count as written.\n`;

let lsp: Lsp;
let cleanup: () => void;
beforeAll(async () => {
  const ws = sharedWorkspace({
    "notes/core-backend/retries.md": RETRIES,
    "notes/core-backend/retry-budgets.md": "---\ntitle: Taken\n---\nAlready here.\n",
    "notes/core-backend/queues.md": QUEUES,
  });
  cleanup = ws.cleanup;
  lsp = await startLsp(ws.root);
  // a client that can apply CreateFile in a WorkspaceEdit, as VS Code and Neovim can
  await lsp.conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(lsp.root).href,
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } } },
  });
  await lsp.conn.sendNotification("initialized", {});
});
afterAll(async () => {
  await lsp?.stop();
  cleanup?.();
});

type Pos = { line: number; character: number };
type Action = {
  title: string;
  kind?: string;
  disabled?: { reason: string };
  edit?: { documentChanges: Record<string, unknown>[] };
  command?: { command: string; arguments: unknown[] };
};
const actionsAt = (rel: string, start: Pos, end: Pos = start) =>
  lsp.conn.sendRequest("textDocument/codeAction", {
    textDocument: { uri: lsp.uri(rel) },
    range: { start, end },
    context: { diagnostics: [] },
  }) as Promise<Action[]>;
const REL = "notes/core-backend/retries.md";

describe("learn lsp: extract a selection into a new note", () => {
  it("creates the note and links it in one WorkspaceEdit, with a fresh slug when the title's is taken", async () => {
    lsp.open(REL, RETRIES, 3);
    // lines 7..8 (0-based): "## Retry budgets" and "A budget caps retries per second."
    const range = { start: { line: 7, character: 0 }, end: { line: 8, character: 33 } };
    const actions = await actionsAt(REL, range.start, range.end);
    const extract = actions.find((a) => a.kind === "refactor.extract")!;
    expect(extract.title).toBe("learn: extract selection into new note retry-budgets-2");
    const [create, fill, link] = extract.edit!.documentChanges as [
      { kind: string; uri: string; options: unknown },
      { textDocument: { uri: string; version: null }; edits: { newText: string }[] },
      { textDocument: { uri: string; version: number }; edits: { range: unknown; newText: string }[] },
    ];
    const newUri = lsp.uri("notes/core-backend/retry-budgets-2.md");
    expect(create).toEqual({ kind: "create", uri: newUri, options: { overwrite: false, ignoreIfExists: false } });
    expect(fill.textDocument).toEqual({ uri: newUri, version: null });
    const text = fill.edits[0]!.newText;
    expect(text).toMatch(
      /^---\nid: [a-z0-9]+\ntitle: Retry budgets\ntype: doc\nstatus: seedling\nvisibility: private\n/,
    );
    expect(text).toContain("\ndomain: core-backend\n");
    expect(text.endsWith("---\n# Retry budgets\n\n## Retry budgets\nA budget caps retries per second.\n")).toBe(true);
    expect(link).toEqual({
      textDocument: { uri: lsp.uri(REL), version: 3 },
      edits: [{ range, newText: "[[retry-budgets-2]]" }],
    });
    // the server wrote nothing itself: the editor applies (and can undo) the edit
    const made = join(lsp.root, "notes/core-backend/retry-budgets-2.md");
    expect(existsSync(made)).toBe(false);
    // applied as an editor would (the link first, then the file): the link resolves once the note exists
    const linked = RETRIES.replace("## Retry budgets\nA budget caps retries per second.", "[[retry-budgets-2]]");
    const broken = () => lsp.diagnostics.get(lsp.uri(REL))?.some((d) => d.code === "broken-link");
    lsp.change(REL, linked, 4);
    await lsp.waitFor(() => broken() === true, "the link to the note not yet written");
    writeFileSync(made, text);
    await lsp.waitFor(() => broken() === false, "the link to resolve");
    lsp.change(REL, RETRIES, 5);
  });

  it("is offered only for a non-empty selection in the body", async () => {
    const kinds = async (s: Pos, e: Pos) => (await actionsAt(REL, s, e)).map((a) => a.kind);
    expect(await kinds({ line: 7, character: 3 }, { line: 7, character: 3 })).not.toContain("refactor.extract");
    expect(await kinds({ line: 1, character: 0 }, { line: 2, character: 5 })).not.toContain("refactor.extract");
    expect(await kinds({ line: 6, character: 0 }, { line: 6, character: 0 })).not.toContain("refactor.extract");
    expect(await kinds({ line: 6, character: 0 }, { line: 6, character: 5 })).toContain("refactor.extract");
  });

  it("is disabled with a reason when the selection has no words for a file name", async () => {
    const doc = `${RETRIES}!!!\n`;
    lsp.change(REL, doc, 6);
    const extract = (await actionsAt(REL, { line: 10, character: 0 }, { line: 10, character: 3 })).find(
      (a) => a.kind === "refactor.extract",
    )!;
    expect(extract.edit).toBeUndefined();
    expect(extract.disabled!.reason).toMatch(/^learn: cannot extract: title "!!!" has no letters or digits/);
    lsp.change(REL, RETRIES, 7);
  });
});

describe("learn lsp: add this note to this week's loop", () => {
  const Q = "notes/core-backend/queues.md";
  const weekOf = async () =>
    (await actionsAt(Q, { line: 6, character: 0 })).find((a) => a.kind === "source.learn.week");
  const run = (a: Action) =>
    lsp.conn.sendRequest("workspace/executeCommand", a.command) as Promise<{ message: string }>;

  it("is disabled while the note has unsaved changes", async () => {
    lsp.open(Q, `${QUEUES}typing…\n`, 1);
    expect((await weekOf())!.disabled!.reason).toBe("learn: save the note first");
    lsp.change(Q, QUEUES, 2);
  });

  it("runs learn week --note in-process, and refuses when the log changed or the note is already the week's", async () => {
    const first = (await weekOf())!;
    const again = (await weekOf())!;
    expect(first.title).toBe("learn: add this note to this week's loop");
    const { message } = await run(first);
    expect(message.split("\n").slice(0, 2)).toEqual([
      "✔ step 1/5 pick one domain: core-backend",
      "› step 2/5 started: notes/core-backend/queues.md is public now; it is done once it has 64 more words of its own",
    ]);
    const log = readFileSync(join(lsp.root, "notes/log/2026-W49.md"), "utf8");
    expect(log).toMatch(/\nnote: queues\n/);
    expect(readFileSync(join(lsp.root, Q), "utf8")).toMatch(/\nvisibility: public\n/);
    // offered before the log existed: the log changed since
    await expect(run(again)).rejects.toThrow(/^learn: notes\/log\/2026-W49\.md changed on disk since the action/);
    expect(await weekOf()).toBeUndefined(); // no longer offered once the note is the week's
    const stale = { ...first, command: { ...first.command!, arguments: [{ uri: lsp.uri(Q) }] } };
    await expect(run(stale)).rejects.toThrow(/^learn: queues is already this week's note \(2026-W49\)/);
    expect(readFileSync(join(lsp.root, "notes/log/2026-W49.md"), "utf8")).toBe(log); // untouched by the refusals
    expect(lsp.child.exitCode).toBeNull();
  });
});

describe("learn lsp: extract with an editor that cannot create files in an edit", () => {
  it("is not offered, since the edit could not be applied", async () => {
    const other = await startLsp(lsp.root);
    try {
      await initialize(other); // capabilities: {}
      other.open(REL, RETRIES);
      const actions = (await other.conn.sendRequest("textDocument/codeAction", {
        textDocument: { uri: other.uri(REL) },
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } },
        context: { diagnostics: [] },
      })) as Action[];
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.map((a) => a.kind)).not.toContain("refactor.extract");
    } finally {
      await other.stop();
    }
  });
});
