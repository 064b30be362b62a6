import { describe, expect, it } from "vitest";
import { readiness } from "../../src/commands/readiness.js";
import { memoryIO } from "../../src/ui/io.js";
import { asciiGlyphs, wantsAscii } from "../../src/ui/theme.js";
import { noteText, workspace } from "../helpers/workspace.js";

describe("one glyph set from the locale", () => {
  it("is ASCII for LEARN_ASCII=1 or a locale that is not UTF-8, Unicode otherwise", () => {
    expect(wantsAscii({ LEARN_ASCII: "1", LANG: "en_US.UTF-8" })).toBe(true);
    expect(wantsAscii({ LC_ALL: "C" })).toBe(true);
    expect(wantsAscii({ LC_ALL: "C", LANG: "en_US.UTF-8" })).toBe(true); // LC_ALL wins
    expect(wantsAscii({ LC_CTYPE: "en_US.ISO-8859-1" })).toBe(true);
    expect(wantsAscii({ LC_ALL: "", LC_CTYPE: "", LANG: "de_DE.utf8" })).toBe(false);
    expect(wantsAscii({ LANG: "C.UTF-8" })).toBe(false);
    expect(wantsAscii({})).toBe(false);
  });

  it("maps every glyph to one of the same width, so tables stay aligned", () => {
    expect(asciiGlyphs("✔ ❯ █ ░ ▁ · … ← ─ ›")).toBe("v > # . _ - ~ < - >");
  });

  it("reaches command output: readiness bars under LC_ALL=C", async () => {
    const root = workspace({ "notes/a.md": noteText({ title: "A", roles: ["backend"], published: "2026-11-01" }) });
    const io = memoryIO({ LC_ALL: "C" });
    await readiness({ dir: root, today: "2026-11-27" }, io);
    const out = io.stdout.join("");
    expect(out).toMatch(/^ {2}backend +[#.]{20} +\d+( |$)/m);
    expect(out).not.toMatch(/[^\x20-\x7e\n]/);
  });
});
