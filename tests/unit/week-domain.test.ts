import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { domainStats, suggestDomain } from "../../src/core/week-domain.js";

const note = (domain: string, status = "seedling", type = "doc") => ({ domain, status, type });

describe("domain suggestion", () => {
  it("counts notes and evergreen ones, leaving logs and roadmaps out, and weeks since each was the focus", () => {
    const stats = domainStats(
      [
        note("core-backend", "evergreen"),
        note("core-backend"),
        note("core-backend", "evergreen", "log"),
        note("cloud-deployment", "seedling", "roadmap"),
      ],
      new Map([
        ["2026-W40", "core-backend"],
        ["2026-W45", "core-backend"],
        ["2026-W48", "cloud-deployment"],
      ]),
      DEFAULT_CONFIG,
      "2026-11-27",
    );
    expect(stats.map((s) => [s.id, s.notes, s.evergreen, s.weeksSinceFocus])).toEqual([
      ["core-backend", 2, 1, 3],
      ["cloud-deployment", 0, 0, null], // this week's own focus does not count
      ["ai-infrastructure", 0, 0, null],
      ["security-reliability", 0, 0, null],
    ]);
  });

  it.each<[string, { id: string; notes: number; evergreen: number; weeksSinceFocus: number | null }[], string]>([
    [
      "fewest notes wins",
      [
        { id: "a", notes: 3, evergreen: 0, weeksSinceFocus: null },
        { id: "b", notes: 1, evergreen: 1, weeksSinceFocus: 1 },
      ],
      "b",
    ],
    [
      "then longest since focus",
      [
        { id: "a", notes: 1, evergreen: 0, weeksSinceFocus: 2 },
        { id: "b", notes: 1, evergreen: 0, weeksSinceFocus: 9 },
      ],
      "b",
    ],
    [
      "never the focus counts as longest",
      [
        { id: "a", notes: 1, evergreen: 0, weeksSinceFocus: 30 },
        { id: "b", notes: 1, evergreen: 0, weeksSinceFocus: null },
      ],
      "b",
    ],
    [
      "then fewer evergreen",
      [
        { id: "a", notes: 2, evergreen: 2, weeksSinceFocus: null },
        { id: "b", notes: 2, evergreen: 1, weeksSinceFocus: null },
      ],
      "b",
    ],
    [
      "then config order",
      [
        { id: "a", notes: 0, evergreen: 0, weeksSinceFocus: null },
        { id: "b", notes: 0, evergreen: 0, weeksSinceFocus: null },
      ],
      "a",
    ],
  ])("%s", (_name, stats, expected) => expect(suggestDomain(stats.map((s) => ({ ...s, name: s.id })))).toBe(expected));
});
