import type { LinkRow, NoteRow } from "../core/index-types.js";
import { JSON_VERSION, toNoteJson, type ShowJson } from "../core/json-types.js";
import { forTerminal } from "./terminal-text.js";
import type { Theme } from "./theme.js";

/** Everything `learn show` prints about one note. */
export interface ShowData {
  note: NoteRow;
  links: LinkRow[];
  backlinks: LinkRow[];
  /** Titles of linked notes by path, for readable link lists. */
  titles: Map<string, string>;
  body: string;
  /** Short names (lower-case) more than one note has, shown with their paths. */
  shared?: Set<string>;
  /** True when the note is larger than the index keeps (1 MiB) and `body` is cut. */
  truncated: boolean;
  /** A note's first date when its front matter has none: the day git added it, or its file's date. */
  first?: { date: string; source: "git" | "file" };
}

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

const field = (theme: Theme, key: string, value: string | null | undefined): string | undefined =>
  value ? `${theme.meta(`${key}:`.padEnd(12))}${value}` : undefined;

function linkLine(
  l: LinkRow,
  to: string | null,
  path: string | null | undefined,
  arrow: string,
  data: ShowData,
  theme: Theme,
): string {
  if (!to && !path) return `  ${theme.error("✗")} ${l.target} ${theme.error("(broken)")} ${theme.dim(l.kind)}`;
  const title = path ? data.titles.get(path) : undefined;
  const anchor = arrow === "→" && l.anchor ? `#${l.anchor}` : "";
  // a note by its short name, with its path when that name is not unique; a file by its path
  const name = to ? (path && data.shared?.has(to.toLowerCase()) ? path : to) : path!;
  return `  ${theme.ok(arrow)} ${name}${anchor}${title ? ` ${theme.dim(`(${title})`)}` : ""} ${theme.dim(l.kind)}`;
}

const firstText = (f: { date: string; source: "git" | "file" }): string =>
  f.source === "git" ? `${f.date} (git)` : f.date;

/** A note as text: title, front matter, checklist progress, links, backlinks, then the body. */
export function renderShow(given: ShowData, theme: Theme): string {
  const data = forTerminal(given, ["body"]);
  const n = data.note;
  const lines = [theme.title(n.title), theme.path(n.path), ""];
  const fields = [
    field(theme, "id", n.id),
    field(theme, "type", n.type),
    field(theme, "status", n.status),
    field(theme, "visibility", n.visibility),
    field(theme, "domain", n.domain),
    field(theme, "difficulty", n.difficulty),
    field(theme, "roles", n.roles.join(", ")),
    field(theme, "tags", n.tags.map((t) => theme.tag(t)).join(", ")),
    field(theme, "summary", n.summary),
    field(theme, "published", n.published),
    field(theme, "updated", n.updated),
    field(theme, data.first?.source === "git" ? "added" : "file date", data.first && firstText(data.first)),
    field(theme, "revisit", n.revisit === false ? "off" : n.revisit_every ? `every ${n.revisit_every}` : null),
    field(theme, "covers", n.covers.join(", ")),
    field(theme, "sources", n.sources.join(", ")),
  ];
  lines.push(...fields.filter((f): f is string => f !== undefined));
  if (n.checklist_total > 0) {
    const pct = Math.round((n.checklist_done / n.checklist_total) * 100);
    lines.push(`${theme.meta("checklist:".padEnd(12))}${n.checklist_done}/${n.checklist_total} done (${pct}%)`);
  }
  lines.push("", theme.heading(`links (${data.links.length})`));
  lines.push(
    ...(data.links.length
      ? data.links.map((l) => linkLine(l, l.to_slug, l.to_path, "→", data, theme))
      : [theme.dim("  none")]),
  );
  lines.push("", theme.heading(`backlinks (${data.backlinks.length})`));
  lines.push(
    ...(data.backlinks.length
      ? data.backlinks.map((l) => linkLine(l, l.from_slug, l.from_path, "←", data, theme))
      : [theme.dim("  none")]),
  );
  lines.push("", theme.dim("─".repeat(40)), "", data.body.trimEnd());
  if (data.truncated)
    lines.push("", theme.warn(`… truncated at 1 MiB: the note is ${mib(n.size)} MiB; open ${n.path} to read the rest`));
  return lines.join("\n");
}

/** The stable JSON shape of `learn show --json`. */
export function toShowJson(data: ShowData): ShowJson {
  return {
    version: JSON_VERSION,
    note: toNoteJson(data.note),
    links: data.links,
    backlinks: data.backlinks,
    body: data.body,
    truncated: data.truncated,
  };
}
