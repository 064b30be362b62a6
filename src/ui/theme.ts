import type { ChalkInstance } from "chalk";

/** Semantic styles: commands say what a thing is, the theme says how it looks. */
export interface Theme {
  title: (s: string) => string;
  path: (s: string) => string;
  meta: (s: string) => string;
  tag: (s: string) => string;
  match: (s: string) => string;
  due: (s: string) => string;
  ok: (s: string) => string;
  warn: (s: string) => string;
  error: (s: string) => string;
  heading: (s: string) => string;
  dim: (s: string) => string;
}

/** Decide colour once: off for NO_COLOR, --no-color or a non-TTY stream; on for FORCE_COLOR. */
export function colorLevel(opts: { color?: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): 0 | 1 | 2 | 3 {
  if (opts.color === false) return 0;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force !== "false") return force === "3" ? 3 : force === "2" ? 2 : 1;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== "") return 0;
  if (!opts.isTTY || opts.env.TERM === "dumb") return 0;
  return 1;
}

// One glyph set for the whole program: Unicode, or ASCII where the locale cannot show it. Output
// is written with the Unicode glyphs and mapped once on its way out (processIO, the prompts'
// theme), so no renderer needs to know; the ASCII stand-ins keep each glyph's width, so tables
// stay aligned.
const ASCII: Record<string, string> = {
  "✔": "v",
  "✗": "x",
  "❯": ">",
  "›": ">",
  "○": "o",
  "◉": "*",
  "◯": "o",
  "█": "#",
  "░": ".",
  "▁": "_",
  "▃": ":",
  "▅": "=",
  "▇": "%",
  "·": "-",
  "…": "~",
  "←": "<",
  "→": ">",
  "↑": "^",
  "↓": "v",
  "─": "-",
  "•": "-",
  "⏎": "enter",
};
const GLYPHS = new RegExp(`[${Object.keys(ASCII).join("")}]`, "g");

/** Whether to write ASCII glyphs: LEARN_ASCII=1, or a locale (LC_ALL, else LC_CTYPE, else LANG) that is not UTF-8. */
export function wantsAscii(env: NodeJS.ProcessEnv): boolean {
  if (env.LEARN_ASCII === "1") return true;
  if (env.LEARN_ASCII === "0") return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  // no locale at all is most often a container or CI whose terminal is UTF-8: keep Unicode
  return locale !== undefined && locale !== "" && !/utf-?8/i.test(locale);
}

/** `text` with every glyph learn draws (✔ ❯ █ ▁ · … ← ⏎ ─ …) replaced by its ASCII stand-in. */
export const asciiGlyphs = (text: string): string => text.replace(GLYPHS, (g) => ASCII[g] ?? g);

/** How the prompts look: decided once at start with the rest of the output (processIO). */
export const promptLook = { color: true, ascii: false };

/** A theme that styles nothing: for level 0 (no colour), without loading chalk. */
export const plainTheme = (): Theme => {
  const same = (s: string) => s;
  return {
    title: same,
    path: same,
    meta: same,
    tag: same,
    match: same,
    due: same,
    ok: same,
    warn: same,
    error: same,
    heading: same,
    dim: same,
  };
};

/** Build the theme for a colour level; chalk (about 10 ms to load) is imported only when there is colour. */
export async function loadTheme(level: 0 | 1 | 2 | 3): Promise<Theme> {
  if (level === 0) return plainTheme();
  const { Chalk } = await import("chalk");
  return makeTheme(new Chalk({ level }));
}

/**
 * The theme over a chalk instance.
 * @public
 */
export function makeTheme(c: ChalkInstance): Theme {
  return {
    title: (s) => c.bold(s),
    path: (s) => c.cyan(s),
    meta: (s) => c.gray(s),
    tag: (s) => c.magenta(s),
    match: (s) => c.bold.yellow(s),
    due: (s) => c.yellow(s),
    ok: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    error: (s) => c.red(s),
    heading: (s) => c.bold.underline(s),
    dim: (s) => c.dim(s),
  };
}
