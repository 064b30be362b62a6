// Note discovery has one definition, in files/note-walk.ts; the index uses it from here.
export { notesBase as notesBaseOf, walkWorkspace, type FoundFile, type WalkResult } from "../files/note-walk.js";
