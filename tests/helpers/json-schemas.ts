import { z } from "zod";
import type * as T from "../../src/core/json-types.js";

// Runtime schemas of every `--json` document, for tests only (zod never loads on a read path).
// Objects are strict, so a key the type does not name (an index internal, a camelCase
// leftover) fails. The type checks at the bottom keep each schema equal to its named type
// in src/core/json-types.ts: change one without the other and `tsc` fails.

const version = z.literal(1);
const str = z.string();
const int = z.number().int();
const nstr = z.string().nullable();
const strs = z.array(z.string());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const note = z.strictObject({
  id: nstr,
  slug: str,
  path: str,
  title: str,
  type: nstr,
  status: nstr,
  visibility: nstr,
  domain: nstr,
  difficulty: nstr,
  summary: nstr,
  published: nstr,
  updated: nstr,
  revisit_every: nstr,
  revisit: z.boolean().nullable(),
  roles: strs,
  tags: strs,
  sources: strs,
  related: strs,
  covers: strs,
  checklist_done: int,
  checklist_total: int,
  headings: strs,
});

const link = z.strictObject({
  from_slug: str,
  from_path: str.optional(),
  target: str,
  kind: z.enum(["related", "wikilink", "embed", "markdown"]),
  to_slug: nstr,
  to_path: nstr.optional(),
  anchor: nstr.optional(),
});

const severity = z.enum(["error", "warning"]);

export const index = z.strictObject({
  version,
  added: int,
  updated: int,
  removed: int,
  unchanged: int,
  rebuilt: nstr,
  ms: int,
  problems: z.array(z.strictObject({ path: str, line: int.nullable(), severity, reason: str })),
});

export const search = z.strictObject({
  version,
  query: str,
  relaxed: z.strictObject({ dropped_words: z.array(str), phrases_as_words: z.array(str) }),
  hits: z.array(
    z.strictObject({
      slug: str,
      path: str,
      title: str,
      type: nstr,
      status: nstr,
      domain: nstr,
      score: z.number(),
      fuzzy: z.boolean(),
      snippet: str,
      matches: z.array(z.tuple([int, int])),
    }),
  ),
});

export const list = z.strictObject({ version, count: int, notes: z.array(note) });

export const show = z.strictObject({
  version,
  note,
  links: z.array(link),
  backlinks: z.array(link),
  body: str,
  truncated: z.boolean(),
});

export const check = z.strictObject({
  version,
  summary: z.array(z.strictObject({ rule: str, severity, count: int })),
  findings: z.array(z.strictObject({ path: str, line: int.nullable(), rule: str, severity, message: str, hint: str })),
  counts: z.strictObject({ files: int, errors: int, warnings: int }),
});

export const publish = z.strictObject({ version, out: str, notes: int, tags: int, files: int, removed: strs });

const reason = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("new"),
      published: day,
      source: z.enum(["front-matter", "updated", "git", "file"]).optional(),
    }),
    z.strictObject({ kind: z.literal("scheduled"), since: day }),
    z.strictObject({ kind: z.literal("used"), build: str, date: day }),
  ])
  .nullable();

const rating = z.enum(["again", "hard", "good", "easy"]);

const entryShape = {
  key: str,
  slug: str,
  title: str,
  path: str,
  due: day.nullable(),
  overdue: int.nullable(),
  reason,
  why: str,
  snoozed_until: day.nullable(),
  last_revisit: day.nullable(),
  last_rating: rating.nullable(),
  interval: int,
  revisits: int,
  scheduler: z.enum(["fsrs", "fixed", "never"]),
};
const entry = z.strictObject(entryShape);

const eventBase = { v: z.literal(1), note: str, slug: str.optional(), path: str.optional(), date: day };
const logEvent = z.discriminatedUnion("event", [
  z.strictObject({ ...eventBase, event: z.literal("revisit"), rating, remark: str.optional(), lesson: str.optional() }),
  z.strictObject({ ...eventBase, event: z.literal("used"), build: str, lesson: str.optional() }),
  z.strictObject({ ...eventBase, event: z.literal("snooze"), until: day }),
]);

export const revisitList = z.strictObject({
  version,
  today: day,
  until: day,
  count: int,
  due: z.array(entry),
  warnings: strs,
});
export const revisitNote = z.strictObject({ version, ...entryShape });
export const revisitRecord = z.strictObject({ version, recorded: logEvent, schedule: entry });
export const revisitBrief = z.strictObject({ version, count: int });
export const revisitUpcoming = z.strictObject({
  version,
  today: day,
  now: int,
  weeks: z.array(z.strictObject({ week: str, start: day, count: int })),
});
export const revisitOrphans = z.strictObject({
  version,
  orphans: z.array(z.strictObject({ key: str, slugs: strs, events: int, first: day, last: day })),
});

