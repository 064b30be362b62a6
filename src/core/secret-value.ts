// Is a value assigned to a secret-named setting a real secret? Notes are full of the shape of a
// setting rather than its value: code that reads it (`data.get(...)`, `process.env.X`), placeholders
// (`<token>`, `${TOKEN}`, `xxxx`) and the well-known development defaults (`postgres`, `admin`).
// A value is reported only when it is none of those and looks random enough to be a credential.

/** Why a value is or is not taken for a secret. */
export type ValueVerdict = "secret" | "placeholder" | "code" | "default" | "weak";

// Anywhere in the value: template syntax, masking, and the words docs use for a stand-in.
const PLACEHOLDER_PART =
  /<[^>]*>|\$\{|\$\(|\{\{|%[A-Za-z_]+%|x{6,}|X{6,}|\*{3,}|\.{3}|…|#{3,}|example|placeholder|changeme|change[-_ ]me|dummy|redacted|replace[-_ ]?(?:me|with|this)|insert[-_ ]|your[-_ ]|[-_]here$|^(?:my|some|the)[-_]|todo|tbd|fixme|not[-_ ]?a[-_ ]?real|fake|sample/i;
// The whole value: a reference or an empty shape.
// Keyboard runs in a value mark a toy one (`abcdef123456`, `1234567890abcdef`, `qwerty`).
const KEYBOARD_RUN = /abcde|bcdef|01234|12345|23456|34567|45678|56789|qwerty|asdfg/i;
const PLACEHOLDER_WHOLE = /^(?:\$[A-Za-z_]\w*|\{.*\}|\[.*\]|\(.*\)|(.)\1*|0?123456789?0?|abcdefgh)$/i;

// Passwords and keys that ship as defaults in images, tutorials and local setups.
const DEFAULTS = new Set(
  (
    "password passw0rd p@ssw0rd p@ssword pass pass123 password1 password123 pa55word secret s3cret s3cr3t " +
    "supersecret topsecret mysecret mypassword secretpassword test test123 testing testpass testpassword " +
    "admin admin123 administrator root toor postgres postgrespw mysql mariadb guest user users changeit " +
    "letmein qwerty 123456 1234567 12345678 123456789 default demo dev development local localhost " +
    "foobar foo bar baz hunter2 minioadmin rabbitmq redis sa oracle docker vagrant ubuntu pi raspberry " +
    "apikey api_key token secret_key secretkey access_token accesstoken secret123 test1234 pass1234 " +
    "p4ssw0rd p4ssword pa$$word pa$$w0rd adm1n r00t s3cure secure123 password1234 qwerty123 abc123 abcd1234 admin1234 root1234"
  ).split(" "),
);

// Values that are a language's literal rather than a string.
const LITERAL = /^(?:true|false|null|nil|none|undefined|yes|no|on|off|\d+(?:\.\d+)?)$/i;
// Reading a value in code: a call or a subscript (`get(`, `json()[`), an attribute chain.
const CALL_OR_INDEX = /[\w$)\]][([]/;
const ATTRIBUTE_CHAIN = /^[A-Za-z_$][\w$]*(?:(?:\?\.|\.|::|->)[A-Za-z_$][\w$]*)+!?$/;
const CODE_ROOTS =
  /^(?:process|os|env|ENV|self|this|config|cfg|conf|settings|secrets|vars|args|argv|opts|options|params|ctx|context|req|request|res|response|data|app|window|import|System|Environment|creds|credentials|values|props)\b/;
// A bare name: letters and underscores (`client_secret`, `newPassword`, `DB_PASSWORD`).
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$]*$/;

// Keys the providers print in their own documentation for every reader to copy.
const DOCUMENTED = new Set([
  "AKIAIOSFODNN7EXAMPLE", // AWS
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // AWS
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc", // Stripe's API reference
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2", // Stripe's API reference
]);
// jwt.io's token: {"sub":"1234567890","name":"John Doe","iat":1516239022}, whatever its signature.
const JWT_IO_PAYLOAD = ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy";

/** True when a value is a key a provider documents as an example (AWS's `AKIAIOSFODNN7EXAMPLE`, jwt.io's token). */
function isDocumentedExample(value: string): boolean {
  return DOCUMENTED.has(value) || value.includes(JWT_IO_PAYLOAD);
}

const STAND_IN_WORDS = new Set(["test", "testing", "demo", "mock", "sample", "local", "dev", "foo", "bar"]);

/** True when a value is a stand-in rather than a value: `<token>`, `${TOKEN}`, `xxxx`, `your-key-here`. */
export function isPlaceholderValue(value: string): boolean {
  if (PLACEHOLDER_PART.test(value) || PLACEHOLDER_WHOLE.test(value) || isDocumentedExample(value)) return true;
  // `xxx` marks a stand-in in a short value; in a long random key three x's happen by chance.
  if (value.length < 24 && /xxx|XXX/.test(value)) return true;
  // A value that only names what it stands for (`super-secret-key`, `my_api_token`), with no digit,
  // or says it is a test one (`test_api_key_123`, `demo-token-1`).
  const letters = value.toLowerCase().replace(/[^a-z]/g, "");
  if (!/\d/.test(value) && /password|passwd|secret|token|apikey|credential/.test(letters)) return true;
  const words = value.toLowerCase().split(/[^a-z]+/);
  return (
    words.some((w) => STAND_IN_WORDS.has(w)) &&
    words.some((w) => /^(?:key|token|secret|password|pass|pwd|apikey)$/.test(w))
  );
}

/** True when a value is a well-known development default (`postgres`, `admin`, `secret`, `test`). */
export function isDefaultValue(value: string, user?: string): boolean {
  const v = value.toLowerCase();
  return DEFAULTS.has(v) || (user !== undefined && v === user.toLowerCase());
}

/** True when an (unquoted) value is code that reads a secret rather than the secret itself. */
export function isCodeValue(value: string, quoted = false): boolean {
  if (CALL_OR_INDEX.test(value) && !quoted) return true;
  if (ATTRIBUTE_CHAIN.test(value)) return !quoted || CODE_ROOTS.test(value);
  if (IDENTIFIER.test(value)) return !quoted || value.includes("_") || value === value.toUpperCase();
  return false;
}

/** Shannon entropy of a string, in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** True when a value is long and varied enough to be a credential rather than a word or a number. */
function looksRandom(value: string): boolean {
  if (value.length < 8 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  const h = entropy(value);
  if (classes >= 2) return h >= 2.5;
  return value.length >= 16 && h >= 3;
}

/**
 * Classify a value assigned to a secret-named setting (or a password in a URL, with its user):
 * only `secret` is reported.
 */
export function valueVerdict(value: string, opts: { quoted?: boolean; user?: string } = {}): ValueVerdict {
  if (value === "" || LITERAL.test(value)) return "weak";
  if (isPlaceholderValue(value)) return "placeholder";
  // Only for a setting's value: a provider-shaped key is judged by its shape, keyboard runs or not.
  if (value.length < 24 && KEYBOARD_RUN.test(value)) return "placeholder";
  if (isDefaultValue(value, opts.user)) return "default";
  if (isCodeValue(value, opts.quoted)) return "code";
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|[~.]?\/)/i.test(value)) return "weak"; // a URL or a path names where a secret is
  return looksRandom(value) ? "secret" : "weak";
}

/** The user and password of a `scheme://user:password@host` URL, when it has both. */
export function urlCredentials(url: string): { user: string; password: string } | undefined {
  const m = /^[a-z][a-z0-9+.:-]*:\/\/([^\s:@/]*):([^\s@/]+)@/i.exec(url);
  return m ? { user: m[1]!, password: m[2]! } : undefined;
}
