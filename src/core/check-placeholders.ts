import type { Finding } from "./check-model.js";
import { bodyOffset } from "./check-roadmap.js";
import { PLACEHOLDER_RULE, placeholdersIn, type TemplateText } from "./note-substance.js";

/**
 * A public note's lines that are still its template's guidance text: one error each. Private
 * notes are drafts and may hold them; a public one would put the placeholder on the site.
 */
export function placeholderFindings(
  path: string,
  text: string,
  note: { body: string; isPublic: boolean },
  template: TemplateText,
): Finding[] {
  if (!note.isPublic) return [];
  const offset = bodyOffset(text, note.body);
  return placeholdersIn(note.body, template).map((p) => ({
    path,
    line: p.line + offset,
    rule: PLACEHOLDER_RULE,
    severity: "error",
    message: `public note still holds the template's placeholder text: "${p.text.length > 60 ? `${p.text.slice(0, 57)}...` : p.text}"`,
    hint: "replace it with your own words (or delete the line); publish refuses the note until then",
  }));
}
