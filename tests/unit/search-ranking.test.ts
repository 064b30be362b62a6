import { describe, expect, it } from "vitest";
import { search } from "../../src/commands/search.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { typoCandidates, typoDistance } from "../../src/core/fuzzy.js";
import { parseQuery } from "../../src/core/query.js";
import { plainTitle } from "../../src/core/title-text.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { rankNotes } from "../../src/store/search.js";
import { memoryIO } from "../../src/ui/io.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { workspace } from "../helpers/workspace.js";

const note = (title: string, body = "", extra = ""): string => `---\ntitle: "${title}"\n${extra}---\n\n${body}\n`;
const filler = (word: string, n: number): string => Array.from({ length: n }, (_, i) => `${word} step ${i}.`).join(" ");

/** A workspace built inline, its index, and the ranked slugs for a query. */
async function indexed(files: Record<string, string>) {
  const root = workspace(Object.fromEntries(Object.entries(files).map(([k, v]) => [`notes/${k}`, v])));
  const { index } = await openIndexLazy({
    ws: workspacePaths(root),
    config: structuredClone(DEFAULT_CONFIG),
    today: "2026-11-27",
  });
  const rank = (q: string) => rankNotes(index, { query: parseQuery(q), limit: 10, today: "2026-11-27" });
  const slugs = async (q: string) => (await rank(q)).hits.map((h) => h.note.slug);
  return { root, index, rank, slugs };
}

/** Run `learn search` in-process; stdout, stderr and the parsed JSON when asked for. */
async function run(root: string, query: string[], json = false) {
  const io = memoryIO({});
  await search({ dir: root, query, json }, io);
  const stdout = io.stdout.join("");
  return { stdout, stderr: io.stderr.join(""), json: json ? JSON.parse(stdout) : undefined };
}

