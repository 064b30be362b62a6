import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { checklistItems, parseRevisitPlan, requireRoles, requireWeekType } from "../../src/core/week-input.js";

describe("week flags", () => {
  it.each([
    ["build", "build"],
    ["BUILD", "build"],
    ["2026-12-10", "2026-12-10"],
    ["2026-11-27", "2026-11-27"],
    ["2w", "2026-12-11"],
    ["1m", "2026-12-27"],
  ])("reads the revisit plan %s", (text, plan) => expect(parseRevisitPlan(text, "2026-11-27")).toBe(plan));

  it.each([
    ["2026-11-26", "that date is in the past (today is 2026-11-27)"],
    ["2026-02-30", "not a date"],
    ["soon", "not a date"],
    ["0d", "must be at least 1 day"],
  ])("refuses the revisit plan %s", (text, message) =>
    expect(() => parseRevisitPlan(text, "2026-11-27")).toThrow(message),
  );

  it("checks checklist items, roles and the note type", () => {
    expect(checklistItems([" a ", "b", "a"])).toEqual(["a", "b"]);
    expect(() => checklistItems([])).toThrow("--checklist needs at least one item");
    expect(() => checklistItems(["a", " "])).toThrow("--checklist: an item is empty");
    expect(requireRoles(["Backend,cloud", "backend"], DEFAULT_CONFIG)).toEqual(["backend", "cloud"]);
    expect(() => requireRoles(["chef"], DEFAULT_CONFIG)).toThrow("unknown role: chef");
    expect(requireWeekType("note")).toBe("doc");
    expect(() => requireWeekType("log")).toThrow("must be one of doc|cheatsheet|blog");
  });
});
