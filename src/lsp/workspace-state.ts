import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { NoteSchedule } from "../core/revisit-replay.js";
import type { RoadmapItem } from "../core/readiness-roadmap.js";
import type { SqliteIndex } from "../store/handle.js";
import { openIndexLazy } from "../store/open-lazy.js";
import type { RawLink } from "../store/read-note.js";
import { resolveLinkPath } from "../store/link-resolve.js";
import type { NoteRow } from "../core/index-types.js";
import type { Context } from "../workspace/context.js";

/** A roadmap item with the note that lists it. */
export interface RoadmapEntry extends RoadmapItem {
  notePath: string;
  /** Line of the item in the note's file (0-based), counting the front matter. */
  fileLine: number;
}

/**
 * The server's view of one workspace: its context and an open index, refreshed from disk
 * (an incremental walk, like every read command) when a file was saved or changed outside
 * the editor. Derived tables (notes by path, schedules, roadmap items) are rebuilt lazily.
 */
export class LspWorkspace {
  private index: SqliteIndex | undefined;
  private dirty = true;
  private cache: {
    notes?: NoteRow[];
    byPath?: Map<string, NoteRow>;
    schedules?: Map<string, NoteSchedule>;
    builds?: Map<string, number>;
    roadmap?: RoadmapEntry[];
    tags?: [string, number][];
  } = {};

  constructor(readonly ctx: Context) {}

  /** Mark the index stale: the next request refreshes it first. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Forget what was read from the index (it was refreshed by the watcher; the open handle sees it). */
  dropCaches(): void {
    this.cache = {};
  }

  /** The index, refreshed when a change was reported since the last refresh. */
  async fresh(): Promise<SqliteIndex> {
    if (this.dirty || !this.index) {
      this.dirty = false;
      const { index } = await openIndexLazy(this.ctx);
      this.index?.close();
      this.index = index;
      this.cache = {};
    }
    return this.index;
  }

  /** Every note, ordered by path. */
  async notes(): Promise<NoteRow[]> {
    const index = await this.fresh();
    return (this.cache.notes ??= index.allNotes());
  }

  /**
   * How links of the document at `from` resolve, as the index resolves them: the index's own row
   * for a link it stored from that file (attachments too), else its rule run on the link (an unsaved edit).
   */
  async linkResolver(from: string): Promise<(l: RawLink) => string | null> {
    const index = await this.fresh();
    const stored = new Map<string, string>();
    for (const r of index.linksFrom(from)) if (r.to_path) stored.set(`${r.kind}\n${r.target}`, r.to_path);
    return (l) => stored.get(`${l.kind}\n${l.target}`) ?? resolveLinkPath(index.db, l);
  }

  /** A note by its workspace-relative path. */
  async noteAt(path: string): Promise<NoteRow | undefined> {
    const notes = await this.notes();
    this.cache.byPath ??= new Map(notes.map((n) => [n.path, n]));
    return this.cache.byPath.get(path);
  }

  /** A note's revisit schedule and how many builds used it. */
  async schedule(n: NoteRow): Promise<{ schedule?: NoteSchedule; builds: number }> {
    const index = await this.fresh();
    // loaded on the first hover or lens, not before the first completion
    const [{ noteKey }, { noteSchedules }, { readRevisitLog, revisitLog }] = await Promise.all([
      import("../core/revisit-replay.js"),
      import("../store/schedule.js"),
      import("../workspace/revisit-log.js"),
    ]);
    this.cache.schedules ??= noteSchedules(index, this.ctx, revisitLog(this.ctx.ws.root));
    if (!this.cache.builds) {
      const builds = new Map<string, number>();
      for (const e of readRevisitLog(this.ctx.ws.root).events)
        if (e.event === "used") builds.set(e.note, (builds.get(e.note) ?? 0) + 1);
      this.cache.builds = builds;
    }
    const schedule =
      [...this.cache.schedules.values()].find((s) => s.path === n.path) ?? this.cache.schedules.get(noteKey(n));
    return { schedule, builds: this.cache.builds.get(schedule?.key ?? noteKey(n)) ?? 0 };
  }

  /** Forget the cached schedules (after revisits.jsonl changed). */
  forgetSchedules(): void {
    this.cache.schedules = undefined;
    this.cache.builds = undefined;
  }

  /** Every roadmap item of every roadmap note. */
  async roadmap(): Promise<RoadmapEntry[]> {
    const index = await this.fresh();
    if (!this.cache.roadmap) {
      const { parseRoadmapItems } = await import("../core/readiness-roadmap.js");
      this.cache.roadmap = (await this.notes())
        .filter((n) => n.type === "roadmap")
        .flatMap((n) => {
          const body = index.body(n.path) ?? "";
          const offset = bodyOffset(this.ctx.ws.root, n.path, body);
          return parseRoadmapItems(body).map((item) => ({
            ...item,
            notePath: n.path,
            fileLine: offset + item.line - 1,
          }));
        });
    }
    return this.cache.roadmap;
  }

  /** Existing tags, most used first. */
  async tags(): Promise<[string, number][]> {
    if (!this.cache.tags) {
      const counts = new Map<string, number>();
      for (const n of await this.notes()) for (const t of n.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.cache.tags = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en"));
    }
    return this.cache.tags;
  }

  /** Notes linking to the note at `path`, with their paths. */
  async backlinks(path: string): Promise<{ path: string; target: string }[]> {
    const index = await this.fresh();
    return index.linksTo(path).flatMap((l) => (l.from_path ? [{ path: l.from_path, target: l.target }] : []));
  }

  /** The workspace-relative path (forward slashes) of a document URI, or undefined when outside the workspace. */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith("file:")) return undefined;
    let abs: string;
    try {
      abs = resolve(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    const rel = relative(this.ctx.ws.root, abs);
    if (!rel || rel.startsWith("..") || resolve(rel) === rel) return undefined;
    return rel.split(sep).join("/");
  }

  /** The file URI of a workspace-relative path. */
  uriOf(path: string): string {
    return pathToFileURL(resolve(this.ctx.ws.root, path)).href;
  }

  close(): void {
    this.index?.close();
    this.index = undefined;
  }
}

/** How many lines of a note's file come before its stored body (the front matter): the file's lines less the body's. */
function bodyOffset(root: string, path: string, body: string): number {
  try {
    const text = readFileSync(resolve(root, path), "utf8");
    return Math.max(0, text.split("\n").length - body.split("\n").length);
  } catch {
    return 0;
  }
}
