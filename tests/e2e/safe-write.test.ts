import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { publish } from "../../src/commands/publish.js";
import { index as learnIndex } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { newNote } from "../../src/commands/new.js";
import { revisit } from "../../src/commands/revisit.js";
import { week, type WeekOptions } from "../../src/commands/week.js";
import { memoryIO } from "../../src/ui/io.js";
import { call } from "../helpers/in-process.js";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Issue 10: every file learn writes goes through one safe writer. Each test here is an
// attack or an accident that reached outside a folder, wrote through a link, or left a
// torn or truncated file before.

const note = (title: string, extra: Record<string, unknown> = {}) =>
  noteText({ title, type: "doc", visibility: "public", domain: "core-backend", published: "2026-11-01", ...extra });
const read = (p: string) => readFileSync(p, "utf8");
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes(".learn-tmp-"));
// In-process runs of the commands (real files, real SQLite) for the set-up and follow-up steps; the
// processes spawned below are the ones a test is about (a kill, a file size limit, a terminal).
const TODAY = "2026-11-27";
const learnWeek = (root: string, opts: Omit<WeekOptions, "dir">) => call(week, { dir: root, today: TODAY, ...opts });
const learnNewDoc = (root: string, title: string) =>
  call(newNote, { dir: root, today: TODAY, type: "doc", title, domain: "core-backend" });
const learnUsed = (root: string, slug: string, usedIn: string) =>
  call(revisit, { dir: root, today: TODAY, slug, usedIn });

/** Publish in-process from the workspace root; returns what it threw, if anything. */
async function publishIn(root: string, opts: { out?: string; force?: boolean } = {}): Promise<Error | undefined> {
  try {
    await publish({ dir: root, cwd: root, today: "2026-11-27", ...opts }, memoryIO());
    return undefined;
  } catch (err) {
    return err as Error;
  }
}

