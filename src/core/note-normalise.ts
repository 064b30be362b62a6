import {
  DIFFICULTIES,
  KNOWN_KEYS,
  LIST_KEYS,
  NOTE_TYPES,
  STATUSES,
  VISIBILITIES,
  type FrontMatter,
  type KnownKey,
  type NoteWarning,
  resolveType,
} from "./note-model.js";
import { toIsoDate } from "./dates.js";

// Each known key's value is checked and normalised by hand: zod did this until loading it (some
// 50 ms) was most of what parsing one changed note cost. tests/unit/note-normalise-zod.test.ts keeps
// the zod schemas these replace and compares the two on thousands of generated values.

/** A value read for a known key: normalised, or why it is not valid (the message a warning shows). */
type Read = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): Read => ({ ok: true, value });
const bad = (message: string): Read => ({ ok: false, message });
const NOT_A_STRING = bad("must be a string");
const EMPTY = bad("must not be empty");

/** Trimmed and lower-cased when text; anything else as it is. */
const lowered = (v: unknown): unknown => (typeof v === "string" ? v.trim().toLowerCase() : v);

/** Text: a number or boolean as its text, trimmed, not empty. */
function text(v: unknown): Read {
  const s = typeof v === "number" || typeof v === "boolean" ? String(v) : v;
  if (typeof s !== "string") return NOT_A_STRING;
  const t = s.trim();
  return t ? ok(t) : EMPTY;
}

/** One of `values`, matched trimmed and in any case. */
const enumOf =
  (values: readonly string[], normalise: (v: unknown) => unknown = lowered) =>
  (v: unknown): Read => {
    const n = normalise(v);
    return typeof n === "string" && values.includes(n) ? ok(n) : bad(`must be one of ${values.join("|")}`);
  };

/** A lower-case name: trimmed, not empty. */
function name(v: unknown): Read {
  const n = lowered(v);
  if (typeof n !== "string") return NOT_A_STRING;
  return n ? ok(n) : EMPTY;
}

/** A date, in any form dates.ts reads, as YYYY-MM-DD. */
function date(v: unknown): Read {
  const n = toIsoDate(v) ?? v;
  if (typeof n !== "string") return NOT_A_STRING;
  return toIsoDate(n) === n ? ok(n) : bad("must be a date like 2026-11-26");
}

/** A list whose every item `item` reads; the first item that does not is the message. */
const listOf =
  (item: (v: unknown) => Read) =>
  (v: unknown): Read => {
    if (!Array.isArray(v)) return bad("must be a list");
    const out: unknown[] = [];
    for (const x of v) {
      const r = item(x);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };

/** An interval like 30d (a bare number is days). */
function interval(v: unknown): Read {
  const n = typeof v === "number" ? `${v}d` : lowered(v);
  if (typeof n !== "string") return NOT_A_STRING;
  return /^\d+[dwmy]$/.test(n) ? ok(n) : bad("must be an interval like 30d, 6w, 3m or 1y");
}

/** How each known key's value is read. */
const FIELDS: Record<KnownKey, (v: unknown) => Read> = {
  id: text,
  title: text,
  // aliases people write (`note`, `cheat-sheet`, `learning-log`) read as the type they mean
  type: enumOf(NOTE_TYPES, (v) => (typeof v === "string" ? (resolveType(v) ?? v.trim().toLowerCase()) : v)),
  status: enumOf(STATUSES),
  visibility: enumOf(VISIBILITIES),
  domain: name,
  difficulty: enumOf(DIFFICULTIES),
  roles: listOf(name),
  tags: listOf(text),
  summary: text,
  published: date,
  updated: date,
  sources: listOf(text),
  related: listOf(text),
  covers: listOf(text),
  revisit_every: interval,
  revisit: (v) => (typeof v === "boolean" ? ok(v) : bad("must be a boolean")),
};

/**
 * A known key's value (a list key's already made a list) read: normalised, or why not.
 * @public (tests/unit/note-normalise-zod.test.ts compares it with the zod schemas it replaced)
 */
export const readKnownKey = (key: KnownKey, value: unknown): Read => FIELDS[key](value);

const KEY_BY_LOWER = new Map<string, KnownKey>(KNOWN_KEYS.map((k) => [k.toLowerCase(), k]));
const isListKey = (k: string): boolean => (LIST_KEYS as readonly string[]).includes(k);

/** Turn a scalar (or a comma-separated string) into a list, drop empty items. */
function asList(value: unknown): unknown {
  if (value == null) return [];
  if (Array.isArray(value)) return value.filter((v) => v != null && v !== "");
  if (typeof value === "string")
    return value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return [value];
}

/** How a key written more than once (in another case) is reported; check gives it its own rule. */
export const DUPLICATE_KEY = "is written more than once";

/**
 * The raw key read for each known key. Keys match case-insensitively, so `Visibility:` is
 * `visibility:`; when a note writes both, the exact lower-case key wins wherever it stands
 * (learn's own edits write that one, so an edit always takes effect), else the first written.
 * Every other spelling is reported, never silently merged.
 */
function pickKeys(raw: Record<string, unknown>): { chosen: Map<string, KnownKey>; warnings: NoteWarning[] } {
  const spellings = new Map<KnownKey, string[]>();
  for (const rawKey of Object.keys(raw)) {
    const key = KEY_BY_LOWER.get(rawKey.trim().toLowerCase());
    if (key) (spellings.get(key) ?? spellings.set(key, []).get(key)!).push(rawKey);
  }
  const chosen = new Map<string, KnownKey>();
  const warnings: NoteWarning[] = [];
  for (const [key, names] of spellings) {
    const pick = names.find((n) => n === key) ?? names[0]!;
    chosen.set(pick, key);
    if (names.length > 1)
      warnings.push({
        key,
        message: `${DUPLICATE_KEY} (${names.map((n) => `${n}:`).join(", ")}); only ${pick}: is read`,
        severity: "warning",
      });
  }
  return { chosen, warnings };
}

// Date keys other tools write, read when learn's own key is absent: Jekyll's and Hugo's `date:`,
// Dendron's and Obsidian's `created:`, `modified:`. Each stays in `extra` as written.
const DATE_ALIASES = { published: ["date", "created"], updated: ["modified"] } as const;

/** A boolean publish setting as written (`true`, `false`, or those words as text), else undefined. */
function flagOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const t = value.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : undefined;
}

