import { describe, expect, it } from "vitest";
import { addDays } from "../../src/core/dates.js";
import { queueNew, revisitScope } from "../../src/core/revisit-new.js";
import { dueBy, replay, type ReplayNote } from "../../src/core/revisit-replay.js";
import type { LogEvent } from "../../src/core/revisit-event.js";

const revisit = { first_after: "7d", max_interval: "365d", retention: 0.9 };
const note = (i: number, first: string, extra: Partial<ReplayNote> = {}): ReplayNote => ({
  id: null,
  slug: `n${String(i).padStart(3, "0")}`,
  path: `notes/n${String(i).padStart(3, "0")}.md`,
  published: null,
  updated: null,
  revisit_every: null,
  revisit: null,
  first: { date: first, source: "git" },
  ...extra,
});

describe("revisit.new_per_day", () => {
  // 200 undated notes added by git over 2020-2022, in shuffled order: the oldest must come first.
  const notes = Array.from({ length: 200 }, (_, i) => note((i * 37) % 200, addDays("2020-01-01", i * 5)));

  it("200 notes, reviewed each day: at most 10 due a day for 30 days, oldest first", () => {
    const events: LogEvent[] = [];
    const seen: string[] = [];
    let today = "2026-12-01";
    for (let day = 0; day < 30; day++, today = addDays(today, 1)) {
      const { byKey } = replay(events, notes, { revisit }, today);
      const due = dueBy(queueNew(byKey, today, 10).values(), today, today);
      expect(due.length).toBeLessThanOrEqual(10);
      expect(due.length).toBe(day < 20 ? 10 : due.length);
      for (const d of due) {
        seen.push(d.schedule.slug);
        events.push({
          v: 1,
          event: "revisit",
          note: d.schedule.key,
          slug: d.schedule.slug,
          date: today,
          rating: "good",
        });
      }
    }
    const byAge = [...notes].sort((a, b) => (a.first!.date < b.first!.date ? -1 : 1)).map((n) => n.slug);
    expect(seen.slice(0, 200)).toEqual(byAge); // the first 20 days introduce all 200, oldest first
  });

  it("not reviewed: the same oldest 10 stay due, never more", () => {
    let today = "2026-12-01";
    for (let day = 0; day < 30; day++, today = addDays(today, 1)) {
      const { byKey } = replay([], notes, { revisit }, today);
      expect(dueBy(queueNew(byKey, today, 10).values(), today, today)).toHaveLength(10);
    }
  });

  it("the k-th waiting note is due on day floor(k / cap); day 0 keeps its own (overdue) date", () => {
    const today = "2026-12-01";
    const { byKey } = replay([], notes.slice(0, 25), { revisit }, today);
    const dues = [...queueNew(byKey, today, 10).values()].map((s) => s.due!).sort();
    expect(dues.filter((d) => d < today)).toHaveLength(10);
    expect(dues.filter((d) => d === addDays(today, 1))).toHaveLength(10);
    expect(dues.filter((d) => d === addDays(today, 2))).toHaveLength(5);
  });

  it("a cap of 0 introduces none; a workspace under the cap is unchanged", () => {
    const { byKey } = replay([], notes.slice(0, 5), { revisit }, "2026-12-01");
    expect(queueNew(byKey, "2026-12-01", 10)).toBe(byKey);
    expect([...queueNew(byKey, "2026-12-01", 0).values()].every((s) => s.due === null)).toBe(true);
  });
});

describe("revisit.include / exclude", () => {
  const config = (include?: string[], exclude?: string[]) => ({ revisit: { ...revisit, include, exclude } });
  const n = (path: string, tags: string[] = []) => ({ path, slug: "x", tags });

  it.each<[string[] | undefined, string[] | undefined, string, string[], boolean]>([
    [undefined, undefined, "notes/a.md", [], true],
    [["postgres"], undefined, "notes/postgres/a.md", [], true], // below the notes folder
    [["notes/postgres"], undefined, "notes/postgres/a.md", [], true], // or from the workspace root
    [["postgres"], undefined, "notes/postgresql/a.md", [], false], // a folder, not a prefix of a name
    [["#work"], undefined, "notes/a.md", ["Work/ops"], true], // nested tags, any case
    [["#work"], undefined, "notes/a.md", ["workshop"], false],
    [undefined, ["Templates"], "notes/Templates/t.md", [], false],
    [undefined, ["#private"], "notes/a.md", ["private"], false],
    [["postgres"], ["postgres/drafts"], "notes/postgres/drafts/a.md", [], false],
  ])("include %j exclude %j: %s %j -> %s", (include, exclude, path, tags, inside) => {
    expect(revisitScope(config(include, exclude))(n(path, tags))).toBe(inside);
  });

  it("with notes: . the folders are from the root", () => {
    expect(revisitScope({ ...config(["daily"]), notes: "." })(n("daily/2024-01-01.md"))).toBe(true);
  });

  it("a note outside the scope is never due", () => {
    const { byKey } = replay(
      [],
      [note(1, "2020-01-01", { tags: ["private"] })],
      config(undefined, ["#private"]),
      "2026-12-01",
    );
    expect([...byKey.values()][0]).toMatchObject({ due: null, scheduler: "never" });
  });
});
