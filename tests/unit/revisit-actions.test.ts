import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { actionEvent, parseRating, revisitAction, type RevisitFlags } from "../../src/core/revisit-actions.js";

const usage = (f: RevisitFlags): string => {
  try {
    revisitAction(f);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error("no usage error");
};

describe("revisitAction", () => {
  it("reads what to record", () => {
    expect(revisitAction({ slug: "a", rating: "Good", note: " told a colleague " })).toEqual({
      kind: "rate",
      rating: "good",
      remark: "told a colleague",
    });
    expect(revisitAction({ slug: "a", usedIn: " payments API v2 " })).toEqual({
      kind: "used",
      build: "payments API v2",
    });
    expect(revisitAction({ slug: "a", snooze: "2w" })).toEqual({ kind: "snooze", days: 14 });
    expect(revisitAction({ within: "3d" })).toBeUndefined();
    expect(revisitAction({ slug: "a" })).toBeUndefined();
  });

  it.each<[RevisitFlags, string]>([
    [{ slug: "a", rating: "good", snooze: "3d" }, "--rating and --snooze cannot be used together"],
    [{ slug: "a", usedIn: "x", rating: "good" }, "--rating and --used-in cannot be used together"],
    [{ rating: "good" }, "--rating needs a note"],
    [{ slug: "a", note: "x" }, "--note goes with --rating"],
    [{ slug: "a", rating: "good", review: true }, "--rating and --review cannot be used together"],
    [{ brief: true, upcoming: true }, "--upcoming and --brief cannot be used together"],
    [{ slug: "a", orphans: true }, "--orphans lists notes; it takes no note"],
    [{ slug: "a", usedIn: "  " }, "--used-in needs the name of the build"],
    [{ slug: "a", snooze: "3x" }, "--snooze 3x: not a duration"],
    [{ slug: "a", snooze: "-2d" }, "--snooze -2d: not a duration"],
    [{ slug: "a", snooze: "0d" }, "--snooze 0d: must be at least 1 day"],
    [{ within: "soon" }, "--within soon: not a duration"],
  ])("refuses %j", (flags, message) => expect(usage(flags)).toBe(message));

  it("lists the ratings and what they mean for an unknown one", () => {
    expect(() => parseRating("great")).toThrow("--rating great: must be one of again|hard|good|easy");
    try {
      parseRating("great");
    } catch (err) {
      expect((err as UsageError).hint).toBe(
        "again: couldn't explain it, hard: shaky, good: solid, easy: could teach it",
      );
    }
  });
});

describe("actionEvent", () => {
  const s = { key: "k3x", slug: "http-caching", due: "2026-11-20" };
  it("writes the note's key, its slug and today", () => {
    expect(actionEvent({ kind: "rate", rating: "hard" }, s, "2026-11-27")).toEqual({
      v: 1,
      event: "revisit",
      note: "k3x",
      slug: "http-caching",
      date: "2026-11-27",
      rating: "hard",
    });
    expect(actionEvent({ kind: "used", build: "b" }, s, "2026-11-27")).toMatchObject({ event: "used", build: "b" });
  });

  it("snoozes from today when the note is due, and from its due date when it is not yet", () => {
    expect(actionEvent({ kind: "snooze", days: 3 }, s, "2026-11-27")).toMatchObject({
      event: "snooze",
      until: "2026-11-30",
    });
    expect(actionEvent({ kind: "snooze", days: 3 }, { ...s, due: "2026-12-10" }, "2026-11-27")).toMatchObject({
      until: "2026-12-13",
    });
  });
});
