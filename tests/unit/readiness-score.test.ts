import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { coverage, readiness, readinessScore } from "../../src/core/readiness-score.js";

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

  it.each([
    [
      {
        notes: 0,
        byStatus: { seedling: 0, budding: 0, evergreen: 0 },
        items: { total: 4, covered: 4, uncovered: [] },
        revisits: { onTime: 0, overdue: 0 },
      },
      0,
    ],
    [
      {
        notes: 2,
        byStatus: { seedling: 0, budding: 1, evergreen: 1 },
        items: { total: 4, covered: 2, uncovered: [] },
        revisits: { onTime: 1, overdue: 1 },
      },
      58,
    ],
    [
      {
        notes: 1,
        byStatus: { seedling: 1, budding: 0, evergreen: 0 },
        items: { total: 0, covered: 0, uncovered: [] },
        revisits: { onTime: 0, overdue: 0 },
      },
      40,
    ],
    [
      {
        notes: 1,
        byStatus: { seedling: 0, budding: 0, evergreen: 1 },
        items: { total: 2, covered: 2, uncovered: [] },
        revisits: { onTime: 1, overdue: 0 },
      },
      100,
    ],
  ])("scores %j as %i", (row, score) => expect(readinessScore(row)).toBe(score));

  it("measures roles against all items by their own notes, and domains against their section by any note", () => {
    const items = [item("x", "core-backend"), item("y", "cloud-deployment")];
    const notes = [
      note("n1", { roles: ["backend"], covers: ["x"], status: "evergreen", due: "2026-12-01" }),
      note("n2", { roles: ["cloud"], domain: "cloud-deployment", covers: ["x"], due: "2026-11-01" }),
    ];
    const groups = readiness(DEFAULT_CONFIG, notes, items, coverage(items, notes, []), "2026-11-27");
    const by = (id: string) => groups.find((g) => g.id === id)!;
    expect(by("backend")).toMatchObject({
      notes: 1,
      items: { total: 2, covered: 1 },
      revisits: { onTime: 1, overdue: 0 },
      score: Math.round(100 * (0.25 + 0.3 + 0.2)),
    });
    expect(by("cloud")).toMatchObject({ notes: 1, revisits: { onTime: 0, overdue: 1 } });
    expect(by("cloud-deployment")).toMatchObject({ kind: "domain", notes: 1, items: { total: 1, covered: 0 } });
    expect(by("core-backend").items.covered).toBe(1);
  });
});
