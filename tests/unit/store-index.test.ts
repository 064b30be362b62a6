import { appendFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { planRefresh } from "../../src/store/refresh.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import type { Context } from "../../src/workspace/context.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { noteText, workspace } from "../helpers/workspace.js";

// these workspaces have an empty learn.config.yaml: the defaults
const ctxOf = (root: string): Context => ({
  ws: workspacePaths(root),
  config: structuredClone(DEFAULT_CONFIG),
  today: "2026-11-27",
});

async function refresh(root: string, opts: { full?: boolean; refresh?: boolean } = {}) {
  const { index, stats } = await openIndexLazy(ctxOf(root), opts);
  const notes = index.allNotes();
  const problems = index.problems();
  return { index, stats, notes, problems, close: () => index.close() };
}

describe("openIndexLazy", () => {
  it("indexes every front-matter field, lists, checklists and headings", async () => {
    const root = workspace({
      "notes/core/http-caching.md": noteText(
        {
          id: "k3x9q2m7",
          title: "HTTP caching",
          type: "doc",
          status: "Evergreen",
          visibility: "public",
          domain: "core-backend",
          difficulty: "advanced",
          roles: ["backend"],
          tags: ["http", "caching"],
          summary: "Why caches",
          published: "2026-01-02",
          updated: "2026-02-03",
          sources: ["https://example.org"],
          related: ["idempotency-keys"],
          covers: ["http-fundamentals"],
          revisit_every: "30d",
          revisit: false,
        },
        "# HTTP caching\n\n## Freshness\n\n- [x] one\n- [ ] two\n",
      ),
    });
    const r = await refresh(root);
    expect(r.stats.rebuilt).toBe("there was no index yet");
    expect(r.stats.added).toBe(1);
    const n = r.index.getNote("K3X9Q2M7")!;
    expect(n).toMatchObject({
      id: "k3x9q2m7",
      slug: "http-caching",
      path: "notes/core/http-caching.md",
      title: "HTTP caching",
      type: "doc",
      status: "evergreen",
      visibility: "public",
      domain: "core-backend",
      difficulty: "advanced",
      roles: ["backend"],
      tags: ["http", "caching"],
      summary: "Why caches",
      published: "2026-01-02",
      updated: "2026-02-03",
      sources: ["https://example.org"],
      related: ["idempotency-keys"],
      covers: ["http-fundamentals"],
      revisit_every: "30d",
      revisit: false,
      checklist_done: 1,
      checklist_total: 2,
      headings: ["HTTP caching", "Freshness"],
    });
    expect(r.index.getNote("http-caching")?.path).toBe(n.path);
    r.close();
  });

  it("is incremental: edits, renames, deletes and a size change with the mtime kept", async () => {
    const root = workspace({
      "notes/a.md": noteText({ title: "A" }),
      "notes/b.md": noteText({ title: "B" }),
      "notes/c.md": noteText({ title: "C" }),
    });
    (await refresh(root)).close();
    const same = await refresh(root);
    expect(same.stats).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3 });
    same.close();

    const a = join(root, "notes/a.md");
    const before = statSync(a);
    appendFileSync(a, "More words.\n");
    utimesSync(a, before.atime, before.mtime); // same mtime, different size
    renameSync(join(root, "notes/b.md"), join(root, "notes/b2.md"));
    rmSync(join(root, "notes/c.md"));
    writeFileSync(join(root, "notes/d.md"), noteText({ title: "D" }));
    const r = await refresh(root);
    expect(r.stats).toMatchObject({ added: 2, updated: 1, removed: 2, unchanged: 0 });
    expect(r.notes.map((n) => n.path)).toEqual(["notes/a.md", "notes/b2.md", "notes/d.md"]);
    expect(r.index.getNote("c")).toBeUndefined();
    r.close();
  });

  it("trusts the stored walk digest only while it matches, and checks file by file when it does not", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }), "notes/b.md": "---\ntitle: [broken\n---\n# B\n" });
    const first = await refresh(root);
    const problems = first.problems;
    first.close();
    const db = new Database(join(root, ".learn", "index.db"));
    const digest = db.prepare("SELECT value FROM meta WHERE key = 'walk_token'").pluck().get();
    expect(typeof digest).toBe("string");
    // a digest that matches: nothing read, the same counts and problems
    const same = await refresh(root);
    expect(same.stats).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    expect(same.problems).toEqual(problems);
    same.close();
    // a stale digest (another process wrote it) only costs the file-by-file comparison
    db.prepare("UPDATE meta SET value = 'stale' WHERE key = 'walk_token'").run();
    const checked = await refresh(root);
    expect(checked.stats).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    checked.close();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'walk_token'").pluck().get()).not.toBe("stale");
    // and a changed file changes the digest
    writeFileSync(join(root, "notes/a.md"), noteText({ title: "A2" }));
    const changed = await refresh(root);
    expect(changed.stats).toMatchObject({ updated: 1, unchanged: 1 });
    expect(changed.index.getNote("a")?.title).toBe("A2");
    changed.close();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'walk_token'").pluck().get()).not.toEqual(digest);
    db.close();
  });

  it("keeps a broken-YAML note searchable and records problems that survive a no-change refresh", async () => {
    const root = workspace({
      "notes/broken.md": '---\ntitle: "unterminated\ntags: [a\n---\n\n# Broken heading\n\nBody.\n',
      "notes/bad-status.md": noteText({ title: "Bad", status: "ripe" }),
      "notes/bin.md": "",
      "notes/latin.md": "",
    });
    writeFileSync(join(root, "notes/bin.md"), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(join(root, "notes/latin.md"), Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    (await refresh(root)).close();
    const r = await refresh(root);
    expect(r.stats.unchanged).toBe(4);
    expect(r.index.getNote("broken")?.title).toBe("Broken heading");
    const byPath = Object.fromEntries(r.stats.problems.map((p) => [p.path, p]));
    expect(byPath["notes/broken.md"]).toMatchObject({ line: expect.any(Number), severity: "error" });
    expect(byPath["notes/broken.md"]!.reason).toMatch(/broken YAML/);
    expect(byPath["notes/bad-status.md"]!.reason).toMatch(/^status: must be one of seedling\|budding\|evergreen/);
    expect(byPath["notes/bin.md"]!.reason).toMatch(/binary/);
    expect(byPath["notes/latin.md"]!.reason).toMatch(/UTF-8/);
    expect(r.index.getNote("bin")).toBeUndefined();
    expect(r.problems).toEqual(r.stats.problems);
    r.close();
  });

  it("indexes both files of a shared slug, with no problem recorded (issue 9: notes are addressed by path)", async () => {
    const root = workspace({
      "notes/x/dup.md": noteText({ title: "One" }),
      "notes/y/dup.md": noteText({ title: "Two" }),
    });
    const r = await refresh(root);
    expect(r.notes).toHaveLength(2);
    const dups = r.problems.filter((p) => /duplicate slug/.test(p.reason));
    expect(dups).toEqual([]);
    r.close();
    rmSync(join(root, "notes/y/dup.md"));
    const after = await refresh(root);
    expect(after.problems.filter((p) => /duplicate/.test(p.reason))).toEqual([]);
    after.close();
  });

  it("resolves related, wikilinks and relative links after all files are parsed; keeps broken ones", async () => {
    const root = workspace({
      "notes/a.md": noteText(
        { title: "A", related: ["b", "ghost"] },
        "See [[b|Bee]] and [c](sub/c.md) and [[nowhere]].\n",
      ),
      "notes/b.md": noteText({ title: "B" }),
      "notes/sub/c.md": noteText({ title: "C" }, "Back to [a](../a.md).\n"),
    });
    const r = await refresh(root);
    const out = r.index.linksFrom("notes/a.md").map((l) => [l.kind, l.target, l.to_slug]);
    expect(out).toEqual([
      ["related", "b", "b"],
      ["related", "ghost", null],
      ["wikilink", "b", "b"],
      ["wikilink", "nowhere", null],
      ["markdown", "sub/c.md", "c"],
    ]);
    expect(r.index.linksTo("notes/a.md").map((l) => l.from_slug)).toEqual(["c"]);
    r.close();
    writeFileSync(join(root, "notes/ghost.md"), noteText({ title: "Ghost" }));
    const later = await refresh(root);
    expect(later.index.linksFrom("notes/a.md").find((l) => l.target === "ghost")?.to_slug).toBe("ghost");
    later.close();
  });

  it("rebuilds a garbage or old-version database with a reason", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    (await refresh(root)).close();
    const db = join(root, ".learn/index.db");
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    writeFileSync(db, "this is not a database, just text that is long enough to be a header ".repeat(20));
    const r = await refresh(root);
    expect(r.stats.rebuilt).toBe("the index file was corrupt");
    expect(r.notes.map((n) => n.slug)).toEqual(["a"]);
    r.close();
    const raw = new Database(db);
    raw.pragma("user_version = 1");
    raw.close();
    const again = await refresh(root);
    expect(again.stats.rebuilt).toMatch(/another version \(schema 1/);
    expect(again.notes).toHaveLength(1);
    again.close();
  });

  it("with refresh false reads the index as it is", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    (await refresh(root)).close();
    writeFileSync(join(root, "notes/b.md"), noteText({ title: "B" }));
    const stale = await refresh(root, { refresh: false });
    expect(stale.notes).toHaveLength(1);
    stale.close();
  });

  it("openIndexLazy gives the same index and the first-run reason", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }) });
    const { index, stats } = await openIndexLazy(ctxOf(root));
    expect(stats.rebuilt).toBe("there was no index yet");
    expect(index.allNotes().map((n) => n.title)).toEqual(["A"]);
    index.close();
  });

  it("keeps the notes of a folder it could not read", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A" }), "notes/locked/b.md": noteText({ title: "B" }) });
    const r = await refresh(root);
    const plan = planRefresh(r.index.db, {
      files: [
        { path: "notes/a.md", abs: join(root, "notes/a.md"), mtimeMs: r.notes[0]!.mtime_ms, size: r.notes[0]!.size },
      ],
      unreadable: ["notes/locked/"],
      problems: [{ path: "notes/locked/", reason: "cannot read folder: EACCES", severity: "error" }],
    });
    expect(plan.removed).toEqual([]);
    expect(plan.walkProblemsChanged).toBe(true);
    r.close();
  });
});
