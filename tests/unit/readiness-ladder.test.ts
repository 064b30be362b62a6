import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { noteEvidence, promotions, type EvidenceNote } from "../../src/core/readiness-ladder.js";
import { parseRoadmap } from "../../src/core/readiness-roadmap.js";
import { measure, readinessScore } from "../../src/core/readiness-score.js";
import type { LogEvent } from "../../src/core/revisit-event.js";

const note = (slug: string, o: Partial<EvidenceNote> = {}): EvidenceNote => ({
  key: slug,
  slug,
  title: slug,
  path: `notes/${slug}.md`,
  status: "seedling",
  public: false,
  substantial: false,
  checklistDone: 0,
  since: "2026-11-01",
  ...o,
});
const used = (n: string, date: string): LogEvent => ({ v: 1, event: "used", note: n, date, build: "b" });
const rated = (n: string, date: string, rating: "again" | "good" = "good"): LogEvent => ({
  v: 1,
  event: "revisit",
  note: n,
  date,
  rating,
});

describe("the evidence ladder", () => {
  const written = { public: true, substantial: true, checklistDone: 1 };
  it.each([
    ["a private note is noted", note("a"), [], 1],
    ["public but still the template is noted", note("a", { ...written, substantial: false }), [], 1],
    ["public with content but no ticked item is noted", note("a", { ...written, checklistDone: 0 }), [], 1],
    ["public, real content, checklist started is written up", note("a", written), [], 2],
    ["a build use is rung 3, even in a private note", note("a"), [used("a", "2026-11-10")], 3],
    [
      "a revisit on time after the build is known",
      note("a", written),
      [used("a", "2026-11-10"), rated("a", "2026-11-17")],
      4,
    ],
    ["a late revisit is not", note("a", written), [used("a", "2026-11-10"), rated("a", "2026-11-18")], 3],
    [
      "a revisit rated again is not",
      note("a", written),
      [used("a", "2026-11-10"), rated("a", "2026-11-11", "again")],
      3,
    ],
    ["a revisit before the build is not", note("a", written), [rated("a", "2026-11-09"), used("a", "2026-11-10")], 3],
    ["known needs a public note", note("a"), [used("a", "2026-11-10"), rated("a", "2026-11-11")], 3],
    ["events after the date do not count", note("a", written), [used("a", "2026-12-10")], 2],
  ] as const)("%s", (_, n, events, level) => {
    expect(noteEvidence([n], [...events], "2026-11-30", 7).get("notes/a.md")?.level).toBe(level);
  });

  it("leaves out notes that do not exist yet on the date, and finds events by slug when the key is an id", () => {
    const ev = noteEvidence(
      [note("a", { key: "id1", since: "2026-12-01" }), note("b", { key: "id2" })],
      [used("b", "2026-11-02")],
      "2026-11-30",
      7,
    );
    expect(ev.has("notes/a.md")).toBe(false);
    expect(ev.get("notes/b.md")).toMatchObject({ level: 3, builds: 1 });
  });

  it("suggests the promotions the evidence supports, never a demotion", () => {
    const ev = noteEvidence(
      [
        note("rollback-paths", { ...{ public: true, substantial: true, checklistDone: 2 }, status: "budding" }),
        note("used-once"),
        note("written", { public: true, substantial: true, checklistDone: 1 }),
        note("evergreen", { status: "evergreen", public: true }),
      ],
      [
        used("rollback-paths", "2026-11-01"),
        used("rollback-paths", "2026-11-10"),
        rated("rollback-paths", "2026-11-12"),
        used("used-once", "2026-11-03"),
        used("evergreen", "2026-11-03"),
      ],
      "2026-11-30",
      7,
    );
    expect(promotions(ev.values())).toEqual([
      { slug: "rollback-paths", from: "budding", to: "evergreen", why: "used in 2 builds, revisited on time" },
      { slug: "used-once", from: "seedling", to: "budding", why: "used in 1 build" },
      { slug: "written", from: "seedling", to: "budding", why: "written up, its checklist started" },
    ]);
  });

  it("scores a role as the weighted mean of its items' rungs over 4", () => {
    expect(readinessScore([])).toBe(0);
    expect(
      readinessScore([
        { weight: 1, level: 4 },
        { weight: 1, level: 0 },
      ]),
    ).toBe(50);
    expect(
      readinessScore([
        { weight: 2, level: 3 },
        { weight: 1, level: 0 },
      ]),
    ).toBe(50);
    const { items } = parseRoadmap("## Core (core-backend) [backend]\n- A (a) [data:2]: x.\n- B (b): y.\n");
    const { groups } = measure(
      {
        config: DEFAULT_CONFIG,
        items,
        notes: [note("n", { public: true, substantial: true, checklistDone: 1 })],
        covering: new Map([
          ["a", new Set(["n"])],
          ["b", new Set()],
        ]),
        events: [],
        graceDays: 7,
      },
      "2026-11-30",
    );
    const by = (id: string) => groups.find((g) => g.id === id)!;
    expect(by("backend")).toMatchObject({ score: 25, byLevel: [1, 0, 1, 0, 0] });
    expect(by("data")).toMatchObject({ score: 50, items: [{ weight: 2, level: 2 }] });
    expect(by("core-backend")).toMatchObject({ kind: "domain", score: 25 });
    expect(by("ai-api")).toMatchObject({ score: 0, items: [] });
  });
});
