// Whether a note says something of its own, or is still its template: the week's step 2,
// readiness's "written up" rung, `check` and `publish` all ask this one question.

/** Words a note needs beyond its template's text to count as written. */
const MIN_OWN_WORDS = 80;

/** The rule id `learn check` reports a placeholder under (publish refuses the same). */
export const PLACEHOLDER_RULE = "template-placeholder";

/** A template's guidance line still in a note, with its 1-based line in the note's body. */
interface Placeholder {
  line: number;
  text: string;
}

/** How much of a note is its own. */
export interface Substance {
  /** Words in lines that are not the template's (the title's H1 not counted). */
  ownWords: number;
  placeholders: Placeholder[];
  /** At least MIN_OWN_WORDS own words and no placeholder left. */
  enough: boolean;
}

/** The lines of a template, split into every line (structure too) and the guidance lines a note must replace. */
export interface TemplateText {
  lines: ReadonlySet<string>;
  placeholders: ReadonlySet<string>;
}

const norm = (line: string): string => line.trim().replace(/\s+/g, " ");
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const countWords = (s: string): number => s.match(WORD)?.length ?? 0;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/**
 * Read a template source: every non-blank line (after dropping its front matter and any line
 * with a `{{…}}` tag) is template text; the guidance lines are those of three words or more
 * that are not headings, checklist items, numbered steps, table rules or table headers.
 */
export function templateText(source: string): TemplateText {
  const text = source.replace(/\r\n?/g, "\n").replace(/^---\n[\s\S]*?\n---(?:\n|$)/, "");
  const raw = text.split("\n");
  const lines = new Set<string>();
  const placeholders = new Set<string>();
  raw.forEach((line, i) => {
    const l = norm(line);
    if (!l || l.includes("{{")) return;
    lines.add(l);
    const header = l.startsWith("|") && TABLE_RULE.test(norm(raw[i + 1] ?? ""));
    const structure =
      /^#{1,6}\s/.test(l) || /^[-*+]\s+\[[ xX]\]/.test(l) || /^\d+[.)]\s/.test(l) || TABLE_RULE.test(l) || header;
    if (!structure && countWords(l) >= 3) placeholders.add(l);
  });
  return { lines, placeholders };
}

/** How much of `body` is the note's own, measured against its type's template. */
export function substance(body: string, template: TemplateText): Substance {
  let ownWords = 0;
  let sawTitle = false;
  const placeholders: Placeholder[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    const l = norm(line);
    if (!l) return;
    if (template.placeholders.has(l)) placeholders.push({ line: i + 1, text: l });
    if (template.lines.has(l)) return;
    if (!sawTitle && /^#\s/.test(l)) {
      sawTitle = true;
      return;
    }
    ownWords += countWords(l.replace(/^#{1,6}\s+|^[-*+]\s+(\[[ xX]\]\s+)?|^>\s?/, ""));
  });
  return { ownWords, placeholders, enough: ownWords >= MIN_OWN_WORDS && placeholders.length === 0 };
}

/** The template's guidance lines still in `body` (substance's placeholders, without counting words). */
export function placeholdersIn(body: string, template: TemplateText): Placeholder[] {
  if (template.placeholders.size === 0) return [];
  const placeholders: Placeholder[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    const l = norm(line);
    if (l && template.placeholders.has(l)) placeholders.push({ line: i + 1, text: l });
  });
  return placeholders;
}

/** What a note still needs to count as written, in words; empty when it is enough. */
export function missingText(s: Substance): string {
  const parts: string[] = [];
  if (s.ownWords < MIN_OWN_WORDS)
    parts.push(`${MIN_OWN_WORDS - s.ownWords} more word${MIN_OWN_WORDS - s.ownWords === 1 ? "" : "s"} of its own`);
  if (s.placeholders.length)
    parts.push(
      `${s.placeholders.length} template placeholder${s.placeholders.length === 1 ? "" : "s"} replaced (first on body line ${s.placeholders[0]!.line})`,
    );
  return parts.join(" and ");
}
