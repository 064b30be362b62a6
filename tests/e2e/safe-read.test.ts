import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { index } from "../../src/commands/index.js";
import { list } from "../../src/commands/list.js";
import { newNote } from "../../src/commands/new.js";
import { search } from "../../src/commands/search.js";
import { show } from "../../src/commands/show.js";
import { memoryIO } from "../../src/ui/io.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// A workspace arrives by `git clone`: its links, special files and YAML are untrusted input.
// Attacks that hung or exhausted memory on the old code run as spawned CLIs with a timeout.

const TODAY = "2026-01-05"; // ISO week 2026-W02
const WEEK_LOG = "notes/log/2026-W02.md";
const posix = process.platform !== "win32";
const hasMkfifo = posix && spawnSync("mkfifo", ["--version"]).error === undefined;

/** A file outside the workspace, holding what an attacker wants to read. */
function outsideFile(name: string, text: string): string {
  const path = join(tempDir("learn-outside-"), name);
  writeFileSync(path, text);
  return path;
}

function fifo(path: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  rmSync(path, { force: true });
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${String(r.stderr)}`);
}

/** Run the CLI with a short timeout: a hang or a runaway read shows as a kill, not a stuck suite. */
function runFast(args: string[], root: string) {
  const start = Date.now();
  const r = runCli([...args, "--dir", root, "--today", TODAY, "--no-input"], { extra: { timeout: 15_000 } });
  return { ...r, secs: (Date.now() - start) / 1000 };
}

describe.skipIf(!posix)("links out of the workspace", () => {
  it("does not index, show or search notes/x.md linked to a file outside, and reports it", async () => {
    const secret = outsideFile("passwd", "root:x:0:0:root:/root:/bin/bash rootsecretword\n");
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    symlinkSync(secret, join(root, "notes/x.md"));
    const stats = await index({ dir: root }, memoryIO());
    expect(stats.problems).toContainEqual(
      expect.objectContaining({ path: "notes/x.md", reason: expect.stringMatching(/outside the workspace: skipped/) }),
    );
    expect((await search({ dir: root, query: ["rootsecretword"] }, memoryIO())).length).toBe(0);
    await expect(show({ dir: root, slug: "x" }, memoryIO())).rejects.toThrow(/no note with slug or id x/);
    expect((await list({ dir: root }, memoryIO())).map((n) => n.path)).toEqual(["notes/a.md"]);
  });

  it("skips a symlinked outside folder's notes, and follows it with follow_symlinks_outside: true", async () => {
    const outside = tempDir("learn-outside-");
    writeFileSync(join(outside, "o.md"), noteText({ title: "Outside", visibility: "public" }));
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    symlinkSync(outside, join(root, "notes/ext"));
    symlinkSync("/dev/zero", join(root, "notes/z.md"));
    const stats = await index({ dir: root }, memoryIO());
    expect(stats.problems.map((p) => [p.path, p.reason])).toEqual([
      ["notes/ext/", expect.stringMatching(/^symlink to .* points outside the workspace: skipped/)],
      ["notes/z.md", expect.stringMatching(/^symlink to \/dev\/zero points outside the workspace: skipped/)],
    ]);
    expect((await list({ dir: root }, memoryIO())).map((n) => n.path)).toEqual(["notes/a.md"]);

    writeFileSync(join(root, "learn.config.yaml"), "follow_symlinks_outside: true\n");
    const followed = await index({ dir: root }, memoryIO());
    expect((await list({ dir: root }, memoryIO())).map((n) => n.path)).toEqual(["notes/a.md", "notes/ext/o.md"]);
    // Followed or not, a device is never read.
    expect(followed.problems.map((p) => [p.path, p.reason])).toEqual([
      ["notes/z.md", "a character device, not a regular file: skipped"],
    ]);
  });

  it("uses the index's discovery for new notes' slugs: a note in a linked folder inside the workspace is seen", async () => {
    const root = workspace({ "shared/kafka.md": noteText({ title: "Kafka" }) });
    symlinkSync(join(root, "shared"), join(root, "notes/shared"));
    const made = await newNote(
      { dir: root, today: TODAY, type: "doc", title: "Kafka", domain: "core-backend", input: false },
      memoryIO(),
    );
    expect(made.slug).toBe("kafka-2");
    expect((await list({ dir: root }, memoryIO())).map((n) => n.slug).sort()).toEqual(["kafka", "kafka-2"]);
  });

  it("refuses a templates/doc.md linked to a file outside instead of copying it into the new note", async () => {
    const secret = outsideFile("id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nsecretkeymaterial\n");
    const root = workspace({ "templates/.keep": "" });
    symlinkSync(secret, join(root, "templates/doc.md"));
    await expect(
      newNote({ dir: root, today: TODAY, type: "doc", title: "T", domain: "core-backend", input: false }, memoryIO()),
    ).rejects.toThrow(/^cannot read templates\/doc\.md: symlink to .* points outside the workspace$/);
    const made = readdirSync(join(root, "notes"), { recursive: true }).map(String);
    expect(made.filter((f) => f.endsWith(".md"))).toEqual([]);
  });
});

describe.skipIf(!posix)("special files", () => {
  // Each grew the process to 10-16 GB and aborted with std::bad_alloc.
  it.each([
    ["revisits.jsonl", ["revisit"], /^learn: cannot read revisits\.jsonl: symlink to \/dev\/zero points outside/m],
    [
      "learn.config.yaml",
      ["list"],
      /^learn: .*learn\.config\.yaml: cannot read: symlink to \/dev\/zero points outside/m,
    ],
    ["templates/doc.md", ["new", "doc", "T", "--domain", "core-backend"], /^learn: cannot read templates\/doc\.md: /m],
    [WEEK_LOG, ["week"], /^learn: cannot read notes\/log\/2026-W02\.md: symlink to \/dev\/zero points outside/m],
  ])("a %s linked to /dev/zero is refused at once", (file, args, message) => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    mkdirSync(join(root, file, ".."), { recursive: true });
    rmSync(join(root, file), { force: true });
    symlinkSync("/dev/zero", join(root, file));
    const r = runFast(args, root);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    expect(r.secs).toBeLessThan(10);
  });

  it("ignores a .learn/config.json cache linked to /dev/zero (a cache may come with a clone too)", () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    mkdirSync(join(root, ".learn"));
    symlinkSync("/dev/zero", join(root, ".learn/config.json"));
    const r = runFast(["list", "--format", "paths"], root);
    expect(r.stdout).toBe("notes/a.md\n");
    expect(r.code).toBe(0);
  });

  it.skipIf(!hasMkfifo)("reports a FIFO named like a note instead of reading it", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    fifo(join(root, "notes/f.md"));
    const stats = await index({ dir: root }, memoryIO());
    expect(stats.problems).toEqual([
      { path: "notes/f.md", reason: "a FIFO (named pipe), not a regular file: skipped", severity: "warning" },
    ]);
  });

  it.skipIf(!hasMkfifo).each([
    [
      "learn.config.yaml",
      ["list"],
      /^learn: .*learn\.config\.yaml: cannot read: a FIFO \(named pipe\), not a regular/m,
    ],
    ["revisits.jsonl", ["revisit"], /^learn: cannot read revisits\.jsonl: a FIFO/m],
    [WEEK_LOG, ["week"], /^learn: cannot read notes\/log\/2026-W02\.md: a FIFO/m],
    [
      "templates/doc.md",
      ["new", "doc", "T", "--domain", "core-backend"],
      /^learn: cannot read templates\/doc\.md: a FIFO/,
    ],
  ])("a FIFO as %s fails at once instead of hanging", (file, args, message) => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    fifo(join(root, file));
    const r = runFast(args, root);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
  });
});

describe("YAML limits on week logs", () => {
  // 9 levels of 9 aliases: a few hundred bytes that expand to 9^9 strings.
  const bomb = (): string => {
    const lines = ["---", "week: 2026-W02", `a: &a [${Array(9).fill('"lol"').join(",")}]`];
    const names = "abcdefghi";
    for (let i = 1; i < names.length; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(",")}]`,
      );
    lines.push("steps: *i", "domain: *i", "---", "");
    return lines.join("\n");
  };

  it("makes status and week fail fast on an alias bomb in the week log, naming file and line", () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }), [WEEK_LOG]: bomb() });
    expect(bomb().length).toBeLessThan(600);
    const week = runFast(["week"], root);
    expect(week.stderr).toMatch(
      /^learn: notes\/log\/2026-W02\.md:\d+: broken YAML front matter: aliases expand to more/,
    );
    expect(week.code).toBe(1);
    expect(week.secs).toBeLessThan(10);
    const status = runFast(["status"], root);
    expect(status.stdout).toMatch(/notes\/log\/2026-W02\.md:\d+: broken YAML front matter: aliases expand to more/);
    expect(status.secs).toBeLessThan(10);
  });
});

describe("show of a note over 1 MiB", () => {
  it("says the body is truncated, in text and in --json", async () => {
    const big = "word ".repeat(300_000); // 1.5 MB
    const root = workspace({ "notes/big.md": noteText({ title: "Big" }, `${big}\nTHE-END\n`) });
    const io = memoryIO();
    const data = await show({ dir: root, slug: "big" }, io);
    expect(data.body).not.toContain("THE-END");
    expect(io.stdout.join("")).toMatch(
      /… truncated at 1 MiB: the note is 1\.4 MiB; open notes\/big\.md to read the rest\n$/,
    );
    const json = memoryIO();
    await show({ dir: root, slug: "big", json: true }, json);
    expect(JSON.parse(json.stdout.join(""))).toMatchObject({ truncated: true });
    const small = workspace({ "notes/s.md": noteText({ title: "S" }) });
    const plain = memoryIO();
    await show({ dir: small, slug: "s", json: true }, plain);
    expect(JSON.parse(plain.stdout.join(""))).toMatchObject({ truncated: false });
    expect(existsSync(join(root, "notes/big.md")) && readFileSync(join(root, "notes/big.md"), "utf8")).toContain(
      "THE-END",
    );
  });
});
