import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toIsoDate } from "../../src/core/dates.js";
import {
  DIFFICULTIES,
  KNOWN_KEYS,
  LIST_KEYS,
  NOTE_TYPES,
  STATUSES,
  VISIBILITIES,
  resolveType,
  type KnownKey,
} from "../../src/core/note-model.js";
import { readKnownKey } from "../../src/core/note-normalise.js";

// Issue 15: a note's known keys are read by hand (core/note-normalise.ts), no longer through zod,
// whose load was most of what parsing one changed note cost. These are the zod schemas that read
// them until then, and the messages made from zod's issues: the hand-written readers must accept
// what they accepted, normalise it alike and refuse the rest with the same message.

const enumOf = (values: readonly [string, ...string[]]) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(values));
const text = z.preprocess(
  (v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v),
  z.string().trim().min(1),
);
const date = z.preprocess(
  (v) => toIsoDate(v) ?? v,
  z.string().refine((s) => toIsoDate(s) === s, "must be a date like 2026-11-26"),
);
const list = z.array(text);
const ZOD: Record<KnownKey, z.ZodType> = {
  id: text,
  title: text,
  type: z.preprocess(
    (v) => (typeof v === "string" ? (resolveType(v) ?? v.trim().toLowerCase()) : v),
    z.enum(NOTE_TYPES),
  ),
  status: enumOf(STATUSES),
  visibility: enumOf(VISIBILITIES),
  domain: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1)),
  difficulty: enumOf(DIFFICULTIES),
  roles: z.array(z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1))),
  tags: list,
  summary: text,
  published: date,
  updated: date,
  sources: list,
  related: list,
  covers: list,
  revisit_every: z.preprocess(
    (v) => (typeof v === "number" ? `${v}d` : typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string().regex(/^\d+[dwmy]$/, "must be an interval like 30d, 6w, 3m or 1y"),
  ),
  revisit: z.boolean(),
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${(issue.values as unknown[]).join("|")}`;
  }
  if (issue.code === "invalid_type") return `must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
  if (issue.code === "too_small") return "must not be empty";
  return issue.message;
}

/** What zod made of a value: the normalised value, or the message. */
function byZod(key: KnownKey, value: unknown) {
  const r = ZOD[key].safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describeIssue(r.error.issues[0]!) };
}

/** Values a front matter may hold, the near misses of each key's form among them. */
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    "  ",
    " Doc ",
    "cheat-sheet",
    "Learning-Log",
    "EVERGREEN",
    " Public",
    "advanced ",
    "2026-1-5",
    "2026-02-30",
    "2026-11-26T10:00:00+05:00",
    "1659715122710",
    "30d",
    " 6W ",
    "3 m",
    "1y ",
    "-1d",
    "true",
    "Backend",
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, 30, 1659715122710, 1700000000, Number.NaN, -5),
  fc.boolean(),
  fc.date(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string(), scalar, { maxKeys: 2 }));

describe("known keys read by hand, as the zod schemas read them", () => {
  it.each(KNOWN_KEYS)("%s", (key) => {
    const listKey = (LIST_KEYS as readonly string[]).includes(key);
    fc.assert(
      fc.property(listKey ? fc.array(value, { maxLength: 4 }) : value, (v) => {
        expect(readKnownKey(key, v)).toEqual(byZod(key, v));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });
});
