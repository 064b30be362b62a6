import type { Config } from "./config.js";
import type { Finding } from "./check-model.js";
import { NoteLines } from "./check-lines.js";
import type { ParsedNote } from "./note-parse.js";
import { DUPLICATE_KEY } from "./note-normalise.js";

const SCHEMA_HINT: Record<string, string> = {
  type: "use doc, cheatsheet, blog, log, roadmap or checklist",
  status: "use seedling, budding or evergreen",
  visibility: "use private or public",
  difficulty: "use beginner, intermediate or advanced",
  published: "write the date as YYYY-MM-DD",
  updated: "write the date as YYYY-MM-DD",
  revisit_every: "write an interval like 30d, 6w, 3m or 1y",
};

const oneOf = (r: Record<string, string>): string => Object.keys(r).join("|");

/**
 * Front-matter findings of one note: broken YAML, values that break the schema,
 * a missing title, and domains or roles that learn.config.yaml does not list.
 * `text` is the file as read (for line numbers), `parsed` its parseNote result.
 */
export function frontMatterFindings(path: string, text: string, parsed: ParsedNote, config: Config): Finding[] {
  const out: Finding[] = [];
  const at = new NoteLines(text);
  for (const w of parsed.warnings) {
    if (parsed.brokenYaml && !w.key) {
      out.push({
        path,
        line: w.line,
        rule: "broken-yaml",
        severity: "error",
        message: w.message,
        hint: "fix the YAML between the --- lines; quote values that hold a colon or #",
      });
    } else if (w.key === "title" && w.message === "missing title") {
      out.push({
        path,
        line: 1,
        rule: "missing-title",
        severity: "error",
        message: "missing title",
        hint: "add `title: ...` to the front matter",
      });
    } else if (w.key && w.message.startsWith(DUPLICATE_KEY)) {
      out.push({
        path,
        line: w.line ?? at.keyLine(w.key),
        rule: "duplicate-key",
        severity: "error",
        message: `${w.key}: ${w.message}`,
        hint: `keep one \`${w.key}:\` line and delete the others`,
      });
    } else if (w.key) {
      out.push({
        path,
        line: w.line ?? at.keyLine(w.key),
        rule: `front-matter/${w.key}`,
        severity: "error",
        message: `${w.key}: ${w.message}`,
        hint: SCHEMA_HINT[w.key] ?? `fix or remove \`${w.key}:\``,
      });
    } else {
      out.push({
        path,
        line: w.line ?? 1,
        rule: "front-matter",
        severity: "error",
        message: w.message,
        hint: "write the front matter as `key: value` lines between --- lines",
      });
    }
  }
  const { domain, roles } = parsed.data;
  if (domain !== undefined && !Object.hasOwn(config.domains, domain)) {
    out.push({
      path,
      line: at.keyLine("domain"),
      rule: "unknown-domain",
      severity: "error",
      message: `domain: ${domain} is not a configured domain (${oneOf(config.domains)})`,
      hint: "use a configured domain, or add it under domains: in learn.config.yaml",
    });
  }
  for (const role of roles) {
    if (Object.hasOwn(config.roles, role)) continue;
    out.push({
      path,
      line: at.listItemLine("roles", role),
      rule: "unknown-role",
      severity: "error",
      message: `roles: ${role} is not a configured role (${oneOf(config.roles)})`,
      hint: "use a configured role, or add it under roles: in learn.config.yaml",
    });
  }
  return out;
}
