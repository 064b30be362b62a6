import { z } from "zod";
import { ConfigError } from "./errors.js";

/** A workspace's settings, after defaults are applied. */
export interface Config {
  /** Domain id -> display name, in menu order. */
  domains: Record<string, string>;
  /** Role-readiness group id -> display name. */
  roles: Record<string, string>;
  revisit: {
    /** A never-revisited note is first due this long after it was published. */
    first_after: string;
    /** The scheduler never plans further out than this. */
    max_interval: string;
    /** Desired recall probability at the due date (FSRS). */
    retention: number;
  };
  /** Editor command for --edit; $VISUAL and $EDITOR win over it. */
  editor?: string;
}

/** The default domain pack: backend and AI infrastructure. */
export const DEFAULT_CONFIG: Config = {
  domains: {
    "core-backend": "Core backend",
    "cloud-deployment": "Cloud and deployment",
    "ai-infrastructure": "AI infrastructure",
    "security-reliability": "Security and reliability",
  },
  roles: {
    backend: "Backend engineer",
    cloud: "Cloud engineer",
    data: "Data engineer",
    "ai-api": "AI API engineer",
    "production-infrastructure": "Production infrastructure engineer",
  },
  revisit: { first_after: "7d", max_interval: "365d", retention: 0.9 },
};

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by -");
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
});

const ALLOWED: Record<string, string> = {
  "": "domains, roles, revisit, editor",
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
      throw new ConfigError(file, where, "ids must be lower-case words joined by - (for example core-backend)");
    }
    if (issue.code === "invalid_type" && issue.path.length === 0) {
      throw new ConfigError(file, "", "must be a mapping of keys to values");
    }
    throw new ConfigError(file, where, issue.code === "invalid_type" ? `must be ${issue.expected === "record" ? "a mapping" : `a ${issue.expected}`}` : issue.message);
  }
  const c = parsed.data;
  return {
    domains: c.domains ?? { ...DEFAULT_CONFIG.domains },
    roles: c.roles ?? { ...DEFAULT_CONFIG.roles },
    revisit: { ...DEFAULT_CONFIG.revisit, ...c.revisit },
    ...(c.editor ? { editor: c.editor } : {}),
  };
}

/** The commented learn.config.yaml that `learn init` writes: the defaults, explained. */
export function defaultConfigText(): string {
  const lines = (r: Record<string, string>) => Object.entries(r).map(([k, v]) => `  ${k}: ${v}`).join("\n");
  return `# learn.config.yaml: settings for this learning workspace.
# Every key is optional; delete one to get the default back.

# Domains you learn in: id (used in notes' \`domain:\` and folder names) -> display name.
# The default pack is backend and AI infrastructure.
domains:
${lines(DEFAULT_CONFIG.domains)}

# Role-readiness groups: notes list them in \`roles:\`; \`learn readiness\` scores each.
roles:
${lines(DEFAULT_CONFIG.roles)}

# Revisit policy: when notes come back for review.
revisit:
  first_after: ${DEFAULT_CONFIG.revisit.first_after}     # a new note is first due this long after it is published
  max_interval: ${DEFAULT_CONFIG.revisit.max_interval}  # never schedule further out than this (d, w, m, y)
  retention: ${DEFAULT_CONFIG.revisit.retention}      # desired recall at the due date (0.5-1)

# Editor for \`learn new --edit\`; $VISUAL and $EDITOR win over it.
# editor: code --wait
`;
}
