import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { revisit, type RevisitOptions } from "../../src/commands/revisit.js";
import { show } from "../../src/commands/show.js";
import { week } from "../../src/commands/week.js";
import { addDays } from "../../src/core/dates.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// Adopting notes that carry no dates: first dates from git (or the file, said so), and a
// revisit schedule that lets them in a few a day instead of all at once.

const TODAY = "2026-12-01";
type Entry = { slug: string; due: string; why: string; reason: { kind: string; published: string; source?: string } };
type DueList = { count: number; due: Entry[] };
const due = (root: string, opts: RevisitOptions = {}, today = TODAY) =>
  call(revisit, { dir: root, today, json: true, ...opts }).then((r) => jsonOf<DueList>(r));

/** Run git with no system or user config (HOME is a temp folder) and fixed dates. */
function git(cwd: string, args: string[], date?: string): void {
  const home = tempDir("learn-git-home-");
  execFileSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args],
    {
      cwd,
      stdio: "ignore",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: join(home, "none"),
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    },
  );
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** Every file under `dir` with its bytes, for a byte-for-byte comparison. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === ".learn" || e.name === ".git") continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "base64");
    }
  };
  walk(dir);
  return out;
}

const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

describe("first dates of undated notes", () => {
  /** A repo whose workspace is a subfolder (vault/), with notes added on two known days. */
  function repo(): { repoRoot: string; root: string } {
    const repoRoot = tempDir();
    const root = join(repoRoot, "vault");
    write(root, {
      "learn.config.yaml": "",
      "notes/a folder/ünï cöde note.md": "# Unicode and spaces\n",
      "notes/old.md": "# Old\n",
    });
    git(repoRoot, ["init", "-q"]);
    git(repoRoot, ["add", "-A"]);
    git(repoRoot, ["commit", "-q", "-m", "first"], "2023-04-02T01:30:00+05:00"); // the 2nd where it was written
    write(root, { "notes/newer.md": "# Newer\n", "notes/dated.md": "---\ncreated: 1659715122710\n---\n# Dated\n" });
    git(repoRoot, ["add", "-A"]);
    git(repoRoot, ["commit", "-q", "-m", "second"], "2024-01-10T10:00:00Z");
    write(root, { "notes/untracked.md": "# Untracked\n" });
    utimesSync(join(root, "notes/untracked.md"), day("2026-11-20"), day("2026-11-20"));
    return { repoRoot, root };
  }

  it("come from the commit that added the file, else the file's date, and say which", async () => {
    const { root } = repo();
    const list = await due(root, { within: "1y" });
    const why = Object.fromEntries(list.due.map((e) => [e.slug, e.why]));
    expect(why).toEqual({
      "ünï cöde note": "never revisited (added 2023-04-02 (git))",
      old: "never revisited (added 2023-04-02 (git))",
      newer: "never revisited (added 2024-01-10 (git))",
      dated: "never revisited (published 2022-08-05)", // Dendron's created: epoch ms
      untracked: "never revisited (file date 2026-11-20)",
    });
    expect(list.due.find((e) => e.slug === "old")!.reason).toEqual({
      kind: "new",
      published: "2023-04-02",
      source: "git",
    });
    // one git log answered them all, and is kept by HEAD for the next run
    expect(JSON.parse(readFileSync(join(root, ".learn/git-dates.json"), "utf8"))).toMatchObject({
      dates: { "notes/old.md": "2023-04-02", "notes/newer.md": "2024-01-10" },
    });
  });

  it("show says where an undated note's date came from", async () => {
    const { root } = repo();
    const shown = async (slug: string) => (await call(show, { dir: root, slug })).stdout;
    expect(await shown("old")).toMatch(/^added: +2023-04-02 \(git\)$/m);
    expect(await shown("untracked")).toMatch(/^file date: +2026-11-20$/m);
    expect(await shown("dated")).toMatch(/^published: +2022-08-05$/m);
    expect(await shown("old")).not.toMatch(/^published:/m);
  });

  it("touching a file does not move a note that git or its front matter dates", async () => {
    const { root } = repo();
    const before = (await due(root, { within: "1y" })).due.map((e) => [e.slug, e.due]);
    for (const f of ["notes/old.md", "notes/dated.md", "notes/newer.md"])
      utimesSync(join(root, f), day("2026-11-30"), day("2026-11-30"));
    expect((await due(root, { within: "1y" })).due.map((e) => [e.slug, e.due])).toEqual(before);
  });

  it("a revisit of a git-dated note schedules it as a full replay does", async () => {
    const { root } = repo();
    const rated = jsonOf<{ schedule: { due: string } }>(
      await call(revisit, { dir: root, today: TODAY, slug: "old", rating: "good", json: true }),
    );
    rmSync(join(root, ".learn"), { recursive: true, force: true });
    const status = jsonOf<{ due: string }>(await call(revisit, { dir: root, today: TODAY, slug: "old", json: true }));
    expect(status.due).toBe(rated.schedule.due);
  });

  it("outside a git repository the file's date is used, labelled as such", async () => {
    const root = workspace({ "notes/plain.md": "# Plain\n" });
    utimesSync(join(root, "notes/plain.md"), day("2026-10-01"), day("2026-10-01"));
    const [entry] = (await due(root)).due;
    expect(entry!.why).toBe("never revisited (file date 2026-10-01)");
    expect(existsSync(join(root, ".learn/git-dates.json"))).toBe(false);
  });
});

