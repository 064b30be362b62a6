import { z } from "zod";
import { DEFAULT_CONFIG, isPrototypeName, type Config } from "./config.js";
import { ConfigError } from "./errors.js";

// The schema of learn.config.yaml, apart from config.ts so that zod (about 40 ms to load)
// is imported only when a config file must be validated, not on every start.

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by -")
  .refine((s) => !isPrototypeName(s), "is a reserved name");
const interval = z.string().regex(/^\d+[dwmy]$/, "must be an interval like 7d, 6w, 3m or 1y");
const names = z
  .record(id, z.string().min(1, "needs a display name"))
  .refine((r) => Object.keys(r).length > 0, "must list at least one");

const ConfigSchema = z.strictObject({
  domains: names.optional(),
  roles: names.optional(),
  revisit: z
    .strictObject({
      first_after: interval.optional(),
      max_interval: interval.optional(),
      retention: z.number().gt(0.5, "must be between 0.5 and 1").lt(1, "must be between 0.5 and 1").optional(),
    })
    .optional(),
  editor: z.string().optional(),
  follow_symlinks_outside: z.boolean().optional(),
});

const ALLOWED: Record<string, string> = {
  "": "domains, roles, revisit, editor, follow_symlinks_outside",
  revisit: "first_after, max_interval, retention",
};

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
  return {
    domains: c.domains ?? { ...DEFAULT_CONFIG.domains },
    roles: c.roles ?? { ...DEFAULT_CONFIG.roles },
    revisit: { ...DEFAULT_CONFIG.revisit, ...c.revisit },
    ...(c.editor ? { editor: c.editor } : {}),
    ...(c.follow_symlinks_outside ? { follow_symlinks_outside: true } : {}),
  };
}