describe("publish stays inside its folder (issue 10, items 1 and 2)", () => {
  it("never deletes what a tampered marker lists outside the site; refuses, and deletes nothing", async () => {
    const parent = tempDir();
    const root = join(parent, "ws");
    mkdirSync(join(root, "notes", "core-backend"), { recursive: true });
    writeFileSync(join(root, "learn.config.yaml"), "");
    writeFileSync(join(root, "notes", "core-backend", "a.md"), note("A"));
    writeFileSync(join(root, "notes", "core-backend", "keep.md"), note("Keep", { visibility: "private" }));
    writeFileSync(join(parent, "victim.txt"), "not learn's");
    expect(await publishIn(root)).toBeUndefined();
    const marker = join(root, "site", ".learn-site");
    const listed = JSON.parse(read(marker)).files as string[];
    for (const evil of [
      ["../notes/core-backend/keep.md", "../learn.config.yaml", "../../victim.txt"],
      ["/etc/hostname"],
      ["notes/../../learn.config.yaml"],
      ["..\\learn.config.yaml"],
      ["./index.html"],
    ]) {
      writeFileSync(marker, JSON.stringify({ generator: "learn publish", files: [...listed, ...evil] }));
      const err = await publishIn(root);
      expect(err?.message).toMatch(
        /\.learn-site: it lists .*, not a plain path inside the site; publish does not trust it/,
      );
    }
    expect(read(join(root, "notes", "core-backend", "keep.md"))).toBe(note("Keep", { visibility: "private" }));
    expect(existsSync(join(root, "learn.config.yaml"))).toBe(true);
    expect(read(join(parent, "victim.txt"))).toBe("not learn's");
  });

  it("removes only regular files it listed: a listed link or folder is left alone", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A"), "notes/core-backend/b.md": note("B") });
    expect(await publishIn(root)).toBeUndefined();
    const site = join(root, "site");
    const marker = join(site, ".learn-site");
    const m = JSON.parse(read(marker));
    // A marker that claims a link and a folder as publish's own: neither may be deleted.
    symlinkSync(join(root, "notes", "core-backend", "a.md"), join(site, "old-link.html"));
    mkdirSync(join(site, "old-folder"));
    writeFileSync(join(site, "old-folder", "x"), "x");
    writeFileSync(marker, JSON.stringify({ ...m, files: [...m.files, "old-link.html", "old-folder"] }));
    writeFileSync(join(root, "notes", "core-backend", "b.md"), note("B", { visibility: "private" }));
    expect(await publishIn(root, { force: true })).toBeUndefined();
    expect(existsSync(join(site, "old-link.html"))).toBe(true);
    expect(read(join(site, "old-folder", "x"))).toBe("x");
    expect(existsSync(join(site, "notes", "b.html"))).toBe(false); // its own old page still goes
    expect(read(join(root, "notes", "core-backend", "a.md"))).toBe(note("A"));
  });

  it("refuses a marker that is a link (it would overwrite learn.config.yaml)", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") }, { config: "# mine\n" });
    mkdirSync(join(root, "site"));
    symlinkSync(join(root, "learn.config.yaml"), join(root, "site", ".learn-site"));
    const err = await publishIn(root);
    expect(err?.message).toMatch(/site\/\.learn-site: it is a symbolic link; publish does not trust it/);
    expect(read(join(root, "learn.config.yaml"))).toBe("# mine\n");
  });

  it("never writes through a listed site/feed.xml link (it would replace a note with the feed)", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    expect(await publishIn(root)).toBeUndefined();
    const feed = join(root, "site", "feed.xml");
    const victim = join(root, "notes", "core-backend", "a.md");
    rmSync(feed);
    symlinkSync(victim, feed);
    const err = await publishIn(root);
    expect(err?.message).toMatch(
      /cannot write .*site\/feed\.xml: it is a symbolic link; learn never writes through a link/,
    );
    expect(read(victim)).toBe(note("A"));
  });

  it("never writes into an outside folder through a site/assets link, even with --force", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    const outside = tempDir();
    mkdirSync(join(root, "site"));
    symlinkSync(outside, join(root, "site", "assets"));
    const err = await publishIn(root, { force: true });
    expect(err?.message).toMatch(/cannot write .*site\/assets\/[\w.]+: .*site\/assets is a link to .*, outside/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(root, "site"))).toEqual(["assets"]); // refused before anything was written
  });

  it("refuses a default site/ that is a link out of the workspace; an explicit --out there is the user's choice", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    const outside = tempDir();
    symlinkSync(outside, join(root, "site"));
    const err = await publishIn(root);
    expect(err?.message).toMatch(/^site is a link to .*, outside the workspace; nothing was written$/);
    expect(readdirSync(outside)).toEqual([]);
    expect(await publishIn(root, { out: outside })).toBeUndefined();
    expect(existsSync(join(outside, "index.html"))).toBe(true);
  });

  it("refuses --out n/sub when n is a link to notes/ (item 6)", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    symlinkSync(join(root, "notes"), join(root, "n"));
    const err = await publishIn(root, { out: "n/sub" });
    expect(err?.message).toBe("--out n/sub: the site cannot go in the notes folder");
    expect(existsSync(join(root, "notes", "sub"))).toBe(false);
  });
});

