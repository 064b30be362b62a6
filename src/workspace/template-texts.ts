import { NOTE_TYPES, type NoteType } from "../core/note-model.js";
import { templateText, type TemplateText } from "../core/note-substance.js";
import type { WorkspacePaths } from "./find.js";
import { loadTemplate } from "./templates.js";

/**
 * A reader of template text per note type (the workspace's templates/ over the bundled ones),
 * each template read once; a note of no known type is measured against the doc template, and
 * a template that cannot be read counts as empty (nothing is a placeholder).
 */
export function templateTexts(ws: WorkspacePaths): (type: string | null | undefined) => TemplateText {
  const cache = new Map<NoteType, TemplateText>();
  return (type) => {
    const t: NoteType = (NOTE_TYPES as readonly string[]).includes(type ?? "") ? (type as NoteType) : "doc";
    let got = cache.get(t);
    if (!got) {
      try {
        got = templateText(loadTemplate(ws, t).source);
      } catch {
        got = { lines: new Set(), placeholders: new Set() };
      }
      cache.set(t, got);
    }
    return got;
  };
}
