// Issue 10, items 12 (check side), 14, 17 and 19: check finds every private link and duplicate,
// stays linear in links, and an unusable .learn/ never ends in "internal error".
import Database from "better-sqlite3";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { week } from "../../src/commands/week.js";
import { parseNote } from "../../src/core/note-parse.js";
import { index } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { LearnError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { unusableIndex } from "../../src/store/open-db.js";
import { writeProblem } from "../../src/workspace/note-files.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

const pub = (title: string, body: string, extra: Record<string, unknown> = {}): string =>
  noteText({ title, visibility: "public", ...extra }, body);
const priv = (title: string): string => noteText({ title }, "Hidden.\n");

/** Run `learn check --json` in-process; findings and whether it failed. */
async function runCheck(root: string) {
  const io = memoryIO();
  let failed = false;
  try {
    await check({ dir: root, json: true }, io);
  } catch {
    failed = true;
  }
  const doc = JSON.parse(io.stdout.join("")) as {
    findings: { path: string; line: number | null; rule: string; severity: string; message: string }[];
  };
  return { failed, findings: doc.findings, stderr: io.stderr.join("") };
}

describe("item 12: check reports a public note linking to a private note, whatever the link form", () => {
  const forms = [
    "[x](private.md?x=1)",
    "[x](private.md#frag)",
    "[x](./private.md)",
    "[x](priv%61te.md)",
    "[x](Private.md)",
    '[x](<private.md> "title")',
    "[x](/notes/private.md)",
    "[x][ref]\n\n[ref]: private.md?y=2",
  ];
  for (const form of forms) {
    it(`reports ${JSON.stringify(form)}`, async () => {
      const root = workspace({ "notes/pub.md": pub("Pub", `See ${form}.\n`), "notes/private.md": priv("Private") });
      const r = await runCheck(root);
      const hit = r.findings.find((f) => f.rule === "private-link");
      expect(hit, JSON.stringify(r.findings)).toBeDefined();
      expect(hit!.path).toBe("notes/pub.md");
      expect(hit!.line).toBeGreaterThan(4);
      expect(r.failed).toBe(true);
    });
  }
});

describe("item 14: check is linear in links", () => {
  // The quadratic check scanned the note's text once per link: 100k links took minutes.
  it("checks a 1 MB note of 100k wikilinks within the default test timeout", async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `[[m${i.toString(36)}]]`).join(" ") + "\n";
    const root = workspace({ "notes/big.md": pub("Big", body), "notes/ok.md": pub("Ok", "x\n") });
    const r = await runCheck(root);
    const broken = r.findings.filter((f) => f.rule === "broken-link");
    expect(broken).toHaveLength(100_000);
    expect(broken.every((f) => f.line === 5)).toBe(true);
  });

  it("checks 10k related: entries, each on its own line", async () => {
    const related = Array.from({ length: 10_000 }, (_, i) => `  - gone-${i}`).join("\n");
    const root = workspace({ "notes/rel.md": `---\ntitle: Rel\nrelated:\n${related}\n---\nx\n` });
    const r = await runCheck(root);
    const broken = r.findings.filter((f) => f.rule === "broken-link");
    expect(broken).toHaveLength(10_000);
    expect(broken.find((f) => f.message.includes("gone-9999"))!.line).toBe(4 + 9999);
  });
});