/** How a boolean publish flag maps to visibility (learn.config.yaml `publish_flag`); false ignores the flag. */
export type PublishFlagMap = { true: "public" | "private"; false: "public" | "private" } | false;
const DEFAULT_FLAG_MAP: PublishFlagMap = { true: "public", false: "private" };

/** Read `date:`, `created:` and `modified:` where `published:`/`updated:` are absent; warn on a non-date. */
function readDateAliases(data: FrontMatter, warnings: NoteWarning[]): void {
  const lower = new Map(Object.keys(data.extra).map((k) => [k.trim().toLowerCase(), k]));
  for (const [key, aliases] of Object.entries(DATE_ALIASES) as [keyof typeof DATE_ALIASES, readonly string[]][]) {
    for (const alias of aliases) {
      const rawKey = lower.get(alias);
      if (rawKey === undefined) continue;
      const value = data.extra[rawKey];
      if (value == null || value === "") continue;
      const day = toIsoDate(value);
      if (day === undefined) {
        warnings.push({ key: rawKey, message: "must be a date like 2026-11-26", severity: "warning" });
        continue;
      }
      if (data[key] === undefined) {
        data[key] = day;
        (data.date_keys ??= {})[key] = rawKey;
      }
    }
  }
}

/**
 * Normalise raw front matter tolerantly (key and enum case, scalars where a list is
 * expected, Date objects, numbers as text) and validate each known key. A bad value
 * is dropped with a warning naming the key; unknown keys are kept in `extra`.
 */
export function normaliseFrontMatter(
  raw: unknown,
  flagMap: PublishFlagMap = DEFAULT_FLAG_MAP,
): { data: FrontMatter; warnings: NoteWarning[] } {
  const warnings: NoteWarning[] = [];
  const data: FrontMatter = { roles: [], tags: [], sources: [], related: [], covers: [], aliases: [], extra: {} };
  if (raw == null) return { data, warnings };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    warnings.push({ message: "front matter must be a mapping of keys to values", severity: "error" });
    return { data, warnings };
  }
  const { chosen, warnings: dupes } = pickKeys(raw as Record<string, unknown>);
  warnings.push(...dupes);
  for (const [rawKey, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = chosen.get(rawKey);
    if (!key) {
      if (!KEY_BY_LOWER.has(rawKey.trim().toLowerCase())) data.extra[rawKey] = value;
      if (rawKey.trim().toLowerCase() === "publish" && flagOf(value) !== undefined) data.publish_flag ??= flagOf(value);
      continue;
    }
    if (value == null || value === "") continue;
    if (key === "published" && flagOf(value) !== undefined) {
      data.publish_flag = flagOf(value); // `published: true` wins over `publish:`, as Jekyll reads it
      continue;
    }
    const read = readKnownKey(key, isListKey(key) ? asList(value) : value);
    if (read.ok) (data as unknown as Record<string, unknown>)[key] = read.value;
    else warnings.push({ key, message: read.message, severity: "warning" });
  }
  readForeignKeys(data);
  readDateAliases(data, warnings);
  // An explicit `visibility:` wins (the flag then says nothing); else the flag, mapped as configured.
  if (data.visibility !== undefined) delete data.publish_flag;
  else if (data.publish_flag !== undefined && flagMap) data.visibility = flagMap[data.publish_flag ? "true" : "false"];
  return { data, warnings };
}

/** The first of `names` (any case) that `extra` holds a value for. */
function extraValue(extra: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names)
    for (const [k, v] of Object.entries(extra)) if (k.trim().toLowerCase() === name && v != null && v !== "") return v;
  return undefined;
}

/** Other tools' keys learn reads but never writes: `aliases:`/`alias:`, and `desc:`/`description:` as a missing summary. */
function readForeignKeys(data: FrontMatter): void {
  const aliases = asList(extraValue(data.extra, "aliases", "alias")) as unknown[];
  data.aliases = aliases.filter((a) => typeof a === "string" || typeof a === "number").map((a) => String(a).trim());
  data.aliases = data.aliases.filter(Boolean);
  const desc = data.summary === undefined ? text(extraValue(data.extra, "desc", "description")) : undefined;
  if (desc?.ok) data.summary = desc.value as string;
}
