import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { createContext } from "../../src/workspace/context.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/workspace.js";

const MAKE_CORPUS = "/work/shared/bench/make-corpus.mjs";
const makeCorpus = new URL("../../../shared/bench/make-corpus.mjs", import.meta.url).pathname;
const corpusScript = existsSync(makeCorpus) ? makeCorpus : MAKE_CORPUS;

/** A workspace whose notes/ is a generated corpus. */
function corpus(notes: number, faults = false): string {
  const root = tempDir("learn-corpus-");
  writeFileSync(join(root, "learn.config.yaml"), "");
  const r = spawnSync(
    process.execPath,
    [corpusScript, join(root, "notes"), "--notes", String(notes), ...(faults ? ["--faults"] : [])],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
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

const listed = (root: string): string[] =>
  runCli(["list", "--format", "paths", "--no-refresh", "--dir", root]).stdout.split("\n").filter(Boolean).sort();
const indexJson = (root: string) => {
  const r = runCli(["index", "--json", "--dir", root]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

/** Start `learn index` without waiting. */
function startIndex(root: string) {
  const child = spawn(process.execPath, [BIN, "index", "--dir", root], {
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: root, LEARN_DEBUG: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

describe("index reliability", () => {
  it("indexes a --faults corpus completely: every fault listed with its reason, every good note searchable, exit 0", () => {
    const root = corpus(60, true);
    const out = indexJson(root);
    const reasons = Object.fromEntries(out.problems.map((p: { path: string; reason: string }) => [p.path, p.reason]));
    expect(reasons["notes/inbox/broken-yaml.md"]).toMatch(/^broken YAML front matter/);
    expect(out.problems.find((p: { path: string }) => p.path === "notes/inbox/broken-yaml.md").line).toBeGreaterThan(1);
    expect(reasons["notes/inbox/binary.md"]).toMatch(/^skipped: binary/);
    expect(reasons["notes/inbox/latin1.md"]).toMatch(/^skipped: not valid UTF-8/);
    expect(reasons["notes/inbox/huge.md"]).toMatch(/only the first 1 MiB is indexed/);
    const skipped = ["notes/inbox/binary.md", "notes/inbox/latin1.md"];
    expect(listed(root)).toEqual(filesOnDisk(root, skipped));
    const find = (q: string) =>
      JSON.parse(runCli(["search", q, "--json", "--no-refresh", "--dir", root]).stdout).hits.map(
        (h: { path: string }) => h.path,
      );
    expect(find('"Broken YAML"')).toContain("notes/inbox/broken-yaml.md");
    expect(find('"byte order mark"')).toEqual(["notes/inbox/bom.md"]);
    expect(find('"windows line endings"')).toEqual(["notes/inbox/crlf.md"]);
    expect(find('"idempotency keys"')).toContain("notes/inbox/no-front-matter.md");
    expect(find('"extra keys about quotas"')).toEqual(["notes/inbox/unknown-keys.md"]);
    expect(find('"Huge note"')).toContain("notes/inbox/huge.md");
    const some = JSON.parse(runCli(["list", "--json", "--no-refresh", "--dir", root]).stdout)
      .notes.filter((n: { path: string }) => !n.path.includes("inbox"))
      .slice(0, 5);
    for (const n of some) expect(find(`"${n.title}"`)[0]).toBe(n.path);
  });

  it("two index processes started together both succeed and leave a consistent index", async () => {
    const root = corpus(1200); // above the size where parsing moves to a worker thread
    const [a, b] = [startIndex(root), startIndex(root)];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
    expect(ra.stderr + rb.stderr).not.toMatch(/internal error|locked|busy/i);
    const after = indexJson(root);
    expect(after).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 1200 });
    expect(listed(root)).toEqual(filesOnDisk(root));
    // What the worker-thread build stored equals a single-threaded in-process build.
    const ctx = await createContext({ dir: root, env: {} });
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

  it("a full build killed with SIGKILL leaves a database the next run uses or rebuilds, matching the files", async () => {
    const root = corpus(1500);
    const run = startIndex(root);
    const db = join(root, ".learn", "index.db");
    // Kill once the database file exists and the build is under way (it takes about a second here).
    for (let i = 0; i < 400 && !existsSync(db); i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 250));
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal === "SIGKILL" || killed.code === 0).toBe(true);
    const next = runCli(["index", "--json", "--dir", root]);
    expect(next.code).toBe(0);
    expect(listed(root)).toEqual(filesOnDisk(root));
    expect(indexJson(root)).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 1500 });
  });

  it("rebuilds an index overwritten with garbage, or deleted, with a notice and nothing lost", () => {
    const root = corpus(30);
    runCli(["index", "--dir", root]);
    const db = join(root, ".learn", "index.db");
    for (const suffix of ["-wal", "-shm"]) rmSync(db + suffix, { force: true });
    writeFileSync(db, Buffer.alloc(8192, 0x5a));
    const garbage = runCli(["list", "--format", "paths", "--dir", root]);
    expect(garbage.code).toBe(0);
    expect(garbage.stderr).toBe("learn: rebuilt the index: the index file was corrupt\n");
    expect(garbage.stdout.trim().split("\n").sort()).toEqual(filesOnDisk(root));
    rmSync(join(root, ".learn"), { recursive: true });
    const deleted = runCli(["search", "idempotency", "--json", "--dir", root]);
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toBe("learn: rebuilt the index: there was no index yet\n");
    expect(listed(root)).toEqual(filesOnDisk(root));
  });

  it("picks up edits, renames, deletes, and a size change with the mtime preserved", () => {
    const root = corpus(40);
    indexJson(root);
    const files = filesOnDisk(root);
    const [edit, rename, del, sneaky] = files.map((p) => join(root, p));
    appendFileSync(edit!, "\nZanzibar authorisation model.\n");
    renameSync(rename!, join(root, "notes", "renamed-note.md"));
    rmSync(del!);
    const st = statSync(sneaky!);
    appendFileSync(sneaky!, "\nQuokka.\n");
    utimesSync(sneaky!, st.atime, st.mtime);
    const out = indexJson(root);
    expect(out).toMatchObject({ added: 1, updated: 2, removed: 2, unchanged: 36 });
    expect(listed(root)).toEqual(filesOnDisk(root));
    const find = (q: string) =>
      JSON.parse(runCli(["search", q, "--json", "--no-refresh", "--dir", root]).stdout).hits.map(
        (h: { path: string }) => h.path,
      );
    expect(find("zanzibar")).toEqual([relative(root, edit!)]);
    expect(find("quokka")).toEqual([relative(root, sneaky!)]);
  });
});
