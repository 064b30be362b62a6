import { spawn } from "node:child_process";
import { appendFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "../../bench/make-corpus.mjs";
import { index } from "../../src/commands/index.js";
import { list } from "../../src/commands/list.js";
import { search } from "../../src/commands/search.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { PARALLEL_MIN_FILES } from "../../src/store/parse-pool.js";
import { createContext } from "../../src/workspace/context.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { BIN } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/workspace.js";

/** A workspace whose notes/ is a generated corpus. */
function corpus(notes: number, faults = false): string {
  const root = tempDir("learn-corpus-");
  writeFileSync(join(root, "learn.config.yaml"), "");
  makeCorpus(join(root, "notes"), { notes, faults });
  return root;
}

/** Every note file on disk, as workspace-relative paths, sorted (the walk rules of the index). */
function filesOnDisk(root: string, skip: string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|markdown)$/i.test(e.name)) out.push(relative(root, p));
    }
  };
  walk(join(root, "notes"));
  return out.filter((p) => !skip.includes(p)).sort();
}

// Reads go in-process (real files, real SQLite); the processes below are the ones the tests are about.
const listed = async (root: string): Promise<string[]> =>
  (await call(list, { dir: root, format: "paths", refresh: false })).stdout.split("\n").filter(Boolean).sort();
const indexJson = async (root: string) => jsonOf(await call(index, { dir: root, json: true }));
const finder = (root: string) => async (q: string) =>
  jsonOf<{ hits: { path: string }[] }>(
    await call(search, { dir: root, query: [q], refresh: false, json: true }),
  ).hits.map((h) => h.path);

/** Start `learn index` without waiting. */
function startIndex(root: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, "index", "--dir", root], {
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: root, LEARN_DEBUG: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const seen: [RegExp, () => void][] = [];
  child.stderr.on("data", (d) => {
    stderr += d;
    for (const [re, resolve] of seen) if (re.test(stderr)) resolve();
  });
  /** Resolves once stderr has shown `re`. */
  const waitFor = (re: RegExp) => new Promise<void>((resolve) => seen.push([re, resolve]));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done, waitFor };
}

