import YAML, { isMap, isScalar, type Node, type Pair } from "yaml";
import { dateFormatOf, toIsoDate, writeDate } from "./dates.js";
import { LearnError } from "./errors.js";

/** A note's text split around its front-matter block, offsets into the original string. */
interface Split {
  /** Offset where the YAML starts (after `---` and its line break). */
  yamlStart: number;
  /** Offset of the closing `---` line. */
  yamlEnd: number;
  eol: string;
}

function split(text: string): Split | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const m = /^---[ \t]*(\r?\n)/.exec(text.slice(bom));
  if (!m) return undefined;
  const yamlStart = bom + m[0].length;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(yamlStart);
  // an empty block: the closing line follows at once
  const c = close.exec(rest);
  if (!c) return undefined;
  return { yamlStart, yamlEnd: yamlStart + c.index, eol: m[1]! };
}

/** Render `key: value` as canonical YAML on one line (lists of scalars in flow style). */
function renderPair(key: string, value: unknown): string {
  const doc = new YAML.Document({ [key]: value });
  YAML.visit(doc, {
    Seq(_k, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
}

// The date keys learn writes: a new value takes the form the old one had (Dendron's epoch-ms `updated:`
// stays epoch-ms, a datetime stays a datetime), so learn never breaks another tool's metadata.
const DATE_KEYS = new Set(["published", "updated"]);

/** `value` (a YYYY-MM-DD day) written the way `old` was written; any other value as it is. */
function sameFormat(key: string, value: unknown, old: Node | null): unknown {
  if (!DATE_KEYS.has(key) || typeof value !== "string" || toIsoDate(value) !== value || !isScalar(old)) return value;
  const format = dateFormatOf(old.value);
  if (format === undefined || format === "day") return value;
  const written = writeDate(value, format);
  return typeof old.value === "string" ? String(written) : written;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/**
 * Change front-matter keys with the smallest possible edit: each changed pair is
 * rewritten in place, new keys are added at the end of the block, `undefined`
 * deletes a key. Every other byte (other keys, their order, comments, quoting,
 * line endings, the body) stays as it was. A note without front matter gets a block.
 * Throws a LearnError naming the line when the front matter is not valid YAML.
 */
export function setFrontMatter(text: string, changes: Record<string, unknown>, file = "note"): string {
  const s = split(text);
  if (!s) {
    const added = Object.entries(changes).filter(([, v]) => v !== undefined);
    if (!added.length) return text;
    return `---\n${added.map(([k, v]) => renderPair(k, v)).join("\n")}\n---\n${text}`;
  }
  const yamlText = text.slice(s.yamlStart, s.yamlEnd);
  const doc = YAML.parseDocument(yamlText, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length) {
    const line = doc.errors[0]!.linePos?.[0].line;
    throw new LearnError(
      `${file}:${line !== undefined ? line + 1 : 1}: front matter is not valid YAML; not changed`,
      "fix the YAML, then run the command again",
    );
  }
  if (doc.contents !== null && !isMap(doc.contents))
    throw new LearnError(`${file}: front matter is not a mapping of keys; not changed`);
  const items = isMap(doc.contents) ? (doc.contents.items as Pair<Node, Node | null>[]) : [];

  // Collect replacements as [start, end, text] in YAML-block offsets, applied from the end.
  const edits: [number, number, string][] = [];
  const additions: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const pair = items.find((p) => keyOf(p) === key);
    if (!pair) {
      if (value !== undefined) additions.push(renderPair(key, value));
      continue;
    }
    const keyNode = pair.key as Node;
    const start = keyNode.range![0];
    const valueNode = pair.value;
    let valueEnd = valueNode?.range ? valueNode.range[1] : keyNode.range![1];
    // a block collection's range takes in its last line break; that break belongs to the line
    while (valueEnd > start && (yamlText[valueEnd - 1] === "\n" || yamlText[valueEnd - 1] === "\r")) valueEnd--;
    if (value === undefined) {
      const lineStart = yamlText.lastIndexOf("\n", start - 1) + 1;
      // The line break that ends the value's last line (a trailing comment on it goes too).
      let lineEnd = yamlText.indexOf("\n", Math.max(start, valueEnd - 1));
      lineEnd = lineEnd < 0 ? yamlText.length : lineEnd + 1;
      edits.push([lineStart, lineEnd, ""]);
    } else {
      // From the key to the end of the value: a trailing comment and the line break stay.
      const written = renderPair(key, sameFormat(key, value, valueNode));
      edits.push([start, valueEnd, written.split("\n").join(s.eol)]);
    }
  }
  let out = yamlText;
  for (const [a, b, t] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + t + out.slice(b);
  if (additions.length) {
    const sep = out === "" || out.endsWith("\n") ? "" : s.eol;
    out += sep + additions.map((a) => a.split("\n").join(s.eol)).join(s.eol) + s.eol;
  }
  return text.slice(0, s.yamlStart) + out + text.slice(s.yamlEnd);
}

/**
 * Add `- [ ] item` lines to the note's `## Checklist` section: after the section's last line
 * when the note has one (templates put it before Sources), else under a new heading at the
 * end. Every other byte stays where it was. Items already in the note (ticked or not) are
 * skipped, so running it twice adds nothing.
 */
export function appendChecklist(text: string, items: string[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const present = new Set([...text.matchAll(/^\s*[-*+]\s+\[[ xX]\]\s+(.*?)\s*$/gm)].map((m) => m[1]!.toLowerCase()));
  const fresh: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item && !present.has(item.toLowerCase())) {
      present.add(item.toLowerCase());
      fresh.push(item);
    }
  }
  if (!fresh.length) return text;
  const lines = fresh.map((i) => `- [ ] ${i}${eol}`).join("");
  const heading = /^##[ \t]+checklist[ \t]*\r?$/im.exec(text);
  if (!heading) {
    const base = text === "" || text.endsWith("\n") ? text : text + eol;
    return `${base}${eol}## Checklist${eol}${eol}${lines}`;
  }
  // The section runs to the next heading of level 1 or 2 (or the end); insert after its last non-blank line.
  const afterHeading = heading.index + heading[0].length;
  const next = /^#{1,2}[ \t]/m.exec(text.slice(afterHeading));
  const sectionEnd = next ? afterHeading + next.index : text.length;
  const body = text.slice(afterHeading, sectionEnd);
  const lastText = body.trimEnd().length;
  if (lastText === 0) {
    // an empty section: the items go under the heading after a blank line, then what followed
    const after = text.slice(afterHeading).replace(/^(\r?\n)+/, "");
    return `${text.slice(0, afterHeading)}${eol}${eol}${lines}${after ? eol + after : ""}`;
  }
  const at = afterHeading + lastText;
  const rest = text.slice(at);
  // keep the line break that ended the last line, then the new items, then whatever followed
  const lineBreak = rest.startsWith("\r\n") ? "\r\n" : rest.startsWith("\n") ? "\n" : "";
  return `${text.slice(0, at)}${lineBreak || eol}${lines}${rest.slice(lineBreak.length)}`;
}
