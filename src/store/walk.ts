// Note discovery has one definition, in workspace/note-walk.ts; the index uses it from here.
export { walkNotes, type FoundFile, type WalkResult } from "../workspace/note-walk.js";
