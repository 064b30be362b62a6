import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { list } from "../../src/commands/list.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { call } from "../helpers/in-process.js";
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
const today = env.LEARN_TODAY;
const paths = async (root: string, filters: string[], sort?: string) =>
  (await call(list, { dir: root, today, format: "paths", filters, sort })).stdout.trim().split("\n").filter(Boolean);
const brief = async (root: string, day = today) => (await call(revisit, { dir: root, today: day, brief: true })).stdout;

describe("due dates in the index", () => {
  it("sorts by due date and filters is:due in list and search", async () => {
    const root = make();
    expect(await paths(root, [], "due")).toEqual(["notes/old.md", "notes/mid.md", "notes/recent.md", "notes/never.md"]);
    expect(await paths(root, ["is:due"], "due")).toEqual(["notes/old.md", "notes/mid.md"]);
    const found = await call(search, { dir: root, today, query: ["words is:due"], json: true });
    const hits = JSON.parse(found.stdout) as { hits: { path: string }[] };
    expect(hits.hits.map((h) => h.path).sort()).toEqual(["notes/mid.md", "notes/old.md"]);
  });

  it("--brief counts from the cache and follows the log, the notes and the date", async () => {
    const root = make();
    // the shell prompt's line, from a real process first
    expect(runCli(["revisit", "--brief", "--dir", root], { env }).stdout).toBe(
      "2 notes due for revisit: learn revisit --review\n",
    );
    const db = new Database(join(root, ".learn", "index.db"), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM schedule_meta").get() as { n: number }).n).toBe(1);
    db.close();

    // a revisit appended to the log: one fewer due
    expect((await call(revisit, { dir: root, today, slug: "old", rating: "good" })).code).toBe(0);
    expect(await brief(root)).toBe("1 note due for revisit: learn revisit --review\n");
    // a note edited to never be revisited
    writeFileSync(
      join(root, "notes/mid.md"),
      noteText({ id: "mid00001", title: "Mid note", published: "2026-11-01", revisit: false }, "words\n"),
    );
    expect(await brief(root)).toBe("");
    // a line written by another machine (a union merge)
    appendFileSync(
      join(root, "revisits.jsonl"),
      `${JSON.stringify({ v: 1, event: "used", note: "rec00001", slug: "recent", date: "2026-11-26", build: "payments API v2" })}\n`,
    );
    expect(await brief(root)).toBe("1 note due for revisit: learn revisit --review\n");
    // the same workspace seen on an earlier day: events after that day do not count
    expect(await brief(root, "2026-11-20")).toBe("1 note due for revisit: learn revisit --review\n");
    // and the cache never outlives the index
    rmSync(join(root, ".learn"), { recursive: true });
    expect(await brief(root)).toBe("1 note due for revisit: learn revisit --review\n");
  });
});
