import { WEEK_STEPS, STEP_LABEL, weekRange, type WeekStep } from "./week-model.js";
import { META_TYPES } from "./week-domain.js";

/** The notes written, updated and revisited in one week (slugs and titles). */
export interface WeekActivity {
  written: { slug: string; title: string }[];
  updated: { slug: string; title: string }[];
  revisited: { slug: string; title: string }[];
}

/** What activity needs of a note (a NoteRow fits). */
export interface ActivityNote {
  id: string | null;
  slug: string;
  title: string;
  type: string | null;
  published: string | null;
  updated: string | null;
}

/** What activity needs of a revisit-log event. */
export interface ActivityEvent {
  event: string;
  slug?: string;
  note: string;
  date: string;
}

/**
 * The week's activity from the index: notes published in the week are written, notes
 * whose `updated:` falls in it (and were published earlier) are updated, and notes with a
 * revisit or build-use event in it are revisited. Week logs and roadmaps are left out.
 */
export function weekActivity(
  notes: readonly ActivityNote[],
  events: readonly ActivityEvent[],
  today: string,
  keyOf: (n: ActivityNote) => string,
): WeekActivity {
  const { start, end } = weekRange(today);
  const inWeek = (d: string | null | undefined) => d != null && d >= start && d <= end;
  const real = notes.filter((n) => !META_TYPES.includes(n.type ?? ""));
  const pick = (n: ActivityNote) => ({ slug: n.slug, title: n.title });
  const revisitedKeys = new Set(
    events
      .filter((e) => (e.event === "revisit" || e.event === "used") && inWeek(e.date))
      .map((e) => e.note.toLowerCase()),
  );
  return {
    written: real.filter((n) => inWeek(n.published)).map(pick),
    updated: real.filter((n) => !inWeek(n.published) && inWeek(n.updated)).map(pick),
    revisited: real.filter((n) => revisitedKeys.has(keyOf(n)) || revisitedKeys.has(n.slug.toLowerCase())).map(pick),
  };
}

const BEGIN = "<!-- learn week: this list is made from the index; edits inside it are replaced -->";
const END = "<!-- /learn week -->";

/** The generated block that lists a week's activity in its log. */
function activityBlock(a: WeekActivity, eol = "\n"): string {
  const list = (label: string, xs: { slug: string; title: string }[]) =>
    `${label}: ${xs.length ? xs.map((x) => `[[${x.slug}]]`).join(", ") : "none yet"}`;
  return [
    BEGIN,
    `- ${list("Written", a.written)}`,
    `- ${list("Updated", a.updated)}`,
    `- ${list("Revisited", a.revisited)}`,
    END,
  ].join(eol);
}

/**
 * Put the activity block in a log's text: replace the one already there, else append it
 * under a `## This week in notes` heading. Nothing outside the block changes.
 */
export function setActivity(text: string, a: WeekActivity): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const block = activityBlock(a, eol);
  const from = text.indexOf(BEGIN);
  const to = from < 0 ? -1 : text.indexOf(END, from);
  if (from >= 0 && to >= 0) return text.slice(0, from) + block + text.slice(to + END.length);
  const base = text === "" || text.endsWith(eol) ? text : text + eol;
  return `${base}${eol}## This week in notes${eol}${eol}${block}${eol}`;
}

/** Tick the loop's own checklist items in a log body (`- [ ] Pick one domain.`) for the done steps. */
export function tickSteps(text: string, done: readonly WeekStep[]): string {
  let out = text;
  for (const step of WEEK_STEPS) {
    if (!done.includes(step)) continue;
    const words = STEP_LABEL[step].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`^(\\s*[-*+]\\s+)\\[ \\](\\s+${words}\\.?\\s*)$`, "m"), "$1[x]$2");
  }
  return out;
}
