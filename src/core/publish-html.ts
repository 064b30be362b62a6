// A tagged template that escapes every interpolated value unless it is already Html:
// pages are built from typed functions, and nothing reaches the output unescaped by accident.

/** A piece of HTML that is already safe to insert as is. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Mark trusted HTML (for example markdown-it's output) as safe to insert. */
export const raw = (html: string): Html => new Html(html);

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML content and attribute values. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Value = string | number | Html | undefined | null | false | readonly Value[];

function flat(v: Value): string {
  if (v === undefined || v === null || v === false) return "";
  if (v instanceof Html) return v.html;
  if (Array.isArray(v)) return v.map(flat).join("");
  return esc(String(v));
}

/** Build HTML: `h\`<p>${text}</p>\`` escapes `text`; Html values and arrays of them go in as they are. */
export function h(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += flat(v) + strings[i + 1]!));
  return new Html(out);
}
