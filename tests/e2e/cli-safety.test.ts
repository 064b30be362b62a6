import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { check } from "../../src/commands/check.js";
import { index } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { list } from "../../src/commands/list.js";
import { newNote } from "../../src/commands/new.js";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { show } from "../../src/commands/show.js";
import { status } from "../../src/commands/status.js";
import { week } from "../../src/commands/week.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { memoryIO, type IO } from "../../src/ui/io.js";
import { makeTheme } from "../../src/ui/theme.js";
import { resolveToday } from "../../src/workspace/context.js";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const TODAY = "2026-06-03";
const pty = await loadPty();

// ─── issue 10 item 10: config is data ──────────────────────────────────────────────────────────

/** A workspace whose committed config names an "editor" that leaves a marker file when run. */
function editorWorkspace(): { root: string; marker: string } {
  const root = workspace();
  const marker = join(root, "editor-ran");
  const script = join(root, "editor.sh");
  writeFileSync(script, `#!/bin/sh\necho "$1" > '${marker}'\n`, { mode: 0o755 });
  writeFileSync(join(root, "learn.config.yaml"), `editor: ${script}\n`);
  return { root, marker };
}

describe("item 10: editor: from a workspace config runs only once the workspace is trusted", () => {
  const opts = (root: string) =>
    ({ dir: root, type: "note", title: "Cloned note", domain: "core-backend", edit: true, today: TODAY }) as const;

  it("is ignored with a one-line notice when the config is not trusted (new --edit)", async () => {
    const { root, marker } = editorWorkspace();
    const io = memoryIO({ HOME: tempDir("learn-home-") });
    await expect(newNote(opts(root), io)).rejects.toThrow(/no editor set/);
    expect(existsSync(marker)).toBe(false);
    expect(io.stderr.join("")).toMatch(
      /ignoring `editor:` in .*learn\.config\.yaml: this workspace's config is not trusted/,
    );
    expect(readdirSync(join(root, "notes", "core-backend"))).toEqual(["cloned-note.md"]); // the note is still made
  });

  it("runs with LEARN_TRUST=1, and $VISUAL/$EDITOR run whatever the config says", async () => {
    const { root, marker } = editorWorkspace();
    await newNote(opts(root), memoryIO({ LEARN_TRUST: "1" }));
    expect(readFileSync(marker, "utf8")).toContain("cloned-note.md");

    const other = editorWorkspace();
    const mine = join(other.root, "mine-ran");
    writeFileSync(join(other.root, "mine.sh"), `#!/bin/sh\ntouch '${mine}'\n`, { mode: 0o755 });
    await newNote(opts(other.root), memoryIO({ EDITOR: join(other.root, "mine.sh") }));
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(other.marker)).toBe(false);
  });

  it.skipIf(!pty)("asks once at a terminal and remembers the config's hash in the user's config folder", async () => {
    const { root, marker } = editorWorkspace();
    const home = tempDir("learn-home-");
    const env = { LEARN_TODAY: TODAY, HOME: home, XDG_CONFIG_HOME: join(home, ".config") };
    const s = spawnLearn(
      pty!,
      ["new", "note", "First", "--domain", "core-backend", "--difficulty", "beginner", "--roles", "", "--edit"],
      {
        cwd: root,
        env,
      },
    );
    await s.waitFor("Trust this workspace's config");
    s.write("y");
    s.write(KEY.enter);
    expect(await s.exit(), s.screen()).toBe(0);
    expect(readFileSync(marker, "utf8")).toContain("first.md");
    expect(readFileSync(join(home, ".config", "learn", "trusted.json"), "utf8")).toContain(root);
    // trusted now: no question, even without a terminal
    const again = runCli(["new", "note", "Second", "--domain", "core-backend", "--edit"], { cwd: root, env });
    expect(again.code).toBe(0);
    expect(readFileSync(marker, "utf8")).toContain("second.md");
  });
});

// ─── issue 10 item 11: terminal output is sanitised ────────────────────────────────────────────

// Anything a terminal acts on instead of showing: C0 but newline and tab, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[(?:\d+;)*\d+m/g;

const HOSTILE_CONFIG = `domains:
  core-backend: "Core \\e]0;owned\\a backend"
roles:
  backend: "Back\\e[2Jend"
`;

