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
// only when a string is not plain printable ASCII, where the column count is the length. Latin letters
// (Latin-1, Extended-A/B, IPA, modifier letters) and general punctuation (… · – — ‘ ’ “ ” •) are one
// column each too (checked against string-width char by char), so search results and lists stay on it.
const PLAIN_ASCII = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*$/;
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

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : lib().width(text);
}

/** `text` cut to at most `columns` columns with a trailing `…`, never inside a character. */
export function truncateTo(text: string, columns: number): string {
  if (PLAIN_ASCII.test(text)) return text.length > columns ? `${text.slice(0, columns - 1)}…` : text;
  const { width, truncate } = lib();
  if (width(text) <= columns) return text;
  // cli-truncate keeps a wide character that straddles the last column (one column too wide): ask for less
  let cut = truncate(text, columns);
  for (let n = columns - 1; width(cut) > columns && n > 0; n--) cut = truncate(text, n);
  return cut;
}

/** `text` padded with spaces to `columns` columns (by display width, not length). */
export function padEndTo(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - displayWidth(text)));
}
