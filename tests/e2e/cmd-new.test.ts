import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newNote, type NewOptions, type NewResult } from "../../src/commands/new.js";
import { week } from "../../src/commands/week.js";
import { parseNote } from "../../src/core/note-parse.js";
import { createNoteFile } from "../../src/workspace/note-files.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// Most cases call the command in-process; a few spawn the CLI for the printed path, exit codes,
// commander's own errors and finding the workspace from the current folder.
const learnNew = (root: string, opts: Omit<NewOptions, "dir">, env: Record<string, string> = {}) =>
  call(newNote, { dir: root, ...opts }, env);
const made = async (root: string, opts: Omit<NewOptions, "dir">): Promise<NewResult> =>
  jsonOf<NewResult>(await learnNew(root, { ...opts, json: true }));
/** A note's path relative to its workspace. */
const rel = (root: string, path: string) => path.slice(root.length + 1);

const notesIn = (root: string): string[] =>
  (readdirSync(join(root, "notes"), { recursive: true }) as string[]).filter((f) => f.endsWith(".md")).sort();

describe("learn new", () => {
  it("writes a doc under notes/<domain>/ with every field, prints the path", () => {
    const root = workspace();
    const r = runCli(
      [
        "new",
        "note",
        "HTTP caching: the mental model",
        "--domain",
        "core-backend",
        "--difficulty",
        "advanced",
        "--status",
        "budding",
        "--visibility",
        "public",
        "--roles",
        "backend,cloud",
        "--tags",
        "http, caching",
        "--summary",
        "How caches decide.",
      ],
      { cwd: root, env: { LEARN_TODAY: "2026-11-27" } },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("notes/core-backend/http-caching-the-mental-model.md");
    const note = parseNote(readFileSync(join(root, r.stdout.trim()), "utf8"), "x");
    expect(note.warnings).toEqual([]);
    expect(note.data).toMatchObject({
      title: "HTTP caching: the mental model",
      type: "doc",
      status: "budding",
      visibility: "public",
      domain: "core-backend",
      difficulty: "advanced",
      roles: ["backend", "cloud"],
      tags: ["http", "caching"],
      summary: "How caches decide.",
      published: "2026-11-27",
      updated: "2026-11-27",
    });
    expect(note.data.id).toMatch(/^[0-9a-z]{8}$/);
    expect(note.body).toContain("## Goal");
  });

  it("defaults to a private seedling and gives a taken slug -2", async () => {
    const root = workspace({ "notes/other/queues.md": "---\ntitle: Queues\n---\n" });
    const out = await made(root, { type: "doc", title: "Queues", domain: "cloud-deployment" });
    expect(out).toMatchObject({ slug: "queues-2", type: "doc", domain: "cloud-deployment", title: "Queues" });
    const note = parseNote(readFileSync(out.path, "utf8"), "x");
    expect(note.data).toMatchObject({ status: "seedling", visibility: "private", difficulty: "intermediate" });
  });

  it("makes this week's log, the one learn week keeps, when a log has no title; finds it the second time", async () => {
    const root = workspace();
    const env = { LEARN_TODAY: "2027-01-01" };
    const r = await learnNew(root, { type: "log", json: true }, env);
    expect(rel(root, jsonOf<NewResult>(r).path)).toBe("notes/log/2026-W53.md");
    const text = readFileSync(join(root, "notes/log/2026-W53.md"), "utf8");
    expect(parseNote(text, "x").data).toMatchObject({ type: "log", title: "Week 2026-W53", revisit: false });
    const again = await learnNew(root, { type: "log", json: true }, env);
    expect(again.code).toBe(0);
    expect(rel(root, jsonOf<NewResult>(again).path)).toBe("notes/log/2026-W53.md");
    expect(again.stderr).toMatch(/^this week's log already exists: (.*\/)?notes\/log\/2026-W53\.md\n$/);
    expect(readFileSync(join(root, "notes/log/2026-W53.md"), "utf8")).toBe(text);
    expect((await call(week, { dir: root, status: true }, env)).stdout).toContain("2026-W53");
  });

  it("puts a titled log note in notes/log/", async () => {
    const root = workspace();
    expect(rel(root, (await made(root, { type: "log", title: "Week 1: ramp" })).path)).toBe("notes/log/week-1-ramp.md");
  });

  it("uses the workspace's own template over the bundled one", async () => {
    const root = workspace({
      "templates/cheatsheet.md":
        "---\nstatus: budding\nsource_book: SRE\n---\n# {{title}} for {{domainName}}\n- [ ] one\n",
    });
    const r = await made(root, { type: "cheatsheet", title: "Retries", domain: "security-reliability" });
    const text = readFileSync(r.path, "utf8");
    expect(text).toContain("source_book: SRE");
    expect(text).toContain("# Retries for Security and reliability\n- [ ] one\n");
  });

  it("finds the workspace from a subfolder and from LEARN_DIR", async () => {
    const root = workspace();
    expect(runCli(["new", "doc", "A", "--domain", "core-backend"], { cwd: join(root, "notes") }).code).toBe(0);
    const fromEnv = { type: "doc", title: "B", domain: "core-backend" };
    expect((await call(newNote, fromEnv, { LEARN_DIR: root })).code).toBe(0);
    expect(notesIn(root)).toEqual(["core-backend/a.md", "core-backend/b.md"]);
  });

  it("opens the new note in $EDITOR with --edit", async () => {
    const root = workspace();
    const marker = join(tempDir(), "edited");
    const r = await learnNew(
      root,
      { type: "doc", title: "Edit me", domain: "core-backend", edit: true },
      { EDITOR: `sh -c 'echo "$1" > "${marker}"' --` },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(marker, "utf8").trim()).toBe(join(root, "notes/core-backend/edit-me.md"));
  });

  describe("bad input: a clear message, exit code, nothing written", () => {
    it.each([
      [
        { type: "essay", title: "T", domain: "core-backend" },
        2,
        "learn: unknown note type: essay (use one of doc (or note), cheatsheet, blog, log, roadmap, checklist)",
      ],
      [
        { type: "doc", title: "T", domain: "frontend" },
        2,
        "learn: unknown domain: frontend (use one of core-backend, cloud-deployment, ai-infrastructure, security-reliability)",
      ],
      [{ type: "doc", title: "   ", domain: "core-backend" }, 2, "learn: missing title"],
      [{ type: "doc", domain: "core-backend" }, 2, "learn: missing title"],
      [{ type: "doc", title: "T" }, 2, "learn: missing --domain (use one of core-backend"],
      [
        { type: "doc", title: "🚀🔥", domain: "core-backend" },
        2,
        'learn: title "🚀🔥" has no letters or digits to make a file name from (add a word to the title, or pass --slug)',
      ],
      [
        { type: "doc", title: "T", domain: "core-backend", roles: "chef" },
        2,
        "learn: unknown role: chef (use one of backend, cloud, data, ai-api, production-infrastructure)",
      ],
    ])("learn new %j exits %i", async (opts, code, message) => {
      const root = workspace();
      const r = await learnNew(root, opts as NewOptions);
      expect(r.code).toBe(code);
      expect(r.stderr.startsWith(message)).toBe(true);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(notesIn(root)).toEqual([]);
    });

    it.each([
      [["new", "essay", "T", "--domain", "core-backend"], "learn: unknown note type: essay (use one of"],
      [["new", "doc", "T", "--domain", "core-backend", "--bogus"], "learn: unknown option '--bogus'"],
    ])("the CLI exits 2 for learn %j, one line on stderr, nothing on stdout", (args, message) => {
      const root = workspace();
      const r = runCli(args, { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(message)).toBe(true);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(notesIn(root)).toEqual([]);
    });

    it("keeps a path-like or reserved title inside notes/", async () => {
      const root = workspace();
      const path = async (title: string) =>
        rel(root, (await made(root, { type: "doc", title, domain: "core-backend" })).path);
      expect(await path("../../etc/passwd")).toBe("notes/core-backend/etc-passwd.md");
      expect(await path("CON")).toBe("notes/core-backend/con-note.md");
      expect(notesIn(root)).toEqual(["core-backend/con-note.md", "core-backend/etc-passwd.md"]);
    });

    it("never overwrites an existing file named with --slug", async () => {
      const root = workspace({ "notes/core-backend/mine.md": "my words\n" });
      const r = await learnNew(root, { type: "doc", title: "T", domain: "core-backend", slug: "mine" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^learn: .*notes\/core-backend\/mine\.md already exists \(pick another title or pass --slug\)\n$/,
      );
      expect(readFileSync(join(root, "notes/core-backend/mine.md"), "utf8")).toBe("my words\n");
    });

    it("says `learn init` when no workspace is found", () => {
      const r = runCli(["new", "doc", "T", "--domain", "core-backend"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^learn: no workspace found from .* \(run `learn init` to make one, or pass --dir\)\n$/);
    });

    it("names a missing --dir", async () => {
      const r = await learnNew("/nonexistent/x", { type: "doc", title: "T", domain: "core-backend" });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "learn: --dir /nonexistent/x: no such folder (check the path, or run `learn init /nonexistent/x`)\n",
      );
    });

    it("names the bad key of an invalid learn.config.yaml", () => {
      const root = workspace({}, { config: "domains:\n  core-backend: Core\nrevisit:\n  retention: 7\n" });
      const r = runCli(["new", "doc", "T", "--domain", "core-backend"], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "learn: learn.config.yaml: revisit.retention: must be between 0.5 and 1 (fix learn.config.yaml, or delete it to use the defaults)\n",
      );
      expect(notesIn(root)).toEqual([]);
    });

    it("sees every edit of learn.config.yaml, though the validated config is cached in .learn/", async () => {
      const root = workspace({}, { config: "domains:\n  rust: Rust\n" });
      mkdirSync(join(root, ".learn"));
      expect((await learnNew(root, { type: "doc", title: "A", domain: "rust" })).code).toBe(0);
      expect(existsSync(join(root, ".learn", "config.json"))).toBe(true);
      writeFileSync(join(root, "learn.config.yaml"), "domains:\n  go: Go\n");
      const r = await learnNew(root, { type: "doc", title: "B", domain: "rust" });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("learn: unknown domain: rust (use one of go)\n");
      writeFileSync(join(root, "learn.config.yaml"), "domains:\n  go: Go\nbogus: 1\n");
      expect((await learnNew(root, { type: "doc", title: "B", domain: "go" })).stderr).toMatch(
        /^learn: (.*\/)?learn\.config\.yaml: bogus: unknown key/,
      );
    });

    it("reports a read-only notes/ folder", () => {
      const root = workspace();
      const notes = join(root, "notes");
      chmodSync(notes, 0o555);
      chmodSync(root, 0o755);
      // Root ignores file modes: there, only this one synchronous write runs as nobody (the effective
      // uid is switched back at once), so no second process has to read the checkout.
      const asNobody = <T>(write: () => T): T => {
        if (process.getuid?.() !== 0 || !process.seteuid) return write();
        process.seteuid(65534);
        try {
          return write();
        } finally {
          process.seteuid(0);
        }
      };
      let thrown: unknown;
      try {
        asNobody(() => createNoteFile(notes, "core-backend/t.md", "---\ntitle: T\n---\n"));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toMatchObject({
        message: expect.stringMatching(/^cannot write .*notes\/core-backend\/t\.md: permission denied$/),
        hint: "check that the notes folder is writable",
        exitCode: 1,
      });
      expect(existsSync(join(root, "notes/core-backend"))).toBe(false);
    });

    it("reports a file standing where the domain folder should be", async () => {
      const root = workspace();
      writeFileSync(join(root, "notes", "core-backend"), "x");
      const r = await learnNew(root, { type: "doc", title: "T", domain: "core-backend" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^learn: cannot write .*: /);
    });
  });
});
