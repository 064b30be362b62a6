import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { addDays } from "../../src/core/dates.js";
import type { LogEvent, RatingName } from "../../src/core/revisit-event.js";
import { dueBy, replay, upcomingWeeks, type ReplayNote } from "../../src/core/revisit-replay.js";

const config = { revisit: DEFAULT_CONFIG.revisit };
const makeNote = (o: Partial<ReplayNote> = {}): ReplayNote => ({
  id: null,
  slug: "a",
  published: "2026-01-01",
  revisit_every: null,
  revisit: null,
  ...o,
});
const rev = (note: string, date: string, rating: RatingName): LogEvent => ({
  v: 1,
  event: "revisit",
  note,
  date,
  rating,
});
const used = (note: string, date: string, build: string): LogEvent => ({ v: 1, event: "used", note, date, build });
const snooze = (note: string, date: string, until: string): LogEvent => ({ v: 1, event: "snooze", note, date, until });

/** Revisit `note` each time it falls due with `rating`, `times` times; returns the intervals. */
function intervalsOf(rating: RatingName, times: number, key = "a"): number[] {
  const events: LogEvent[] = [];
  const out: number[] = [];
  let today = "2026-01-08";
  for (let i = 0; i < times; i++) {
    events.push(rev(key, today, rating));
    const s = replay(events, [makeNote({ slug: key })], config, today).byKey.get(key)!;
    out.push(s.interval);
    today = s.due!;
  }
  return out;
}

