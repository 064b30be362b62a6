import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import type { NoteType } from "../core/note-model.js";
import { BUNDLED_TEMPLATES } from "./package-root.js";
import type { WorkspacePaths } from "./find.js";

/** A template's source and the file it came from. */
export interface TemplateSource {
  path: string;
  source: string;
}

/** Load the template for `type`: the workspace's templates/<type>.md wins over the bundled one. */
export function loadTemplate(ws: WorkspacePaths, type: NoteType): TemplateSource {
  for (const dir of [join(ws.root, "templates"), BUNDLED_TEMPLATES]) {
    const path = join(dir, `${type}.md`);
    try {
      return { path, source: readFileSync(path, "utf8") };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT")
        throw new LearnError(`cannot read ${path}: ${(err as Error).message}`);
    }
  }
  throw new LearnError(`no template for ${type}`, `add templates/${type}.md, or reinstall learn`);
}
