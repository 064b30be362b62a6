import type { JsonDocument } from "../core/json-types.js";
import { terminalColumns } from "./columns.js";
import { asciiGlyphs, colorLevel, loadTheme, plainTheme, promptLook, wantsAscii, type Theme } from "./theme.js";

/** Where a command writes, and how: data to stdout, counts and warnings to stderr. */
export interface IO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Write to stdout exactly as given: no newline added, no glyph changed (`list --format paths0`). */
  raw: (text: string) => void;
  /** Print a `--json` document (pretty, one trailing newline) on stdout: only the named shapes of core/json-types.ts. */
  json: (value: JsonDocument) => void;
  theme: Theme;
  /** Prompts are allowed: stdin and stdout are TTYs and neither --no-input nor --json was given. */
  interactive: boolean;
  /** stdout is a terminal (progress bars, highlighting). */
  isTTY: boolean;
  /** How many columns human output may use: the terminal's width, else COLUMNS, else 80. */
  columns: number;
  env: NodeJS.ProcessEnv;
}

/** Options every command understands. */
export interface GlobalOptions {
  dir?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
  today?: string;
}

const withNewline = (s: string): string => (s === "" || s.endsWith("\n") ? s : `${s}\n`);

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls (0x9b is a one-byte CSI), line
// separators and bidi controls raw; escaping them too keeps the same JSON value, safe on a terminal.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A value as pretty JSON with one trailing newline, every control character escaped. */
const toJson = (v: unknown): string =>
  `${JSON.stringify(v, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;

/** The real process IO, deciding colour and interactivity once. */
export async function processIO(opts: GlobalOptions): Promise<IO> {
  const isTTY = Boolean(process.stdout.isTTY);
  const env = process.env;
  if (!opts.json) await (await import("./terminal-text.js")).preloadTextLibs();
  const level = opts.json ? 0 : colorLevel({ color: opts.color, env, isTTY });
  // the one colour and glyph decision, for the prompts as for everything else
  promptLook.color = level > 0;
  promptLook.ascii = wantsAscii(env);
  const shown = promptLook.ascii ? asciiGlyphs : (t: string) => t;
  return {
    out: (t) => void process.stdout.write(shown(withNewline(t))),
    err: (t) => void process.stderr.write(shown(withNewline(t))),
    raw: (t) => void process.stdout.write(t),
    json: (v) => void process.stdout.write(toJson(v)),
    theme: await loadTheme(level),
    // stdin last: asking it makes its stream (a few ms), needed only when the rest could prompt
    interactive: isTTY && opts.input !== false && !opts.json && env.CI !== "true" && Boolean(process.stdin.isTTY),
    isTTY,
    columns: terminalColumns(process.stdout, env),
    env,
  };
}

/** An IO that collects output in memory, for tests that call commands directly. */
export function memoryIO(env: NodeJS.ProcessEnv = {}): IO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const shown = wantsAscii(env) ? asciiGlyphs : (t: string) => t;
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(shown(withNewline(t))),
    err: (t) => void stderr.push(shown(withNewline(t))),
    raw: (t) => void stdout.push(t),
    json: (v) => void stdout.push(toJson(v)),
    theme: plainTheme(),
    interactive: false,
    isTTY: false,
    columns: terminalColumns({}, env),
    env,
  };
}
