import { describe, expect, it } from "vitest";
import { terminalColumns } from "../../src/ui/columns.js";
import { fitColumns, renderTable, wrapWords } from "../../src/ui/layout.js";
import { renderReviewCard, type RevisitEntry } from "../../src/ui/render-revisit.js";
import { plainTheme } from "../../src/ui/theme.js";

describe("layout", () => {
  it("wraps at word boundaries by display width, breaking only words longer than a line", () => {
    expect(wrapWords("Recognise when a retried request must not charge twice", 20)).toEqual([
      "Recognise when a",
      "retried request must",
      "not charge twice",
    ]);
    expect(wrapWords("调度调度调度 ok", 6)).toEqual(["调度调", "度调度", "ok"]);
    expect(wrapWords("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("drops the least important column first, then cuts to the ideal and the minimum", () => {
    const cols = [
      { natural: 30, min: 10, ideal: 20 },
      { natural: 10, drop: 1 },
      { natural: 10, drop: 2 },
    ];
    expect(fitColumns(cols, 200)).toEqual([30, 10, 10]);
    expect(fitColumns(cols, 43)).toEqual([30, 0, 10]);
    expect(fitColumns(cols, 25)).toEqual([25, 0, 0]);
    expect(fitColumns(cols, 5)).toEqual([10, 0, 0]);
  });

  it("pads by display width and cuts wide characters whole", () => {
    const out = renderTable([{ header: "a", min: 3 }, { header: "b" }], [["调度调度", "x"]], 7);
    expect(out).toEqual(["调…   x"]); // 4 columns: "调" (2) and "…" (1), padded by one
  });

  it("takes the width from a terminal, else COLUMNS, else 80", () => {
    expect(terminalColumns({ isTTY: true, columns: 132 }, { COLUMNS: "40" })).toBe(132);
    expect(terminalColumns({}, { COLUMNS: "40" })).toBe(40);
    expect(terminalColumns({}, { COLUMNS: "x" })).toBe(80);
    expect(terminalColumns({}, {})).toBe(80);
  });

  it("wraps a review card's summary between words", () => {
    const entry = {
      schedule: { slug: "s", due: "2026-11-27", reason: { kind: "new", published: "2026-11-01" } },
      title: "Idempotency keys",
      path: "notes/s.md",
      summary: "Recognise when a retried request must not charge twice",
      checklist: { done: 0, total: 0 },
    } as unknown as RevisitEntry;
    expect(renderReviewCard(entry, 1, 2, "2026-11-27", plainTheme(), 30)).toBe(
      [
        "",
        "── 1 of 2 ──",
        "Idempotency keys  notes/s.md",
        "  Recognise when a retried",
        "  request must not charge",
        "  twice",
        "  due today: never revisited",
        "  (published 2026-11-01)",
      ].join("\n"),
    );
  });
});
