import { LearnError } from "../core/errors.js";
import { closeTerms } from "../core/fuzzy.js";
import { openForRead } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { renderShow, toShowJson, type ShowData } from "../ui/render-show.js";
import { createContext } from "../workspace/context.js";

/** Options of `learn show`. */
export interface ShowOptions extends GlobalOptions {
  slug: string;
  refresh?: boolean;
}

/** Show one note by slug or id: front matter, checklist progress, links and backlinks, body. */
export async function show(opts: ShowOptions, io: IO): Promise<ShowData> {
  const ctx = await createContext(opts, io);
  const index = await openForRead(ctx, opts.refresh, io.err);
  let data: ShowData;
  try {
    const wanted = opts.slug.replace(/\.(md|markdown)$/i, "").replace(/^.*\//, "");
    const note = index.getNote(wanted);
    if (!note) {
      // Match against slugs and titles, suggest slugs.
      const slugOf = new Map<string, string>();
      for (const n of index.allNotes()) {
        slugOf.set(n.slug.toLowerCase(), n.slug);
        slugOf.set(n.title.toLowerCase(), n.slug);
      }
      const found = closeTerms([wanted.toLowerCase()], [...slugOf.keys()], 3).get(wanted.toLowerCase());
      const near = found && [...new Set(found.map((k) => slugOf.get(k)!))];
      throw new LearnError(
        `no note with slug or id ${opts.slug}`,
        near ? `did you mean ${near.join(", ")}?` : "see `learn list` or `learn search`",
      );
    }
    const links = index.linksFrom(note.slug);
    const backlinks = index.linksTo(note.slug);
    const titles = new Map<string, string>();
    for (const slug of new Set([...links.map((l) => l.to_slug), ...backlinks.map((l) => l.from_slug)])) {
      const t = slug ? index.getNote(slug) : undefined;
      if (slug && t) titles.set(slug.toLowerCase(), t.title);
    }
    data = { note, links, backlinks, titles, body: index.body(note.path) ?? "" };
  } finally {
    index.close();
  }
  if (opts.json) io.json(toShowJson(data));
  else io.out(renderShow(data, io.theme));
  return data;
}
