// The server's file watcher starts after start-up (once the first request is answered, or soon
// after `initialized`) and watches folders, not files: changes made outside the editor right
// after start, in a new subfolder, or to an existing file's content must still reach it, and
// commands must still sync with it exactly. The test client sends no file events and never saves.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { search } from "../../src/commands/search.js";
import { liveWatcher, syncWithWatcher } from "../../src/store/watch-sync.js";
import { memoryIO } from "../../src/ui/io.js";
import { createContext } from "../../src/workspace/context.js";
import { initialize, sharedWorkspace, startLsp, type Lsp } from "./lsp-client.js";

type List = { items: { label: string; detail?: string }[] } | null;

let lsp: Lsp | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await lsp?.stop();
  cleanup?.();
  lsp = cleanup = undefined;
});

const note = (title: string, body = "") => `---\ntitle: ${title}\n---\n${body}`;
const OPEN = "notes/alpha.md";

async function start(files: Record<string, string>): Promise<Lsp> {
  const ws = sharedWorkspace({ [OPEN]: note("Alpha"), ...files });
  cleanup = ws.cleanup;
  lsp = await startLsp(ws.root);
  await initialize(lsp);
  return lsp;
}

/** Titles offered after `[[` + query in the open note. */
async function offered(l: Lsp, query: string): Promise<string[]> {
  const text = `${note("Alpha")}See [[${query}\n`;
  l.change(OPEN, text, Date.now());
  const list = (await l.conn.sendRequest("textDocument/completion", {
    textDocument: { uri: l.uri(OPEN) },
    position: { line: 3, character: 6 + query.length },
  })) as List;
  return (list?.items ?? []).map((i) => `${i.detail}: ${i.label}`);
}

/** Ask until `probe` holds (the watcher reports within its settle time, plus a loaded machine's delay). */
async function until(probe: () => Promise<boolean>, what: string, l: Lsp): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${l.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("learn lsp: the watcher started after start-up", () => {
  it("sees a note written outside the editor right after initialize, before any request", async () => {
    const l = await start({});
    // initialize has read the index: only the server's own watcher can tell it about this note
    writeFileSync(join(l.root, "notes/bravo-fresh.md"), note("Bravo fresh"));
    l.open(OPEN, `${note("Alpha")}See [[bravo\n`);
    await until(async () => (await offered(l, "bravo")).includes("bravo-fresh: Bravo fresh"), "bravo-fresh", l);
  });

  it("after the first answer, sees content edits, a new subfolder and a deletion; commands sync with it", async () => {
    const l = await start({ "notes/charlie.md": note("Charlie old"), "notes/delta.md": note("Delta") });
    l.open(OPEN, `${note("Alpha")}See [[\n`);
    expect(await offered(l, "charlie")).toEqual(["charlie: Charlie old"]); // the first answer starts the watcher
    const ctx = await createContext({ dir: l.root }, { env: {} });
    await until(async () => liveWatcher(ctx)?.pid === l.child.pid, "the server to hold the watcher lock", l);

    writeFileSync(join(l.root, "notes/charlie.md"), note("Charlie new")); // same file, new content
    await until(async () => (await offered(l, "charlie")).includes("charlie: Charlie new"), "the new title", l);

    mkdirSync(join(l.root, "notes/deep/er"), { recursive: true }); // a folder made after the watch began
    writeFileSync(join(l.root, "notes/deep/er/echo-deep.md"), note("Echo deep", "Word: zulu.\n"));
    await until(async () => (await offered(l, "echo")).includes("echo-deep: Echo deep"), "the note in deep/er", l);
    writeFileSync(join(l.root, "notes/deep/er/echo-deep.md"), note("Echo deep", "Word: yankee.\n"));
    // a command answered by the server's watcher (a cookie, no walk) sees the edit made just before it
    expect(syncWithWatcher(ctx)).toBe(true);
    const hits = await search({ dir: l.root, query: ["yankee"], json: true, refresh: false }, memoryIO());
    expect(hits.map((h) => h.note.slug)).toEqual(["echo-deep"]);

    rmSync(join(l.root, "notes/delta.md"));
    await until(async () => (await offered(l, "delta")).length === 0, "delta to be gone", l);
  });

  it("sees an edit of a linked note's target outside the notes folder (a link keeps its own watch)", async () => {
    const l = await start({ "shared/linked.md": note("Linked old") });
    symlinkSync(join(l.root, "shared/linked.md"), join(l.root, "notes/linked.md"));
    l.open(OPEN, `${note("Alpha")}See [[\n`);
    await until(async () => (await offered(l, "linked")).includes("linked: Linked old"), "the linked note", l);
    writeFileSync(join(l.root, "shared/linked.md"), note("Linked new")); // through the target, in no watched folder
    await until(async () => (await offered(l, "linked")).includes("linked: Linked new"), "the new title", l);
  });
});
