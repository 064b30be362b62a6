import { describe, expect, it } from "vitest";
import { heatMap, streak } from "../../src/core/week-streak.js";

const weeks = (entries: [string, number][]) => new Map(entries);

describe("streak and heat map", () => {
  it.each<[string, [string, number][], string, number]>([
    ["nothing done", [], "2026-11-27", 0],
    ["this week done", [["2026-W48", 5]], "2026-11-27", 1],
    [
      "this week in progress keeps last week's run",
      [
        ["2026-W46", 5],
        ["2026-W47", 5],
        ["2026-W48", 3],
      ],
      "2026-11-27",
      2,
    ],
    [
      "a missed week breaks it",
      [
        ["2026-W45", 5],
        ["2026-W47", 5],
        ["2026-W48", 5],
      ],
      "2026-11-27",
      2,
    ],
    [
      "four of five steps is not a finished week",
      [
        ["2026-W47", 4],
        ["2026-W48", 5],
      ],
      "2026-11-27",
      1,
    ],
    [
      "across a 53-week year end",
      [
        ["2026-W52", 5],
        ["2026-W53", 5],
        ["2027-W01", 5],
      ],
      "2027-01-06",
      3,
    ],
    [
      "across 2004-W53",
      [
        ["2004-W52", 5],
        ["2004-W53", 5],
      ],
      "2005-01-02",
      2,
    ],
  ])("%s", (_name, entries, today, expected) => expect(streak(weeks(entries), today)).toBe(expected));

  it("covers the last 26 weeks, oldest first, ending with this week", () => {
    const cells = heatMap(
      weeks([
        ["2027-W01", 5],
        ["2026-W53", 2],
        ["2026-W28", 5],
      ]),
      "2027-01-06",
    );
    expect(cells).toHaveLength(26);
    expect(cells[0]).toEqual({ week: "2026-W29", done: 0 });
    expect(cells.slice(-2)).toEqual([
      { week: "2026-W53", done: 2 },
      { week: "2027-W01", done: 5 },
    ]);
  });
});