/** A workspace whose notes, file names, links, config and revisit log carry terminal escapes. */
function hostileWorkspace(): string {
  const root = workspace(
    {
      "notes/core-backend/evil.md":
        "---\n" +
        'title: "Evil \\e]0;pwned\\a \\e]52;c;aGVsbG8=\\a \\e[41mred"\n' +
        "type: doc\nstatus: seedling\ndomain: core-backend\nroles: [backend]\n" +
        'tags: ["t\\e[2J", "\\x9b1m"]\n' +
        'summary: "sum \\e]8;;http://evil.example\\e\\\\click\\e]8;;\\e\\\\ \\u202Egnp.exe"\n' +
        'related: ["ghost\\e[2J"]\n' +
        "covers: [item-one]\n" +
        "published: 2026-01-01\n---\n" +
        "Body \u001b[41m red \u009b2J and \u202e rtl \u007f del\n\n[link](evil\u001b]0;x\u0007.md)\n",
      "notes/core-backend/x\u001b[41my.md": "---\ntitle: Plain\ntype: doc\ndomain: core-backend\n---\nred body\n",
      "notes/core-backend/broken.md": "---\ntitle: [unclosed \u001b]0;x\u0007\n---\nred\n",
      "notes/roadmap/map.md":
        "---\ntitle: Map\ntype: roadmap\ndomain: core-backend\nroles: [backend]\n---\n" +
        "- Item \u001b[2J one (item-one): learn it\n- Item two (item-two): and this\n",
      "revisits.jsonl": `${JSON.stringify({ v: 1, event: "revisit", note: "gone\u001b]0;t\u0007", date: "2026-01-05", rating: "good" })}\n`,
    },
    { config: HOSTILE_CONFIG },
  );
  return root;
}

const printed = (io: { stdout: string[]; stderr: string[] }): string => io.stdout.join("") + io.stderr.join("");

/** Run a command in-process, collecting its output whether it succeeds or reports findings. */
async function capture(run: (io: IO) => Promise<unknown>, io = memoryIO()): Promise<string> {
  await run(io).catch((err: Error) => io.err(err.message));
  return printed(io);
}

