import type { Dialect } from "./config.js";

// The learn.config.yaml that `learn init --here` writes for a folder adopted in place: only what
// the folder says (where the notes are, their dialect, what to leave out), each key explained.
// No domain pack: an adopted folder's domains come from its folders.

/** What `learn init --here` found in a folder: where its notes are and how they are written. */
export interface Adoption {
  dialect: Exclude<Dialect, "learn">;
  /** The notes folder, relative to the workspace root; `.` for the root itself. */
  notes: string;
  /** What gave the dialect away (".obsidian/", "dendron.yml"), or undefined for plain Markdown. */
  evidence?: string;
  /** Patterns the folder's own settings name as not notes (a templates folder), relative to the root. */
  ignore: string[];
  /** Things worth saying about the choice (several Dendron vaults, a vault in a subfolder). */
  remarks: string[];
}

/** How to call a folder written in each dialect. */
export const DIALECT_LABEL: Record<Adoption["dialect"], string> = {
  obsidian: "Obsidian vault",
  dendron: "Dendron vault",
  zk: "zk notebook",
  foam: "Foam workspace",
  markdown: "Markdown folder",
};

/** A YAML scalar for a path or pattern: bare when plainly safe, else JSON-quoted (JSON is YAML). */
const scalar = (s: string): string =>
  /^[A-Za-z_.][\w./-]*$/.test(s) && !/^(?:true|false|yes|no|on|off|null|y|n|\.inf|\.nan)$/i.test(s)
    ? s
    : JSON.stringify(s);

/** The commented learn.config.yaml for an adopted folder. */
export function adoptedConfigText(a: Adoption): string {
  const wiki = a.dialect !== "markdown";
  const ignore = a.ignore.length
    ? `ignore:\n${a.ignore.map((p) => `  - ${JSON.stringify(p)}`).join("\n")}\n`
    : "# ignore:\n#   - drafts/\n";
  const label = DIALECT_LABEL[a.dialect];
  return `# learn.config.yaml: written by \`learn init --here\` for ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}, read in place.
# learn adds only this file and .learn/ (its index, a cache you can delete); it never moves or
# rewrites a note unless you ask a command to edit one. Every key is optional.

# The notes folder, relative to this file (\`.\`: this whole folder).
notes: ${scalar(a.notes)}

# How links, embeds, front matter and templates folders are read: obsidian, dendron, zk, foam or markdown.
dialect: ${a.dialect}

# The link form learn writes (completion, new notes): wiki [[x]] or markdown [x](x.md).
link_style: ${wiki ? "wiki" : "markdown"}

# Not notes, besides .learnignore (gitignore syntax) and the defaults: dot-folders, node_modules,
# *.excalidraw.md drawings, the dialect's templates folder, and a README.md (CONTRIBUTING.md, ...)
# at the top of a folder adopted whole. Patterns are relative to this file; \`!README.md\` in
# .learnignore takes a default back.
${ignore}
# Domains come from your top-level folders. To name them or group folders yourself:
# domains:
#   postgres: {name: PostgreSQL, folders: [postgres, sql]}

# A boolean \`publish:\`/\`published:\` in front matter is a note's visibility:
# publish_flag: {true: public, false: private}

# A note that says neither \`visibility:\` nor \`publish:\` is private (never published) unless this
# says public: right for a public TIL repo or a Dendron site that publishes every note.
# default_visibility: public

# Existing notes enter the revisit schedule a few a day, oldest first:
# revisit:
#   new_per_day: 10
`;
}