describe("index reliability", () => {
  it("indexes a --faults corpus completely: every fault listed with its reason, every good note searchable, exit 0", async () => {
    const root = corpus(60, true);
    const r = await call(index, { dir: root, json: true });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const reasons = Object.fromEntries(out.problems.map((p: { path: string; reason: string }) => [p.path, p.reason]));
    expect(reasons["notes/inbox/broken-yaml.md"]).toMatch(/^broken YAML front matter/);
    expect(out.problems.find((p: { path: string }) => p.path === "notes/inbox/broken-yaml.md").line).toBeGreaterThan(1);
    expect(reasons["notes/inbox/binary.md"]).toMatch(/^skipped: binary/);
    expect(reasons["notes/inbox/latin1.md"]).toMatch(/^skipped: not valid UTF-8/);
    expect(reasons["notes/inbox/huge.md"]).toMatch(/only the first 1 MiB is indexed/);
    const skipped = ["notes/inbox/binary.md", "notes/inbox/latin1.md"];
    expect(reasons["notes/inbox/tab-indented.md"]).toMatch(/^broken YAML front matter/);
    expect(reasons["notes/inbox/unknown-enums.md"]).toMatch(/must be one of/);
    expect(reasons["notes/inbox/bad-dates.md"]).toMatch(/must be a date/);
    expect(await listed(root)).toEqual(filesOnDisk(root, skipped));
    const find = finder(root);
    expect(await find('"Broken YAML"')).toContain("notes/inbox/broken-yaml.md");
    expect(await find('"byte order mark"')).toEqual(["notes/inbox/bom.md"]);
    expect(await find('"windows line endings"')).toEqual(["notes/inbox/crlf.md"]);
    expect(await find('"idempotency keys"')).toContain("notes/inbox/no-front-matter.md");
    expect(await find('"extra keys about quotas"')).toEqual(["notes/inbox/unknown-keys.md"]);
    expect(await find('"Huge note"')).toContain("notes/inbox/huge.md");
    expect(await find('"spaces and accents"')).toEqual(["notes/inbox/Ünïcode café notes.md"]);
    const some = jsonOf<{ notes: { path: string; title: string }[] }>(
      await call(list, { dir: root, refresh: false, json: true }),
    )
      .notes.filter((n) => !n.path.includes("inbox"))
      .slice(0, 5);
    for (const n of some) expect((await find(`"${n.title}"`))[0]).toBe(n.path);
  });

  it("two index processes started together both succeed and leave a consistent index", async () => {
    const root = corpus(PARALLEL_MIN_FILES); // the size where parsing moves to a worker thread
    const [a, b] = [startIndex(root), startIndex(root)];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
    expect(ra.stderr + rb.stderr).not.toMatch(/internal error|locked|busy/i);
    const after = await indexJson(root);
    expect(after).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: PARALLEL_MIN_FILES });
    expect(await listed(root)).toEqual(filesOnDisk(root));
    // What the worker-thread build stored equals a single-threaded in-process build.
    const ctx = await createContext({ dir: root }, { env: {} });
    const fromWorker = (await openIndexLazy(ctx, { refresh: false })).index;
    const snapshot = (ix: typeof fromWorker) => ({
      notes: ix.allNotes(),
      links: ix.allLinks(),
      problems: ix.problems(),
    });
    const built = snapshot(fromWorker);
    fromWorker.close();
    const single = (await openIndexLazy(ctx, { full: true, parallel: false })).index;
    expect(snapshot(single)).toEqual(built);
    single.close();
  });

  it("a full build killed with SIGKILL mid-build leaves a database the next run uses or rebuilds, matching the files", async () => {
    const n = PARALLEL_MIN_FILES;
    const root = corpus(n);
    // The test-only hook holds the build after 300 stored files, inside its transaction: the kill lands there.
    const run = startIndex(root, { LEARN_TEST_PAUSE_AFTER: "300" });
    await run.waitFor(/test pause after 300 files/);
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    const db = new Database(join(root, ".learn", "index.db"), { readonly: true });
    const committed = (() => {
      try {
        return db.prepare("SELECT count(*) FROM notes").pluck().get();
      } catch {
        return 0; // no notes table committed yet
      } finally {
        db.close();
      }
    })();
    expect(committed).toBe(0); // nothing of the killed build was committed
    expect((await call(index, { dir: root })).code).toBe(0);
    expect(await listed(root)).toEqual(filesOnDisk(root));
    expect(await indexJson(root)).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: n });
  });

  it("rebuilds an index overwritten with garbage, or deleted, with a notice and nothing lost", async () => {
    const root = corpus(30);
    await call(index, { dir: root });
    const db = join(root, ".learn", "index.db");
    for (const suffix of ["-wal", "-shm"]) rmSync(db + suffix, { force: true });
    writeFileSync(db, Buffer.alloc(8192, 0x5a));
    const garbage = await call(list, { dir: root, format: "paths" });
    expect(garbage.code).toBe(0);
    expect(garbage.stderr).toBe("learn: rebuilt the index: the index file was corrupt\n");
    expect(garbage.stdout.trim().split("\n").sort()).toEqual(filesOnDisk(root));
    rmSync(join(root, ".learn"), { recursive: true });
    const deleted = await call(search, { dir: root, query: ["idempotency"], json: true });
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toBe("learn: rebuilt the index: there was no index yet\n");
    expect(await listed(root)).toEqual(filesOnDisk(root));
  });

  it("picks up edits, renames, deletes, and a size change with the mtime preserved", async () => {
    const root = corpus(40);
    await indexJson(root);
    const files = filesOnDisk(root);
    const [edit, rename, del, sneaky] = files.map((p) => join(root, p));
    appendFileSync(edit!, "\nZanzibar authorisation model.\n");
    renameSync(rename!, join(root, "notes", "renamed-note.md"));
    rmSync(del!);
    const st = statSync(sneaky!);
    appendFileSync(sneaky!, "\nQuokka.\n");
    utimesSync(sneaky!, st.atime, st.mtime);
    const out = await indexJson(root);
    expect(out).toMatchObject({ added: 1, updated: 2, removed: 2, unchanged: 36 });
    expect(await listed(root)).toEqual(filesOnDisk(root));
    const find = finder(root);
    expect(await find("zanzibar")).toEqual([relative(root, edit!)]);
    expect(await find("quokka")).toEqual([relative(root, sneaky!)]);
  });
});