describe("a full disk or a kill never leaves a torn or truncated file (issue 10, item 5)", () => {
  const env = { LEARN_TODAY: "2026-11-27" };
  const seeded = () => workspace({ "notes/core-backend/a.md": note("A", { id: "aaaa1111" }) });

  it("cuts a short append to revisits.jsonl back (a real file size limit) and says nothing was recorded", async () => {
    const root = seeded();
    expect((await call(learnIndex, { dir: root })).code).toBe(0);
    const limit = 256 * 1024;
    const index = statSync(join(root, ".learn", "index.db")).size;
    expect(index).toBeLessThan(limit); // only the log may hit the limit
    const line = `${JSON.stringify({ v: 1, event: "revisit", note: "aaaa1111", slug: "a", date: "2026-11-01", rating: "good" })}\n`;
    const log = join(root, "revisits.jsonl");
    writeFileSync(log, line.repeat(Math.floor((limit - 100) / line.length)));
    const before = read(log);
    // RLIMIT_FSIZE: the write stops at the limit (a short write), then fails with EFBIG, as a full disk does.
    const r = spawnSync(
      "bash",
      ["-c", `ulimit -f ${limit / 1024}; exec "$0" "$@"`, process.execPath, BIN, "used", "a", "--in", "x".repeat(400)],
      { cwd: root, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: tempDir(), ...env }, encoding: "utf8" },
    );
    expect(r.stderr).toMatch(
      /^learn: cannot write revisits\.jsonl: the file size limit was reached \(nothing was recorded; /,
    );
    expect(r.status).toBe(1);
    expect(read(log)).toBe(before); // no torn line
  });

  it("says the disk is full (not 'check the folder is writable') when an append fails with ENOSPC", async () => {
    const root = seeded();
    process.env.LEARN_TEST_FAULT = "ENOSPC:revisits.jsonl"; // the fault hook reads this process's environment
    let r;
    try {
      r = await learnUsed(root, "a", "the billing service");
    } finally {
      delete process.env.LEARN_TEST_FAULT;
    }
    expect(r.stderr).toMatch(
      /^learn: cannot write revisits\.jsonl: the disk is full \(nothing was recorded; free some space, then run the command again\)\n$/m,
    );
    expect(r.stderr).not.toMatch(/writable/);
    expect(r.code).toBe(1);
    expect(existsSync(join(root, "revisits.jsonl")) ? read(join(root, "revisits.jsonl")) : "").toBe("");
  });

  it("keeps the previous good feed.xml when a publish fails half-way through writing it", async () => {
    const root = seeded();
    expect(await publishIn(root)).toBeUndefined();
    const feed = join(root, "site", "feed.xml");
    const good = read(feed);
    writeFileSync(join(root, "notes", "core-backend", "b.md"), note("B"));
    process.env.LEARN_TEST_FAULT = "ENOSPC:feed.xml";
    try {
      const err = await publishIn(root);
      expect(err?.message).toMatch(/cannot write .*site\/feed\.xml: the disk is full/);
    } finally {
      delete process.env.LEARN_TEST_FAULT;
    }
    expect(read(feed)).toBe(good);
    expect(temps(join(root, "site"))).toEqual([]);
  });

  /** Start learn, wait until the fault hook pauses it half-way through writing `name`, then kill -9 it. */
  async function killMidWrite(root: string, args: string[], name: string): Promise<void> {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: tempDir(), ...env, LEARN_TEST_FAULT: `pause:${name}` },
    });
    let err = "";
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_c, sig) => resolve(sig)));
    const paused = await new Promise<boolean>((resolve) => {
      child.stderr.on("data", (d) => {
        err += String(d);
        if (err.includes("learn-test-paused")) resolve(true);
      });
      child.on("exit", () => resolve(false));
    });
    expect(paused, `learn never paused in ${name}; stderr: ${err}`).toBe(true);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
  }

  it("kill -9 during learn new leaves no truncated note, and the next write cleans the temp file", async () => {
    const root = seeded();
    const dir = join(root, "notes", "core-backend");
    await killMidWrite(root, ["new", "doc", "Half written", "--domain", "core-backend"], "half-written.md");
    expect(existsSync(join(dir, "half-written.md"))).toBe(false);
    expect(temps(dir)).toHaveLength(1); // the kill landed mid-write
    expect((await learnNewDoc(root, "Next one")).code).toBe(0);
    expect(temps(dir)).toEqual([]);
    expect((await learnNewDoc(root, "Half written")).code).toBe(0);
    expect(read(join(dir, "half-written.md"))).toMatch(/^---\n[\s\S]*title: Half written[\s\S]*\n---\n/);
  });

  it("kill -9 during a week-log update leaves the old log whole, and the next update cleans up", async () => {
    const root = seeded();
    expect((await learnWeek(root, { domain: "core-backend" })).code).toBe(0);
    const logDir = join(root, "notes", "log");
    const log = join(logDir, "2026-W48.md");
    const before = read(log);
    await killMidWrite(root, ["week", "--note", "a"], "2026-W48.md");
    expect(read(log)).toBe(before);
    expect(temps(logDir)).toHaveLength(1);
    const again = runCli(["week", "--note", "a"], { cwd: root, env }); // a new process, as after a crash
    expect(again.code).toBe(0);
    expect(temps(logDir)).toEqual([]);
    expect(read(log)).toMatch(/note: a\n/);
  });
});

const pty = await loadPty();

