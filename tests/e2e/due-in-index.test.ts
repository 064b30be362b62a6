import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Due dates from revisits.jsonl reach `learn list --sort due`, `is:due` and `learn revisit --brief`
// through the index's schedule cache, which must follow every change of notes and log.
const env = { LEARN_TODAY: "2026-11-27" };
const make = () =>
  workspace({
    // first due 7 days after publication (the default first_after)
    "notes/old.md": noteText(
      { id: "old00001", title: "Old note", published: "2026-10-01", domain: "core-backend" },
      "words\n",
    ),
    "notes/recent.md": noteText(
      { id: "rec00001", title: "Recent note", published: "2026-11-25", domain: "core-backend" },
      "words\n",
    ),
    "notes/mid.md": noteText(
      { id: "mid00001", title: "Mid note", published: "2026-11-01", domain: "core-backend" },
      "words\n",
    ),
    "notes/never.md": noteText({ title: "Never due", published: "2026-01-01", revisit: false }, "words\n"),
  });
const cli = (root: string, ...args: string[]) => runCli([...args, "--dir", root], { env });
const paths = (root: string, ...args: string[]) =>
  cli(root, "list", "--format", "paths", ...args)
    .stdout.trim()
    .split("\n")
    .filter(Boolean);

describe("due dates in the index", () => {
  it("sorts by due date and filters is:due in list and search", () => {
    const root = make();
    expect(paths(root, "--sort", "due")).toEqual(["notes/old.md", "notes/mid.md", "notes/recent.md", "notes/never.md"]);
    expect(paths(root, "is:due", "--sort", "due")).toEqual(["notes/old.md", "notes/mid.md"]);
    const hits = JSON.parse(cli(root, "search", "words is:due", "--json").stdout) as { hits: { path: string }[] };
    expect(hits.hits.map((h) => h.path).sort()).toEqual(["notes/mid.md", "notes/old.md"]);
  });

  it("--brief counts from the cache and follows the log, the notes and the date", () => {
    const root = make();
    expect(cli(root, "revisit", "--brief").stdout).toBe("2 notes due for revisit: learn revisit --review\n");
    const db = new Database(join(root, ".learn", "index.db"), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM schedule_meta").get() as { n: number }).n).toBe(1);
    db.close();

    // a revisit appended to the log: one fewer due
    expect(cli(root, "revisit", "old", "--rating", "good").code).toBe(0);
    expect(cli(root, "revisit", "--brief").stdout).toBe("1 note due for revisit: learn revisit --review\n");
    // a note edited to never be revisited
    writeFileSync(
      join(root, "notes/mid.md"),
      noteText({ id: "mid00001", title: "Mid note", published: "2026-11-01", revisit: false }, "words\n"),
    );
    expect(cli(root, "revisit", "--brief").stdout).toBe("");
    // a line written by another machine (a union merge)
    appendFileSync(
      join(root, "revisits.jsonl"),
      `${JSON.stringify({ v: 1, event: "used", note: "rec00001", slug: "recent", date: "2026-11-26", build: "payments API v2" })}\n`,
    );
    expect(cli(root, "revisit", "--brief").stdout).toBe("1 note due for revisit: learn revisit --review\n");
    // the same workspace seen on an earlier day: events after that day do not count
    expect(runCli(["revisit", "--brief", "--dir", root], { env: { LEARN_TODAY: "2026-11-20" } }).stdout).toBe(
      "1 note due for revisit: learn revisit --review\n",
    );
    // and the cache never outlives the index
    rmSync(join(root, ".learn"), { recursive: true });
    expect(cli(root, "revisit", "--brief").stdout).toBe("1 note due for revisit: learn revisit --review\n");
  });
});
