// Kept for branches in flight; remove once none import it. The types live in core/index-types.ts.
export type { IndexHandle, IndexProblem, LinkRow, NoteRow, RefreshStats } from "../core/index-types.js";
