import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  SymbolKind,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type SymbolInformation,
} from "vscode-languageserver";
import { lineOf } from "../core/check-lines.js";
import { headingLines } from "../core/markdown.js";
import { daysBetween } from "../core/revisit-replay.js";
import type { NoteRow } from "../core/index-types.js";
import { linkOptions } from "../store/open-db.js";
import { writtenLink } from "../store/read-note.js";
import { frontMatterEnd, linkAt, type LinkAt } from "./text-at.js";
import type { LspWorkspace, RoadmapEntry } from "./workspace-state.js";

const top = (line = 0) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

/** What a link resolves to: a note, a file that is not a note (an image), a roadmap item, or nothing (broken). */
export type Resolved = { note: NoteRow } | { file: string } | { item: RoadmapEntry } | undefined;

/**
 * Resolve a link as the indexer does (the dialect's side of `|`; by path, file name, id, title and
 * alias): the index's own resolved row for this link of the document when it has one, else (an
 * unsaved edit) the index's rule run on the link as written. `covers:` names a roadmap item.
 */
export async function resolveLink(ws: LspWorkspace, path: string, link: LinkAt): Promise<Resolved> {
  if (link.kind === "covers") {
    const item = (await ws.roadmap()).find((i) => i.id === link.target.toLowerCase());
    return item ? { item } : undefined;
  }
  const raw = writtenLink(
    path,
    link.kind === "markdown"
      ? { kind: "markdown", ref: { path: link.target, ...(link.anchor ? { anchor: link.anchor } : {}) } }
      : link.kind === "related"
        ? { kind: "related", name: link.target }
        : { kind: link.kind, inner: link.inner ?? link.target },
    linkOptions(ws.ctx),
  );
  if (!raw) return undefined;
  const to = (await ws.linkResolver(path))(raw);
  if (!to) return undefined;
  const note = await ws.noteAt(to);
  return note ? { note } : { file: to };
}

/** "due in 3 days; used in 2 builds" for a note, from the replayed revisit log. */
export async function revisitState(ws: LspWorkspace, n: NoteRow): Promise<string> {
  const { schedule, builds } = await ws.schedule(n);
  const used = `used in ${builds} build${builds === 1 ? "" : "s"}`;
  if (!schedule || schedule.due === null) return `no revisits planned; ${used}`;
  const days = daysBetween(ws.ctx.today, schedule.due);
  const when =
    days === 0 ? "due today" : days > 0 ? `due in ${days} day${days === 1 ? "" : "s"}` : `overdue by ${-days} days`;
  return `${when} (${schedule.due}); ${used}`;
}

/** Hover text for the link under the cursor. */
export async function hover(
  ws: LspWorkspace,
  path: string,
  lines: readonly string[],
  pos: Position,
): Promise<Hover | null> {
  const link = linkAt(lines, pos.line, pos.character, ws.ctx.config.dialect);
  if (!link) return null;
  const range = { start: { line: pos.line, character: link.start }, end: { line: pos.line, character: link.end } };
  const to = await resolveLink(ws, path, link);
  if (!to)
    return {
      range,
      contents: { kind: "markdown", value: `**${link.target}**: no note or roadmap item has that name` },
    };
  if ("file" in to) return { range, contents: { kind: "markdown", value: `file \`${to.file}\`` } };
  if ("item" in to) {
    const covering = (await ws.notes()).filter((n) => n.covers.some((c) => c.toLowerCase() === to.item.id));
    const roles = [...new Set(covering.flatMap((n) => n.roles))].sort();
    const value = [
      `**${to.item.name}** (\`${to.item.id}\`)`,
      `roadmap item${to.item.domain ? ` in ${to.item.domain}` : ""}, from ${to.item.notePath}`,
      `covered by ${covering.length} note${covering.length === 1 ? "" : "s"}${roles.length ? `; roles: ${roles.join(", ")}` : ""}`,
    ].join("\n\n");
    return { range, contents: { kind: "markdown", value } };
  }
  const n = to.note;
  const facts = [n.type, n.status, n.visibility].filter(Boolean).join(" · ");
  const value = [
    `**${n.title}**${facts ? ` · ${facts}` : ""}`,
    n.summary ?? "",
    await revisitState(ws, n),
    `\`${n.path}\``,
  ]
    .filter(Boolean)
    .join("\n\n");
  return { range, contents: { kind: "markdown", value } };
}

/** Where the link under the cursor points: the note's top, or the roadmap item's line. */
export async function definition(
  ws: LspWorkspace,
  path: string,
  lines: readonly string[],
  pos: Position,
): Promise<Location | null> {
  const link = linkAt(lines, pos.line, pos.character, ws.ctx.config.dialect);
  const to = link && (await resolveLink(ws, path, link));
  if (!to) return null;
  if ("item" in to) return { uri: ws.uriOf(to.item.notePath), range: top(to.item.fileLine) };
  return { uri: ws.uriOf("file" in to ? to.file : to.note.path), range: top() };
}

/** Backlinks of the note under the cursor's link, else of the document itself, each at the line that links. */
export async function references(
  ws: LspWorkspace,
  path: string,
  lines: readonly string[],
  pos: Position,
): Promise<Location[]> {
  const link = linkAt(lines, pos.line, pos.character, ws.ctx.config.dialect);
  const to = link && (await resolveLink(ws, path, link));
  const note = to && "note" in to ? to.note : await ws.noteAt(path);
  if (!note) return [];
  const out: Location[] = [];
  for (const b of await ws.backlinks(note.path)) {
    let line = 0;
    try {
      line = (lineOf(readFileSync(resolve(ws.ctx.ws.root, b.path), "utf8"), b.target) ?? 1) - 1;
    } catch {
      // a file gone since the index saw it: point at its top
    }
    out.push({ uri: ws.uriOf(b.path), range: top(line) });
  }
  return out;
}

/** The document's headings as an outline (nested by level), front matter skipped. */
export function documentSymbols(lines: readonly string[]): DocumentSymbol[] {
  const skip = frontMatterEnd(lines) + 1;
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; sym: DocumentSymbol }[] = [];
  for (const h of headingLines(lines.slice(skip).join("\n"))) {
    const line = h.line + skip;
    const range = { start: { line, character: 0 }, end: { line, character: lines[line]!.length } };
    const sym: DocumentSymbol = { name: h.text, kind: SymbolKind.String, range, selectionRange: range, children: [] };
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.sym.children! : roots).push(sym);
    stack.push({ level: h.level, sym });
  }
  return roots;
}

/** Notes whose title or slug holds the query (case-insensitive), as workspace symbols. */
export async function workspaceSymbols(ws: LspWorkspace, query: string): Promise<SymbolInformation[]> {
  const q = query.toLowerCase();
  return (await ws.notes())
    .filter((n) => !q || n.title.toLowerCase().includes(q) || n.slug.toLowerCase().includes(q))
    .slice(0, 500)
    .map((n) => ({
      name: n.title,
      kind: SymbolKind.File,
      location: { uri: ws.uriOf(n.path), range: top() },
      containerName: n.domain ?? undefined,
    }));
}
