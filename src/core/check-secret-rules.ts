// secretlint rules the recommended preset lacks: JSON Web Tokens, assignments of secret-named
// settings in every layout notes use (`NAME=value`, `name: value`, `"name": "value"`, `--name=value`,
// `Authorization: Bearer value`), provider key shapes the preset does not know (Stripe, Google,
// Twilio), and passwords in URLs of schemes it does not cover (redis://, amqp://, ...). They plug into
// the same secretlint engine as the preset's rules, so check has one scanner.
import type { SecretLintRuleCreator, SecretLintRuleContext } from "@secretlint/types";
import { valueVerdict } from "./secret-value.js";

/** True when an assigned value is not taken for a secret: a placeholder, code, a default, or too plain. */
export function isPlaceholder(value: string): boolean {
  return valueVerdict(value) !== "secret";
}

type Messages = Record<string, { en: (p?: { NAME?: string; VALUE?: string }) => string }>;

const report = (context: SecretLintRuleContext, messageId: string, t: Translate, data: Data, range: Range): void => {
  // Only the value goes into `data`: it is what gets masked, and the fingerprint is taken of it.
  context.report({ message: { ...t(messageId, data), data: { VALUE: data.VALUE } }, range });
};
type Data = { NAME?: string; VALUE: string };
type Range = [number, number];
type Translate = (id: string, data: Data) => { message: string; messageId: string; data: object | undefined };

/** A secretlint scanner rule that reports each match of `find` (which returns the value and its range). */
function scannerRule(
  id: string,
  messages: Messages,
  find: (content: string) => Iterable<{ messageId: string; data: Data; range: Range }>,
): SecretLintRuleCreator {
  return {
    messages,
    meta: { id, type: "scanner", recommended: true, supportedContentTypes: ["text"] },
    create(context) {
      const t = context.createTranslator(messages) as unknown as Translate;
      return {
        file(source) {
          for (const hit of find(source.content)) report(context, hit.messageId, t, hit.data, hit.range);
        },
      };
    },
  };
}

/** A rule that reports every match of `pattern` (its whole match is the secret), except `ignored` ones. */
function shapeRule(id: string, label: string, pattern: RegExp) {
  return scannerRule(id, { FOUND: { en: (p) => `found ${label}: ${p?.VALUE ?? ""}` } }, function* (content) {
    for (const m of content.matchAll(pattern))
      yield { messageId: "FOUND", data: { VALUE: m[0] }, range: [m.index, m.index + m[0].length] };
  });
}

/** secretlint rule: a JSON Web Token (header.payload.signature, base64url). */
const jwtRule = shapeRule(
  "learn-rule-jwt",
  "JSON Web Token",
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g,
);

// A private key block. The preset's rule knows RSA, DSA, EC, OpenSSH and PGP blocks whose base64
// starts as theirs usually does (`MI`, `b3BlbnNzaC1rZXktdjE`); EC keys start `MH`, and encrypted or
// other kinds of block have other labels: this rule reports exactly the blocks the preset leaves.
const PEM_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----\r?\n(?:[A-Za-z-]{1,40}: [^\n]{0,200}\n)*([A-Za-z0-9+/=\s\\]{64,20000})-----END \1PRIVATE KEY(?: BLOCK)?-----/g;
const PRESET_PEM_KINDS = new Set(["", "RSA ", "DSA ", "EC ", "OPENSSH ", "PGP "]);

/** secretlint rule: a private key block the preset's privatekey rule does not report. */
const privateKeyBlockRule = scannerRule(
  "learn-rule-private-key",
  { FOUND: { en: (p) => `found a private key: ${p?.VALUE ?? ""}` } },
  function* (content) {
    for (const m of content.matchAll(PEM_BLOCK)) {
      const body = m[2]!.trim();
      if (PRESET_PEM_KINDS.has(m[1]!) && /^(?:MI|b3BlbnNzaC1rZXktdjE)/.test(body) && body.length >= 100) continue;
      yield { messageId: "FOUND", data: { VALUE: m[0] }, range: [m.index, m.index + m[0].length] };
    }
  },
);

/** secretlint rule: a Stripe secret or restricted key (`sk_live_…`, `rk_live_…`, and test-mode keys). */
const stripeRule = shapeRule(
  "learn-rule-stripe",
  "Stripe secret key",
  /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[0-9A-Za-z]{24,247}(?![A-Za-z0-9_])/g,
);

