import { z } from "zod";
import { DEFAULT_CONFIG, DIALECTS, isPrototypeName, type Config } from "./config.js";
import { ConfigError } from "./errors.js";

// The schema of learn.config.yaml, apart from config.ts so that zod (about 40 ms to load)
// is imported only when a config file must be validated, not on every start.

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by -")
  .refine((s) => !isPrototypeName(s), "is a reserved name");
const interval = z.string().regex(/^\d+[dwmy]$/, "must be an interval like 7d, 6w, 3m or 1y");
// A domain: its display name, or {name, folders} (folders under the notes folder whose notes belong to it).
const folderList = z.array(z.string().min(1, "must not be empty"));
const domain = z.union([
  z.string().min(1, "needs a display name"),
  z.strictObject({ name: z.string().min(1, "needs a display name").optional(), folders: folderList.optional() }),
]);
const domains = z.record(id, domain).refine((r) => Object.keys(r).length > 0, "must list at least one");
const severity = z.enum(["off", "warning", "error"]);
const visibilityName = z.enum(["public", "private"]);

const weight = z.number().min(0, "must be a weight of 0 or more");
// A role's needs: a list of ids (`core-backend`, `llm-api-integration: 2`) or a mapping id -> weight.
const needs = z.union([z.array(z.union([id, z.record(id, weight)])), z.record(id, weight)]);
const role = z.union([
  z.string().min(1, "needs a display name"),
  z.strictObject({ name: z.string().min(1, "needs a display name"), needs: needs.optional() }),
]);
const roles = z.record(id, role).refine((r) => Object.keys(r).length > 0, "must list at least one");

const ConfigSchema = z.strictObject({
  domains: domains.optional(),
  roles: roles.optional(),
  revisit: z
    .strictObject({
      first_after: interval.optional(),
      max_interval: interval.optional(),
      retention: z.number().gt(0.5, "must be between 0.5 and 1").lt(1, "must be between 0.5 and 1").optional(),
      new_per_day: z.number().int("must be a whole number").min(0, "must be 0 or more").optional(),
      include: folderList.optional(),
      exclude: folderList.optional(),
    })
    .optional(),
  notes: z
    .string()
    .min(1, "must not be empty")
    .refine((s) => !s.startsWith("/") && !/^[a-z]:[\\/]/i.test(s), "must be a folder relative to the workspace root")
    .refine((s) => !s.split(/[\\/]/).includes(".."), "must stay inside the workspace (no ..)")
    .optional(),
  dialect: z.enum(DIALECTS).optional(),
  ignore: z.array(z.string()).optional(),
  link_style: z.enum(["wiki", "markdown"]).optional(),
  default_visibility: visibilityName.optional(),
  publish_flag: z.union([z.literal(false), z.strictObject({ true: visibilityName, false: visibilityName })]).optional(),
  check: z.strictObject({ rules: z.record(z.string().min(1), severity).optional() }).optional(),
  editor: z.string().optional(),
  follow_symlinks_outside: z.boolean().optional(),
  publish: z.strictObject({ readiness: z.boolean().optional() }).optional(),
});

const ALLOWED: Record<string, string> = {
  "": "domains, roles, revisit, notes, dialect, ignore, link_style, default_visibility, publish_flag, check, editor, follow_symlinks_outside, publish",
  revisit: "first_after, max_interval, retention, new_per_day, include, exclude",
  check: "rules",
  publish: "readiness",
};

/** A role's `needs:` as one mapping id -> weight (a bare id weighs 1). */
function needsMap(given: z.infer<typeof needs>): Record<string, number> {
  if (!Array.isArray(given)) return { ...given };
  const out: Record<string, number> = {};
  for (const entry of given) {
    if (typeof entry === "string") out[entry] = 1;
    else Object.assign(out, entry);
  }
  return out;
}

/** Validate parsed YAML (`raw`) from `file` into a Config; throws ConfigError naming the key. */
export function validateConfig(raw: unknown, file: string): Config {
  if (raw == null) return structuredClone(DEFAULT_CONFIG);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const key = [where, issue.keys[0]].filter(Boolean).join(".");
      throw new ConfigError(file, key, `unknown key (allowed: ${ALLOWED[where] ?? "see learn init"})`);
    }
    if (issue.code === "invalid_key") {
      const key = String(issue.path[issue.path.length - 1] ?? "");
      if (isPrototypeName(key)) throw new ConfigError(file, where, "is a reserved name: pick another id");
      throw new ConfigError(file, where, "ids must be lower-case words joined by - (for example core-backend)");
    }
    if (issue.code === "invalid_type" && issue.path.length === 0) {
      throw new ConfigError(file, "", "must be a mapping of keys to values");
    }
    throw new ConfigError(
      file,
      where,
      issue.code === "invalid_type"
        ? `must be ${issue.expected === "record" ? "a mapping" : `a ${issue.expected}`}`
        : issue.message,
    );
  }
  const c = parsed.data;
  const domainNames: Record<string, string> = {};
  const domainFolders: Record<string, string[]> = {};
  for (const [did, d] of Object.entries(c.domains ?? {})) {
    domainNames[did] = typeof d === "string" ? d : (d.name ?? did);
    if (typeof d !== "string" && d.folders?.length) domainFolders[did] = d.folders;
  }
  const roleNames: Record<string, string> = {};
  const roleNeeds: Record<string, Record<string, number>> = {};
  for (const [rid, r] of Object.entries(c.roles ?? {})) {
    roleNames[rid] = typeof r === "string" ? r : r.name;
    if (typeof r !== "string" && r.needs) roleNeeds[rid] = needsMap(r.needs);
  }
  return {
    domains: c.domains ? domainNames : { ...DEFAULT_CONFIG.domains },
    roles: c.roles ? roleNames : { ...DEFAULT_CONFIG.roles },
    revisit: { ...DEFAULT_CONFIG.revisit, ...c.revisit },
    ...(c.editor ? { editor: c.editor } : {}),
    ...(Object.keys(roleNeeds).length ? { needs: roleNeeds } : {}),
    ...(c.publish ? { publish: { ...c.publish } } : {}),
    ...(c.follow_symlinks_outside ? { follow_symlinks_outside: true } : {}),
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
    ...(c.dialect ? { dialect: c.dialect } : {}),
    ...(c.ignore ? { ignore: c.ignore } : {}),
    ...(Object.keys(domainFolders).length ? { domain_folders: domainFolders } : {}),
    ...(!c.domains && c.dialect && c.dialect !== "learn" ? { auto_domains: true } : {}),
    ...(c.link_style ? { link_style: c.link_style } : {}),
    ...(c.publish_flag !== undefined ? { publish_flag: c.publish_flag } : {}),
    ...(c.default_visibility ? { default_visibility: c.default_visibility } : {}),
    ...(c.check ? { check: { ...c.check } } : {}),
  };
}
