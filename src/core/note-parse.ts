import matter from "gray-matter";
import yaml from "js-yaml";
import { scanBody, type BodyFacts } from "./markdown.js";
import { normaliseFrontMatter } from "./note-normalise.js";
import type { FrontMatter, NoteWarning } from "./note-model.js";

/** A note read from text: normalised front matter, body, facts and problems. */
export interface ParsedNote {
  data: FrontMatter;
  /** The body after the front matter, with CRLF folded to LF. */
  body: string;
  /** Title from front matter, else the first H1, else the file name. */
  title: string;
  facts: BodyFacts;
  warnings: NoteWarning[];
  /** True when the front-matter block exists but is not valid YAML. */
  brokenYaml: boolean;
}

// Passing options stops gray-matter caching every file's text; js-yaml 4 is faster than its bundled 3.
const MATTER_OPTIONS = { engines: { yaml: (s: string) => yaml.load(s) as object } };

/** Parse a note's text without touching the disk. `fallbackTitle` is usually the file name. */
export function parseNote(text: string, fallbackTitle: string): ParsedNote {
  const clean = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const warnings: NoteWarning[] = [];
  let raw: unknown = {};
  let body = clean;
  let brokenYaml = false;
  try {
    const file = matter(clean, MATTER_OPTIONS);
    raw = file.data;
    body = file.content;
  } catch (err) {
    brokenYaml = true;
    const mark = (err as { mark?: { line?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split("\n")[0];
    // +2: the opening `---` is line 1 and js-yaml counts from 0.
    warnings.push({ line: mark?.line !== undefined ? mark.line + 2 : 1, message: `broken YAML front matter: ${reason}`, severity: "error" });
    body = stripBrokenFrontMatter(clean);
  }
  const { data, warnings: fieldWarnings } = normaliseFrontMatter(raw);
  warnings.push(...fieldWarnings);
  const facts = scanBody(body);
  const title = data.title ?? facts.firstH1 ?? fallbackTitle;
  if (!data.title && !brokenYaml) warnings.push({ key: "title", message: "missing title", severity: "warning" });
  return { data, body, title, facts, warnings, brokenYaml };
}

/** Drop an unparseable front-matter block so its YAML is not indexed as body text. */
function stripBrokenFrontMatter(text: string): string {
  if (!text.startsWith("---")) return text;
  const end = text.indexOf("\n---", 3);
  if (end < 0) return text;
  const after = text.indexOf("\n", end + 4);
  return after < 0 ? "" : text.slice(after + 1);
}
