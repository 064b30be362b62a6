import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { UsageError } from "../../src/core/errors.js";
import { parseQuery, toFtsMatch } from "../../src/core/query.js";
import { hasFilters } from "../../src/core/query-filters.js";

const texts = (q: ReturnType<typeof parseQuery>) =>
  q.clauses.map((c) => c.map((t) => `${t.text}${t.prefix ? "*" : ""}${t.phrase ? "(p)" : ""}`).join("|"));

describe("parseQuery", () => {
  it.each([
    ["retry backoff", ["retry", "backoff"], []],
    ['"error budget" slo', ["error budget(p)", "slo"], []],
    ["retr* cache", ["retr*", "cache"], []],
    ["a OR b c", ["a|b", "c"], []],
    ["OR a OR", ["a"], []],
    ['a -b -"c d"', ["a"], ["b", "c d"]],
    ['"unbalanced quote', ["unbalanced quote(p)"], []],
    ["* : -- - \" ''", [], []],
  ])("%s", (input, clauses, excluded) => {
    const q = parseQuery(input);
    expect(texts(q)).toEqual(clauses);
    expect(q.excluded.map((t) => t.text)).toEqual(excluded);
  });

  it("reads filters inline, with aliases and alternatives", () => {
    const q = parseQuery(
      "type:note,blog status:Evergreen tag:http tag:caching is:public updated:>2026-01-01 published:<=2026-6-30 words",
    );
    expect(q.filters.type).toEqual(["doc", "blog"]);
    expect(q.filters.status).toEqual(["evergreen"]);
    expect(q.filters.tag).toEqual(["http", "caching"]);
    expect(q.filters.visibility).toEqual(["public"]);
    expect(q.filters.updated).toEqual([{ op: ">", date: "2026-01-01" }]);
    expect(q.filters.published).toEqual([{ op: "<=", date: "2026-06-30" }]);
    expect(texts(q)).toEqual(["words"]);
    expect(hasFilters(q.filters)).toBe(true);
  });

  it("accepts is:due and marks it", () => {
    expect(parseQuery("is:due").filters.due).toBe(true);
  });

  it("treats unknown key:value as words", () => {
    expect(texts(parseQuery("foo:bar"))).toEqual(["foo:bar"]);
  });

  it.each(["type:zzz", "status:ripe", "updated:>yesterday", "is:secret", "difficulty:hard"])(
    "rejects %s with a usage error",
    (input) => {
      expect(() => parseQuery(input)).toThrow(UsageError);
    },
  );
});

describe("toFtsMatch", () => {
  it("quotes every term, groups OR, appends exclusions", () => {
    expect(toFtsMatch(parseQuery('a OR b "c d" e* -f'))).toBe('(("a" OR "b") AND "c d" AND "e"*) NOT ("f")');
  });

  it("escapes double quotes and leaves SQL text inert", () => {
    expect(toFtsMatch(parseQuery(`x"y '; DROP TABLE notes; --`))).toBe(`"x""y" AND "DROP" AND "TABLE" AND "notes;"`);
  });

  it("has no match expression when nothing positive is left", () => {
    expect(toFtsMatch(parseQuery("-a type:doc"))).toBeUndefined();
  });

  it("never throws for any input other than a bad filter value", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const m = toFtsMatch(parseQuery(s));
          if (m !== undefined) expect(m.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
