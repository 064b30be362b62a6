import { performance } from "node:perf_hooks";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { envAssignmentRule, jwtRule } from "../core/check-secret-rules.js";

/** A secret found in a text: where, which secretlint rule, and a message with the value masked. */
export interface SecretHit {
  line: number;
  /** Short rule id: `secret/github`, `secret/aws`, `secret/jwt`, ... */
  rule: string;
  /** secretlint's message with the secret replaced by asterisks. */
  message: string;
}

const CONFIG = {
  rules: [
    {
      id: "@secretlint/secretlint-rule-preset-recommend",
      rule: recommended,
      // An AWS access key id alone is not a secret, but it names an account: keep it out of public notes.
      rules: [{ id: "@secretlint/secretlint-rule-aws", options: { enableIDScanRule: true } }],
    },
    { id: "learn-rule-jwt", rule: jwtRule },
    { id: "learn-rule-env-assignment", rule: envAssignmentRule },
  ],
};

/** `@secretlint/secretlint-rule-github` -> `secret/github`. */
const shortRule = (id: string): string => `secret/${id.replace(/^@secretlint\/secretlint-rule-|^learn-rule-/, "")}`;

/**
 * Scan a note's text for secrets with secretlint's recommended rules (cloud keys, GitHub,
 * Slack, OpenAI, Anthropic, private keys, passwords in URLs, connection strings, ...)
 * plus JWT and `.env`-assignment rules. Values are masked in every message.
 */
export async function scanSecrets(content: string, path: string): Promise<SecretHit[]> {
  // secretlint 12's built-in profiler marks every rule run with performance.mark and keeps
  // every entry in an array it searches linearly, so thousands of scans turn quadratic
  // (2,000 notes: ~40 s spent after the scan). Nothing reads that profile: mute marks meanwhile.
  const mark = Object.getOwnPropertyDescriptor(performance, "mark");
  Object.defineProperty(performance, "mark", { value: () => undefined, configurable: true, writable: true });
  let result;
  try {
    result = await lintSource({
      source: { content, filePath: path, ext: ".md", contentType: "text" },
      options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
    });
  } finally {
    if (mark) Object.defineProperty(performance, "mark", mark);
    else delete (performance as { mark?: unknown }).mark;
  }
  return result.messages
    .map((m) => ({ line: m.loc.start.line, rule: shortRule(m.ruleId), message: m.message }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule, "en"));
}