describe("a fresh adoption of 200 undated notes", () => {
  function adopted(config = ""): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`notes/n${String(i).padStart(3, "0")}.md`] = `# Note ${i}\n`;
    const root = workspace(files, { config });
    // file dates spread over 2024-2025, in an order unrelated to the names
    for (let i = 0; i < 200; i++) {
      const d = day(addDays("2024-01-01", (i * 37) % 200));
      utimesSync(join(root, `notes/n${String(i).padStart(3, "0")}.md`), d, d);
    }
    return root;
  }
  const oldestFirst = (root: string): string[] =>
    readdirSync(join(root, "notes"))
      .map((f) => [f.replace(/\.md$/, ""), statSync(join(root, "notes", f)).mtimeMs] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([s]) => s);

  it("shows at most 10 on any of 30 days, the oldest first, and leaves every file byte-identical", async () => {
    const root = adopted();
    const before = snapshot(root);
    let today = TODAY;
    for (let i = 0; i < 30; i++, today = addDays(today, 1)) {
      const list = await due(root, {}, today);
      expect(list.count).toBe(10);
    }
    expect((await due(root)).due.map((e) => e.slug).sort()).toEqual(oldestFirst(root).slice(0, 10).sort());
    expect(snapshot(root)).toEqual(before);
  });

  it("revisiting today's ten lets in the next ten tomorrow, not today", async () => {
    const root = adopted();
    const order = oldestFirst(root);
    const first = (await due(root)).due.map((e) => e.slug);
    for (const slug of first)
      expect((await call(revisit, { dir: root, today: TODAY, slug, rating: "good" })).code).toBe(0);
    expect((await due(root)).count).toBe(0);
    const next = (await due(root, {}, addDays(TODAY, 1))).due.map((e) => e.slug);
    expect(next.sort()).toEqual(order.slice(10, 20).sort());
    // the shell prompt's count agrees
    expect(
      jsonOf<{ count: number }>(await call(revisit, { dir: root, today: addDays(TODAY, 1), brief: true, json: true }))
        .count,
    ).toBe(10);
  });

  it("--limit shows at most N and says how many are due", async () => {
    const root = adopted();
    const r = await call(revisit, { dir: root, today: TODAY, limit: "3" });
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .filter((l) => /n\d{3}/.test(l)),
    ).toHaveLength(3);
    expect(r.stderr.split("\n").at(-2)).toBe("3 of 10 notes due for revisit shown: learn revisit --review");
    expect((await call(revisit, { dir: root, today: TODAY, limit: "0" })).code).toBe(2);
  });

  it("new_per_day and include/exclude come from learn.config.yaml", async () => {
    const root = adopted("revisit:\n  new_per_day: 25\n  exclude: [drafts, '#private']\n");
    write(root, {
      "notes/drafts/d.md": "---\npublished: 2020-01-01\n---\n# Draft\n",
      "notes/secret.md": "---\npublished: 2020-01-01\ntags: [private]\n---\n# Secret\n",
    });
    const list = await due(root);
    expect(list.count).toBe(25);
    expect(list.due.map((e) => e.slug)).not.toContain("d");
    expect(list.due.map((e) => e.slug)).not.toContain("secret");
  });
});

describe("front matter from other tools", () => {
  it("learn week keeps Dendron's epoch-ms updated: an epoch-ms number, and touches no other key", async () => {
    const text =
      "---\nid: abc123\ntitle: Lookup\ndesc: ''\nupdated: 1659715122710\ncreated: 1659715122710\n---\nBody\n";
    const root = workspace({ "notes/core-backend/lookup.md": text });
    const r = await call(week, { dir: root, today: "2026-11-27", domain: "core-backend", note: "lookup" });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, "notes/core-backend/lookup.md"), "utf8")).toBe(
      text
        .replace("updated: 1659715122710", `updated: ${Date.UTC(2026, 10, 27)}`)
        .replace("---\nBody", "visibility: public\n---\nBody"),
    );
  });

  it("published: true is public, with no problem; publish_flag: false ignores it", async () => {
    const files = { "notes/jekyll.md": "---\ntitle: Jekyll\npublished: true\ndate: 2021-05-06\n---\n" };
    const shown = async (root: string) =>
      jsonOf<{ note: { visibility: string | null; published: string | null } }>(
        await call(show, { dir: root, slug: "jekyll", json: true }),
      ).note;
    const root = workspace(files);
    expect(await shown(root)).toMatchObject({ visibility: "public", published: "2021-05-06" });
    writeFileSync(join(root, "learn.config.yaml"), "publish_flag: false\n");
    expect((await shown(root)).visibility).toBeNull();
    writeFileSync(join(root, "learn.config.yaml"), "publish_flag: {true: private, false: private}\n");
    expect((await shown(root)).visibility).toBe("private");
  });
});
