import MarkdownIt from "markdown-it";
import taskLists from "markdown-it-task-lists";
import type { LinkTarget } from "./publish-model.js";
import { htmlToText } from "./publish-search.js";
import { slugify } from "./slug.js";

/** What rendering one note needs: how to resolve its links, the way back to the site root, its title. */
export interface RenderEnv {
  resolve: (kind: "wikilink" | "markdown", target: string) => LinkTarget;
  /** Prefix from the page to the site root, e.g. `../`. */
  root: string;
  /** A leading `# heading` equal to this is dropped: the page shows the title already. */
  title?: string;
  /**
   * The site path (from the site root) of a file the note names, such as an image or a PDF,
   * once it is sure to be copied into the site; undefined when there is no such file.
   */
  attachment?: (target: string) => string | undefined;
}

type Md = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Md["parse"]>[number];
type PluginSimple = (md: Md) => void;
type InlineRule = Parameters<Md["inline"]["ruler"]["before"]>[2];

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_SCHEME = /^(?:https?|mailto):/i;
const WIKILINK = /^!?\[\[([^\]\n[]+)\]\]/;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i;
const SIZE = /^(\d{1,5})(?:x(\d{1,5}))?$/;

/** An Obsidian block id (`^id` after a paragraph or list item): Latin letters, digits and dashes. */
const BLOCK_ID = /^[A-Za-z0-9-]+$/;

/**
 * The anchor of a heading named in a link (`Section Title` -> `#section-title`), or of a block
 * (`^id` -> `#^id`, the id blockIds gives the paragraph that ends in ` ^id`, as Obsidian Publish does).
 */
const headingAnchor = (heading: string | undefined): string => {
  const h = heading?.trim();
  if (h?.startsWith("^")) return BLOCK_ID.test(h.slice(1)) ? `#${h}` : "";
  if (!h) return "";
  const id = slugify(h.split("#").at(-1)!);
  return id ? `#${id}` : "";
};

