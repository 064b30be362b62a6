import { describe, expect, it } from "vitest";
import { search } from "../../src/commands/search.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { noteText, workspace } from "../helpers/workspace.js";

// A typo is matched against the words of titles, slugs, tags and aliases: a note remembered by its
// alias (`aliases: [btree primer]`) is found with the alias mistyped, as it is with the title mistyped.
const files = {
  "notes/postgres-indexes.md": noteText(
    { title: "Postgres Indexes", aliases: ["btree primer"] },
    "How indexes work.\n",
  ),
  "notes/queues.md": noteText({ title: "Queues" }, "At-least-once delivery.\n"),
};

describe("typos in an alias", () => {
  it("find the note by its alias mistyped", async () => {
    const root = workspace(files);
    type Hits = { hits: { path: string }[] };
    const exact = jsonOf<Hits>(await call(search, { dir: root, query: ["primer"], json: true }));
    expect(exact.hits.map((h) => h.path)).toEqual(["notes/postgres-indexes.md"]);
    const typo = jsonOf<Hits>(await call(search, { dir: root, query: ["primr"], json: true }));
    expect(typo.hits.map((h) => h.path)[0]).toBe("notes/postgres-indexes.md");
  });
});
