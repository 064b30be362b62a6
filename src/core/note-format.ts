import YAML from "yaml";
import { KNOWN_KEYS } from "./note-model.js";

/**
 * Write front matter as canonical YAML between `---` lines: known keys first in
 * DESIGN.md's order, then other keys as given; lists in flow style (`[a, b]`),
 * strings quoted only where YAML needs it. Undefined values are left out.
 */
export function formatFrontMatter(fields: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) if (fields[key] !== undefined) ordered[key] = fields[key];
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  }
  const doc = new YAML.Document(ordered);
  YAML.visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => YAML.isScalar(item))) node.flow = true;
    },
  });
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
