import { describe, expect, it } from "vitest";
import { formatEvent, parseEventLine, parseLog, type LogEvent } from "../../src/core/revisit-event.js";

const line = (o: object) => JSON.stringify(o);

describe("parseEventLine", () => {
  it("reads the three events and lower-cases the note key", () => {
    expect(
      parseEventLine(line({ v: 1, event: "revisit", note: "K3X", date: "2026-11-27", rating: "good", remark: "ok" })),
    ).toEqual({
      event: { v: 1, event: "revisit", note: "k3x", date: "2026-11-27", rating: "good", remark: "ok" },
    });
    expect(parseEventLine(line({ event: "used", note: "a", date: "2026-11-27", build: "payments API v2" }))).toEqual({
      event: { v: 1, event: "used", note: "a", date: "2026-11-27", build: "payments API v2" },
    });
    expect(
      parseEventLine(line({ v: 1, event: "snooze", note: "a", date: "2026-11-27", until: "2026-12-01", extra: 1 })),
    ).toEqual({
      event: { v: 1, event: "snooze", note: "a", date: "2026-11-27", until: "2026-12-01" },
    });
  });

  it.each([
    ["{not json", "not JSON"],
    ["[1,2]", "not a JSON object"],
    [
      line({ event: "reviewed", note: "a", date: "2026-11-27" }),
      'unknown event "reviewed" (known: revisit, used, snooze)',
    ],
    [line({ note: "a", date: "2026-11-27" }), "no event (known: revisit, used, snooze)"],
    [line({ v: 2, event: "revisit" }), "format version 2 is newer than this learn reads (1); upgrade learn"],
    [
      line({ event: "revisit", note: "a", date: "2026-11-27", rating: "great" }),
      "revisit: rating: must be one of again|hard|good|easy",
    ],
    [
      line({ event: "revisit", note: "a", date: "2026-11-31", rating: "good" }),
      "revisit: date: must be a date like 2026-11-27",
    ],
    [line({ event: "used", note: "a", date: "2026-11-27" }), "used: build: missing"],
    [line({ event: "snooze", date: "2026-11-27", until: "2026-12-01" }), "snooze: note: missing"],
  ])("explains a bad line %s", (text, reason) => expect(parseEventLine(text)).toEqual({ reason }));

  it("skips blank lines", () => expect(parseEventLine("  ")).toBeNull());
});

describe("parseLog", () => {
  const good = line({ v: 1, event: "revisit", note: "a", date: "2026-11-27", rating: "good" });

  it("numbers bad lines from 1 and keeps reading past them", () => {
    const { events, problems } = parseLog(`${good}\nnope\n${good}\n`);
    expect(events).toHaveLength(2);
    expect(problems).toEqual([{ line: 2, reason: "not JSON" }]);
  });

  it("reports a torn last line as a cut-off write and keeps the rest", () => {
    const { events, problems } = parseLog(`${good}\n${good.slice(0, 20)}`);
    expect(events).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, reason: "incomplete last line (a write was cut off); ignored" }]);
  });

  it("accepts a whole last line without a newline (a hand edit)", () => {
    expect(parseLog(`${good}\n${good}`).events).toHaveLength(2);
  });

  it("reads CRLF line ends", () => expect(parseLog(`${good}\r\n${good}\r\n`).problems).toEqual([]));
});

describe("formatEvent", () => {
  it("writes a canonical line that reads back the same", () => {
    const e: LogEvent = {
      v: 1,
      event: "used",
      note: "k3x",
      slug: "http-caching",
      date: "2026-11-27",
      build: "payments",
    };
    const text = formatEvent(e);
    expect(text).toBe(
      '{"v":1,"event":"used","note":"k3x","slug":"http-caching","date":"2026-11-27","build":"payments"}',
    );
    expect(parseEventLine(text)).toEqual({ event: e });
  });

  it("leaves out a slug equal to the key", () => {
    expect(
      formatEvent({ v: 1, event: "snooze", note: "a", slug: "a", date: "2026-11-27", until: "2026-12-01" }),
    ).not.toContain("slug");
  });
});
