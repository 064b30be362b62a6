import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setFrontMatter } from "../../src/core/front-matter-edit.js";
import { editNote } from "../../src/workspace/note-edit.js";
import { cleanStrayTemps } from "../../src/workspace/safe-path.js";
import { appendLinesSafe } from "../../src/workspace/safe-append.js";
import { createFileSafe, removeFileSafe, writeFailure, writeFileSafe } from "../../src/workspace/safe-write.js";
import { isSitePath } from "../../src/workspace/site-marker.js";
import { guardOutDir } from "../../src/workspace/site-write.js";
import { createContext } from "../../src/workspace/context.js";
import { readWeekLog, saveWeekLog } from "../../src/workspace/week-log.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const read = (p: string) => readFileSync(p, "utf8");
const mode = (p: string) => statSync(p).mode & 0o777;

/** Run `fn` under `mask`, then put the process's umask back. */
function withUmask<T>(mask: number, fn: () => T): T {
  const old = process.umask(mask);
  try {
    return fn();
  } finally {
    process.umask(old);
  }
}

afterEach(() => delete process.env.LEARN_TEST_FAULT);

describe("file modes", () => {
  it("an edit keeps a 0644 note 0644 under umask 077 (issue 11)", () => {
    const dir = tempDir();
    const file = join(dir, "a.md");
    writeFileSync(file, "---\ntitle: A\n---\n");
    chmodSync(file, 0o644);
    withUmask(0o077, () => editNote(file, (t) => setFrontMatter(t, { status: "budding" })));
    expect(mode(file)).toBe(0o644);
    expect(read(file)).toBe("---\ntitle: A\nstatus: budding\n---\n");
  });

  it("a new file gets 0666 less the umask, as any program's would", () => {
    const dir = tempDir();
    withUmask(0o022, () => createFileSafe(dir, join(dir, "a"), "a"));
    withUmask(0o077, () => writeFileSafe(dir, join(dir, "b"), "b"));
    withUmask(0o027, () => appendLinesSafe(dir, join(dir, "c"), "c\n"));
    expect([mode(join(dir, "a")), mode(join(dir, "b")), mode(join(dir, "c"))]).toEqual([0o644, 0o600, 0o640]);
  });
});

