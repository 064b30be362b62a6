import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../core/check-model.js";
import type { Context } from "../core/context.js";
import { scanSecrets } from "../workspace/secrets.js";

// What `learn check` and `learn publish` both read and scan.

/** Read a note's text from the workspace; undefined when it cannot be read (the index reports why). */
export function readNoteText(ctx: Context, path: string): string | undefined {
  try {
    return readFileSync(join(ctx.ws.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/** Secret findings of one note: errors in a public note, warnings in a private one. */
export async function secretFindings(path: string, text: string, isPublicNote: boolean): Promise<Finding[]> {
  const hits = await scanSecrets(text, path);
  return hits.map((h) => ({
    path,
    line: h.line,
    rule: h.rule,
    severity: isPublicNote ? "error" : "warning",
    message: isPublicNote
      ? `${h.message} in a public note`
      : `${h.message} (private note, but it is still in your files and git history)`,
    hint: "remove it and rotate the credential; write a placeholder like <token> instead",
  }));
}