describe.skipIf(!pty)("learn week never reverts a change made while a prompt waited (issue 10, item 3)", () => {
  const env = { LEARN_TODAY: "2026-11-27" };
  const logWithDomain = async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    expect((await learnWeek(root, { domain: "core-backend" })).code).toBe(0);
    return { root, log: join(root, "notes", "log", "2026-W48.md") };
  };

  it("keeps a hand edit of domain: made while step 2 was asked, and refuses the step", async () => {
    const { root, log } = await logWithDomain();
    const s = spawnLearn(pty!, ["week"], { cwd: root, env });
    await s.waitFor("Step 2/5");
    const edited = read(log).replace("domain: core-backend", "domain: cloud-deployment");
    writeFileSync(log, edited);
    s.write(KEY.enter); // write a new note
    await s.waitFor("Title of the new public note");
    s.write("Queue retries");
    s.write(KEY.enter);
    await s.waitFor("Type");
    s.write(KEY.enter);
    await s.waitFor("Difficulty");
    s.write(KEY.enter);
    await s.waitFor("changed on disk since learn read it");
    expect(await s.exit()).toBe(1);
    expect(read(log)).toBe(edited);
    expect(existsSync(join(root, "notes", "core-backend", "queue-retries.md"))).toBe(false); // refused before it began
  });

  it("does not replace a concurrent run's finished step 2", async () => {
    const { root, log } = await logWithDomain();
    const s = spawnLearn(pty!, ["week"], { cwd: root, env });
    await s.waitFor("Step 2/5");
    s.write(KEY.enter);
    await s.waitFor("Title of the new public note");
    const other = await learnWeek(root, { title: "Other run's note" });
    expect(other.code).toBe(0);
    const theirs = read(log);
    expect(theirs).toMatch(/note: other-run-s-note|note: other-runs-note/);
    s.write("Mine");
    s.write(KEY.enter);
    await s.waitFor("Type");
    s.write(KEY.enter);
    await s.waitFor("Difficulty");
    s.write(KEY.enter);
    await s.waitFor("changed on disk since learn read it");
    expect(await s.exit()).toBe(1);
    expect(read(log)).toBe(theirs);
    expect(existsSync(join(root, "notes", "core-backend", "mine.md"))).toBe(false);
  });
});

describe("init, notes and the revisit log never write through a link (issue 10, one safe writer)", () => {
  afterEach(() => delete process.env.LEARN_TEST_FAULT);

  it("init --templates refuses a templates/ link to an outside folder", async () => {
    const root = tempDir();
    const outside = tempDir();
    symlinkSync(outside, join(root, "templates"));
    await expect(init({ target: root, templates: true }, memoryIO())).rejects.toThrow(
      /cannot write .*templates\/.*\.md: .*templates is a link to .*, outside/,
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  it("init refuses a .gitignore link instead of appending to its target", async () => {
    const root = tempDir();
    const outside = join(tempDir(), "elsewhere");
    writeFileSync(outside, "# someone else's\n");
    symlinkSync(outside, join(root, ".gitignore"));
    await expect(init({ target: root }, memoryIO())).rejects.toThrow(/\.gitignore: it is a symbolic link/);
    expect(read(outside)).toBe("# someone else's\n");
  });

  it("learn new refuses a domain folder that is a link out of notes/", async () => {
    const root = workspace();
    const outside = tempDir();
    symlinkSync(outside, join(root, "notes", "core-backend"));
    const r = await learnNewDoc(root, "T");
    expect(r.stderr).toMatch(/^learn: cannot write .*notes\/core-backend\/t\.md: .*notes\/core-backend is a link to/);
    expect(r.code).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("a revisits.jsonl link is refused, not followed", async () => {
    const root = workspace({ "notes/core-backend/a.md": note("A") });
    const outside = join(tempDir(), "victim");
    writeFileSync(outside, "theirs\n");
    symlinkSync(outside, join(root, "revisits.jsonl"));
    const r = await learnUsed(root, "a", "x");
    // the reader refuses it before the writer is reached; either way the outside file is untouched
    expect(r.stderr).toMatch(
      /(cannot write .*revisits\.jsonl: it is a symbolic link|cannot read revisits\.jsonl: symlink to .* points outside)/,
    );
    expect(r.code).toBe(1);
    expect(read(outside)).toBe("theirs\n");
  });
});