describe("search ranking", () => {
  it("puts the note titled exactly as the query first, above notes that say it more often", async () => {
    const f = await indexed({
      "dataview.md": note("Dataview", "A plugin for Obsidian. " + filler("Notes about tables and lists", 20)),
      "dataview-queries.md": note("Dataview queries cookbook", filler("dataview", 30)),
      "dataview-js.md": note("DataviewJS and dataview inline fields", filler("dataview", 30)),
      "tables.md": note("Tables from dataview", filler("dataview", 30)),
    });
    expect((await f.slugs("dataview"))[0]).toBe("dataview");
    f.index.close();
  });

  it("puts a note whose file name is the query first, then notes holding every word in the title", async () => {
    const f = await indexed({
      "idempotency-keys.md": note("Making retries safe", "Keys that make a retry harmless: idempotency keys."),
      "stripe.md": note("Idempotency keys in Stripe and elsewhere", filler("idempotency keys", 10)),
      "body.md": note("Payments", filler("idempotency keys", 30)),
    });
    expect(await f.slugs("idempotency keys")).toEqual(["idempotency-keys", "stripe", "body"]);
    f.index.close();
  });

  it("reads a typo as its closest spellings, closest first: lokup ranks the Lookup notes first", async () => {
    const lookups = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `lookup-${i}.md`,
        note(`Lookup ${["", "legacy", "view", "tips", "api", "keys"][i]}`.trim(), filler("lookup", 8)),
      ]),
    );
    const f = await indexed({
      ...lookups,
      "bits.md": note("What Colour Are Your Bits?", "Colour is a property of how bits came to you, not the bits."),
      "lockup.md": note("Lockup", "A rare word a single note has."),
      "pickup.md": note("Pickup lines", "Nothing to do with lookups."),
    });
    const hits = (await f.rank("lokup")).hits;
    expect(
      hits
        .slice(0, 6)
        .map((h) => h.note.slug)
        .sort(),
    ).toEqual(Object.keys(lookups).map((k) => k.slice(0, -3)));
    expect(hits.every((h) => h.fuzzy)).toBe(true);
    expect(hits.map((h) => h.note.slug)).not.toContain("bits");
    f.index.close();
  });

  it("counts a swap of two letters as one typo, so a 4-letter word swapped is still found", async () => {
    const f = await indexed({
      "rbac.md": note("RBAC week log 210", "Roles and bindings."),
      "vram.md": note("VRAM deep dive", "Memory on the card."),
    });
    expect(await f.slugs("rabc week log 210")).toEqual(["rbac"]);
    expect(await f.slugs("varm")).toEqual(["vram"]);
    f.index.close();
  });

  it("does not pad a query with an exact hit with look-alike words", async () => {
    const f = await indexed({
      "retries.md": note("Retries and backoff", "Jitter."),
      "retiree.md": note("Retiree", "Pensions."),
      "entries.md": note("Entries", "Ledger."),
      "metric.md": note("Metrics", "Counters."),
      "retire.md": note("Retire old services", "Sunset."),
      "retrieve.md": note("Retrieve a file", "Download."),
    });
    expect(await f.slugs("retries")).toEqual(["retries"]);
    f.index.close();
  });

  it("leaves out a word no note has, says so on stderr and in --json, and still finds the rest", async () => {
    const root = workspace({
      "notes/stash.md": note("Stash changes", "Keep work aside and pop it later."),
      "notes/stash-list.md": note("List stashes", "See what was kept aside with stash list."),
      "notes/rebase.md": note("Rebase onto main", "Replay commits."),
    });
    const human = await run(root, ["gti", "stash"]);
    expect(human.stdout).toContain("Stash changes");
    expect(human.stdout).toContain("List stashes");
    expect(human.stdout).not.toContain("Rebase");
    expect(human.stderr).toMatch(/^learn: no note has "gti": showing notes that match the other words$/m);
    const json = await run(root, ["gti", "stash"], true);
    expect(json.json.relaxed).toEqual({ dropped_words: ["gti"], phrases_as_words: [] });
    expect(json.json.hits.map((h: { slug: string }) => h.slug).sort()).toEqual(["stash", "stash-list"]);
    const none = await run(root, ["quasar"]);
    expect(none.stderr).toBe("no notes match quasar\n"); // one word that no note has: nothing to relax to
  });

  it("reads a multi-word argument as its words, and an empty phrase as its words with a note", async () => {
    const root = workspace({
      "notes/yaml.md": note("Retries for broken YAML", "When the YAML is broken, the loader retries once."),
      "notes/other.md": note("Broken links", "Nothing about the markup language."),
    });
    const words = await run(root, ["broken yaml retries"]);
    expect(words.stdout).toMatch(/^1\. Retries for broken YAML$/m);
    expect(words.stderr).not.toContain("no note has");
    const phrase = await run(root, ['"broken yaml retries"'], true);
    expect(phrase.json.hits.map((h: { slug: string }) => h.slug)).toEqual(["yaml"]);
    expect(phrase.json.relaxed).toEqual({ dropped_words: [], phrases_as_words: ["broken yaml retries"] });
    const said = await run(root, ['"broken yaml retries"']);
    expect(said.stderr).toContain('no note has the phrase "broken yaml retries": showing notes with all its words');
    const adjacent = await run(root, ['"broken yaml"'], true);
    expect(adjacent.json.relaxed.phrases_as_words).toEqual([]);
  });

  it("shows titles without wiki-link markup", async () => {
    const root = workspace({
      "notes/dv.md": note("[[dataview|Dataview]] tips for [[Tables#Sorting]]", "Query notes."),
    });
    const r = await run(root, ["dataview"]);
    expect(r.stdout).toMatch(/^1\. Dataview tips for Tables > Sorting$/m);
    expect(plainTitle("[[a|b]]")).toBe("b");
    expect(plainTitle("![[diagram.png]] and [text](https://x.org)")).toBe("diagram.png and text");
    expect(plainTitle("No markup [at all]")).toBe("No markup [at all]");
  });
});

describe("typo distance", () => {
  it("counts a swap as one edit and orders candidates closest first, then most common", () => {
    expect(typoDistance("rabc", "rbac", 1)).toBe(1);
    expect(typoDistance("lokup", "lookup", 2)).toBe(1);
    expect(typoDistance("kitten", "sitting", 2)).toBe(3); // past the cap: max + 1
    const vocab: [string, number][] = [
      ["lookup", 40],
      ["lockup", 1],
      ["look", 90],
      ["colour", 3],
    ];
    expect(typoCandidates("lokup", vocab).map((c) => c.term)).toEqual(["lookup", "lockup"]);
    expect(
      typoCandidates("gti", [
        ["git", 5],
        ["gtk", 9],
      ]).map((c) => c.term),
    ).toEqual(["git"]);
  });
});
