import { posix } from "node:path";
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from "vscode-languageserver";
import { DIFFICULTIES, KNOWN_KEYS, NOTE_TYPES, STATUSES, VISIBILITIES } from "../core/note-model.js";
import type { NoteRow } from "../core/index-types.js";
import { noteNames } from "../core/note-names.js";
import { linkOptions } from "../store/open-db.js";
import { frontMatterKeyAt, wordAt } from "./text-at.js";
import type { LspWorkspace } from "./workspace-state.js";

/** Past this many matches the list is cut and marked incomplete, so the client asks again as the user types. */
const MAX_ITEMS = 100;

type Range = { start: Position; end: Position };

/** How well a query (lower case) matches a text (lower case): 3 prefix, 2 substring, 1 in-order letters, 0 no match. */
function score(q: string, t: string): number {
  if (!q || t.startsWith(q)) return 3;
  if (t.includes(q)) return 2;
  let i = 0;
  for (const c of t) if (c === q[i]) i++;
  return i === q.length ? 1 : 0;
}

// Each note's slug, title and id in lower case, per note list: a list is matched at every
// keystroke, and lower-casing 10k notes' names each time was most of the garbage a completion left.
const LOWER = new WeakMap<readonly NoteRow[], string[][]>();

/** Notes matching a query by slug, title or id, best match first, then most recently updated. */
function matchNotes(notes: readonly NoteRow[], query: string): NoteRow[] {
  let lower = LOWER.get(notes);
  if (!lower) {
    lower = notes.map((n) => [n.slug, n.title, n.id ?? ""].map((t) => t.toLowerCase()));
    LOWER.set(notes, lower);
  }
  const q = query.toLowerCase();
  const scored: { n: NoteRow; s: number }[] = [];
  for (let i = 0; i < notes.length; i++) {
    const [slug, title, id] = lower[i]!;
    const s = Math.max(score(q, slug!), score(q, title!), id ? score(q, id) : 0);
    if (s > 0) scored.push({ n: notes[i]!, s });
  }
  scored.sort((a, b) => b.s - a.s || b.n.mtime_ms - a.n.mtime_ms || a.n.slug.localeCompare(b.n.slug, "en"));
  return scored.map((x) => x.n);
}

/** The link form the workspace writes: `link_style`, else wiki links (every dialect but plain Markdown reads them). */
const linkStyle = (ws: LspWorkspace): "wiki" | "markdown" =>
  ws.ctx.config.link_style ?? (ws.ctx.config.dialect === "markdown" ? "markdown" : "wiki");

/** The notes folder relative to the workspace root ("" when the notes are the root), as links are read from it. */
const notesBase = (ws: LspWorkspace): string => linkOptions(ws.ctx).notesBase;

/** A Markdown link's destination from the note at `from` to the note at `to`. */
const relativeLink = (from: string, to: string): string => encodeURI(posix.relative(posix.dirname(from), to));

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: items.length > MAX_ITEMS, items: items.slice(0, MAX_ITEMS) };
}

/** Link items for notes matching `query`; `insert` gives each note's text, replacing `range`. */
function noteItems(
  notes: readonly NoteRow[],
  query: string,
  range: Range,
  insert: (n: NoteRow) => string,
): CompletionItem[] {
  // one past the cap, so `list` still knows the list is cut, without items for thousands of fuzzy matches
  return matchNotes(notes, query)
    .slice(0, MAX_ITEMS + 1)
    .map((n, i) => ({
      label: n.title,
      kind: CompletionItemKind.File,
      detail: n.slug,
      documentation: n.summary ?? undefined,
      filterText: `${query}${n.slug} ${n.title}`,
      sortText: String(i).padStart(6, "0"),
      textEdit: { range, newText: insert(n) },
    }));
}

