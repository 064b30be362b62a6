import { join } from "node:path";
import { LearnError } from "../core/errors.js";
import type { NoteType } from "../core/note-model.js";
import { BUNDLED_TEMPLATES } from "./package-root.js";
import type { WorkspacePaths } from "./find.js";
import { READ_CAPS, readWholeText, shownPath, UnsafeFileError } from "../files/safe-read.js";

/** A template's source and the file it came from. */
export interface TemplateSource {
  path: string;
  source: string;
}

/**
 * Load the template for `type`: the workspace's templates/<type>.md wins over the bundled one.
 * A workspace template must be a regular file inside the workspace (a link to a file elsewhere
 * would copy that file into every new note), and at most 256 KiB.
 */
export function loadTemplate(ws: WorkspacePaths, type: NoteType): TemplateSource {
  for (const root of [ws.root, BUNDLED_TEMPLATES]) {
    const path = join(root === ws.root ? join(root, "templates") : root, `${type}.md`);
    const shown = shownPath(ws.root, path);
    let source: string | undefined;
    try {
      source = readWholeText(path, { root }, READ_CAPS.template, shown);
    } catch (err) {
      if (!(err instanceof UnsafeFileError)) throw err;
      throw new UnsafeFileError(
        shown,
        err.reason,
        `replace ${shown} with a regular file, or delete it to use the bundled one`,
      );
    }
    if (source !== undefined) return { path, source };
  }
  throw new LearnError(`no template for ${type}`, `add templates/${type}.md, or reinstall learn`);
}
