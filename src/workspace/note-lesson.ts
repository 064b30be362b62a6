import { appendUsedLine, lessonLine } from "../core/note-used-section.js";
import { editNote } from "./note-edit.js";

/**
 * Append what a build taught to the note at `path` (absolute), under `## Used in builds`
 * (made when absent): an insert-only edit, written atomically, refused if the file changed.
 */
export function recordLesson(path: string, date: string, build: string | undefined, lesson: string): void {
  editNote(path, (text) => appendUsedLine(text, lessonLine(date, build, lesson)));
}
