import { scanBody, type BodyFacts } from "./markdown.js";
import { plainTitle } from "./title-text.js";
import { normaliseFrontMatter, type PublishFlagMap } from "./note-normalise.js";
import { loadYaml } from "./yaml-load.js";
import type { FrontMatter, NoteWarning } from "./note-model.js";
import { stripComments } from "./comments.js";

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

/**
 * Split front matter from the body exactly as gray-matter 4 does (opening `---` on the first
 * line, the first `\n---` closes, one newline after it dropped; no closing means no body), then
 * parse it with js-yaml 4. Done by hand because loading gray-matter (and its bundled js-yaml 3
 * and esprima) cost more start-up time than every other module of a search together.
 */
function splitFrontMatter(text: string): { data: unknown; content: string } {
  if (!text.startsWith("---") || text.charAt(3) === "-") return { data: {}, content: text };
  let str = text.slice(3);
  const language = str.slice(0, str.indexOf("\n")); // gray-matter's quirk: no newline drops the last character
  if (language.trim()) str = str.slice(language.length);
  let close = str.indexOf("\n---");
  if (close < 0) close = str.length;
  const block = str.slice(0, close);
  const data = block.replace(/^\s*#[^\n]+/gm, "").trim() === "" ? {} : loadYaml(block, true);
  if (close === str.length) return { data, content: "" };
  let content = str.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data, content };
}

/** Parse a note's text without touching the disk. `fallbackTitle` is usually the file name. */
export function parseNote(text: string, fallbackTitle: string, flagMap?: PublishFlagMap): ParsedNote {
  const unbommed = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const clean = unbommed.includes("\r") ? unbommed.replace(/\r\n?/g, "\n") : unbommed;
  const warnings: NoteWarning[] = [];
  let raw: unknown = {};
  let body = clean;
  let brokenYaml = false;
  try {
    const file = splitFrontMatter(clean);
    raw = file.data;
    body = file.content;
  } catch (err) {
    brokenYaml = true;
    const mark = (err as { mark?: { line?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split("\n")[0];
    // +2: the opening `---` is line 1 and js-yaml counts from 0.
    warnings.push({
      line: mark?.line !== undefined ? mark.line + 2 : 1,
      message: `broken YAML front matter: ${reason}`,
      severity: "error",
    });
    body = stripBrokenFrontMatter(clean);
  }
  const { data, warnings: fieldWarnings } = normaliseFrontMatter(raw, flagMap);
  warnings.push(...fieldWarnings);
  // a link, heading, tag or checkbox inside a comment is hidden from readers: it is no link (line breaks are kept)
  const facts = scanBody(stripComments(body));
  // No `title:` is no problem: the H1 or the file name is the title, as every notes app reads it.
  // An H1's link markup is not title text: `# Picks from [[Plugins|the list]]` is "Picks from the list".
  const h1 = facts.firstH1 !== undefined ? plainTitle(facts.firstH1) || undefined : undefined;
  const title = data.title ?? h1 ?? fallbackTitle;
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