const step = z.enum(["domain", "note", "checklist", "roles", "revisit"]);
const weekShape = {
  week: str,
  log: nstr,
  domain: nstr,
  note: nstr,
  revisit_plan: nstr,
  steps: z.record(step, z.boolean()),
  next_step: step.nullable(),
  complete: z.boolean(),
  streak: int,
  heat: z.array(z.strictObject({ week: str, done: int })),
};
export const week = z.strictObject({ version, ...weekShape, note_missing: nstr.optional() });

const readinessItemBrief = z.strictObject({ id: str, weight: z.number(), level: int });
const readinessItem = z.strictObject({
  id: str,
  name: str,
  domain: nstr,
  weight: z.number(),
  level: int,
  rung: str,
  notes: z.array(
    z.strictObject({
      slug: str,
      path: str,
      status: nstr,
      visibility: z.enum(["public", "private"]),
      level: int,
      builds: int,
      known_on: day.nullable(),
    }),
  ),
});
const groupShape = <I extends z.ZodType>(item: I) => ({
  kind: z.enum(["role", "domain"]),
  id: str,
  name: str,
  score: z.number(),
  levels: z.array(int),
  notes: int,
  items: z.array(item),
  history: z.array(z.strictObject({ week: str, date: day, score: z.number() })),
});
const group = z.strictObject(groupShape(readinessItemBrief));
export const readiness = z.strictObject({
  version,
  today: day,
  roadmaps: strs,
  items: int,
  roles: z.array(group),
  domains: z.array(group),
  promotions: z.array(z.strictObject({ slug: str, from: str, to: z.enum(["budding", "evergreen"]), why: str })),
  duplicates: z.array(
    z.strictObject({ id: str, path: str, line: int, first: z.strictObject({ path: str, line: int }) }),
  ),
});
export const readinessRole = z.strictObject({ version, today: day, ...groupShape(readinessItem) });

export const status = z.strictObject({
  version,
  today: day,
  workspace: str,
  index: z.strictObject({
    notes: int,
    added: int,
    updated: int,
    removed: int,
    rebuilt: nstr,
    problems: z.strictObject({ errors: int, warnings: int }),
  }),
  due: z.strictObject({
    count: int,
    top: z.array(z.strictObject({ slug: str, title: str, due: day, overdue: int })),
  }),
  week: z.strictObject({ ...weekShape, problem: nstr }),
  readiness: z.array(z.strictObject({ id: str, name: str, score: z.number(), change: z.number().nullable() })),
  next: z.strictObject({ command: str, why: str }).nullable(),
});

export const mv = z.strictObject({ version, from: str, to: str, links: int, notes: int, added_id: z.boolean() });
export const newNote = z.strictObject({ version, id: str, slug: str, title: str, type: str, domain: str, path: str });

export const init = z.strictObject({
  version,
  root: str,
  created: strs,
  updated: strs,
  existing: strs,
  adopted: z
    .strictObject({
      dialect: z.enum(["obsidian", "dendron", "zk", "foam", "markdown"]),
      notes: str,
      evidence: str.optional(),
      ignore: strs,
      remarks: strs,
      count: int,
      published: int,
    })
    .optional(),
});

// Each schema is its named type, both ways round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Is<S extends z.ZodType, D> = Same<z.infer<S>, D>;
const same: [
  Is<typeof index, T.IndexJson>,
  Is<typeof search, T.SearchJson>,
  Is<typeof list, T.ListJson>,
  Is<typeof show, T.ShowJson>,
  Is<typeof check, T.CheckJson>,
  Is<typeof publish, T.PublishJson>,
  Is<typeof revisitList, T.RevisitListJson>,
  Is<typeof revisitNote, T.RevisitNoteJson>,
  Is<typeof revisitRecord, T.RevisitRecordJson>,
  Is<typeof revisitBrief, T.RevisitBriefJson>,
  Is<typeof revisitUpcoming, T.RevisitUpcomingJson>,
  Is<typeof revisitOrphans, T.RevisitOrphansJson>,
  Is<typeof week, T.WeekJson>,
  Is<typeof readiness, T.ReadinessJson>,
  Is<typeof readinessRole, T.ReadinessRoleJson>,
  Is<typeof status, T.StatusJson>,
  Is<typeof newNote, T.NewJson>,
  Is<typeof mv, T.MvJson>,
  Is<typeof init, T.InitJson>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void same;
