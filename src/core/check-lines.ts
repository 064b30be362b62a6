/** The lines of the front-matter block (1-based line numbers), or none when there is no block. */
function frontMatterLines(text: string): { line: number; text: string }[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return [];
  const out: { line: number; text: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === "---") break;
    out.push({ line: i + 1, text: lines[i]! });
  }
  return out;
}

/** The 1-based line of a front-matter key (matched case-insensitively), or undefined. */
export function keyLine(text: string, key: string): number | undefined {
  const want = key.toLowerCase();
  for (const l of frontMatterLines(text)) {
    const m = /^\s*([^\s:#][^:]*?)\s*:/.exec(l.text);
    if (m && m[1]!.toLowerCase() === want) return l.line;
  }
  return undefined;
}

/** The 1-based line where `needle` first occurs in `text` (after `from`, a line number), or undefined. */
export function lineOf(text: string, needle: string, from = 1): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return undefined;
}

/** The 1-based line of `value` inside the front-matter list `key` (inline or block form), else the key's line. */
export function listItemLine(text: string, key: string, value: string): number | undefined {
  const start = keyLine(text, key);
  if (start === undefined) return undefined;
  const block = frontMatterLines(text).filter((l) => l.line >= start);
  for (const l of block) {
    if (l.line > start && /^\S/.test(l.text)) break; // the next key: the list ended
    if (l.text.includes(value)) return l.line;
  }
  return start;
}