/** secretlint rule: a Google API key (`AIza` and 35 characters). */
const googleApiKeyRule = shapeRule(
  "learn-rule-google",
  "Google API key",
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
);

/** secretlint rule: a Twilio API key (`SK` and 32 hex digits). */
const twilioRule = shapeRule("learn-rule-twilio", "Twilio API key", /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g);

// Schemes the preset's basicauth and database-connection-string rules already scan.
const PRESET_SCHEMES = /^(?:https?|ftps?|postgres(?:ql)?|(?:jdbc:)?mysqlx?|mongodb(?:\+srv)?)$/i;
const URL_WITH_PASSWORD =
  /\b((?:jdbc:)?[a-z][a-z0-9+.-]{1,30}):\/\/[^\s:@/]{0,100}:[^\s@/]{1,200}@[^\s/?#"'`)]{1,200}/gi;

/** secretlint rule: a password in a URL of a scheme the preset does not scan (redis, amqp, smtp, ...). */
const urlCredentialsRule = scannerRule(
  "learn-rule-url-credentials",
  { FOUND: { en: (p) => `found a password in a URL: ${p?.VALUE ?? ""}` } },
  function* (content) {
    for (const m of content.matchAll(URL_WITH_PASSWORD)) {
      if (PRESET_SCHEMES.test(m[1]!)) continue;
      yield { messageId: "FOUND", data: { VALUE: m[0] }, range: [m.index, m.index + m[0].length] };
    }
  },
);

// A setting's name, optionally quoted or in bold/code, then `=`, `:`, `:=` or `=>` (not `==`, `::` or `://`).
const ASSIGNMENT = /(?<![\w$])(?<!\$\{)(["']?)([A-Za-z][\w.-]{0,80})\1[*_`]{0,2}[ \t]*(:=|=>|=(?!=)|:(?![:/]))[ \t]*/g;
const KEY_OWNERS = new Set(
  "api access secret private signing encryption encrypt master client auth app license session account service storage subscription admin deploy webhook consumer".split(
    " ",
  ),
);
// A token that is not a credential: a page cursor, a form's CSRF token, a count of tokens.
const NOT_CREDENTIAL_TOKENS = new Set(
  "page next prev continuation cursor pagination csrf xsrf sync max num total".split(" "),
);

/** The words of a setting name: `dbPassword` / `DB_PASSWORD` / `db-password` -> ["db", "password"]. */
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !/^v?\d+$/.test(w));

/**
 * What every secret name holds (case aside): each name isSecretName takes ends in a word holding one
 * of these, so a name or text without any holds no secret name. A cheap test ahead of the split.
 */
const SECRET_NAME_PART = /pass|secret|token|key|credential|authorization|pwd/i;

/** True when a setting's name says it holds a secret: `DB_PASSWORD`, `api_key`, `clientSecret`, `PGPASSWORD`. */
export function isSecretName(name: string): boolean {
  if (!SECRET_NAME_PART.test(name)) return false;
  const w = words(name);
  const [last = "", prev = "", third = ""] = [w.at(-1), w.at(-2), w.at(-3)];
  if (last === "key") return KEY_OWNERS.has(prev);
  if (last === "base") return prev === "key" && third === "secret"; // Rails' secret_key_base
  if (last === "pwd" || last === "pass") return true;
  if (!/(?:password|passwd|passphrase|secret|token|apikey|credentials?|authorization)$/.test(last)) return false;
  return !(last === "token" && NOT_CREDENTIAL_TOKENS.has(prev));
}

// A Kubernetes-style env entry: `- name: DB_PASSWORD` and, on the next line, `value: ...`.
const NAME_THEN_VALUE = /\bname:[ \t]*(["']?)([A-Za-z][\w.-]{0,80})\1[ \t]*\r?\n[ \t-]*value:[ \t]*/g;

// Command-line forms: `--password VALUE` (any secret-named long flag), and the short flags some
// tools take a password with (`docker login -p`, `redis-cli -a`, `sshpass -p`), named `password` here.
const LONG_FLAG = /(?<![\w-])--()([A-Za-z][\w-]{0,60})[ \t]+(?=[^\s-])/g;
const TOOL_PASSWORD =
  /\b(?:(?:docker|podman) +login\b[^\n]{0,200}? -p|redis-cli\b[^\n]{0,200}? -a|sshpass +-p)()()[ \t]*/g;
// `curl -u user:password`, `--user user:password`: judged with its user, like a URL's.
const USER_COLON_PASSWORD = /(?<![\w-])(?:-u|--user)[ \t=]+(["']?)([^\s:"'@]{1,100}):([^\s"'@]{1,200})\1/g;

/** The value written after an assignment's separator: quoted, or up to the next space or delimiter. */
function valueAt(
  content: string,
  at: number,
): { value: string; start: number; quoted: boolean; basic?: boolean } | undefined {
  let start = at;
  const scheme = /^(?:Bearer|Basic|Token|bearer|basic|token)[ \t]+/.exec(content.slice(start, start + 16));
  if (scheme) start += scheme[0].length;
  const basic = scheme ? /^basic/i.test(scheme[0]) : false;
  const q = content[start];
  if (q === '"' || q === "'" || q === "`") {
    const end = content.indexOf(q, start + 1);
    const value = end < 0 ? "" : content.slice(start + 1, end);
    if (end < 0 || value.includes("\n") || value.length > 512) return undefined;
    return { value, start: start + 1, quoted: true, basic };
  }
  let value = /^[^\s"'`,;&]{0,512}/.exec(content.slice(start, start + 513))![0];
  value = value.replace(/[.,:;!?*_]+$/, "");
  if (value.endsWith(")") && !value.includes("(")) value = value.replace(/\)+$/, "");
  return { value, start, quoted: false, basic };
}

/** Judge an assigned value; `Basic` credentials are judged by the password inside their base64. */
function isSecretValue(v: { value: string; quoted: boolean; basic?: boolean }): boolean {
  if (v.basic && /^[A-Za-z0-9+/]+={0,2}$/.test(v.value)) {
    let decoded = "";
    try {
      decoded = atob(v.value);
    } catch {
      // not base64 after all: judged as written below
    }
    const m = /^([\x20-\x7e]*?):([\x20-\x7e]*)$/.exec(decoded);
    if (m) return valueVerdict(m[2]!, { quoted: true, user: m[1] }) === "secret";
  }
  return valueVerdict(v.value, { quoted: v.quoted }) === "secret";
}

/**
 * secretlint rule: a secret-named setting assigned a value that looks like a credential, in any
 * layout: `.env`, YAML, JSON, code, shell flags, front matter, headers. Code, placeholders and
 * development defaults are left alone (see core/secret-value.ts).
 */
const envAssignmentRule = scannerRule(
  "learn-rule-env-assignment",
  { ENV_SECRET: { en: (p) => `found a secret in ${p?.NAME ?? ""}: ${p?.VALUE ?? ""}` } },
  function* (content) {
    // Only the short-flag tools' passwords are named by the rule, not the text: without a secret
    // name's part anywhere, the named forms cannot match (see SECRET_NAME_PART).
    const named = SECRET_NAME_PART.test(content) ? [ASSIGNMENT, NAME_THEN_VALUE, LONG_FLAG] : [];
    for (const re of [...named, TOOL_PASSWORD]) {
      for (const m of content.matchAll(re)) {
        const name = m[2] || "password";
        if (!isSecretName(name)) continue;
        const v = valueAt(content, m.index + m[0].length);
        if (!v || !isSecretValue(v)) continue;
        const range: Range = [v.start, v.start + v.value.length];
        yield { messageId: "ENV_SECRET", data: { NAME: name, VALUE: v.value }, range };
      }
    }
    for (const m of content.matchAll(USER_COLON_PASSWORD)) {
      const [user, password] = [m[2]!, m[3]!];
      if (valueVerdict(password, { quoted: true, user }) !== "secret") continue;
      const start = m.index + m[0].lastIndexOf(password);
      yield {
        messageId: "ENV_SECRET",
        data: { NAME: `${user}:`, VALUE: password },
        range: [start, start + password.length],
      };
    }
  },
);

/** Every rule of learn's own, in the order they run after the preset's. */
export const learnSecretRules: SecretLintRuleCreator[] = [
  jwtRule,
  privateKeyBlockRule,
  stripeRule,
  googleApiKeyRule,
  twilioRule,
  urlCredentialsRule,
  envAssignmentRule,
];
