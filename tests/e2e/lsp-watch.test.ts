import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { search } from "../../src/commands/search.js";
import { liveWatcher, syncWithWatcher } from "../../src/store/watch-sync.js";
import { memoryIO } from "../../src/ui/io.js";
import { createContext } from "../../src/workspace/context.js";
import { BIN } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Spawn `learn watch` and wait until it has claimed the workspace and caught up. */
async function startWatch(root: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "watch", "--dir", root], {
    env: { PATH: process.env.PATH ?? "", HOME: tempDir("learn-home-"), NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.push(child);
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const until = Date.now() + 15_000;
  while (!/watching/.test(stderr)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`learn watch did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return child;
}

const note = (word: string) => `---\ntitle: Moving target\n---\nToday's word is ${word}.\n`;
const found = async (root: string, word: string) =>
  (await search({ dir: root, query: [word], json: true }, memoryIO())).map((h) => h.note.slug).sort();

describe("learn watch", () => {
  it("keeps the index current: a command syncs by cookie and sees a note edited just before it", async () => {
    const root = workspace({ "notes/target.md": note("alpha"), "notes/other.md": "---\ntitle: Other\n---\n" });
    const child = await startWatch(root);
    const ctx = await createContext({ dir: root, env: {} });
    expect(liveWatcher(ctx)?.pid).toBe(child.pid);
    for (const word of ["bravo", "charlie", "delta", "echo"]) {
      writeFileSync(join(root, "notes/target.md"), note(word));
      expect(await found(root, word)).toEqual(["target"]);
    }
    writeFileSync(join(root, "notes/new-one.md"), note("foxtrot"));
    expect(syncWithWatcher(ctx)).toBe(true); // answered by the watcher, no walk
    expect(await found(root, "foxtrot")).toEqual(["new-one"]);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(join(root, ".learn/watcher.json"))).toBe(false);
  });

  it("is ignored once killed with SIGKILL mid-update: the next command walks and is exact", async () => {
    const root = workspace({ "notes/target.md": note("alpha") });
    const child = await startWatch(root);
    for (let i = 0; i < 50; i++) writeFileSync(join(root, `notes/n${i}.md`), note(`word${i}`));
    writeFileSync(join(root, "notes/target.md"), note("golf"));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const ctx = await createContext({ dir: root, env: {} });
    expect(existsSync(join(root, ".learn/watcher.json"))).toBe(true); // stale: left behind
    expect(liveWatcher(ctx)).toBeUndefined();
    expect(syncWithWatcher(ctx)).toBe(false);
    expect(await found(root, "golf")).toEqual(["target"]);
    expect(await found(root, "word49")).toEqual(["n49"]);
  });

  it("changes nothing without a watcher", async () => {
    const root = workspace({ "notes/target.md": note("hotel") });
    const ctx = await createContext({ dir: root, env: {} });
    expect(syncWithWatcher(ctx)).toBe(false);
    expect(await found(root, "hotel")).toEqual(["target"]);
    expect(existsSync(join(root, ".learn/cookies"))).toBe(false);
  });
});
