import { unknownNoteError } from "../core/note-suggest.js";
import { slugFromPath } from "../core/slug.js";
import { withIndex } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderShow, toShowJson, type ShowData } from "../ui/render-show.js";
import { createContext } from "../workspace/context.js";
import { READ_CAPS } from "../files/safe-read.js";
import type { Context } from "../core/context.js";
import type { NoteRow } from "../core/index-types.js";
import type { SqliteIndex } from "../store/handle.js";

/** Options of `learn show`. */
export interface ShowOptions extends GlobalOptions {
  slug: string;
  refresh?: boolean;
}

/** The first date of a note with no date of its own, from its revisit schedule. */
async function firstDate(index: SqliteIndex, ctx: Context, note: NoteRow): Promise<ShowData["first"]> {
  const [{ noteSchedules }, { revisitLog }, { noteKey }] = await Promise.all([
    import("../store/schedule.js"),
    import("../workspace/revisit-log.js"),
    import("../core/revisit-replay.js"),
  ]);
  return noteSchedules(index, ctx, revisitLog(ctx.ws.root)).get(noteKey(note))?.first;
}

/** Show one note by slug or id: front matter, checklist progress, links and backlinks, body. */
export async function show(opts: ShowOptions, io: IO): Promise<ShowData> {
  const ctx = await createContext(opts, io);
  const data = await withIndex(ctx, { refresh: opts.refresh, notify: io.err }, async (index): Promise<ShowData> => {
    // by id, path (`github/pages`, `notes/github/pages.md`) or file name; a name two notes share exits 2
    const note = index.getNote(opts.slug);
    if (!note) throw await unknownNoteError(opts.slug, slugFromPath(opts.slug), index.allNotes());
    const links = index.linksFrom(note.path);
    const backlinks = index.linksTo(note.path);
    const titles = new Map<string, string>();
    for (const path of new Set([...links.map((l) => l.to_path), ...backlinks.map((l) => l.from_path)])) {
      const t = path ? index.findNotes(path).find((n) => n.path === path) : undefined;
      if (path && t) titles.set(path, t.title);
    }
    const shared = new Set<string>();
    for (const slug of new Set([...links.map((l) => l.to_slug), ...backlinks.map((l) => l.from_slug)]))
      if (slug && index.findNotes(slug).length > 1) shared.add(slug.toLowerCase());
    const body = index.body(note.path) ?? "";
    // a note with no date of its own: the day git added it, or its file's date (from the revisit
    // schedule, whose scheduler loads only then)
    const first = note.published === null && note.updated === null ? await firstDate(index, ctx, note) : undefined;
    return {
      note,
      links,
      backlinks,
      titles,
      shared,
      body,
      truncated: note.size > READ_CAPS.note,
      ...(first ? { first } : {}),
    };
  });
  if (opts.json) io.json(toShowJson(data));
  else io.out(renderShow(data, io.theme));
  return data;
}
