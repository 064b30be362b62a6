import { Chalk, type ChalkInstance } from "chalk";

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

/** Build the theme for a colour level (0 gives plain text). */
export function makeTheme(level: 0 | 1 | 2 | 3): Theme {
  const c: ChalkInstance = new Chalk({ level });
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
