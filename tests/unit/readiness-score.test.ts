import { describe, expect, it } from "vitest";
import { coverage } from "../../src/core/readiness-score.js";

const item = (id: string, domain?: string, links: string[] = []) => ({
  id,
  name: id,
  links,
  line: 1,
  ...(domain ? { domain } : {}),
});
const note = (
  slug: string,
  o: Partial<{
    type: string;
    status: string;
    domain: string;
    roles: string[];
    covers: string[];
    due: string | null;
  }> = {},
) => ({
  slug,
  type: o.type ?? "doc",
  status: o.status ?? "seedling",
  domain: o.domain ?? "core-backend",
  roles: o.roles ?? [],
  covers: o.covers ?? [],
  due: o.due === undefined ? null : o.due,
});

describe("readiness", () => {
  it("finds coverage by covers:, by a link to the item id, and by the item's bullet linking to the note; never by logs", () => {
    const items = [item("a"), item("b"), item("c", undefined, ["n3"]), item("d")];
    const notes = [note("n1", { covers: ["A"] }), note("n2"), note("n3"), note("log", { type: "log", covers: ["d"] })];
    const cov = coverage(items, notes, [
      { from_slug: "n2", target: "b" },
      { from_slug: "n2", target: "../x/b.md" },
    ]);
    expect(Object.fromEntries([...cov].map(([k, v]) => [k, [...v]]))).toEqual({
      a: ["n1"],
      b: ["n2"],
      c: ["n3"],
      d: [],
    });
  });
});