describe("item 11: note-derived text reaches the terminal visibly, never as escapes", () => {
  it("search, list, show, revisit, check, index, status, readiness and week show escapes as text", async () => {
    const root = hostileWorkspace();
    const o = { dir: root, today: TODAY };
    await week({ ...o, domain: "core-backend" }, memoryIO()); // step 1 done: the (hostile) domain name shows
    const outputs: Record<string, string> = {
      index: await capture((io) => index({ ...o, full: true }, io)),
      search: await capture((io) => search({ ...o, query: ["red"] }, io)),
      list: await capture((io) => list(o, io)),
      paths: await capture((io) => list({ ...o, format: "paths" }, io)),
      show: await capture((io) => show({ ...o, slug: "evil" }, io)),
      showFile: await capture((io) => show({ ...o, slug: "x\u001b[41my" }, io)),
      revisit: await capture((io) => revisit({ ...o, within: "2y" }, io)),
      revisitNote: await capture((io) => revisit({ ...o, slug: "evil" }, io)),
      orphans: await capture((io) => revisit({ ...o, orphans: true }, io)),
      check: await capture((io) => check(o, io)),
      status: await capture((io) => status(o, io)),
      readiness: await capture((io) => readiness(o, io)),
      role: await capture((io) => readiness({ ...o, role: "backend" }, io)),
      week: await capture((io) => week({ ...o, status: true }, io)),
    };
    for (const [command, text] of Object.entries(outputs)) {
      expect(text.length, command).toBeGreaterThan(0);
      expect(text, `${command} sent a control character:\n${JSON.stringify(text)}`).not.toMatch(CONTROL);
    }
    expect(outputs.list).toContain("\\x1b]0;pwned\\x07");
    expect(outputs.show).toContain("\\x1b]52;c;aGVsbG8=\\x07"); // the clipboard write, shown
    expect(outputs.show).toContain("\\x1b]8;;http://evil.example"); // the hyperlink
    expect(outputs.show).toContain("\\u202egnp.exe"); // the bidi override
    expect(outputs.show).toContain("Body \\x1b[41m red \\x9b2J and \\u202e rtl \\x7f del\n"); // the body keeps its lines
    expect(outputs.show).toContain("evil\\x1b]0;x\\x07.md"); // the link target
    expect(outputs.showFile).toContain("x\\x1b[41my.md"); // the file name
    expect(outputs.orphans).toContain("gone\\x1b]0;t\\x07");
    expect(outputs.check).toContain("ghost\\x1b[2J");
    expect(outputs.role).toContain("Back\\x1b[2Jend");
    expect(outputs.status).toContain("Core \\x1b]0;owned\\x07 backend");
    expect(outputs.week).toContain("Core \\x1b]0;owned\\x07 backend");
  });

  it("in colour, the theme's own styles are the only escapes, and truncation leaves no colour open", async () => {
    const title = `${"a".repeat(30)}\u001b[41m${"b".repeat(30)}`; // a red background, then the 48-column cut
    const root = workspace({ "notes/core-backend/long.md": `---\ntitle: "${title.replace("\u001b", "\\e")}"\n---\n` });
    const io = { ...memoryIO({ COLUMNS: "200" }), theme: makeTheme(new Chalk({ level: 1 })) };
    await list({ dir: root, today: TODAY }, io);
    const out = io.stdout.join("");
    expect(out).not.toContain("\u001b[41m");
    expect(out).toContain("\\x1b[41m");
    expect(out.replace(SGR, "")).not.toMatch(CONTROL);
  });

  it("cuts and aligns by display width: a wide title is never split and the columns line up", async () => {
    const root = workspace({
      "notes/core-backend/wide.md":
        "---\ntitle: 日本語のタイトルはとても長いのでリストでは切り詰められるはずです本当に長い\ntype: doc\n---\n",
      "notes/core-backend/ascii.md": "---\ntitle: Short\ntype: doc\n---\n",
    });
    const io = memoryIO();
    await list({ dir: root, today: TODAY }, io);
    const lines = io.stdout.join("").trimEnd().split("\n");
    const typeColumn = (line: string) => stringWidth(line.slice(0, line.indexOf("doc")));
    const header = lines[0]!;
    expect(lines.slice(1).map(typeColumn)).toEqual(
      [1, 2].map(() => stringWidth(header.slice(0, header.indexOf("type")))),
    );
    const wide = lines.find((l) => l.startsWith("日本"))!;
    expect(stringWidth(wide.slice(0, wide.indexOf("…") + 1))).toBeLessThanOrEqual(48);
  });

  it("JSON keeps the raw text (JSON escapes it)", async () => {
    const root = hostileWorkspace();
    const io = memoryIO();
    await list({ dir: root, today: TODAY, json: true }, io);
    const notes = (JSON.parse(io.stdout.join("")) as { notes: { title: string }[] }).notes;
    expect(notes.map((n) => n.title)).toContain("Evil \u001b]0;pwned\u0007 \u001b]52;c;aGVsbG8=\u0007 \u001b[41mred");
    expect(io.stdout.join("")).not.toMatch(CONTROL);
  });

  it("error messages quoting a file or config value are made visible too", async () => {
    const root = workspace({}, { config: 'domains:\n  core-backend: x\n"bogus\\e]0;t\\a": 1\n' });
    const io = memoryIO();
    expect(await main(["list", "--dir", root], io)).toBe(1);
    expect(io.stderr.join("")).toContain("\\x1b]0;t\\x07");
    expect(io.stderr.join("")).not.toMatch(CONTROL);
  });
});

// ─── issue 10 item 16: exit codes hold under a broken pipe ─────────────────────────────────────

/** Spawn the CLI with its stdout closed by the reader before it writes: resolves exit code and stderr. */
function withClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", HOME: tempDir("learn-home-"), NO_COLOR: "1", LEARN_TODAY: TODAY },
    });
    child.stdout.destroy(); // `| grep -q x`: the reader is gone
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("item 16: a broken pipe keeps the exit code", () => {
  it("learn check | grep -q … exits 1 when check has findings", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\nstatus: nope\n---\n[[missing]]\n" });
    const r = await withClosedStdout(["check"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("internal error");
  });

  it("a command that succeeds still exits 0, quietly", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\n---\nbody\n" });
    const r = await withClosedStdout(["list"], root);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|EPIPE/);
  });
});

// ─── issue 10 item 18: ids, dates, --dir and init targets ──────────────────────────────────────

