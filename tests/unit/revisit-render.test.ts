import { describe, expect, it } from "vitest";
import type { NoteSchedule } from "../../src/core/revisit-replay.js";
import {
  briefLine,
  dueCountLine,
  entryJson,
  renderDueList,
  renderRecorded,
  renderUpcoming,
  whenText,
  whyText,
  type RevisitEntry,
} from "../../src/ui/render-revisit.js";
import { plainTheme } from "../../src/ui/theme.js";

const t = plainTheme();
const TODAY = "2026-11-27";
const sched = (o: Partial<NoteSchedule> = {}): NoteSchedule => ({
  key: "k3x",
  slug: "http-caching",
  due: "2026-11-20",
  reason: { kind: "scheduled", since: "2026-11-20" },
  lastRevisit: "2026-11-01",
  lastRating: "good",
  interval: 19,
  revisits: 1,
  scheduler: "fsrs",
  ...o,
});
const entry = (s: NoteSchedule, title = "HTTP caching"): RevisitEntry => ({
  schedule: s,
  name: s.slug,
  title,
  path: `notes/${s.slug}.md`,
  summary: null,
  checklist: { done: 0, total: 0 },
});

describe("why and when", () => {
  it.each<[Partial<NoteSchedule>, string]>([
    [{}, "scheduled (due since 2026-11-20)"],
    [{ due: "2026-12-20", reason: { kind: "scheduled", since: "2026-12-20" } }, "scheduled after a good revisit"],
    [{ reason: { kind: "new", published: "2026-11-13" } }, "never revisited (published 2026-11-13)"],
    [
      { reason: { kind: "used", build: "payments API v2", date: "2026-11-26" } },
      "used in a build: payments API v2 (2026-11-26)",
    ],
    [
      { reason: { kind: "used", build: "x", date: "2026-11-26" }, snoozedUntil: "2026-11-29" },
      "used in a build: x (2026-11-26), snoozed until 2026-11-29",
    ],
    [{ due: null, reason: null, scheduler: "never" }, "never due (revisit: false)"],
  ])("says why for %j", (o, text) => expect(whyText(sched(o), TODAY)).toBe(text));

  it.each([
    ["2026-11-20", "7 days overdue"],
    ["2026-11-26", "1 day overdue"],
    ["2026-11-27", "due today"],
    ["2026-11-30", "due 2026-11-30 (in 3 days)"],
  ])("says when %s is due", (due, text) => expect(whenText(due, TODAY)).toBe(text));
});

describe("lines", () => {
  it("aligns the due list in columns", () => {
    const text = renderDueList(
      [
        entry(sched()),
        entry(sched({ slug: "retries", due: TODAY, reason: { kind: "new", published: "2026-11-20" } }), "Retries"),
      ],
      TODAY,
      t,
      200,
    );
    expect(text.split("\n")).toEqual([
      "http-caching  HTTP caching  7 days overdue  scheduled (due since 2026-11-20)",
      "retries       Retries       due today       never revisited (published 2026-11-20)",
    ]);
  });

  it("counts, and stays silent in --brief when nothing is due", () => {
    expect(dueCountLine(1, 0)).toBe("1 note due for revisit: learn revisit --review");
    expect(dueCountLine(0, 3)).toBe("no notes due for revisit within 3 days");
    expect(briefLine(3)).toBe("3 notes due for revisit: learn revisit --review");
    expect(briefLine(0)).toBe("");
  });

  it("says what a record did", () => {
    const next = sched({ due: "2026-12-18", lastRevisit: TODAY });
    expect(renderRecorded({ v: 1, event: "revisit", note: "k3x", date: TODAY, rating: "good" }, next, TODAY, t)).toBe(
      "revisited http-caching (good): next due 2026-12-18, interval 19 days",
    );
    expect(
      renderRecorded({ v: 1, event: "snooze", note: "k3x", date: TODAY, until: "2026-11-30" }, next, TODAY, t),
    ).toBe("snoozed http-caching until 2026-11-30");
  });

  it("draws the weeks as bars scaled to the largest count", () => {
    const text = renderUpcoming(
      {
        now: 2,
        weeks: [
          { start: "2026-11-23", count: 4 },
          { start: "2026-11-30", count: 0 },
        ],
      },
      (d) => (d === "2026-11-23" ? "2026-W48" : "2026-W49"),
      t,
    );
    expect(text.split("\n")).toEqual([
      `due now           2  ${"█".repeat(15)}`,
      `2026-W48 11-23    4  ${"█".repeat(30)}`,
      "2026-W49 11-30    0  ·",
    ]);
  });

  it("builds JSON with the overdue days and the reason in words", () => {
    expect(entryJson(entry(sched()), TODAY)).toMatchObject({
      key: "k3x",
      slug: "http-caching",
      due: "2026-11-20",
      overdue: 7,
      why: "scheduled (due since 2026-11-20)",
      snoozed_until: null,
    });
  });
});
