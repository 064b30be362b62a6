import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { normaliseFrontMatter } from "../../src/core/note-normalise.js";
import {
  firstUnfinished,
  isComplete,
  markDone,
  readWeekState,
  weekRange,
  weeksBetween,
  weekStart,
} from "../../src/core/week-model.js";

const state = (raw: Record<string, unknown>) =>
  readWeekState(normaliseFrontMatter(raw).data, "2026-W48", "notes/log/2026-W48.md", DEFAULT_CONFIG);

describe("week model", () => {
  it.each([
    ["2026-W48", "2026-11-23"],
    ["2026-W01", "2025-12-29"],
    ["2004-W53", "2004-12-27"],
    ["2026-W53", "2026-12-28"],
  ])("week %s starts on %s", (label, monday) => expect(weekStart(label)).toBe(monday));

  it("counts whole weeks across a year end, and gives a week's Monday to Sunday", () => {
    expect(weeksBetween("2026-W52", "2027-W01")).toBe(2);
    expect(weekRange("2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
  });

  it("reads the loop's state and resumes at the first unfinished step", () => {
    const s = state({ week: "2026-W48", domain: "Core-Backend", note: "x", steps: ["note", "domain", "domain"] });
    expect(s).toEqual({ week: "2026-W48", domain: "core-backend", note: "x", done: ["domain", "note"] });
    expect(firstUnfinished(s)).toBe("checklist");
    const all = ["checklist", "roles", "revisit"].reduce(
      (acc, step) => markDone(acc, step as never, step === "revisit" ? { revisitPlan: "build" } : {}),
      s,
    );
    expect(all.done).toEqual(["domain", "note", "checklist", "roles", "revisit"]);
    expect(isComplete(all)).toBe(true);
    expect(firstUnfinished(all)).toBeUndefined();
  });

  it("reads a date plan written as a YAML date", () => {
    expect(
      state({
        domain: "core-backend",
        note: "x",
        steps: ["domain", "note", "checklist", "roles", "revisit"],
        revisit_plan: new Date("2026-12-10T00:00:00Z"),
      }).revisitPlan,
    ).toBe("2026-12-10");
  });

  it.each([
    [{ week: "2026-W47" }, "week: is 2026-W47 but the file is the log of 2026-W48"],
    [{ steps: "domain" }, "steps: must be a list of done steps"],
    [{ steps: ["lunch"] }, 'steps: unknown step "lunch"'],
    [{ domain: "frontend" }, "domain: unknown domain frontend (use one of core-backend"],
    [{ steps: ["domain"] }, "steps: says domain is done but `domain:` is empty"],
    [{ domain: "core-backend", steps: ["domain", "roles"] }, "steps: says roles is done but `note:` is empty"],
    [
      { domain: "core-backend", note: "x", steps: ["revisit"] },
      "steps: says revisit is done but `revisit_plan:` is empty",
    ],
    [{ revisit_plan: "later" }, "revisit_plan: must be build or a date"],
  ])("refuses a hand edit %j, naming the key", (raw, message) => {
    expect(() => state(raw)).toThrow(message);
  });
});
