import { isPublic } from "../core/check-links.js";
import type { Context } from "../core/context.js";
import type { LinkRow, NoteRow } from "../core/index-types.js";
import type { SiteModel } from "../core/publish-model.js";
import { readinessPage } from "../core/publish-readiness.js";
import { measure } from "../core/readiness-score.js";
import { readRevisitLog } from "../workspace/revisit-log.js";
import { readinessInputFrom } from "./readiness.js";
import type { NoteForSite } from "./site-read.js";

/**
 * The readiness page, measured over public notes only: private notes, their links and their
 * revisit events never enter the measurement, so nothing of them can reach the page.
 */
export function publicReadiness(
  ctx: Context,
  rows: readonly NoteRow[],
  read: Map<string, NoteForSite>,
  links: readonly LinkRow[],
  model: SiteModel,
  enough: (n: NoteRow, body: () => string) => boolean,
): string {
  const pub = rows.filter((r) => isPublic(r) && read.has(r.path));
  const input = readinessInputFrom(
    ctx,
    pub,
    (n) => read.get(n.path)?.body ?? "",
    links,
    readRevisitLog(ctx.ws.root).events,
    enough, // measured as each note was read, or remembered with its clean text
  );
  const pages = new Map(model.notes.map((n) => [n.row.slug.toLowerCase(), n.file]));
  const roles = measure(input, ctx.today).groups.filter((g) => g.kind === "role");
  return readinessPage(roles, (slug) => pages.get(slug.toLowerCase()), ctx.today);
}
