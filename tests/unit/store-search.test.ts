import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LearnError } from "../../src/core/errors.js";
import { parseQuery } from "../../src/core/query.js";
import { listNotes, parseSort } from "../../src/store/list.js";
import { openIndexLazy } from "../../src/store/open-lazy.js";
import { searchNotes } from "../../src/store/search.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { noteText, workspace } from "../helpers/workspace.js";

async function fixture() {
  const root = workspace({
    "notes/idempotency-keys.md": noteText(
      {
        title: "Idempotency keys",
        type: "doc",
        status: "evergreen",
        visibility: "public",
        domain: "core-backend",
        tags: ["http", "retries"],
        updated: "2026-03-01",
        published: "2026-01-01",
      },
      "# Idempotency keys\n\nA retry must not charge twice. Café owners agree.\n",
    ),
    "notes/retries.md": noteText(
      {
        title: "Retries and backoff",
        type: "cheatsheet",
        status: "budding",
        visibility: "private",
        domain: "core-backend",
        tags: ["retries"],
        roles: ["backend"],
        updated: "2026-02-01",
        published: "2026-01-05",
      },
      "# Retries\n\nUse jitter. Mentions idempotency once in the body.\n",
    ),
    "notes/k8s.md": noteText(
      {
        title: "Kubernetes autoscaling",
        type: "doc",
        status: "seedling",
        domain: "cloud-deployment",
        tags: ["kubernetes"],
        updated: "2026-01-01",
        published: "2025-12-01",
      },
      "# Kubernetes\n\nThe horizontal pod autoscaler and error budget alerts.\n",
    ),
  });
  const { index } = await openIndexLazy({
    ws: workspacePaths(root),
    config: structuredClone(DEFAULT_CONFIG),
    today: "2026-11-27",
  });
  const search = (q: string, limit = 10) => searchNotes(index, { query: parseQuery(q), limit, today: "2026-11-27" });
  const slugs = async (q: string, limit = 10) => (await search(q, limit)).map((h) => h.note.slug);
  return { index, search, slugs };
}

describe("searchNotes", () => {
  it("ranks a title match above a body match and highlights the words", async () => {
    const f = await fixture();
    const hits = await f.search("idempotency");
    expect(hits.map((h) => h.note.slug)).toEqual(["idempotency-keys", "retries"]);
    const h = hits[0]!;
    expect(h.fuzzy).toBe(false);
    expect(h.matches.length).toBeGreaterThan(0);
    for (const [s, e] of h.matches) expect(h.snippet.slice(s, e).toLowerCase()).toBe("idempotency");
    f.index.close();
  });

  it("stems English and folds diacritics", async () => {
    const f = await fixture();
    expect(await f.slugs("retrying")).toContain("idempotency-keys");
    expect(await f.slugs("cafe")).toEqual(["idempotency-keys"]);
    f.index.close();
  });

  it("supports phrases, exclusion, OR, prefixes and filters", async () => {
    const f = await fixture();
    expect(await f.slugs('"error budget"')).toEqual(["k8s"]);
    expect(await f.slugs('"budget error"')).toEqual(["k8s"]); // no note has the phrase: read as its words
    expect(await f.slugs("idempotency -jitter")).toEqual(["idempotency-keys"]);
    expect((await f.slugs("jitter OR autoscaler")).sort()).toEqual(["k8s", "retries"]);
    expect(await f.slugs("autoscal*")).toEqual(["k8s"]);
    expect(await f.slugs("idempotency type:cheatsheet")).toEqual(["retries"]);
    expect(await f.slugs("idempotency is:public")).toEqual(["idempotency-keys"]);
    expect(await f.slugs("tag:retries role:backend")).toEqual(["retries"]);
    expect(await f.slugs("updated:>2026-01-15")).toEqual(["idempotency-keys", "retries"]);
    expect(await f.slugs("-idempotency")).toEqual(["k8s"]);
    f.index.close();
  });

  it("forgives typos with fuzzy hits when exact ones run short", async () => {
    const f = await fixture();
    const hits = await f.search("idempotncy");
    expect(hits[0]?.note.slug).toBe("idempotency-keys");
    expect(hits[0]?.fuzzy).toBe(true);
    expect(await f.slugs("kubernets")).toEqual(["k8s"]);
    expect(await f.slugs("autoscalng")).toEqual(["k8s"]);
    f.index.close();
  });

  it("gives results or a LearnError for any input, never a raw SQLite error", async () => {
    const f = await fixture();
    const odd = [
      '"',
      "*",
      ":",
      "OR",
      "AND",
      "NOT",
      "-",
      "(",
      ")",
      "NEAR(a b)",
      "'; DROP TABLE notes; --",
      "title:x",
      "^a",
      "a AND",
      '""',
      "{title}:x",
    ];
    for (const q of odd) await expect(f.search(q)).resolves.toBeInstanceOf(Array);
    await fc.assert(
      fc.asyncProperty(fc.string(), async (s) => {
        try {
          await f.search(s, 3);
        } catch (err) {
          expect(err).toBeInstanceOf(LearnError);
        }
      }),
      { numRuns: 300 },
    );
    f.index.close();
  });

  it("says due dates come with revisits for is:due", async () => {
    const f = await fixture();
    await expect(f.search("is:due")).rejects.toThrow(/due dates are not available yet/);
    f.index.close();
  });
});

describe("listNotes", () => {
  it("filters and sorts", async () => {
    const f = await fixture();
    const list = (q: string, sort: string) =>
      listNotes(f.index, { filters: parseQuery(q).filters, sort: parseSort(sort), today: "2026-11-27" }).map(
        (n) => n.slug,
      );
    expect(list("", "updated")).toEqual(["idempotency-keys", "retries", "k8s"]);
    expect(list("", "published")).toEqual(["retries", "idempotency-keys", "k8s"]);
    expect(list("", "title")).toEqual(["idempotency-keys", "k8s", "retries"]);
    expect(list("domain:core-backend", "status")).toEqual(["retries", "idempotency-keys"]);
    expect(() => list("", "due")).toThrow(/due dates are not available yet/);
    expect(() => parseSort("size")).toThrow(/updated\|published\|title\|type\|status\|due/);
    f.index.close();
  });

  it("sorts by due date and filters is:due once due dates are plugged in", async () => {
    const f = await fixture();
    const due = new Map([
      ["notes/k8s.md", "2026-11-01"],
      ["notes/retries.md", "2026-12-24"],
    ]);
    const rows = listNotes(f.index, { filters: parseQuery("").filters, sort: "due", today: "2026-11-27", due }).map(
      (n) => n.slug,
    );
    expect(rows).toEqual(["k8s", "retries", "idempotency-keys"]);
    const dueNow = listNotes(f.index, {
      filters: parseQuery("is:due").filters,
      sort: "title",
      today: "2026-11-27",
      due,
    }).map((n) => n.slug);
    expect(dueNow).toEqual(["k8s"]);
    f.index.close();
  });
});
