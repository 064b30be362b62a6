import type { Finding } from "./check-model.js";
import type { ParsedNote } from "./note-parse.js";
import { mergeRoadmaps } from "./readiness-roadmap.js";

/** The rule id of a roadmap item whose id another bullet already has. */
const DUPLICATE_ITEM_RULE = "roadmap/duplicate-item";

/** Lines before a parsed note's body in its file (the front matter), so a body line can become a file line. */
export function bodyOffset(text: string, body: string): number {
  const lines = (s: string) => (s === "" ? 0 : s.replace(/\r\n?/g, "\n").split("\n").length);
  return Math.max(0, lines(text) - lines(body));
}

/** Roadmap items whose id is already taken (ids are global across every roadmap note): one error each. */
export function roadmapFindings(notes: readonly { path: string; text: string; parsed: ParsedNote }[]): Finding[] {
  const roadmaps = notes.filter((n) => n.parsed.data.type === "roadmap");
  const offset = new Map(roadmaps.map((n) => [n.path, bodyOffset(n.text, n.parsed.body)]));
  const { duplicates } = mergeRoadmaps(roadmaps.map((n) => ({ path: n.path, body: n.parsed.body })));
  return duplicates.map((d) => ({
    path: d.path,
    line: d.line + offset.get(d.path)!,
    rule: DUPLICATE_ITEM_RULE,
    severity: "error",
    message: `roadmap item id ${d.id} is already used at ${d.first.path}:${d.first.line + offset.get(d.first.path)!}`,
    hint: "item ids are global across roadmap notes: give this item its own id, or delete one of the two",
  }));
}
