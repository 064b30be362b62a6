import { createRequire } from "node:module";

// The one rule for text from a workspace (titles, tags, summaries, bodies, file names, link
// targets, config names, problems' reasons) on its way to a terminal: a control character or
// escape sequence is shown as text (`\x1b]0;…\x07`), never sent, so a note cannot set the window
// title, write the clipboard (OSC 52), clear the screen, plant a hyperlink or leave the terminal
// red. JSON output keeps the raw text: JSON.stringify escapes it.

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), and the Unicode format characters that
// reorder or break what is shown (bidi embeddings, overrides and isolates; line separators).
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

const shown = (c: string): string => {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/**
 * `text` safe to print: every control character, escape and bidi override shown as `\x1b`-style
 * text. `multiline` keeps newlines and tabs (a note's body); otherwise the text stays on one line.
 */
export function visible(text: string, multiline = false): string {
  if (!multiline) return text.replace(UNSAFE, shown);
  return text.replace(/\r\n/g, "\n").replace(UNSAFE_KEEP_LINES, shown);
}

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of `value` with every string in it made `visible` (through arrays, Maps and plain
 * objects), for a human render function to start from. Strings under a key in `multiline`
 * keep their newlines and tabs.
 */
export function forTerminal<T>(value: T, multiline: readonly string[] = [], key?: string): T {
  if (typeof value === "string") return visible(value, key !== undefined && multiline.includes(key)) as T;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => forTerminal(v, multiline, key)) as T;
  if (value instanceof Map)
    return new Map([...value].map(([k, v]) => [forTerminal(k, multiline), forTerminal(v, multiline, key)])) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = forTerminal(v, multiline, k);
  return out as T;
}

// Display width and truncation by terminal columns (wide CJK characters take two, combining marks
// none), from maintained libraries. They cost tens of milliseconds to load, so they are required
// only when a string holds a character outside PLAIN, all of whose characters take one column each
// (tests/unit/terminal-text.test.ts checks every one against string-width): printable ASCII, Latin
// letters (Latin-1, Extended-A/B, IPA, modifier letters), general punctuation (… · – — ‘ ’ “ ” •),
// arrows and mathematical operators, box drawing, block elements (status's bars), geometric shapes
// but the two wide squares, and the marks learn prints (✔ ✗ ❯ ⏎). Colour is no reason to load them
// either: SGR escapes (what chalk writes) take no column, so styled text of PLAIN characters is
// measured and cut here too. At a terminal, where everything is in colour, that saves `search` and
// `status` some 40 ms.
/** The characters measured without string-width, as code point ranges. */
export const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x22ff],
  [0x23ce, 0x23ce],
  [0x2500, 0x25fc],
  [0x2714, 0x2714],
  [0x2717, 0x2717],
  [0x276f, 0x276f],
];
const hex = (n: number): string => `\\u${n.toString(16).padStart(4, "0")}`;
const PLAIN = new RegExp(`^[${PLAIN_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("")}]*$`);
/* eslint-disable no-control-regex -- an SGR escape is what is matched: anywhere, and at one place */
const SGR = /\u001b\[[0-9;]*m/g;
const SGR_HERE = /\u001b\[[0-9;]*m/y;
/* eslint-enable no-control-regex */
// Both are ESM: Node 20.19+ can require() them on first use; Node 20.17-20.18 cannot, so there
// processIO imports them up front (preloadTextLibs) and this lazy path is never taken.
const load = createRequire(import.meta.url);
type TextLibs = { width: (s: string) => number; truncate: (s: string, columns: number) => string };
let libs: TextLibs | undefined;
const lib = (): TextLibs =>
  (libs ??= {
    width: (load("string-width") as typeof import("string-width")).default,
    truncate: (load("cli-truncate") as typeof import("cli-truncate")).default,
  });

/** Load the width libraries with import() where this Node cannot require() an ES module. */
export async function preloadTextLibs(): Promise<void> {
  if (libs || (process.features as { require_module?: boolean }).require_module) return;
  const [width, truncate] = await Promise.all([import("string-width"), import("cli-truncate")]);
  libs = { width: width.default, truncate: truncate.default };
}

/** `text` without its SGR escapes, when every character left is PLAIN; else undefined. */
function plainText(text: string): string | undefined {
  if (PLAIN.test(text)) return text;
  const bare = text.includes("\u001b") ? text.replace(SGR, "") : undefined;
  return bare !== undefined && PLAIN.test(bare) ? bare : undefined;
}

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  return plainText(text)?.length ?? lib().width(text);
}

/** `text` cut to at most `columns` columns with a trailing `…`, never inside a character. */
export function truncateTo(text: string, columns: number): string {
  const bare = plainText(text);
  if (bare === text) return text.length > columns ? `${text.slice(0, columns - 1)}…` : text;
  if (bare !== undefined) return bare.length > columns ? cutStyled(text, columns - 1) : text;
  const { width, truncate } = lib();
  if (width(text) <= columns) return text;
  // cli-truncate keeps a wide character that straddles the last column (one column too wide): ask for less
  let cut = truncate(text, columns);
  for (let n = columns - 1; width(cut) > columns && n > 0; n--) cut = truncate(text, n);
  return cut;
}

/**
 * Styled PLAIN text cut after `keep` characters, with `…` in the style in force there (as
 * cli-truncate puts it), then every style ended: the rest of the line and its closing escapes are cut.
 */
function cutStyled(text: string, keep: number): string {
  let out = "";
  let shown = 0;
  let styled = false;
  for (let i = 0; i < text.length && shown < keep;) {
    SGR_HERE.lastIndex = i;
    const esc = text.charCodeAt(i) === 0x1b ? SGR_HERE.exec(text) : null;
    if (esc) {
      out += esc[0];
      styled = true;
      i += esc[0].length;
    } else {
      out += text[i++];
      shown++;
    }
  }
  return `${out}…${styled ? "\u001b[0m" : ""}`;
}

/** `text` padded with spaces to `columns` columns (by display width, not length). */
export function padEndTo(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - displayWidth(text)));
}