/** Only http(s), mailto and relative links survive; javascript:, data:, file: and the like become text. */
export const isSafeUrl = (url: string): boolean => {
  const u = url.trim();
  return !HAS_SCHEME.test(u) || SAFE_SCHEME.test(u);
};

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** `[[target#heading|label]]` and `![[embed|300]]` as inline tokens, so code spans and escapes keep working. */
const wikilinks: PluginSimple = (md) => {
  const rule: InlineRule = (state, silent) => {
    const start = state.pos;
    const bang = state.src.charCodeAt(start) === 0x21;
    const at = bang ? start + 1 : start;
    if (state.src.charCodeAt(at) !== 0x5b || state.src.charCodeAt(at + 1) !== 0x5b) return false;
    const m = WIKILINK.exec(state.src.slice(start, start + 2048));
    if (!m) return false;
    if (!silent) {
      const [ref, ...rest] = m[1]!.split("|");
      const hash = ref!.indexOf("#");
      const token = state.push(bang ? "wikiembed" : "wikilink", "", 0);
      token.meta = {
        target: (hash < 0 ? ref! : ref!.slice(0, hash)).trim(),
        heading: hash < 0 ? undefined : ref!.slice(hash + 1),
        parts: rest.map((p) => p.trim()),
      };
    }
    state.pos += m[0].length;
    return true;
  };
  md.inline.ruler.before("link", "wikilink", rule);
  md.inline.ruler.before("image", "wikiembed", rule);
  const esc = md.utils.escapeHtml;
  const noteLink = (meta: WikiMeta, env: RenderEnv, cls: string): string => {
    const label = meta.parts.find((p) => !SIZE.test(p)) || meta.parts[0] || undefined;
    if (!meta.target && meta.heading !== undefined) {
      // `[[#Section]]`: a heading of this very note.
      const anchor = headingAnchor(meta.heading);
      const text = label ?? meta.heading.replace(/^\^/, "").trim();
      return anchor ? `<a class="${cls}" href="${esc(anchor)}">${esc(text)}</a>` : esc(text);
    }
    const to = env.resolve("wikilink", meta.target);
    if (to.kind === "public")
      return `<a class="${cls}" href="${esc(env.root + to.note.file + headingAnchor(meta.heading))}">${esc(label ?? to.note.row.title)}</a>`;
    // A private note's slug must not reach the page: show the label, or say it is private.
    if (to.kind === "private") return `<span class="private-link">${esc(label ?? "(private note)")}</span>`;
    const file = env.attachment?.(meta.target);
    if (file !== undefined)
      return `<a class="attachment" href="${esc(env.root + encodeSitePath(file))}">${esc(label ?? meta.target)}</a>`;
    return `<span class="broken-link">${esc(label ?? meta.target)}</span>`;
  };
  md.renderer.rules.wikilink = (tokens, idx, _opts, env) =>
    noteLink(tokens[idx]!.meta as unknown as WikiMeta, env as unknown as RenderEnv, "wikilink");
  // An embed of an image is the image, at the size written (`|300`, `|300x200`); of a note, a link to it.
  md.renderer.rules.wikiembed = (tokens, idx, _opts, envIn) => {
    const meta = tokens[idx]!.meta as unknown as WikiMeta;
    const env = envIn as unknown as RenderEnv;
    if (!IMAGE_FILE.test(meta.target)) return noteLink(meta, env, "wikilink embed");
    const file = env.attachment?.(meta.target);
    const alt = meta.parts.find((p) => !SIZE.test(p)) ?? meta.target.replace(/^.*\//, "");
    if (file === undefined) return `<span class="broken-link">${esc(alt)}</span>`;
    const size = SIZE.exec(meta.parts.find((p) => SIZE.test(p)) ?? "");
    const dims = size ? ` width="${size[1]}"${size[2] ? ` height="${size[2]}"` : ""}` : "";
    return `<img src="${esc(env.root + encodeSitePath(file))}" alt="${esc(alt)}"${dims} loading="lazy">`;
  };
};

interface WikiMeta {
  target: string;
  heading?: string;
  parts: string[];
}

/** A site path as a URL path: each segment percent-encoded (spaces, `#`, `?` in file names). */
const encodeSitePath = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

const NOTE_PATH = /\.(?:md|markdown)$/i;

/** The path of a relative href, decoded, without query or fragment: `./My%20Note.md?x=1#y` -> `./My Note.md`. */
const hrefPath = (href: string): string => safeDecode(href.replace(/[?#][\s\S]*$/, "")).replace(/[?#][\s\S]*$/, "");

/**
 * Where a relative href may point on the site: `undefined` keeps it as it is, a string is a
 * public note's page, `null` drops the link. Query strings, fragments, `./`, %-encoding and
 * case all resolve to the note they name, so none of them lets a private note's slug through.
 */
function siteHref(href: string, env: RenderEnv): string | null | undefined {
  if (HAS_SCHEME.test(href)) return undefined;
  const path = hrefPath(href);
  if (NOTE_PATH.test(path)) {
    const to = env.resolve("markdown", path);
    const hash = href.indexOf("#");
    return to.kind === "public"
      ? env.root + to.note.file + (hash < 0 ? "" : headingAnchor(safeDecode(href.slice(hash + 1))))
      : null;
  }
  const file = path ? env.attachment?.(path) : undefined;
  if (file !== undefined) return env.root + encodeSitePath(file);
  // `private-note`, `private-note.html` or `private-note/` still names the note.
  const stem = path
    .split(/[\\/]/)
    .filter(Boolean)
    .at(-1)
    ?.replace(/\.html?$/i, "");
  return stem && env.resolve("wikilink", stem).kind === "private" ? null : undefined;
}

/** Point `[text](other.md)` at the other note's page, or drop the link (keeping its text) when that note is not public. */
const noteLinks: PluginSimple = (md) => {
  md.core.ruler.push("learn_note_links", (state) => {
    const env = state.env as unknown as RenderEnv;
    for (const block of state.tokens) {
      const dropped: boolean[] = [];
      for (const t of block.children ?? []) {
        if (t.type === "link_open") {
          const to = siteHref(String(t.attrGet("href") ?? ""), env);
          if (typeof to === "string") t.attrSet("href", to);
          dropped.push(to === null);
          if (to === null) Object.assign(t, { type: "text", tag: "", content: "", attrs: null });
        } else if (t.type === "link_close" && dropped.pop()) Object.assign(t, { type: "text", tag: "", content: "" });
        else if (t.type === "image") {
          imageSize(t);
          // An "image" pointing at a note is a slip; never let it name a note that is not public.
          const to = siteHref(String(t.attrGet("src") ?? ""), env);
          if (typeof to === "string") t.attrSet("src", to.replace(/#[\s\S]*$/, ""));
          else if (to === null)
            Object.assign(t, { type: "text", tag: "", content: t.content, attrs: null, children: null });
        }
      }
    }
  });
};

/** Obsidian's sized Markdown image, `![alt|300](a.png)` or `![alt|300x200](a.png)`: width and height attributes. */
function imageSize(t: Token): void {
  const alt = t.children?.length === 1 && t.children[0]!.type === "text" ? t.children[0]!.content : undefined;
  const m = alt === undefined ? null : /^(.*?)\|(\d{1,5})(?:x(\d{1,5}))?$/.exec(alt);
  if (!m) return;
  t.children![0]!.content = m[1]!.trim();
  t.attrSet("width", m[2]!);
  if (m[3]) t.attrSet("height", m[3]);
}

/** Give headings ids (for #anchors) and drop a leading H1 that repeats the page title. */
const headings: PluginSimple = (md) => {
  md.core.ruler.push("learn_headings", (state) => {
    const env = state.env as unknown as RenderEnv;
    const tokens: Token[] = state.tokens;
    const first = tokens[0];
    if (
      first?.type === "heading_open" &&
      first.tag === "h1" &&
      env.title &&
      tokens[1]?.content.trim().toLowerCase() === env.title.trim().toLowerCase()
    ) {
      tokens.splice(0, 3);
    }
    const used = new Set<string>();
    tokens.forEach((t, i) => {
      if (t.type !== "heading_open") return;
      // From the rendered text, not the source: `## See [[private-slug]]` must not put the slug in an id.
      const inline = tokens[i + 1];
      const rendered = inline?.children ? md.renderer.renderInline(inline.children, md.options, state.env) : "";
      const base = slugify(htmlToText(rendered)) || "section";
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      t.attrSet("id", id);
    });
  });
};

const BLOCK_MARK = /[ \t]+\^([A-Za-z0-9-]+)$/;

/**
 * Obsidian's block ids: a paragraph (or list item) whose text ends in ` ^id` loses the marker,
 * which Obsidian never shows, and gets `id="^id"`, where `[[Note#^id]]` leads (the first of a
 * repeated id only).
 */
const blockIds: PluginSimple = (md) => {
  md.core.ruler.push("learn_block_ids", (state) => {
    const tokens: Token[] = state.tokens;
    const used = new Set<string>();
    tokens.forEach((t, i) => {
      const open = tokens[i - 1];
      if (t.type !== "inline" || open?.type !== "paragraph_open") return;
      const last = t.children?.at(-1);
      const m = last?.type === "text" ? BLOCK_MARK.exec(last.content) : null;
      if (!last || !m) return;
      last.content = last.content.slice(0, m.index);
      // a tight list's paragraphs are not rendered: the id goes on the list item
      const holder = open.hidden && tokens[i - 2]?.type === "list_item_open" ? tokens[i - 2]! : open;
      if (!used.has(m[1]!)) holder.attrSet("id", `^${m[1]!}`);
      used.add(m[1]!);
    });
  });
};

/**
 * A Markdown renderer for published pages: CommonMark + GFM tables and strikethrough,
 * task lists, wikilinks; raw HTML is escaped (`html: false`) and unsafe URLs are not links.
 */
export function createMarkdown(): (body: string, env: RenderEnv) => string {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeUrl;
  md.use(taskLists, { enabled: false }).use(wikilinks).use(noteLinks).use(headings).use(blockIds);
  return (body, env) => md.render(body, { ...env });
}
