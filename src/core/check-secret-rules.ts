// Two secretlint rules the recommended preset lacks: JSON Web Tokens and `.env`-style
// assignments of secret-named variables. They plug into the same secretlint engine
// as the preset's rules (same report format, same masking), so check has one scanner.
import type { SecretLintRuleCreator, SecretLintRuleContext } from "@secretlint/types";

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;

// NAME=value where NAME says it holds a secret (API_KEY, DB_PASSWORD, GITHUB_TOKEN, ...).
const ENV_ASSIGNMENT =
  /^[ \t>*-]*(?:export[ \t]+)?([A-Za-z][A-Za-z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Za-z0-9_]*)[ \t]*=[ \t]*(["']?)([^\s"'#`]+)\2/gim;

// Values that show the shape of a setting rather than a real secret.
const PLACEHOLDER =
  /^(?:<.*>|\$.*|%.*%|\{\{.*\}\}|\[.*\]|\.{3,}.*|.*(?:x{4,}|\*{3,}|your[-_]?|example|placeholder|changeme|change[-_]me|dummy|redacted|secret_here|token_here|fake).*)$/i;

/** True when an assigned value looks like a placeholder (`<token>`, `$TOKEN`, `xxxx`, `your-key`). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^(?:true|false|null|none|\d+)$/i.test(value) || value.length < 8;
}

const report = (
  context: SecretLintRuleContext,
  message: { message: string; messageId: string; data: object | undefined },
  start: number,
  end: number,
): void => context.report({ message, range: [start, end] });

const JWT_MESSAGES = { JWT: { en: (p?: { TOKEN?: string }) => `found JSON Web Token: ${p?.TOKEN ?? ""}` } };
const ENV_MESSAGES = {
  ENV_SECRET: {
    en: (p?: { NAME?: string; VALUE?: string }) => `found secret assignment ${p?.NAME ?? ""}=${p?.VALUE ?? ""}`,
  },
};

/** secretlint rule: a JSON Web Token (header.payload.signature, base64url). */
export const jwtRule: SecretLintRuleCreator = {
  messages: JWT_MESSAGES,
  meta: { id: "learn-rule-jwt", type: "scanner", recommended: true, supportedContentTypes: ["text"] },
  create(context) {
    const t = context.createTranslator(JWT_MESSAGES);
    return {
      file(source) {
        for (const m of source.content.matchAll(JWT))
          report(context, t("JWT", { TOKEN: m[0] }), m.index, m.index + m[0].length);
      },
    };
  },
};

/** secretlint rule: `NAME=value` where NAME says secret/token/password/key and value is not a placeholder. */
export const envAssignmentRule: SecretLintRuleCreator = {
  messages: ENV_MESSAGES,
  meta: { id: "learn-rule-env-assignment", type: "scanner", recommended: true, supportedContentTypes: ["text"] },
  create(context) {
    const t = context.createTranslator(ENV_MESSAGES);
    return {
      file(source) {
        for (const m of source.content.matchAll(ENV_ASSIGNMENT)) {
          const value = m[3]!;
          if (isPlaceholder(value)) continue;
          const start = m.index + m[0].lastIndexOf(value);
          report(context, t("ENV_SECRET", { NAME: m[1], VALUE: value }), start, start + value.length);
        }
      },
    };
  },
};
