import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../core/check-model.js";
import type { Context } from "../core/context.js";
import { ALLOWLIST_FILE, scanSecrets } from "../workspace/secrets.js";

// What `learn check` and `learn publish` both read and scan.

/** Read a note's text from the workspace; undefined when it cannot be read (the index reports why). */
export function readNoteText(ctx: Context, path: string): string | undefined {
  try {
    return readFileSync(join(ctx.ws.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Secret findings of one note. Every one is an error, in a private note too: a secret in a
 * note reaches git history whatever its visibility. `allow` holds the fingerprints the user
 * accepted in `.learn-secrets-allow`.
 */
export async function secretFindings(
  path: string,
  text: string,
  isPublicNote: boolean,
  allow?: ReadonlySet<string>,
): Promise<Finding[]> {
  const hits = await scanSecrets(text, path, { allow });
  return hits.map((h) => ({
    path,
    line: h.line,
    rule: h.rule,
    severity: "error",
    message: isPublicNote ? `${h.message} in a public note` : `${h.message} (private note: git history keeps it)`,
    hint: `remove it and rotate the credential (write a placeholder like <token>); if it is not a secret, add its fingerprint to ${ALLOWLIST_FILE}: ${h.fingerprint}`,
  }));
}
