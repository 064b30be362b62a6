import { describe, expect, it } from "vitest";
import { formatDays, parseDuration } from "../../src/core/revisit-duration.js";

describe("parseDuration", () => {
  it.each([
    ["3d", 3],
    ["2w", 14],
    ["1m", 30],
    ["1y", 365],
    ["0d", 0],
    [" 10D ", 10],
  ])("reads %j as %i days", (text, days) => expect(parseDuration(text)).toBe(days));

  it.each(["3x", "-2d", "2", "d", "1.5d", "3 days", "", "soon", "+3d"])("refuses %j", (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe("formatDays", () => {
  it.each([
    [1, "1 day"],
    [12, "12 days"],
    [21, "3 weeks"],
    [20, "20 days"],
    [90, "3 months"],
    [365, "1 year"],
  ])("says %i days as %j", (days, text) => expect(formatDays(days)).toBe(text));
});