describe("item 18: prototype names, dates, non-workspaces and impossible init targets", () => {
  const run = async (argv: string[]) => {
    const io = memoryIO();
    const code = await main(argv, io);
    return { code, stderr: io.stderr.join(""), stdout: io.stdout.join("") };
  };

  it.each([
    [["new", "note", "T", "--domain", "constructor"], /unknown domain: constructor \(use one of core-backend, /],
    [["new", "note", "T", "--domain", "__proto__"], /unknown domain: __proto__ \(use one of core-backend, /],
    [
      ["new", "note", "T", "--domain", "core-backend", "--roles", "constructor"],
      /unknown role: constructor \(use one of backend, /,
    ],
    [
      ["new", "note", "T", "--domain", "core-backend", "--roles", "toString"],
      /unknown role: tostring \(use one of backend, /,
    ],
    [["new", "constructor", "T", "--domain", "core-backend"], /unknown note type: constructor \(use one of doc/],
    [["new", "hasOwnProperty", "T"], /unknown note type: hasOwnProperty/],
    [["new", "note", "T", "--domain", "core-backend", "--slug", "constructor"], /--slug constructor: .*reserved/],
    [["week", "--domain", "constructor"], /unknown domain: constructor \(use one of core-backend, /],
    [["week", "--role", "constructor"], /unknown role: constructor \(use one of backend, /],
    [["readiness", "--role", "constructor"], /unknown role: constructor \(use one of backend, /],
  ])("%j is a usage error listing the valid values", async (argv, message) => {
    const root = workspace();
    const r = await run([...argv, "--dir", root, "--today", TODAY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("internal error");
    expect(readdirSync(join(root, "notes"))).toEqual([]);
  });

  it("a title that slugifies to a prototype name gets a safe file name", async () => {
    const root = workspace();
    expect((await run(["new", "note", "Constructor", "--domain", "core-backend", "--dir", root])).code).toBe(0);
    expect(readdirSync(join(root, "notes", "core-backend"))).toEqual(["constructor-note.md"]);
  });

  it("a config naming a prototype id is refused with the key", () => {
    expect(() => validateConfig({ domains: { constructor: "C" } }, "learn.config.yaml")).toThrow(
      /domains\.constructor: is a reserved name/,
    );
    expect(() => validateConfig({ roles: { __proto__: "P" } }, "learn.config.yaml")).toThrow(/roles/);
  });

  it.each(["0000-01-01", "1969-12-31", "10000-01-01", "2026-02-30"])(
    "--today %s is a usage error, never an internal error",
    async (day) => {
      const r = await run(["status", "--dir", workspace(), "--today", day]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--today ${day}: not a date from 1970-01-01 to 9999-12-31`);
      expect(() => resolveToday(undefined, { LEARN_TODAY: day })).toThrow(/^LEARN_TODAY .*: not a date from 1970/);
    },
  );

  it("the last day, 9999-12-31, works in every date computation", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\npublished: 9999-12-01\n---\n" });
    for (const argv of [["status"], ["revisit", "--upcoming"], ["revisit", "--within", "1y"], ["week", "--status"]]) {
      const r = await run([...argv, "--dir", root, "--today", "9999-12-31"]);
      expect(r.stderr, argv.join(" ")).not.toContain("internal error");
      expect(r.code, argv.join(" ")).toBe(0);
    }
  });

  it("--dir on a folder that is not a workspace says so and creates nothing", async () => {
    const dir = tempDir("learn-notws-");
    writeFileSync(join(dir, "passwd"), "root:x:0:0\n");
    for (const argv of [["list"], ["index"], ["status"], ["search", "x"]]) {
      const r = await run([...argv, "--dir", dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`--dir ${dir}: no workspace there`);
      expect(r.stderr).toContain(`learn init ${dir}`);
    }
    expect(readdirSync(dir)).toEqual(["passwd"]);
  });

  it("init under a file fails at once with a clear message", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "");
    await expect(init({ target: join(dir, "file", "ws") }, memoryIO())).rejects.toThrow(
      /cannot make the workspace folder .*file is a file, not a folder/,
    );
    mkdirSync(join(dir, "ok"));
    const made = await init({ target: join(dir, "ok", "a", "b") }, memoryIO());
    expect(made.created).toContain("./");
    expect(existsSync(join(dir, "ok", "a", "b", "learn.config.yaml"))).toBe(true);
  });

  it.skipIf(!existsSync("/proc/self"))("init /proc/nope fails fast instead of spinning", () => {
    const started = Date.now();
    const r = runCli(["init", "/proc/nope"], { extra: { timeout: 10_000 } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^learn: cannot make the workspace folder \/proc\/nope: /);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
