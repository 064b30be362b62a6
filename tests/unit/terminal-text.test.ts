import { Chalk } from "chalk";
import cliTruncate from "cli-truncate";
import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { PLAIN_RANGES, displayWidth, forTerminal, padEndTo, truncateTo, visible } from "../../src/ui/terminal-text.js";

// Anything a terminal would act on rather than show.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("visible", () => {
  it.each([
    ["window title (OSC 0)", "a\u001b]0;pwned\u0007b", "a\\x1b]0;pwned\\x07b"],
    ["clipboard write (OSC 52)", "\u001b]52;c;aGVsbG8=\u0007", "\\x1b]52;c;aGVsbG8=\\x07"],
    ["clear screen (CSI)", "\u001b[2J\u001b[H", "\\x1b[2J\\x1b[H"],
    ["hyperlink (OSC 8)", "\u001b]8;;http://e\u001b\\x\u001b]8;;\u001b\\", "\\x1b]8;;http://e\\x1b\\x\\x1b]8;;\\x1b\\"],
    ["colour", "\u001b[31mred", "\\x1b[31mred"],
    ["one-byte CSI (C1)", "a\u009b2Jb", "a\\x9b2Jb"],
    ["DEL and NUL", "a\u007fb\u0000c", "a\\x7fb\\x00c"],
    ["bidi override", "abc\u202edcba", "abc\\u202edcba"],
    ["newline, tab and return on one line", "a\nb\tc\rd", "a\\nb\\tc\\rd"],
    ["plain text and wide characters", "naïve 日本語 ✓", "naïve 日本語 ✓"],
  ])("shows %s as text", (_what, input, shown) => {
    expect(visible(input)).toBe(shown);
    expect(visible(input)).not.toMatch(CONTROL);
  });

  it("keeps newlines and tabs in multi-line text (a body), and folds CRLF", () => {
    expect(visible("a\r\n\tb\u001b[2J\n", true)).toBe("a\n\tb\\x1b[2J\n");
  });

  it("is idempotent", () => {
    const once = visible("x\u001b]0;t\u0007");
    expect(visible(once)).toBe(once);
  });
});

describe("forTerminal", () => {
  it("makes every string visible through objects, arrays and Maps, keeping other values", () => {
    const data = {
      title: "t\u001b[31m",
      n: 3,
      none: null,
      tags: ["a\u0007"],
      nested: { path: "p\u009b" },
      titles: new Map([["k\u001b", "v\u001b"]]),
      body: "line\n\u001b[2J",
    };
    const out = forTerminal(data, ["body"]);
    expect(out).toEqual({
      title: "t\\x1b[31m",
      n: 3,
      none: null,
      tags: ["a\\x07"],
      nested: { path: "p\\x9b" },
      titles: new Map([["k\\x1b", "v\\x1b"]]),
      body: "line\n\\x1b[2J",
    });
    expect(data.title).toBe("t\u001b[31m"); // the input is not changed
  });
});

describe("display width", () => {
  it.each(["plain", "日本語のタイトル", "naïve café", "e\u0301", "👩‍💻 dev", "Ｆｕｌｌ"])(
    "measures %j like string-width",
    (s) => {
      expect(displayWidth(s)).toBe(stringWidth(s));
      expect(displayWidth(padEndTo(s, 20))).toBe(20);
    },
  );

  it("cuts by columns, never inside a wide character, with an ellipsis", () => {
    const cut = truncateTo("日本語のタイトルはとても長い", 9);
    expect(stringWidth(cut)).toBeLessThanOrEqual(9);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.startsWith("日本語の")).toBe(true);
    expect(truncateTo("abcdefghij", 5)).toBe("abcd…");
    expect(truncateTo("short", 10)).toBe("short");
    expect(truncateTo("日本", 4)).toBe("日本");
  });
});

describe("width without string-width (PLAIN characters, styled or not)", () => {
  it("every PLAIN character takes one column, as string-width says", () => {
    const wrong: string[] = [];
    for (const [from, to] of PLAIN_RANGES)
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        if (stringWidth(ch) !== 1 || displayWidth(ch) !== 1) wrong.push(c.toString(16));
      }
    expect(wrong).toEqual([]);
  });

  it("styled text is measured and cut as string-width and cli-truncate measure and cut it", () => {
    const chalk = new Chalk({ level: 3 });
    const styles = [
      chalk.bold,
      chalk.cyan,
      chalk.dim,
      chalk.red.bold,
      chalk.gray,
      (t: string) => chalk.green(`a${chalk.underline(t)}b`),
    ];
    const words = ["idempotency", "keys", "·", "█░░", "→", "✔", "notes/core-backend/x.md", "cheatsheet", "…", "±3"];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 60; round++) {
      const parts = Array.from({ length: 1 + next(6) }, () => {
        const word = words[next(words.length)]!;
        return next(3) === 0 ? word : styles[next(styles.length)]!(word);
      });
      const text = parts.join(" ");
      expect(displayWidth(text), text).toBe(stringWidth(text));
      for (let columns = 1; columns <= stringWidth(text) + 1; columns++) {
        const cut = truncateTo(text, columns);
        expect(stripVTControlCharacters(cut), `${JSON.stringify(text)} at ${columns}`).toBe(
          stripVTControlCharacters(cliTruncate(text, columns)),
        );
        expect(stringWidth(cut)).toBeLessThanOrEqual(columns);
        // a cut line ends every style it started: nothing leaks into the next line
        if (cut !== text && cut.includes("\u001b[")) expect(cut.endsWith("\u001b[0m")).toBe(true);
      }
    }
  });
});
