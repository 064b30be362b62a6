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
}

type Md = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Md["parse"]>[number];
type PluginSimple = (md: Md) => void;

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_SCHEME = /^(?:https?|mailto):/i;
const WIKILINK = /^\[\[([^\]\n[]+)\]\]/;

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

/** `[[target#heading|label]]` as an inline token, so code spans and escapes keep working. */
const wikilinks: PluginSimple = (md) => {
  md.inline.ruler.before("link", "wikilink", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
    const m = WIKILINK.exec(state.src.slice(state.pos));
    if (!m) return false;
    if (!silent) {
      const [ref, label] = m[1]!.split("|", 2) as [string, string | undefined];
      const token = state.push("wikilink", "", 0);
      token.meta = { target: ref.replace(/#.*$/, "").trim(), label: label?.trim() || undefined };
    }
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.wikilink = (tokens, idx, _opts, env) => {
    const { target, label } = tokens[idx]!.meta as { target: string; label?: string };
    const { resolve, root } = env as unknown as RenderEnv;
    const to = resolve("wikilink", target);
    const esc = md.utils.escapeHtml;
    if (to.kind === "public")
      return `<a class="wikilink" href="${esc(root + to.note.file)}">${esc(label ?? to.note.row.title)}</a>`;
    // A private note's slug must not reach the page: show the label, or say it is private.
    if (to.kind === "private") return `<span class="private-link">${esc(label ?? "(private note)")}</span>`;
    return `<span class="broken-link">${esc(label ?? target)}</span>`;
  };
};

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
    return to.kind === "public" ? env.root + to.note.file + (hash < 0 ? "" : href.slice(hash)) : null;
  }
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

/**
 * A Markdown renderer for published pages: CommonMark + GFM tables and strikethrough,
 * task lists, wikilinks; raw HTML is escaped (`html: false`) and unsafe URLs are not links.
 */
export function createMarkdown(): (body: string, env: RenderEnv) => string {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeUrl;
  md.use(taskLists, { enabled: false }).use(wikilinks).use(noteLinks).use(headings);
  return (body, env) => md.render(body, { ...env });
}