describe("replay", () => {
  it("makes a never-revisited note due first_after its publication, as new", () => {
    const s = replay([], [makeNote()], config, "2026-01-02").byKey.get("a")!;
    expect(s).toMatchObject({
      due: "2026-01-08",
      reason: { kind: "new", published: "2026-01-01" },
      revisits: 0,
      lastRevisit: null,
      scheduler: "fsrs",
    });
  });

  it("honours first_after from the config", () => {
    const s = replay([], [makeNote()], { revisit: { ...config.revisit, first_after: "2w" } }, "2026-01-02").byKey.get(
      "a",
    )!;
    expect(s.due).toBe("2026-01-15");
  });

  it("grows intervals with good ratings", () => {
    const iv = intervalsOf("good", 5);
    for (let i = 1; i < iv.length; i++) expect(iv[i]!).toBeGreaterThan(iv[i - 1]!);
    expect(iv[0]).toBeGreaterThan(7);
  });

  it("shrinks the interval after again", () => {
    const events = [rev("a", "2026-01-08", "good")];
    const s1 = replay(events, [makeNote()], config, "2026-01-08").byKey.get("a")!;
    events.push(rev("a", s1.due!, "again"));
    const s2 = replay(events, [makeNote()], config, s1.due!).byKey.get("a")!;
    expect(s2.interval).toBeLessThan(s1.interval);
    expect(s2).toMatchObject({ lastRating: "again", revisits: 2, reason: { kind: "scheduled", since: s2.due } });
  });

  it("orders ratings: again < hard < good < easy", () => {
    const first = (r: RatingName) => intervalsOf(r, 1)[0]!;
    expect(first("again")).toBeLessThan(first("hard"));
    expect(first("hard")).toBeLessThan(first("good"));
    expect(first("good")).toBeLessThan(first("easy"));
  });

  it("never plans past max_interval", () => {
    const iv = intervalsOf("easy", 8);
    expect(Math.max(...iv)).toBe(365);
    const short = { revisit: { ...config.revisit, max_interval: "60d" } };
    const s = replay(
      [rev("a", "2026-01-08", "easy"), rev("a", "2026-03-01", "easy")],
      [makeNote()],
      short,
      "2026-03-01",
    ).byKey.get("a")!;
    expect(s.interval).toBeLessThanOrEqual(60);
  });

  it("gives the same dates on every replay (fuzz is seeded), and spreads notes revisited together", () => {
    const notes = Array.from({ length: 30 }, (_, i) => makeNote({ slug: `n${i}` }));
    const events = notes.flatMap((n) => [rev(n.slug, "2026-01-08", "good"), rev(n.slug, "2026-02-01", "good")]);
    const a = replay(events, notes, config, "2026-02-01");
    const b = replay([...events], notes, config, "2026-02-01");
    expect([...a.byKey.values()].map((s) => s.due)).toEqual([...b.byKey.values()].map((s) => s.due));
    expect(new Set([...a.byKey.values()].map((s) => s.due)).size).toBeGreaterThan(1);
  });

  it("uses revisit_every as a fixed interval whatever the rating", () => {
    const n = makeNote({ revisit_every: "30d" });
    expect(replay([], [n], config, "2026-01-02").byKey.get("a")!.due).toBe("2026-01-31");
    const s = replay([rev("a", "2026-02-01", "again")], [n], config, "2026-02-01").byKey.get("a")!;
    expect(s).toMatchObject({ due: "2026-03-03", interval: 30, scheduler: "fixed" });
  });

  it("falls back to FSRS when revisit_every is not a duration", () => {
    expect(replay([], [makeNote({ revisit_every: "soon" })], config, "2026-01-02").byKey.get("a")!.scheduler).toBe(
      "fsrs",
    );
  });

  it("never makes a revisit: false note due, even after a build", () => {
    const s = replay(
      [used("a", "2026-01-05", "x"), rev("a", "2026-01-06", "good")],
      [makeNote({ revisit: false })],
      config,
      "2026-02-01",
    ).byKey.get("a")!;
    expect(s).toMatchObject({ due: null, reason: null, scheduler: "never", revisits: 1, lastRevisit: "2026-01-06" });
  });

  it("makes a note due at once when it is used in a build, with that reason", () => {
    const events = [rev("a", "2026-01-08", "easy"), used("a", "2026-01-10", "payments API v2")];
    const s = replay(events, [makeNote()], config, "2026-01-10").byKey.get("a")!;
    expect(s).toMatchObject({
      due: "2026-01-10",
      reason: { kind: "used", build: "payments API v2", date: "2026-01-10" },
    });
    const after = replay([...events, rev("a", "2026-01-10", "good")], [makeNote()], config, "2026-01-10").byKey.get(
      "a",
    )!;
    expect(after.reason).toEqual({ kind: "scheduled", since: after.due });
    expect(after.due! > "2026-01-10").toBe(true);
  });

  it("moves the due date with a snooze without counting a revisit", () => {
    const s = replay([snooze("a", "2026-01-08", "2026-01-11")], [makeNote()], config, "2026-01-08").byKey.get("a")!;
    expect(s).toMatchObject({ due: "2026-01-11", snoozedUntil: "2026-01-11", revisits: 0, reason: { kind: "new" } });
  });

  it("ignores events after today, so --today shows the past", () => {
    const s = replay([rev("a", "2026-01-08", "good")], [makeNote()], config, "2026-01-07").byKey.get("a")!;
    expect(s).toMatchObject({ due: "2026-01-08", revisits: 0 });
  });

  it("replays a merged log in date order", () => {
    const inOrder = [rev("a", "2026-01-08", "good"), rev("a", "2026-02-01", "hard")];
    const merged = [inOrder[1]!, inOrder[0]!];
    expect(replay(merged, [makeNote()], config, "2026-03-01").byKey.get("a")).toEqual(
      replay(inOrder, [makeNote()], config, "2026-03-01").byKey.get("a"),
    );
  });

  it("finds a note by id after a rename, and by slug for history from before it had an id", () => {
    const renamed = makeNote({ id: "k3x9q2m7", slug: "new-name" });
    const s = replay(
      [rev("a", "2026-01-08", "good"), rev("k3x9q2m7", "2026-02-01", "good")],
      [renamed],
      config,
      "2026-02-01",
    );
    expect(s.orphans).toHaveLength(1); // "a" is no note's slug or id
    const s2 = replay(
      [rev("new-name", "2026-01-08", "good"), rev("k3x9q2m7", "2026-02-01", "good")],
      [renamed],
      config,
      "2026-02-01",
    );
    expect(s2.byKey.get("k3x9q2m7")!.revisits).toBe(2);
    expect(s2.orphans).toEqual([]);
  });

  it("keeps events of deleted notes as orphans", () => {
    const events: LogEvent[] = [
      { ...rev("gone1", "2026-01-08", "good"), slug: "old-note" },
      used("gone1", "2026-01-09", "x"),
    ];
    expect(replay(events, [makeNote()], config, "2026-02-01").orphans).toEqual([
      { key: "gone1", slugs: ["old-note"], events: 2, first: "2026-01-08", last: "2026-01-09" },
    ]);
  });

  it("starts a note without published: from updated:, then its file date", () => {
    expect(
      replay([], [makeNote({ published: null, updated: "2026-03-01" })], config, "2026-03-02").byKey.get("a")!.due,
    ).toBe("2026-03-08");
    expect(
      replay(
        [],
        [makeNote({ published: null, mtime_ms: Date.parse("2026-04-01T10:00:00Z") })],
        config,
        "2026-04-02",
      ).byKey.get("a")!.due,
    ).toBe("2026-04-08");
  });
});

describe("dueBy and upcomingWeeks", () => {
  const notes = [
    makeNote({ slug: "old", published: "2025-12-01" }),
    makeNote({ slug: "mid", published: "2025-12-20" }),
    makeNote({ slug: "late", published: "2026-01-20" }),
  ];
  const { byKey } = replay([], notes, config, "2026-01-10");

  it("lists due notes most overdue first, and those due within a window", () => {
    expect(dueBy(byKey.values(), "2026-01-10", "2026-01-10").map((d) => [d.schedule.slug, d.overdue])).toEqual([
      ["old", 33],
      ["mid", 14],
    ]);
    expect(dueBy(byKey.values(), "2026-01-10", addDays("2026-01-10", 20)).map((d) => d.schedule.slug)).toEqual([
      "old",
      "mid",
      "late",
    ]);
  });

  it("counts due dates per week from this Monday, overdue ones as now", () => {
    const up = upcomingWeeks(byKey.values(), "2026-01-10"); // a Saturday
    expect(up.now).toBe(2);
    expect(up.weeks[0]!.start).toBe("2026-01-05");
    expect(up.weeks).toHaveLength(8);
    expect(up.weeks.map((w) => w.count)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]); // late: due 2026-01-27
  });
});