describe("item 12: duplicate ids", () => {
  const twins = (): string =>
    workspace({
      "notes/a.md": noteText({ id: "k3x9q2m7", title: "A", published: "2026-01-01" }),
      "notes/sub/b.md": noteText({ id: "K3X9Q2M7", title: "B (a copy of A)", published: "2026-01-01" }),
      // a revisit of b logged by slug (before b had the copied id) must stay b's alone
      "revisits.jsonl": `${JSON.stringify({ v: 1, event: "revisit", note: "b", date: "2026-02-01", rating: "good" })}\n`,
    });

  it("check reports a duplicate id on both notes, naming the other path", async () => {
    const r = await runCheck(twins());
    const dups = r.findings.filter((f) => f.rule === "duplicate-id");
    expect(dups.map((f) => [f.path, f.line, f.severity])).toEqual([
      ["notes/a.md", 2, "error"],
      ["notes/sub/b.md", 2, "error"],
    ]);
    expect(dups[0]!.message).toContain("also used by notes/sub/b.md");
    expect(dups[1]!.message).toContain("also used by notes/a.md");
    expect(r.failed).toBe(true);
  });

  it("two notes sharing an id do not share a revisit history", async () => {
    const root = twins();
    const show = async (slug: string) => {
      const io = memoryIO();
      await revisit({ dir: root, slug, json: true, today: "2026-03-01" }, io);
      return JSON.parse(io.stdout.join("")) as { revisits: number; lastRating: string | null };
    };
    expect((await show("b")).revisits).toBe(1);
    expect((await show("a")).revisits).toBe(0);
  });

  it("refuses to log a revisit under an id two notes share, and writes nothing", async () => {
    const root = twins();
    const before = readFileSync(join(root, "revisits.jsonl"), "utf8");
    const io = memoryIO();
    const err = await revisit({ dir: root, slug: "a", rating: "good", today: "2026-03-01" }, io).catch((e) => e);
    expect(err).toBeInstanceOf(LearnError);
    expect(err.message).toMatch(/notes\/a\.md: id k3x9q2m7 is also used by notes\/sub\/b\.md/);
    expect(err.hint).toContain("learn check");
    expect(readFileSync(join(root, "revisits.jsonl"), "utf8")).toBe(before);
  });
});

describe("item 19: one reading of a note's keys, and duplicate names", () => {
  const twoKeys = "---\ntitle: W\ndomain: core-backend\nvisibility: private\nVisibility: private\n---\nBody.\n";

  it("week makes a note with both visibility: and Visibility: public, and the index agrees", async () => {
    const root = workspace({ "notes/w.md": twoKeys });
    const io = memoryIO();
    await week({ dir: root, domain: "core-backend", note: "w", today: "2026-11-27" }, io).catch(() => undefined);
    expect(io.stderr.join("")).toContain("notes/w.md is public");
    const parsed = parseNote(readFileSync(join(root, "notes/w.md"), "utf8"), "w");
    expect(parsed.data.visibility).toBe("public");
    const list = memoryIO();
    await search({ dir: root, query: ["visibility:public"], json: true }, list);
    expect(list.stdout.join("")).toContain("notes/w.md");
  });

  it("the exact lower-case key wins wherever it stands, and check reports the other spelling", async () => {
    const text = "---\ntitle: S\nStatus: evergreen\nstatus: seedling\nVISIBILITY: public\n---\nx\n";
    expect(parseNote(text, "s").data.status).toBe("seedling");
    expect(parseNote(text.replace("status: seedling\n", ""), "s").data.status).toBe("evergreen");
    const r = await runCheck(workspace({ "notes/s.md": text }));
    const dup = r.findings.filter((f) => f.rule === "duplicate-key");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toBe("status: is written more than once (Status:, status:); only status: is read");
    expect(dup[0]!.line).toBe(3);
    expect(r.failed).toBe(true);
  });

  it("check reports café.md written composed and decomposed as a duplicate slug", async () => {
    const root = workspace({
      "notes/caf\u00e9.md": noteText({ title: "Composed" }),
      "notes/other/cafe\u0301.md": noteText({ title: "Decomposed" }),
    });
    const r = await runCheck(root);
    const dups = r.findings.filter((f) => f.rule === "duplicate-slug");
    expect(dups.map((f) => f.path.normalize("NFC"))).toEqual(["notes/café.md", "notes/other/café.md"]);
    expect(dups[0]!.message).toContain("another Unicode form or case");
  });
});

