import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { lintSource } from "@secretlint/core";
import { rules as recommendedRules } from "@secretlint/secretlint-rule-preset-recommend";
import { learnSecretRules } from "../core/check-secret-rules.js";
import { isCodeValue, isDefaultValue, isPlaceholderValue, urlCredentials } from "../core/secret-value.js";

/** A secret found in a text: where, which rule, a message with the value masked, and its fingerprint. */
export interface SecretHit {
  line: number;
  /** Short rule id: `secret/github`, `secret/aws`, `secret/jwt`, ... */
  rule: string;
  /** The rule's message with the secret replaced by asterisks. */
  message: string;
  /** sha256 (hex) of the secret value: what `.learn-secrets-allow` lists to accept it. */
  fingerprint: string;
}

/** How to scan: fingerprints of values the user has accepted as not secret. */
export interface ScanOptions {
  allow?: ReadonlySet<string>;
}

// The recommended preset's rules, registered one by one: its `filter-comments` rule would honour
// `secretlint-disable`, which silences the rest of a file, and the preset cannot switch one rule off.
// learn honours only per-line comments (see disabledByComment).
const RULE_OPTIONS: Record<string, object> = {
  // An AWS access key id alone is not a secret, but it names an account: keep it out of notes.
  "@secretlint/secretlint-rule-aws": { enableIDScanRule: true },
};
const CONFIG = {
  rules: [
    ...recommendedRules
      .filter((rule) => rule.meta.id !== "@secretlint/secretlint-rule-filter-comments")
      .map((rule) => ({ id: rule.meta.id, rule, options: RULE_OPTIONS[rule.meta.id] ?? {} })),
    ...learnSecretRules.map((rule) => ({ id: rule.meta.id, rule })),
  ],
};

/** `@secretlint/secretlint-rule-github` -> `secret/github`. */
const shortRule = (id: string): string => `secret/${id.replace(/^@secretlint\/secretlint-rule-|^learn-rule-/, "")}`;

// Rules whose value is a URL: the secret in it is the password, judged with its user.
const URL_RULES = new Set(["secret/basicauth", "secret/database-connection-string", "secret/url-credentials"]);
const GENERIC_RULE = "secret/env-assignment";

/** sha256 of a secret value, as printed by check and listed in the allowlist. */
const fingerprintOf = (value: string): string => createHash("sha256").update(value).digest("hex");

/** The secret in a hit's value, or undefined when the value is a placeholder, code or a default. */
function secretIn(rule: string, value: string): string | undefined {
  if (URL_RULES.has(rule)) {
    const cred = urlCredentials(value);
    if (!cred) return value;
    const { user, password } = cred;
    const notReal =
      isPlaceholderValue(password) || isDefaultValue(password, user) || isCodeValue(password) || /^\$/.test(password);
    return notReal ? undefined : password;
  }
  // A placeholder check on a private key block would trip on chance letters in its base64.
  if (rule === "secret/privatekey" || rule === "secret/private-key") return /\.\.\.|…/.test(value) ? undefined : value;
  return isPlaceholderValue(value) ? undefined : value;
}

/** True when the hit's line ends in `secretlint-disable-line`, or the line above says `-next-line`. */
function disabledByComment(lines: readonly string[], line: number): boolean {
  return (
    (lines[line - 1] ?? "").includes("secretlint-disable-line") ||
    (lines[line - 2] ?? "").includes("secretlint-disable-next-line")
  );
}

async function lint(content: string, path: string) {
  // secretlint 12's built-in profiler marks every rule run with performance.mark and keeps
  // every entry in an array it searches linearly, so thousands of scans turn quadratic
  // (2,000 notes: ~40 s spent after the scan). Nothing reads that profile: mute marks meanwhile.
  const mark = Object.getOwnPropertyDescriptor(performance, "mark");
  Object.defineProperty(performance, "mark", { value: () => undefined, configurable: true, writable: true });
  try {
    // Unmasked, so the value can be judged and fingerprinted; masked below before anything shows it.
    return await lintSource({
      source: { content, filePath: path, ext: ".md", contentType: "text" },
      options: { config: CONFIG, maskSecrets: false, noPhysicFilePath: true },
    });
  } finally {
    if (mark) Object.defineProperty(performance, "mark", mark);
    else delete (performance as { mark?: unknown }).mark;
  }
}

const mask = (message: string, values: readonly string[]): string =>
  values.reduce((m, v) => (v ? m.replaceAll(v, "*".repeat(Math.min(v.length, 40))) : m), message);

/**
 * Scan a note's text for secrets with secretlint's recommended rules (cloud keys, GitHub,
 * Slack, OpenAI, Anthropic, private keys, passwords in URLs, connection strings, ...)
 * plus learn's own (JWTs, Stripe, Google, Twilio, secret-named settings in any layout).
 * Placeholders, code and development defaults are dropped, and so are values opted out by a
 * `secretlint-disable-line` comment or an allowlisted fingerprint. Values are masked in every message.
 */
export async function scanSecrets(content: string, path: string, opts: ScanOptions = {}): Promise<SecretHit[]> {
  const result = await lint(content, path);
  const lines = content.split("\n");
  const hits: (SecretHit & { secret: string })[] = [];
  for (const m of result.messages) {
    const rule = shortRule(m.ruleId);
    const data = Object.values((m.data ?? {}) as Record<string, unknown>).filter(
      (v): v is string => typeof v === "string",
    );
    const value = data[0] ?? content.slice(m.range[0], m.range[1]);
    const secret = secretIn(rule, value);
    if (secret === undefined || disabledByComment(lines, m.loc.start.line)) continue;
    const fingerprint = fingerprintOf(secret);
    if (opts.allow?.has(fingerprint)) continue;
    hits.push({ line: m.loc.start.line, rule, message: mask(m.message, [...data, secret]), fingerprint, secret });
  }
  // A provider's rule and the generic assignment rule often see the same value: keep the specific one.
  const specific = new Set(hits.filter((h) => h.rule !== GENERIC_RULE).map((h) => `${h.line}\0${h.fingerprint}`));
  return hits
    .filter((h) => h.rule !== GENERIC_RULE || !specific.has(`${h.line}\0${h.fingerprint}`))
    .map(({ secret: _secret, ...hit }) => hit)
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule, "en"));
}
