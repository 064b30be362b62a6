const WIKI = /!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g;
const MARKDOWN = /!?\[([^\]]*)\]\([^)]*\)/g;

/**
 * A title as a reader sees it: `[[target|label]]` as its label (Obsidian's order), `[[note#heading]]`
 * as "note > heading" (as Obsidian shows it), `[text](url)` as its text.
 */
export function plainTitle(title: string): string {
  if (!title.includes("[")) return title;
  return title
    .replace(WIKI, (_, target: string, label: string | undefined) =>
      label?.trim() ? label.trim() : target.trim().replace(/\s*#\^?\s*/, " > "),
    )
    .replace(MARKDOWN, "$1")
    .trim();
}
