/** The kinds of note learn knows, in the order help and menus list them. */
export const NOTE_TYPES = ["doc", "cheatsheet", "blog", "log", "roadmap", "checklist"] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export const STATUSES = ["seedling", "budding", "evergreen"] as const;
type Status = (typeof STATUSES)[number];

export const VISIBILITIES = ["private", "public"] as const;
type Visibility = (typeof VISIBILITIES)[number];

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
type Difficulty = (typeof DIFFICULTIES)[number];

/** Aliases a user may type for a note type (`learn new note`, `cheat-sheet`). */
const TYPE_ALIASES: Record<string, NoteType> = {
  note: "doc",
  "cheat-sheet": "cheatsheet",
  cheat: "cheatsheet",
  post: "blog",
  "learning-log": "log",
};

/** Front-matter keys learn knows, in canonical write order. */
export const KNOWN_KEYS = [
  "id",
  "title",
  "type",
  "status",
  "visibility",
  "domain",
  "difficulty",
  "roles",
  "tags",
  "summary",
  "published",
  "updated",
  "sources",
  "related",
  "covers",
  "revisit_every",
  "revisit",
] as const;
export type KnownKey = (typeof KNOWN_KEYS)[number];

/** Keys whose value is a list; a scalar there is read as a one-item list. */
export const LIST_KEYS = ["roles", "tags", "sources", "related", "covers"] as const;

/** The normalised front matter of a note. Missing values are undefined. */
export interface FrontMatter {
  id?: string;
  title?: string;
  type?: NoteType;
  status?: Status;
  visibility?: Visibility;
  domain?: string;
  difficulty?: Difficulty;
  roles: string[];
  tags: string[];
  summary?: string;
  published?: string;
  updated?: string;
  sources: string[];
  related: string[];
  covers: string[];
  revisit_every?: string;
  revisit?: boolean;
  /** Other names of the note, from `aliases:` or `alias:` (Obsidian); the keys stay in `extra` as written. */
  aliases: string[];
  /** A boolean `published:` or `publish:` (Jekyll, Obsidian Publish) when no `visibility:` is written: a visibility setting, not a date. */
  publish_flag?: boolean;
  /** Where `published`/`updated` came from when not their own keys: `date:`, `created:`, `modified:`. */
  date_keys?: { published?: string; updated?: string };
  /** Keys learn does not know, kept as written. */
  extra: Record<string, unknown>;
}

/** A problem found while reading a note: which key (if any), which line (if known), what. */
export interface NoteWarning {
  key?: string;
  line?: number;
  message: string;
  severity: "error" | "warning";
}

/** Resolve a type name or alias, case-insensitively; undefined when unknown. */
export function resolveType(name: string): NoteType | undefined {
  const key = name.trim().toLowerCase();
  if ((NOTE_TYPES as readonly string[]).includes(key)) return key as NoteType;
  return Object.hasOwn(TYPE_ALIASES, key) ? TYPE_ALIASES[key] : undefined;
}
