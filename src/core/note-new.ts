import { hasConfigId, type Config } from "./config.js";
import { isoWeek } from "./dates.js";
import { UsageError } from "./errors.js";
import { DIFFICULTIES, NOTE_TYPES, STATUSES, VISIBILITIES, resolveType, type NoteType } from "./note-model.js";
import { isValidSlug, newNoteId, slugify, uniqueSlug } from "./slug.js";
import type { TemplateVars } from "./template.js";

/** What a user asked for with `learn new`, after prompts; strings as typed. */
export interface NewNoteInput {
  type: string;
  title?: string;
  domain?: string;
  difficulty?: string;
  status?: string;
  visibility?: string;
  roles?: string | string[];
  tags?: string | string[];
  summary?: string;
  slug?: string;
}

/** A validated plan for a new note: where it goes and what its template gets. */
export interface NewNotePlan {
  type: NoteType;
  slug: string;
  /** Path relative to notes/, with forward slashes. */
  relPath: string;
  vars: TemplateVars;
}

const splitList = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : (v ?? "").split(",")).map((s) => s.trim()).filter(Boolean);

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value.trim() === "") return fallback;
  const v = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`${flag} ${value}: must be one of ${allowed.join("|")}`);
  return v as T;
}

/** Resolve a note type or throw a usage error listing the valid ones. */
export function requireType(name: string): NoteType {
  const type = resolveType(name);
  if (!type)
    throw new UsageError(
      `unknown note type: ${name}`,
      `use one of ${NOTE_TYPES.map((t) => (t === "doc" ? "doc (or note)" : t)).join(", ")}`,
    );
  return type;
}

/** Check a domain against the config; throws a usage error listing the configured ones. */
export function requireDomain(domain: string, config: Config): string {
  const d = domain.trim().toLowerCase();
  if (!hasConfigId(config.domains, d))
    throw new UsageError(`unknown domain: ${domain}`, `use one of ${Object.keys(config.domains).join(", ")}`);
  return d;
}

/** The slug a title would get, or a usage error when none can be made. */
export function slugForTitle(title: string): string {
  const slug = slugify(title);
  if (!slug)
    throw new UsageError(
      `title "${title}" has no letters or digits to make a file name from`,
      "add a word to the title, or pass --slug",
    );
  return slug;
}

/**
 * Validate a `learn new` request and plan the note: type, slug (made unique with
 * -2, -3, … unless given with --slug), path under notes/, template variables.
 * `taken` says whether a slug is already used in the workspace.
 */
export function planNewNote(
  input: NewNoteInput,
  config: Config,
  today: string,
  taken: (slug: string) => boolean,
  id = newNoteId(),
): NewNotePlan {
  const type = requireType(input.type);
  const title = input.title?.trim() ?? "";
  if (!title) throw new UsageError("missing title", `pass it after the type: learn new ${input.type} "My title"`);
  const domain =
    input.domain !== undefined && input.domain.trim() !== "" ? requireDomain(input.domain, config) : undefined;
  if (!domain && type !== "log")
    throw new UsageError("missing --domain", `use one of ${Object.keys(config.domains).join(", ")}`);
  const roles = splitList(input.roles).map((r) => r.toLowerCase());
  const badRole = roles.find((r) => !hasConfigId(config.roles, r));
  if (badRole) throw new UsageError(`unknown role: ${badRole}`, `use one of ${Object.keys(config.roles).join(", ")}`);

  let slug: string;
  if (input.slug !== undefined) {
    slug = input.slug.trim().toLowerCase();
    if (!isValidSlug(slug))
      throw new UsageError(
        `--slug ${input.slug}: must be lower-case letters and digits joined by -, and not a reserved name`,
        "for example --slug http-caching",
      );
  } else {
    slug = uniqueSlug(slugForTitle(title), taken);
  }
  const folder = type === "log" ? "log" : domain!;
  return {
    type,
    slug,
    relPath: `${folder}/${slug}.md`,
    vars: {
      title,
      slug,
      id,
      type,
      domain: domain ?? "",
      domainName: domain ? config.domains[domain]! : "",
      difficulty: oneOf("--difficulty", input.difficulty, DIFFICULTIES, "intermediate"),
      status: oneOf("--status", input.status, STATUSES, "seedling"),
      visibility: oneOf("--visibility", input.visibility, VISIBILITIES, "private"),
      roles,
      tags: splitList(input.tags),
      summary: input.summary?.trim() ?? "",
      date: today,
      week: isoWeek(today).label,
    },
  };
}

/** The front matter learn writes for a planned note, over the template's own defaults. */
export function newNoteFields(vars: TemplateVars, templateFields: Record<string, unknown>): Record<string, unknown> {
  const listOr = (mine: string[], key: string): unknown => (mine.length ? mine : (templateFields[key] ?? []));
  return {
    ...templateFields,
    id: vars.id,
    title: vars.title,
    type: vars.type,
    status: vars.status,
    visibility: vars.visibility,
    domain: vars.domain || templateFields.domain,
    difficulty: vars.difficulty,
    roles: listOr(vars.roles, "roles"),
    tags: listOr(vars.tags, "tags"),
    summary: vars.summary || templateFields.summary || "",
    published: vars.date,
    updated: vars.date,
    sources: templateFields.sources ?? [],
    related: templateFields.related ?? [],
  };
}