/** Completion items at a position: links after [[ and ](, front-matter keys and values, #tags. */
export async function complete(
  ws: LspWorkspace,
  path: string,
  lines: readonly string[],
  pos: Position,
): Promise<CompletionList | null> {
  const line = lines[pos.line] ?? "";
  const before = line.slice(0, pos.character);
  const after = line.slice(pos.character);
  const key = frontMatterKeyAt(lines, pos.line);

  const wiki = /\[\[([^\][|#]*)$/.exec(before);
  if (wiki && key === undefined) {
    const notes = await ws.notes();
    const query = wiki[1]!;
    if (linkStyle(ws) === "markdown") {
      // the workspace writes [label](path.md): the typed `[[` (and a `]]` the editor closed it with) become one
      const start = { line: pos.line, character: pos.character - query.length - 2 };
      const end = after.startsWith("]]") ? { line: pos.line, character: pos.character + 2 } : pos;
      const md = (n: NoteRow) => `[${n.title.replace(/[[\]\\]/g, "\\$&")}](${relativeLink(path, n.path)})`;
      return list(noteItems(notes, query, { start, end }, md));
    }
    const range = { start: { line: pos.line, character: pos.character - query.length }, end: pos };
    const close = after.startsWith("]]") ? "" : "]]";
    const name = noteNames(notes, notesBase(ws));
    return list(noteItems(notes, query, range, (n) => `${name(n)}${close}`));
  }
  const md = /\]\(([^)\s]*)$/.exec(before);
  if (md && key === undefined) {
    const range = { start: { line: pos.line, character: pos.character - md[1]!.length }, end: pos };
    const close = after.startsWith(")") ? "" : ")";
    const query = posix.basename(md[1]!).replace(/\.(md|markdown)$/i, "");
    return list(noteItems(await ws.notes(), query, range, (n) => `${relativeLink(path, n.path)}${close}`));
  }
  if (key !== undefined || frontMatterOpen(lines, pos.line)) return frontMatter(ws, path, line, pos, key);
  const tag = /(?:^|\s)#([\p{L}\p{N}_/-]*)$/u.exec(before);
  if (tag) {
    const range = { start: { line: pos.line, character: pos.character - tag[1]!.length }, end: pos };
    return list(await tagItems(ws, range));
  }
  return null;
}

/** True when the line is a new, not yet keyed line inside the front matter. */
function frontMatterOpen(lines: readonly string[], line: number): boolean {
  if (lines[0]?.trimEnd() !== "---" || line < 1) return false;
  for (let i = 1; i < line; i++) if (lines[i]!.trimEnd() === "---") return false;
  return lines[line]?.trimEnd() !== "---";
}

async function tagItems(ws: LspWorkspace, range: Range): Promise<CompletionItem[]> {
  return (await ws.tags()).map(([tag, n], i) => ({
    label: tag,
    kind: CompletionItemKind.Keyword,
    detail: `${n} note${n === 1 ? "" : "s"}`,
    sortText: String(i).padStart(6, "0"),
    textEdit: { range, newText: tag },
  }));
}

const valueItems = (range: Range, values: readonly (readonly [string, string?])[]): CompletionItem[] =>
  values.map(([v, detail], i) => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    detail,
    sortText: String(i).padStart(6, "0"),
    textEdit: { range, newText: v },
  }));

/** Front-matter completion: keys on a fresh line, else the values the key takes. */
async function frontMatter(
  ws: LspWorkspace,
  path: string,
  line: string,
  pos: Position,
  key: string | undefined,
): Promise<CompletionList | null> {
  const w = wordAt(line, pos.character);
  const start = w && w.start < pos.character ? w.start : pos.character;
  const range = { start: { line: pos.line, character: start }, end: pos };
  const onKeyPart = !/:/.test(line.slice(0, pos.character)) && !/^\s*-/.test(line);
  if (key === undefined || (onKeyPart && /^\S/.test(line))) {
    return list(
      KNOWN_KEYS.map((k, i) => ({
        label: k,
        kind: CompletionItemKind.Property,
        sortText: String(i).padStart(6, "0"),
        textEdit: { range, newText: `${k}: ` },
      })),
    );
  }
  const { config } = ws.ctx;
  const plain = (xs: readonly string[]) => xs.map((x) => [x] as const);
  switch (key) {
    case "type":
      return list(valueItems(range, plain(NOTE_TYPES)));
    case "status":
      return list(valueItems(range, plain(STATUSES)));
    case "visibility":
      return list(valueItems(range, plain(VISIBILITIES)));
    case "difficulty":
      return list(valueItems(range, plain(DIFFICULTIES)));
    case "domain":
      return list(valueItems(range, Object.entries(config.domains)));
    case "roles":
      return list(valueItems(range, Object.entries(config.roles)));
    case "tags":
      return list(await tagItems(ws, range));
    case "related": {
      const query = line.slice(start, pos.character);
      const all = await ws.notes();
      const name = noteNames(all, notesBase(ws));
      return list(
        noteItems(
          all.filter((n) => n.path !== path),
          query,
          range,
          name,
        ),
      );
    }
    case "covers": {
      const items = await ws.roadmap();
      return list(
        valueItems(
          range,
          items.map((it) => [it.id, it.name] as const),
        ),
      );
    }
    default:
      return null;
  }
}
