import { describe, expect, it } from "vitest";
import { setActivity, tickSteps, weekActivity } from "../../src/core/week-activity.js";

const n = (slug: string, published: string | null, updated: string | null, type = "doc") => ({
  id: null,
  slug,
  title: slug,
  type,
  published,
  updated,
});
const key = (x: { id: string | null; slug: string }) => (x.id ?? x.slug).toLowerCase();

describe("week activity", () => {
  it("lists notes written, updated and revisited in the ISO week of today, without logs", () => {
    const notes = [
      n("new", "2026-11-23", "2026-11-23"),
      n("touched", "2026-10-01", "2026-11-29"),
      n("old", "2026-10-01", "2026-11-22"),
      n("log", "2026-11-24", null, "log"),
      n("used", "2026-01-01", null),
    ];
    const events = [
      { event: "used", note: "used", date: "2026-11-25" },
      { event: "snooze", note: "old", date: "2026-11-25" },
      { event: "revisit", note: "old", date: "2026-11-30" },
    ];
    const a = weekActivity(notes, events, "2026-11-27", key);
    expect([a.written, a.updated, a.revisited].map((xs) => xs.map((x) => x.slug))).toEqual([
      ["new"],
      ["touched"],
      ["used"],
    ]);
  });

  it("appends the block once, then replaces only its inside", () => {
    const text = "# Week\n\nMy words.\n";
    const one = setActivity(text, { written: [{ slug: "a", title: "A" }], updated: [], revisited: [] });
    expect(one).toBe(
      `${text}\n## This week in notes\n\n<!-- learn week: this list is made from the index; edits inside it are replaced -->\n- Written: [[a]]\n- Updated: none yet\n- Revisited: none yet\n<!-- /learn week -->\n`,
    );
    const edited = `${one}\nMore words after.\n`;
    const two = setActivity(edited, {
      written: [{ slug: "a", title: "A" }],
      updated: [{ slug: "b", title: "B" }],
      revisited: [],
    });
    expect(two).toBe(edited.replace("- Updated: none yet", "- Updated: [[b]]"));
    expect(
      setActivity(two, { written: [{ slug: "a", title: "A" }], updated: [{ slug: "b", title: "B" }], revisited: [] }),
    ).toBe(two);
  });

  it("ticks the loop's own checklist items for done steps, and nothing else", () => {
    const body = "- [ ] Pick one domain.\n- [ ] Write one public, transferable note.\n- [ ] Pick one domain later\n";
    expect(tickSteps(body, ["domain"])).toBe(
      "- [x] Pick one domain.\n- [ ] Write one public, transferable note.\n- [ ] Pick one domain later\n",
    );
  });
});
