import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LogEvent } from "../../src/core/revisit-event.js";
import { appendRevisitEvents, readRevisitLog } from "../../src/workspace/revisit-log.js";
import { tempDir } from "../helpers/workspace.js";

const ev = (note: string): LogEvent => ({ v: 1, event: "revisit", note, date: "2026-11-27", rating: "good" });

describe("revisit log", () => {
  it("reads a missing log as empty", () => {
    expect(readRevisitLog(tempDir())).toEqual({ events: [], problems: [] });
  });

  it("appends whole lines and reads them back", () => {
    const root = tempDir();
    appendRevisitEvents(root, [ev("a")]);
    appendRevisitEvents(root, [ev("b"), ev("c")]);
    const text = readFileSync(join(root, "revisits.jsonl"), "utf8");
    expect(text.split("\n")).toHaveLength(4);
    expect(text.endsWith("\n")).toBe(true);
    expect(readRevisitLog(root).events.map((e) => e.note)).toEqual(["a", "b", "c"]);
  });

  it("never changes existing bytes, and keeps a new line whole after a torn one", () => {
    const root = tempDir();
    const path = join(root, "revisits.jsonl");
    appendRevisitEvents(root, [ev("a")]);
    appendFileSync(path, '{"v":1,"event":"rev');
    const before = readFileSync(path, "utf8");
    expect(readRevisitLog(root).problems).toEqual([
      { line: 2, reason: "incomplete last line (a write was cut off); ignored" },
    ]);
    appendRevisitEvents(root, [ev("b")]);
    const after = readFileSync(path, "utf8");
    expect(after.startsWith(before)).toBe(true);
    const log = readRevisitLog(root);
    expect(log.events.map((e) => e.note)).toEqual(["a", "b"]);
    expect(log.problems).toEqual([{ line: 2, reason: "not JSON" }]);
  });

  it("reports bad lines by number and reads the rest", () => {
    const root = tempDir();
    writeFileSync(
      join(root, "revisits.jsonl"),
      `garbage\n${JSON.stringify(ev("a"))}\n{"event":"zap","note":"a","date":"2026-11-27"}\n`,
    );
    const log = readRevisitLog(root);
    expect(log.events).toHaveLength(1);
    expect(log.problems.map((p) => p.line)).toEqual([1, 3]);
  });

  it("says what failed when the log cannot be written", () => {
    const root = join(tempDir(), "missing-folder");
    expect(() => appendRevisitEvents(root, [ev("a")])).toThrow(/cannot write revisits\.jsonl/);
  });
});
