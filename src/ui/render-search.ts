import type { SearchHit, SearchRelaxed } from "../core/index-types.js";
import { JSON_VERSION, type SearchJson } from "../core/json-types.js";
import { plainTitle } from "../core/title-text.js";
import { fitLines } from "./layout.js";
import { forTerminal, visible } from "./terminal-text.js";
import type { Theme } from "./theme.js";

/** Highlight the matched ranges of a snippet with the theme's match style (each piece made visible). */
function highlight(snippet: string, matches: [number, number][], theme: Theme): string {
  let out = "";
  let at = 0;
  for (const [s, e] of matches) {
    out += visible(snippet.slice(at, s)) + theme.match(visible(snippet.slice(s, e)));
    at = e;
  }
  return out + visible(snippet.slice(at));
}

/** The type · status · domain line of a note, skipping what is unset. */
function metaLine(
  note: { path: string; type: string | null; status: string | null; domain: string | null },
  theme: Theme,
): string {
  const n = forTerminal(note);
  const meta = [n.type, n.status, n.domain].filter(Boolean).join(" · ");
  return `${theme.path(n.path)}${meta ? `  ${theme.meta(meta)}` : ""}`;
}

/** Search hits as text: title, path and meta, snippet; fuzzy hits marked; each line cut to `width` columns. */
export function renderSearch(hits: SearchHit[], theme: Theme, width = 80): string {
  return hits
    .map((h, i) => {
      const mark = h.fuzzy ? ` ${theme.dim("(fuzzy)")}` : "";
      const lines = [
        `${i + 1}. ${theme.title(visible(plainTitle(h.note.title)))}${mark}`,
        `   ${metaLine(h.note, theme)}`,
      ];
      if (h.snippet) lines.push(`   ${highlight(h.snippet, h.matches, theme)}`);
      return fitLines(lines, width).join("\n");
    })
    .join("\n\n");
}

/** The stable JSON shape of `learn search --json`. */
export function toSearchJson(
  query: string,
  hits: SearchHit[],
  relaxed: SearchRelaxed = { dropped: [], phrases: [] },
): SearchJson {
  return {
    version: JSON_VERSION,
    query,
    relaxed: { dropped_words: relaxed.dropped, phrases_as_words: relaxed.phrases },
    hits: hits.map((h) => ({
      slug: h.note.slug,
      path: h.note.path,
      title: h.note.title,
      type: h.note.type,
      status: h.note.status,
      domain: h.note.domain,
      score: h.score,
      fuzzy: h.fuzzy,
      snippet: h.snippet,
      matches: h.matches,
    })),
  };
}