describe("item 19: hints that fit the command", () => {
  it("init meeting a name that already exists does not say --slug", async () => {
    const root = tempDir();
    symlinkSync(join(root, "nowhere"), join(root, ".gitignore")); // existsSync says no; an exclusive create says EEXIST
    const err = await init({ target: root }, memoryIO()).catch((e) => e);
    expect(err).toBeInstanceOf(LearnError);
    expect(err.hint).not.toContain("--slug");
  });

  it("week meeting an existing log does not say --slug", async () => {
    const root = workspace({ "notes/w.md": noteText({ title: "W", domain: "core-backend" }) });
    mkdirSync(join(root, "notes/log"));
    symlinkSync(join(root, "nowhere"), join(root, "notes/log/2026-W48.md"));
    const err = await week({ dir: root, domain: "core-backend", today: "2026-11-27" }, memoryIO()).catch((e) => e);
    expect(err).toBeInstanceOf(LearnError);
    expect(err.hint).not.toContain("--slug");
  });

  it("a full disk says the disk is full, not that the folder is not writable", () => {
    const err = writeProblem(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }), "x.md");
    expect(err.message).toBe("cannot write x.md: the disk is full");
    expect(err.hint).toMatch(/free some disk space/);
    expect(err.hint).not.toMatch(/writable/);
  });
});

describe("item 17: an unusable .learn/ says what is wrong, and recording needs no index", () => {
  const ws = (): string =>
    workspace({ "notes/a.md": noteText({ title: "A note", published: "2026-01-01" }, "hello world\n") });
  const find = async (root: string) => search({ dir: root, query: ["hello"] }, memoryIO());
  const unusable = [
    ["a .learn that is a file", (root: string) => writeFileSync(join(root, ".learn"), "x"), /it is a file/],
    [
      "an index.db that is a folder",
      (root: string) => mkdirSync(join(root, ".learn/index.db"), { recursive: true }),
      /index\.db is a folder/,
    ],
  ] as const;

  for (const [what, spoil, why] of unusable) {
    it(`${what}: search says what is wrong and that rm -rf .learn is safe`, async () => {
      const root = ws();
      spoil(root);
      const err = await find(root).catch((e) => e);
      expect(err).toBeInstanceOf(LearnError);
      expect(err.message).toMatch(why);
      expect(err.hint).toContain(`rm -rf ${join(root, ".learn")}`);
      expect(err.hint).toMatch(/cache/);
    });

    it(`${what}: revisit --rating and used still record, reading the notes folder`, async () => {
      const root = ws();
      spoil(root);
      const io = memoryIO();
      await revisit({ dir: root, slug: "a", rating: "good", today: "2026-03-01" }, io);
      await revisit({ dir: root, slug: "a", usedIn: "billing", today: "2026-03-02" }, io);
      const log = readFileSync(join(root, "revisits.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(log.map((e) => [e.event, e.note, e.date])).toEqual([
        ["revisit", "a", "2026-03-01"],
        ["used", "a", "2026-03-02"],
      ]);
      expect(io.stderr.join("")).toMatch(/cannot use the index folder .*reading the notes folder instead/);
    });
  }

  it("garbage in index.db is rebuilt, and search finds the note", async () => {
    const root = ws();
    mkdirSync(join(root, ".learn"));
    writeFileSync(join(root, ".learn/index.db"), "this is not a database ".repeat(500));
    const io = memoryIO();
    const hits = await search({ dir: root, query: ["hello"] }, io);
    expect(hits.map((h) => h.note.path)).toEqual(["notes/a.md"]);
    expect(io.stderr.join("")).toContain("rebuilt the index: the index file was corrupt");
  });

  it("a corrupt page found mid-query rebuilds the index instead of blaming the query", async () => {
    const root = ws();
    await index({ dir: root }, memoryIO());
    const file = join(root, ".learn/index.db");
    const db = new Database(file);
    db.pragma("wal_checkpoint(TRUNCATE)");
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    const page = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'notes_fts_data'").pluck().get() as number;
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize); // the open succeeds; the first FTS read fails
    writeFileSync(file, bytes);
    const r = runCli(["search", "hello", "--no-refresh"], { cwd: root });
    expect(r.stderr).not.toContain("quote odd characters");
    expect(r.stderr).toContain("rebuilt the index: the index file was corrupt");
    expect(r.stdout).toContain("notes/a.md");
    expect(r.code).toBe(0);
  });

  it("a full disk is named as such", () => {
    const err = unusableIndex(
      Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }),
      "/w/.learn",
    );
    expect(err?.message).toBe("cannot use the index folder /w/.learn: the disk is full");
    expect(err?.hint).toMatch(/^free some disk space, or run `rm -rf \/w\/.learn`/);
  });
});
