import { describe, expect, it } from "vitest";
import { dateFormatOf, toIsoDate, toUserDay } from "../../src/core/dates.js";
import { setFrontMatter } from "../../src/core/front-matter-edit.js";
import { normaliseFrontMatter } from "../../src/core/note-normalise.js";
import { parseNote } from "../../src/core/note-parse.js";

// Dates and publish flags as other tools write them: Dendron's epoch milliseconds, Jekyll's
// `date:` and `published: true`, Obsidian's `created:`/`modified:`, datetimes with offsets.

describe("toIsoDate reads the date dialects", () => {
  it.each<[unknown, string | undefined]>([
    [1659715122710, "2022-08-05"], // Dendron: epoch ms
    ["1659715122710", "2022-08-05"],
    [1659715122, "2022-08-05"], // epoch seconds
    ["1659715122", "2022-08-05"],
    ["2023-04-02T01:00:00+05:00", "2023-04-02"], // the day in its own offset, not UTC's 1st
    ["2023-04-02T23:30:00-07:00", "2023-04-02"],
    ["2023-04-02T10:00:00Z", "2023-04-02"],
    ["2023-04-02 10:00", "2023-04-02"],
    ["2023-04-02", "2023-04-02"],
    [new Date("2023-04-02T00:00:00Z"), "2023-04-02"],
    [2024, undefined], // a year is not an epoch
    [12345, undefined],
    [1e15, undefined], // past the sane range
    [-1659715122710, undefined],
    [Number.NaN, undefined],
    ["soon", undefined],
    [true, undefined],
  ])("%s -> %s", (value, day) => {
    expect(toIsoDate(value)).toBe(day);
  });

  it("a day typed by the user (--today) is still only YYYY-MM-DD", () => {
    expect(toUserDay("1659715122710")).toBeUndefined();
    expect(toUserDay("2026-11-27")).toBe("2026-11-27");
  });

  it.each<[unknown, string | undefined]>([
    [1659715122710, "epoch-ms"],
    ["1659715122", "epoch-s"],
    ["2023-04-02T10:00:00Z", "datetime"],
    ["2023-04-02", "day"],
    ["soon", undefined],
  ])("the format of %s is %s", (value, format) => {
    expect(dateFormatOf(value)).toBe(format);
  });
});

describe("front matter in other tools' dialects", () => {
  it("Dendron's epoch-ms created:/updated: are dates, with no warning", () => {
    const p = parseNote(
      "---\nid: x1\ntitle: Lookup\ndesc: ''\nupdated: 1659715122710\ncreated: 1640995200000\n---\n",
      "l",
    );
    expect(p.warnings).toEqual([]);
    expect(p.data.updated).toBe("2022-08-05");
    expect(p.data.published).toBe("2022-01-01"); // created: stands for published: when that is absent
  });

  it("a datetime keeps the day its writer saw (unquoted YAML timestamps are not turned into UTC)", () => {
    expect(parseNote("---\npublished: 2023-04-02T01:00:00+05:00\n---\n", "a").data.published).toBe("2023-04-02");
  });

  it.each<[string, { published?: string; updated?: string }]>([
    ["date: 2021-05-06", { published: "2021-05-06" }],
    ["created: 2021-05-06\nmodified: 2022-01-02", { published: "2021-05-06", updated: "2022-01-02" }],
    ["date: 2021-05-06\ncreated: 2020-01-01", { published: "2021-05-06" }], // date: first, as Jekyll reads it
    ["published: 2024-01-01\ncreated: 2020-01-01", { published: "2024-01-01" }], // learn's own key wins
    ["updated: 2024-01-01\nmodified: 2020-01-01", { updated: "2024-01-01" }],
  ])("%s", (yaml, dates) => {
    const p = parseNote(`---\n${yaml}\n---\n`, "a");
    expect(p.warnings).toEqual([]);
    expect({ published: p.data.published, updated: p.data.updated }).toEqual({
      published: dates.published,
      updated: dates.updated,
    });
  });

  it("a date key whose value is not a date still warns, naming the key", () => {
    expect(parseNote("---\ncreated: someday\n---\n", "a").warnings).toEqual([
      { key: "created", message: "must be a date like 2026-11-26", severity: "warning" },
    ]);
    expect(parseNote("---\npublished: next tuesday\n---\n", "a").warnings).toHaveLength(1);
  });

  it.each<[string, string | undefined]>([
    ["published: true", "public"],
    ["published: false", "private"],
    ["publish: true", "public"],
    ["publish: false", "private"],
    ["publish: true\nvisibility: private", "private"], // an explicit visibility: wins
    ["published: 'true'", "public"],
  ])("%s is a visibility setting, not a broken date", (yaml, visibility) => {
    const p = parseNote(`---\n${yaml}\n---\n`, "a");
    expect(p.warnings).toEqual([]);
    expect(p.data.visibility).toBe(visibility);
    expect(p.data.published).toBeUndefined();
  });

  it("publish_flag maps the flag as configured, and false ignores it", () => {
    expect(normaliseFrontMatter({ publish: true }, { true: "private", false: "private" }).data.visibility).toBe(
      "private",
    );
    const ignored = normaliseFrontMatter({ published: true }, false);
    expect(ignored.data.visibility).toBeUndefined();
    expect(ignored.warnings).toEqual([]);
  });

  it("a note without title: takes its H1, else the file name, with no warning", () => {
    expect(parseNote("---\ntags: [a]\n---\n# Dataview\n", "dv")).toMatchObject({ title: "Dataview", warnings: [] });
    expect(parseNote("just text\n", "my-note")).toMatchObject({ title: "my-note", warnings: [] });
  });
});

describe("setFrontMatter keeps a date key's format", () => {
  const ms = Date.UTC(2026, 11, 1);
  it.each<[string, string]>([
    ["updated: 1659715122710", `updated: ${ms}`],
    ["updated: '1659715122710'", `updated: "${ms}"`],
    ["updated: 1659715122", `updated: ${ms / 1000}`],
    ["updated: 2023-04-02T10:00:00+05:00", "updated: 2026-12-01T00:00:00Z"],
    ["updated: 2023-04-02", "updated: 2026-12-01"],
    ["updated: not a date", "updated: 2026-12-01"],
  ])("%s -> %s", (before, after) => {
    const text = `---\nid: x1\n${before}   # kept\ncreated: 1659715122710\n---\nBody\n`;
    expect(setFrontMatter(text, { updated: "2026-12-01" })).toBe(
      `---\nid: x1\n${after}   # kept\ncreated: 1659715122710\n---\nBody\n`,
    );
  });

  it("a key learn does not own keeps whatever it is given", () => {
    expect(setFrontMatter("---\ncreated: 1659715122710\n---\n", { created: "2026-12-01" })).toBe(
      "---\ncreated: 2026-12-01\n---\n",
    );
  });
});
