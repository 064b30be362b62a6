import { codeFences } from "./markdown.js";
// "Capture what the build taught": each build use can add one dated line to the note's
// `## Used in builds` section, so a note grows each time it is used. The edit only inserts.

/** The heading of the section lessons go under. */
const USED_HEADING = "## Used in builds";

const HEADING = /^\s{0,3}(#{1,6})\s/;
const USED = /^\s{0,3}##\s+used in builds\s*#*\s*$/i;

/** One line of text from what a user typed: whitespace (newlines too) folded, control characters dropped. */
export const oneLine = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The bullet a lesson becomes: `- 2026-11-24, payments API v2: what it taught`. */
export function lessonLine(date: string, build: string | undefined, lesson: string): string {
  const where = build && oneLine(build) ? `, ${oneLine(build)}` : "";
  return `- ${date}${where}: ${oneLine(lesson)}`;
}

/**
 * Insert `bullet` as the last line of the note's `## Used in builds` section (outside code
 * fences), or add the section at the end of the note. Only inserts: every other byte stays,
 * and the note's line ending (LF or CRLF) is kept.
 */
export function appendUsedLine(text: string, bullet: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  const inCode = codeFences();
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inCode(line)) continue;
    if (start < 0) {
      if (USED.test(line) && !inFrontMatter(lines, i)) start = i;
    } else {
      const h = HEADING.exec(line);
      if (h && h[1]!.length <= 2) {
        end = i;
        break;
      }
    }
  }
  if (start < 0) {
    const ends = text === "" || text.endsWith(eol);
    const blank = text === "" || text.endsWith(eol + eol);
    return `${text}${ends ? "" : eol}${blank ? "" : eol}${USED_HEADING}${eol}${eol}${bullet}${eol}`;
  }
  let last = start;
  for (let i = start + 1; i < end; i++) if (lines[i]!.trim() !== "") last = i;
  const insert = last === start ? ["", bullet] : [bullet];
  // A section that ends the file without a final newline: the bullet goes after its last line.
  lines.splice(last + 1, 0, ...insert);
  return lines.join(eol);
}

/** True when line `i` sits inside the leading `---` front-matter block. */
function inFrontMatter(lines: string[], i: number): boolean {
  if (lines[0] !== "---") return false;
  const close = lines.findIndex((l, k) => k > 0 && l === "---");
  return close > 0 && i < close;
}
