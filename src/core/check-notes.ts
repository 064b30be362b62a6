import type { Finding } from "./check-model.js";
import { keyLine } from "./check-lines.js";

/** What the duplicate checks need of a note (a NoteRow fits). */
interface NoteName {
  path: string;
  slug: string;
  id: string | null;
}

/** Group notes by a key, keeping only the keys more than one note shares. */
function shared<T extends NoteName>(notes: readonly T[], keyOf: (n: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const n of notes) {
    const key = keyOf(n);
    if (key !== undefined) (groups.get(key) ?? groups.set(key, []).get(key)!).push(n);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

const others = (group: readonly NoteName[], self: NoteName): string =>
  group
    .filter((o) => o !== self)
    .map((o) => o.path)
    .sort()
    .join(", ");

/**
 * One name to a reader in several files: compared case-insensitively and in Unicode NFC, so
 * `café.md` written composed and decomposed (two files on Linux, one name to a reader) is caught,
 * as are names in one folder differing only in case. The same name in two folders
 * (github/pages.md, actions/pages.md) is fine: notes are addressed by path or id, and
 * `learn show pages` lists both.
 */
export function duplicateSlugFindings(notes: readonly NoteName[], only?: ReadonlySet<string>): Finding[] {
  const folder = (p: string): string => p.slice(0, p.lastIndexOf("/") + 1).toLowerCase();
  const confusable = (group: readonly NoteName[]): boolean =>
    new Set(group.map((n) => folder(n.path).normalize("NFC"))).size < group.length ||
    new Set(group.map((n) => n.slug.toLowerCase())).size > 1;
  const groups = shared(notes, (n) => n.slug.normalize("NFC").toLowerCase()).filter(confusable);
  return groups.flatMap((group) =>
    group
      .filter((n) => !only || only.has(n.path))
      .map((n) => {
        const sameBytes = group.every((o) => o.slug.toLowerCase() === n.slug.toLowerCase());
        return {
          path: n.path,
          rule: "duplicate-slug",
          severity: "error" as const,
          message: `duplicate slug ${n.slug}: also used by ${others(group, n)}${sameBytes ? "" : " (the same name in another Unicode form or case)"}`,
          hint: "rename one of the files: a slug names one note",
        };
      }),
  );
}

/**
 * Notes sharing an `id:` (case-insensitive): an error on each, naming the others. An id names
 * one note's revisit history, so `learn revisit` refuses to record on an id two notes claim.
 */
export function duplicateIdFindings(
  notes: readonly NoteName[],
  textOf: (path: string) => string | undefined,
  only?: ReadonlySet<string>,
): Finding[] {
  return shared(notes, (n) => n.id?.toLowerCase()).flatMap((group) =>
    group
      .filter((n) => !only || only.has(n.path))
      .map((n) => {
        const text = textOf(n.path);
        return {
          path: n.path,
          line: text === undefined ? undefined : keyLine(text, "id"),
          rule: "duplicate-id",
          severity: "error" as const,
          message: `duplicate id ${n.id}: also used by ${others(group, n)}`,
          hint: "give the copied note a new id (delete its `id:` line, or write another unique one)",
        };
      }),
  );
}
