import { posix } from "node:path";
import { codeFences } from "./markdown.js";

// Renaming a note rewrites every link to it: [[wikilinks]], related: slugs and relative Markdown
// links, found with the indexer's own patterns (core/markdown.ts), outside code fences.

/** One replacement in a text: a 0-based line and the columns [start, end) on it. */
export interface LineEdit {
  line: number;
  start: number;
  end: number;
  newText: string;
}

const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
const MDLINK = /\]\(\s*<?([^)\s>]+\.(?:md|markdown))(?:#[^)\s]*)?>?(?:\s+"[^"]*")?\s*\)/gi;
const KEY = /^([A-Za-z_][\w-]*)\s*:/;

const slugOf = (p: string): string => posix.basename(p.trim()).replace(/\.(md|markdown)$/i, "");
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * The edits that make the links in one note (at `fromPath`) point at a note moved from
 * `oldPath` to `newPath` (workspace-relative paths). Wikilinks and `related:` entries match by
 * slug (case-insensitive), Markdown links by the path they resolve to.
 */
export function renameLinkEdits(text: string, fromPath: string, oldPath: string, newPath: string): LineEdit[] {
  const oldSlug = slugOf(oldPath).toLowerCase();
  const newSlug = slugOf(newPath);
  const dir = posix.dirname(fromPath);
  const lines = text.split("\n");
  const edits: LineEdit[] = [];
  const hasFrontMatter = lines[0]?.replace(/^\uFEFF/, "").trimEnd() === "---";
  let inFrontMatter = hasFrontMatter;
  let key: string | undefined;
  const inCode = codeFences();
  lines.forEach((line, i) => {
    if (i === 0 && hasFrontMatter) return;
    if (inFrontMatter) {
      if (line.trimEnd() === "---") {
        inFrontMatter = false;
        return;
      }
      const k = KEY.exec(line);
      if (k) key = k[1]!.toLowerCase();
      else if (/^\S/.test(line)) key = undefined;
      if (key !== "related") return;
      const from = k ? k[0].length : 0;
      const word = new RegExp(`(?<![\\w./-])${escape(oldSlug)}(?![\\w./-])`, "gi");
      for (const m of line.slice(from).matchAll(word))
        edits.push({ line: i, start: from + m.index, end: from + m.index + m[0].length, newText: newSlug });
      return;
    }
    if (inCode(line)) return;
    for (const m of line.matchAll(WIKILINK)) {
      const target = m[1]!;
      if (slugOf(target).toLowerCase() !== oldSlug) continue;
      const trimmed = target.trim();
      const start = m.index + 2 + target.indexOf(trimmed);
      const folder = trimmed.includes("/") ? trimmed.slice(0, trimmed.lastIndexOf("/") + 1) : "";
      edits.push({ line: i, start, end: start + trimmed.length, newText: folder + newSlug });
    }
    for (const m of line.matchAll(MDLINK)) {
      const target = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      if (posix.normalize(posix.join(dir, decode(target))) !== oldPath) continue;
      const start = line.indexOf(target, m.index);
      edits.push({ line: i, start, end: start + target.length, newText: encodeURI(posix.relative(dir, newPath)) });
    }
  });
  return edits;
}

/** Apply line edits (from one renameLinkEdits call) to the text they were computed on. */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split("\n");
  const sorted = [...edits].sort((a, b) => b.line - a.line || b.start - a.start);
  for (const e of sorted) {
    const l = lines[e.line]!;
    lines[e.line] = l.slice(0, e.start) + e.newText + l.slice(e.end);
  }
  return lines.join("\n");
}
