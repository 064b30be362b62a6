import { describe, expect, it } from "vitest";
import { addDays, isoWeek, toIsoDate } from "../../src/core/dates.js";

describe("isoWeek", () => {
  it.each([
    ["2005-01-02", "2004-W53"],
    ["2025-12-29", "2026-W01"],
    ["2026-11-23", "2026-W48"],
    ["2026-11-29", "2026-W48"],
    ["2027-01-01", "2026-W53"],
    ["2027-01-04", "2027-W01"],
  ])("%s is %s", (day, label) => {
    expect(isoWeek(day).label).toBe(label);
  });
});

describe("dates", () => {
  it("rejects impossible dates and reads timestamps", () => {
    expect(toIsoDate("2026-02-30")).toBeUndefined();
    expect(toIsoDate("2026-11-27T23:59:59Z")).toBe("2026-11-27");
    expect(toIsoDate(new Date("x"))).toBeUndefined();
  });

  it("adds days across a year end", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});
