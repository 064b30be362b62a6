// Comments in a note: where people keep remarks precisely because readers never see them.
// HTML comments (`<!-- … -->`, CommonMark and GitHub hide them) and Obsidian comments
// (`%% … %%`, hidden in Obsidian's reading view and by Obsidian Publish) are removed before a
// note is rendered, put in the site's search index or feed, or indexed for search. A code
// sample that shows one (inside a code span or a fenced code block) is kept as written.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Where a fence that opened with `open` (its backticks or tildes) closes: a line of at least as many. */
const closesFence = (line: string, open: string): boolean => {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1]![0] === open[0] && m[1]!.length >= open.length;
};

/** Only the line breaks of `s`: a removed comment keeps the note's line count, so line numbers still match. */
const breaksOf = (s: string): string => s.replace(/[^\n]/g, "");

/**
 * The body with HTML and `%%` comments removed, code spans and fenced code kept as written.
 * A comment may span lines; one never closed hides the rest of the note, as Obsidian (for
 * `%%`) and CommonMark's HTML blocks (for `<!--`) do. Each removed comment leaves its line
 * breaks behind. Indented (4-space) code blocks are not told apart from text: use fences for
 * code samples that show a comment.
 */
export function stripComments(body: string): string {
  if (!body.includes("<!--") && !body.includes("%%")) return body;
  let out = "";
  let fence: string | undefined;
  let pos = 0;
  while (pos < body.length) {
    const eol = body.indexOf("\n", pos);
    const end = eol < 0 ? body.length : eol + 1;
    const line = body.slice(pos, end);
    if (fence !== undefined) {
      if (closesFence(line.replace(/\r?\n$/, ""), fence)) fence = undefined;
      out += line;
      pos = end;
      continue;
    }
    const open = FENCE.exec(line);
    if (open && !(open[1]![0] === "`" && line.slice(open[0].length).includes("`"))) {
      fence = open[1]!;
      out += line;
      pos = end;
      continue;
    }
    // Text: scan to the end of this line, or past it when a comment or code span runs on.
    const got = scanText(body, pos, end);
    out += got.text;
    pos = got.pos;
  }
  return out;
}

const SPECIAL = /[\\`<%]/g;

/** Scan text from `pos`, at least to `lineEnd`: comments dropped, code spans copied whole. */
function scanText(body: string, pos: number, lineEnd: number): { text: string; pos: number } {
  let text = "";
  let i = pos;
  let end = lineEnd;
  while (i < end) {
    const c = body[i];
    if (c === "\\" && i + 1 < end) {
      text += body.slice(i, i + 2);
      i += 2;
    } else if (c === "`") {
      let n = 1;
      while (body[i + n] === "`") n++;
      const run = "`".repeat(n);
      const close = closingRun(body, i + n, run);
      if (close < 0) {
        text += run;
        i += n;
      } else {
        text += body.slice(i, close + n);
        i = close + n;
        end = Math.max(end, lineEndAt(body, i));
      }
    } else if (c === "<" && body.startsWith("<!--", i)) {
      const close = body.indexOf("-->", i + 4);
      const stop = close < 0 ? body.length : close + 3;
      text += breaksOf(body.slice(i, stop));
      i = stop;
      end = Math.max(end, lineEndAt(body, i));
    } else if (c === "%" && body[i + 1] === "%") {
      const close = body.indexOf("%%", i + 2);
      const stop = close < 0 ? body.length : close + 2;
      text += breaksOf(body.slice(i, stop));
      i = stop;
      end = Math.max(end, lineEndAt(body, i));
    } else {
      SPECIAL.lastIndex = i + 1;
      const next = SPECIAL.exec(body);
      const stop = next && next.index < end ? next.index : end;
      text += body.slice(i, stop);
      i = stop;
    }
  }
  return { text, pos: i };
}

/** The index just past the line holding `i` (or the body's end). */
const lineEndAt = (body: string, i: number): number => {
  if (i > 0 && body[i - 1] === "\n") return i;
  const eol = body.indexOf("\n", i);
  return eol < 0 ? body.length : eol + 1;
};

const BLANK_LINE = /\n[ \t]*\n/g;

/**
 * Where a code span opened by `run` closes: the next backtick run of exactly that length within
 * the same paragraph (a blank line ends the search), or -1 when there is none.
 */
function closingRun(body: string, from: number, run: string): number {
  BLANK_LINE.lastIndex = from;
  const para = BLANK_LINE.exec(body);
  const limit = para ? para.index : body.length;
  let i = body.indexOf(run, from);
  while (i >= 0 && i < limit) {
    let n = 0;
    while (body[i + n] === "`") n++;
    if (n === run.length) return i;
    i = body.indexOf(run, i + n);
  }
  return -1;
}
