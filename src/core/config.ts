/** The note dialects learn reads besides its own. */
export const DIALECTS = ["learn", "obsidian", "dendron", "zk", "foam", "markdown"] as const;
export type Dialect = (typeof DIALECTS)[number];

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
    /** Never-revisited notes introduced into the schedule per day, oldest first (like Anki's new cards/day). */
    new_per_day?: number;
    /** Only notes under these folders or with these tags (`#tag`) are scheduled; unset: every note. */
    include?: string[];
    /** Notes under these folders or with these tags (`#tag`) are never scheduled. */
    exclude?: string[];
  };
  /**
   * The notes folder, relative to the workspace root (`.` adopts the whole folder in place).
   * Unset: `notes`.
   */
  notes?: string;
  /** The note dialect the folder was written in: how links, embeds and templates folders are read. */
  dialect?: Dialect;
  /** Extra ignore patterns, in gitignore syntax, on top of `.learnignore` and the defaults. */
  ignore?: string[];
  /** Domain id -> folders (relative to the notes folder) whose notes belong to it. */
  domain_folders?: Record<string, string[]>;
  /**
   * Not a key of its own: true when the file sets a `dialect` other than learn and has no `domains:` key
   * (an adopted folder). Its domains are then its top-level folders, read when the workspace is opened.
   */
  auto_domains?: boolean;
  /** The link form learn writes (completion, extract, new notes): wiki `[[x]]` or Markdown `[x](x.md)`. */
  link_style?: "wiki" | "markdown";
  /** The visibility of a note that says none (no `visibility:`, no `publish:` flag); unset: private. */
  default_visibility?: "public" | "private";
  /** How a boolean `publish:`/`published:` maps to visibility; `false` ignores such keys. */
  publish_flag?: { true: "public" | "private"; false: "public" | "private" } | false;
  /** `learn check` settings. */
  check?: {
    /** Rule id -> severity, or off. */
    rules?: Record<string, "off" | "warning" | "error">;
  };
  /** Editor command for --edit; $VISUAL and $EDITOR win over it. */
  editor?: string;
  /**
   * What each role needs beyond what the roadmap notes say: role id -> (domain id or roadmap
   * item id -> weight). A domain id stands for every item of that roadmap section; weight 0
   * leaves an item out. Set only when learn.config.yaml gives a role `needs:`.
   */
  needs?: Record<string, Record<string, number>>;
  /** `learn publish` settings. */
  publish?: {
    /** Write the readiness page (readiness.html); on unless set to false. */
    readiness?: boolean;
  };
  /** Follow symlinks under the notes folder that lead outside the workspace (off: reported and skipped). */
  follow_symlinks_outside?: boolean;
}

// Names every plain object answers to (`constructor`, `__proto__`, `toString`, …): an id spelled
// like one would read Object.prototype through a lookup, so none is ever an id.
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** True when `name` is one of the names every plain object has (`constructor`, `__proto__`, …). */
export const isPrototypeName = (name: string): boolean => PROTOTYPE_NAMES.has(name);

/** True when `id` can be a domain or role id: lower-case words joined by -, never a prototype name. */
function isConfigId(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && !isPrototypeName(id);
}

/** True when `ids` (a config's domains or roles) has `id` as one of its own ids. */
export function hasConfigId(ids: Readonly<Record<string, string>>, id: string): boolean {
  return isConfigId(id) && Object.hasOwn(ids, id);
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

/** The commented learn.config.yaml that `learn init` writes: the defaults, explained. */
export function defaultConfigText(): string {
  const lines = (r: Record<string, string>) =>
    Object.entries(r)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join("\n");
  return `# learn.config.yaml: settings for this learning workspace.
# Every key is optional; delete one to get the default back.

# Domains you learn in: id (used in notes' \`domain:\` and folder names) -> display name.
# The default pack is backend and AI infrastructure.
domains:
${lines(DEFAULT_CONFIG.domains)}

# Role-readiness groups: notes list them in \`roles:\`; \`learn readiness\` scores each against
# the roadmap items it needs. The roadmap note says which (\`## Section (domain-id) [backend]\`,
# \`- Item (item-id) [ai-api:2]: ...\`); a role can add needs here, with optional weights:
#   backend:
#     name: Backend engineer
#     needs: [core-backend, security-reliability, llm-api-integration: 2]
roles:
${lines(DEFAULT_CONFIG.roles)}

# Revisit policy: when notes come back for review.
revisit:
  first_after: ${DEFAULT_CONFIG.revisit.first_after}     # a new note is first due this long after it is published
  max_interval: ${DEFAULT_CONFIG.revisit.max_interval}  # never schedule further out than this (d, w, m, y)
  retention: ${DEFAULT_CONFIG.revisit.retention}      # desired recall at the due date (0.5-1)

# Editor for \`learn new --edit\`; $VISUAL and $EDITOR win over it.
# editor: code --wait

# Symlinks under notes/ that lead outside this folder are reported and skipped;
# set this only if you trust where they point.
# follow_symlinks_outside: true

# learn publish: set readiness to false to leave out the public readiness page.
# publish:
#   readiness: false
`;
}
