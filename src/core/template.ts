import Handlebars from "handlebars";
import { loadYaml } from "./yaml-load.js";

/** The values a note template can use: {{title}}, {{slug}}, {{date}}, {{week}}, … */
export interface TemplateVars {
  title: string;
  slug: string;
  id: string;
  type: string;
  domain: string;
  domainName: string;
  difficulty: string;
  status: string;
  visibility: string;
  roles: string[];
  tags: string[];
  summary: string;
  date: string;
  week: string;
}

/** A rendered template: front-matter defaults it sets (may be empty) and the body. */
export interface RenderedTemplate {
  fields: Record<string, unknown>;
  body: string;
}

const hb = Handlebars.create();
// {{join tags ", "}}: lists read naturally in prose.
hb.registerHelper("join", (list: unknown, sep: unknown) =>
  Array.isArray(list) ? list.join(typeof sep === "string" ? sep : ", ") : "",
);

/** Error in a template file: where and why, for a clear message. */
export class TemplateError extends Error {}

/**
 * Render a Handlebars note template (noEscape, as zk does). An optional front-matter
 * block in the template is rendered too and parsed into default fields.
 */
export function renderTemplate(source: string, vars: TemplateVars): RenderedTemplate {
  let rendered: string;
  try {
    rendered = hb.compile(source.replace(/\r\n?/g, "\n"), { noEscape: true })(vars);
  } catch (err) {
    throw new TemplateError((err as Error).message.split("\n")[0] ?? "cannot render");
  }
  const m = /^---\n(?:([\s\S]*?)\n)?---(?:\n|$)/.exec(rendered);
  if (!m) return { fields: {}, body: rendered };
  let fields: unknown;
  try {
    fields = loadYaml(m[1] ?? "");
  } catch (err) {
    throw new TemplateError(
      `front matter is not valid YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`,
    );
  }
  const isMap = fields !== null && typeof fields === "object" && !Array.isArray(fields);
  return { fields: isMap ? (fields as Record<string, unknown>) : {}, body: rendered.slice(m[0].length) };
}