describe("never through a link, never outside the root", () => {
  it("refuses a link at the target, for every kind of write", () => {
    const dir = tempDir();
    const victim = join(tempDir(), "victim");
    writeFileSync(victim, "theirs");
    symlinkSync(victim, join(dir, "x"));
    expect(() => writeFileSafe(dir, join(dir, "x"), "mine")).toThrow(/x: it is a symbolic link/);
    expect(() => appendLinesSafe(dir, join(dir, "x"), "mine\n")).toThrow(/x: it is a symbolic link/);
    expect(createFileSafe(dir, join(dir, "x"), "mine")).toBe(false); // something stands there: not created
    expect(read(victim)).toBe("theirs");
  });

  it("refuses a folder on the way that is a link out of the root, and makes nothing there", () => {
    const root = tempDir();
    const outside = tempDir();
    symlinkSync(outside, join(root, "sub"));
    expect(() => writeFileSafe(root, join(root, "sub", "deep", "x"), "x")).toThrow(/sub is a link to .*, outside/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("accepts a linked folder whose real path is inside the root, and a root that is itself a link", () => {
    const base = tempDir();
    mkdirSync(join(base, "real", "inner"), { recursive: true });
    symlinkSync(join(base, "real", "inner"), join(base, "real", "alias"));
    symlinkSync(join(base, "real"), join(base, "root-link"));
    writeFileSafe(join(base, "root-link"), join(base, "root-link", "alias", "x"), "x");
    expect(read(join(base, "real", "inner", "x"))).toBe("x");
  });

  it("refuses a path that is outside the root lexically", () => {
    const root = tempDir();
    expect(() => writeFileSafe(root, join(root, "..", "x"), "x")).toThrow(/outside/);
  });

  it("refuses a FIFO instead of waiting on it", () => {
    const dir = tempDir();
    if (spawnSync("sh", ["-c", 'mkfifo "$0"', join(dir, "log")]).status !== 0) return; // no mkfifo here
    expect(() => appendLinesSafe(dir, join(dir, "log"), "x\n")).toThrow(/not a regular file/);
    expect(() => writeFileSafe(dir, join(dir, "log"), "x")).toThrow(/not a regular file/);
  });

  it("removes only a regular file inside the root", () => {
    const root = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, "v"), "v");
    symlinkSync(outside, join(root, "out"));
    symlinkSync(join(outside, "v"), join(root, "link"));
    expect(removeFileSafe(root, join(root, "out", "v"))).toBe(false);
    expect(removeFileSafe(root, join(root, "link"))).toBe(false);
    expect(existsSync(join(outside, "v")) && existsSync(join(root, "link"))).toBe(true);
    writeFileSync(join(root, "mine"), "m");
    expect(removeFileSafe(root, join(root, "mine"))).toBe(true);
    expect(existsSync(join(root, "mine"))).toBe(false);
  });
});

describe("whole or nothing", () => {
  it("creates without replacing, and leaves no temp file either way", () => {
    const dir = tempDir();
    expect(createFileSafe(dir, join(dir, "a.md"), "first")).toBe(true);
    expect(createFileSafe(dir, join(dir, "a.md"), "second")).toBe(false);
    expect(read(join(dir, "a.md"))).toBe("first");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("a failed rewrite leaves the old file and no temp file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "feed.xml"), "old");
    process.env.LEARN_TEST_FAULT = "ENOSPC:feed.xml";
    expect(() => writeFileSafe(dir, join(dir, "feed.xml"), "new and longer")).toThrow(/feed\.xml: the disk is full/);
    expect(read(join(dir, "feed.xml"))).toBe("old");
    expect(readdirSync(dir)).toEqual(["feed.xml"]);
  });

  it("a failed append is cut back to the old length, and the message says nothing was recorded", () => {
    const dir = tempDir();
    const log = join(dir, "revisits.jsonl");
    writeFileSync(log, '{"a":1}\n{"torn');
    process.env.LEARN_TEST_FAULT = "ENOSPC:revisits.jsonl";
    let message = "";
    try {
      appendLinesSafe(dir, log, `${"x".repeat(3804)}\n`);
    } catch (err) {
      message = `${(err as Error).message} (${(err as { hint?: string }).hint})`;
    }
    expect(message).toMatch(/the disk is full \(nothing was recorded; free some space/);
    expect(message).not.toMatch(/writable/);
    expect(read(log)).toBe('{"a":1}\n{"torn');
    delete process.env.LEARN_TEST_FAULT;
    appendLinesSafe(dir, log, "next\n"); // the torn line stays apart from the new one
    expect(read(log)).toBe('{"a":1}\n{"torn\nnext\n');
  });

  it("names each failure honestly", () => {
    const words = (code: string, outcome = "") => {
      const e = writeFailure(Object.assign(new Error(code), { code }), "/x/f", outcome);
      return `${e.message} (${e.hint})`;
    };
    expect(words("ENOSPC", "nothing was recorded")).toMatch(/the disk is full \(nothing was recorded; free some space/);
    expect(words("EDQUOT")).toMatch(/quota/);
    expect(words("EACCES")).toMatch(/permission denied \(check that the folder is writable\)/);
    expect(words("EROFS")).toMatch(/read-only/);
    expect(words("ENOTDIR")).toMatch(/a file stands where a folder should be/);
  });
});

describe("stray temp files", () => {
  it("removes learn's own temp files whose process is gone or that are old, nothing else", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const names = {
      deadTemp: `.a.md.learn-tmp-${dead.stdout}-0123abcd`,
      liveTemp: `.b.md.learn-tmp-${process.ppid}-0123abcd`,
      oldLiveTemp: `.c.md.learn-tmp-${process.ppid}-89abcdef`,
      oldStyle: `.d.md.${dead.stdout}.1733000000000.tmp`,
      notOurs: ".e.md.tmp",
      lookalikeFolder: `.f.md.learn-tmp-${dead.stdout}-00000000`,
    };
    for (const [k, n] of Object.entries(names)) {
      if (k === "lookalikeFolder") mkdirSync(join(dir, n));
      else writeFileSync(join(dir, n), "x");
    }
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(join(dir, names.oldLiveTemp), old, old);
    cleanStrayTemps(dir);
    expect(readdirSync(dir).sort()).toEqual([names.liveTemp, names.notOurs, names.lookalikeFolder].sort());
  });
});

describe("publish paths", () => {
  it("accepts only plain relative paths in the marker", () => {
    for (const ok of ["index.html", "notes/a.html", "assets/fuse.min.js", "tags/c++.html"])
      expect(isSitePath(ok)).toBe(true);
    for (const bad of [
      "",
      "../x",
      "a/../../x",
      "/etc/passwd",
      "C:/x",
      "..\\x",
      "a\\..\\..\\x",
      "./a",
      "a//b",
      "a/",
      ".",
      "a/./b",
      "a\u0000b",
      42,
      null,
    ])
      expect(isSitePath(bad)).toBe(false);
  });

  it("guards --out by the real path of its nearest existing folder", () => {
    const root = tempDir();
    mkdirSync(join(root, "notes"));
    symlinkSync(join(root, "notes"), join(root, "n"));
    symlinkSync(join(root, "notes", "gone"), join(root, "dangling"));
    expect(() => guardOutDir(join(root, "n", "sub", "deeper"), join(root, "notes"))).toThrow(/in the notes folder/);
    expect(() => guardOutDir(join(root, "dangling", "site"), join(root, "notes"))).toThrow(/in the notes folder/);
  });
});

describe("the week log is written only over what was read", () => {
  it("refuses to save a state read before a hand edit, and keeps the edit", async () => {
    const root = workspace();
    const ctx = await createContext({ dir: root, today: "2026-11-27" }, { env: {} });
    const log = saveWeekLog(ctx, readWeekLog(ctx), { week: "2026-W48", done: ["domain"], domain: "core-backend" });
    const edited = read(log.path).replace("domain: core-backend", "domain: cloud-deployment");
    writeFileSync(log.path, edited);
    expect(() => saveWeekLog(ctx, log, { ...log.state, done: ["domain", "note"], note: "x" })).toThrow(
      /2026-W48\.md changed on disk since learn read it; not written/,
    );
    expect(read(log.path)).toBe(edited);
    const fresh = readWeekLog(ctx); // read again: now it saves
    expect(saveWeekLog(ctx, fresh, { ...fresh.state, done: ["domain", "note"], note: "x" }).state.note).toBe("x");
  });

  it("refuses to create the log when another run made it meanwhile", async () => {
    const root = workspace();
    const ctx = await createContext({ dir: root, today: "2026-11-27" }, { env: {} });
    const missing = readWeekLog(ctx);
    saveWeekLog(ctx, readWeekLog(ctx), { week: "2026-W48", done: ["domain"], domain: "core-backend" });
    const theirs = read(missing.path);
    expect(() => saveWeekLog(ctx, missing, { week: "2026-W48", done: ["domain"], domain: "cloud-deployment" })).toThrow(
      /was made by another run while learn was working; not written/,
    );
    expect(read(missing.path)).toBe(theirs);
  });
});
