import type { Finding, Severity } from "./check-model.js";
import type { Dialect } from "./config.js";
import type { IndexProblem } from "./index-types.js";
import { KNOWN_KEYS } from "./note-model.js";

/** What `check: { rules: { ID: ... } }` may set a rule to. */
export type RuleSetting = Severity | "off";

/**
 * Which notes a rule applies to: every note, or only learn's own notes (learn's schema: its
 * keys' values, domains, roles, template placeholders, slugs as names). See `ownsNote`.
 */
type Scope = "all" | "learn";

/** One check rule: its id, default severity, the notes it applies to, and what it finds. */
interface RuleInfo {
  id: string;
  severity: Severity;
  scope: Scope;
  about: string;
}

const rule = (id: string, severity: Severity, scope: Scope, about: string): RuleInfo => ({
  id,
  severity,
  scope,
  about,
});

/** The family id of the secret rules (`secret/github`, `secret/aws`, ...): never off. */
const SECRET = "secret";

/** Every rule `learn check` runs (families end in `/<name>`), in the order `learn check --help` would list them. */
const CHECK_RULES: readonly RuleInfo[] = [
  rule("broken-yaml", "error", "all", "front matter that is not valid YAML"),
  rule("front-matter", "error", "all", "front matter that is not a mapping of keys to values"),
  rule("duplicate-key", "error", "learn", "a learn key written twice (in two spellings)"),
  ...KNOWN_KEYS.map((k) => rule(`front-matter/${k}`, "error", "learn", `a value of \`${k}:\` learn cannot read`)),
  rule("missing-title", "warning", "learn", "a note without `title:`"),
  rule("unknown-domain", "error", "learn", "a `domain:` learn.config.yaml does not list"),
  rule("unknown-role", "error", "learn", "a role in `roles:` learn.config.yaml does not list"),
  rule("template-placeholder", "error", "learn", "a public note still holding its template's guidance text"),
  rule("roadmap/duplicate-item", "error", "all", "a roadmap item id used twice"),
  rule("broken-link", "warning", "all", "a link to a note that does not exist"),
  rule("private-link", "error", "all", "a public note linking to a private one"),
  rule("ambiguous-link", "warning", "all", "a link by a file name two or more notes share"),
  rule("duplicate-slug", "error", "learn", "two notes with one file name (learn's links name notes by it)"),
  rule("duplicate-id", "error", "all", "two notes with one `id:`"),
  rule("unreadable", "error", "all", "a file or folder the index could not read"),
  rule("too-large", "warning", "all", "a note over 1 MiB (only the first MiB is read)"),
  rule(SECRET, "error", "all", "a credential in a note (secret/github, secret/aws, ...): a warning at most, never off"),
];

const BY_ID = new Map(CHECK_RULES.map((r) => [r.id, r]));
const family = (id: string): string | undefined => (id.includes("/") ? id.slice(0, id.indexOf("/")) : undefined);

/** The rule a finding's id belongs to: itself, else its family (`secret/github` -> `secret`). */
function ruleInfo(id: string): RuleInfo | undefined {
  const f = family(id);
  return BY_ID.get(id) ?? (f === undefined ? undefined : BY_ID.get(f));
}

/** True when `id` names a rule or a family of rules (`front-matter`, `secret`, `secret/github`). */
function isKnownId(id: string): boolean {
  if (BY_ID.has(id)) return true;
  return family(id) === SECRET && /^secret\/[a-z0-9-]+$/.test(id);
}

/** The known ids, compactly: `front-matter/<key>` for the key family, `secret/<name>` for secrets. */
function knownIdList(): string {
  const ids = CHECK_RULES.filter((r) => !r.id.startsWith("front-matter/")).map((r) => r.id);
  return [...ids.slice(0, 3), "front-matter/<key>", ...ids.slice(3), "secret/<name>"].join(", ");
}

/**
 * A note is learn's own, and learn's schema rules apply to it, when the workspace is in
 * learn's dialect (the default: every note is learn's), or when the note declares one of
 * learn's types (`type: doc`, ...). A note in an adopted Obsidian, Dendron, zk, Foam or plain
 * Markdown folder without such a `type:` is the user's format, not learn's: its own keys are
 * not judged by learn's schema.
 */
export function ownsNote(dialect: Dialect | undefined, type: string | null | undefined): boolean {
  return dialect === undefined || dialect === "learn" || (type !== null && type !== undefined);
}

/** The rule settings of a workspace, resolved, and what was wrong with them. */
export interface RulePolicy {
  /** The setting of a finding's rule: its own, else its family's, else undefined (the default). */
  setting(id: string): RuleSetting | undefined;
  /** One sentence per bad setting (an unknown id, a secret rule set off), for stderr. */
  warnings: string[];
}

/** Resolve `check.rules` from the config: known ids kept, unknown ones and `off` for secrets warned about. */
export function rulePolicy(rules: Readonly<Record<string, RuleSetting>> | undefined): RulePolicy {
  const settings = new Map<string, RuleSetting>();
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(rules ?? {})) {
    if (!isKnownId(id)) {
      warnings.push(`learn.config.yaml: check.rules: unknown rule id "${id}" (ignored); known ids: ${knownIdList()}`);
    } else if (value === "off" && (id === SECRET || family(id) === SECRET)) {
      warnings.push(
        `learn.config.yaml: check.rules: ${id}: a secret rule cannot be off (kept as error); set it to warning, or list a value that is not a secret in .learn-secrets-allow`,
      );
    } else settings.set(id, value);
  }
  return {
    setting: (id) => {
      const f = family(id);
      return settings.get(id) ?? (f === undefined ? undefined : settings.get(f));
    },
    warnings,
  };
}

/**
 * Findings as the workspace's rule settings want them: rules set off dropped, severities
 * overridden, and learn's schema rules dropped on notes that are not learn's own (`owned`).
 */
export function applyRules(
  findings: readonly Finding[],
  policy: RulePolicy,
  owned: (path: string) => boolean,
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (ruleInfo(f.rule)?.scope === "learn" && !owned(f.path)) continue;
    const setting = policy.setting(f.rule);
    if (setting === "off") continue;
    out.push(setting === undefined || setting === f.severity ? f : { ...f, severity: setting });
  }
  return out;
}

/** True when a finding's rule is one of `wanted` (an id or a family: `secret` takes `secret/github`). */
export const ruleMatches = (id: string, wanted: ReadonlySet<string>): boolean =>
  wanted.has(id) || (family(id) !== undefined && wanted.has(family(id)!));

/** The `--rule` ids given that name no rule. */
export const unknownRuleIds = (ids: readonly string[]): string[] => ids.filter((id) => !isKnownId(id));

/** How `--rule` lists the ids it knows. */
export const knownRuleIds = knownIdList;

const KEY_REASON = /^([A-Za-z_]+): /;
const KNOWN_KEY_SET: ReadonlySet<string> = new Set(KNOWN_KEYS);

/** The rule of a problem the index recorded (a parse warning, an unreadable file, a shared slug). */
function problemRule(p: IndexProblem): string {
  if (p.reason.startsWith("broken YAML")) return "broken-yaml";
  if (p.reason.startsWith("front matter must be")) return "front-matter";
  if (p.reason.startsWith("duplicate slug")) return "duplicate-slug";
  if (p.reason.startsWith("note is ") && p.reason.includes(" MiB")) return "too-large";
  const key = KEY_REASON.exec(p.reason)?.[1];
  if (key !== undefined && KNOWN_KEY_SET.has(key)) {
    if (p.reason === "title: missing title") return "missing-title";
    if (p.reason.startsWith(`${key}: is written more than once`)) return "duplicate-key";
    return `front-matter/${key}`;
  }
  return "unreadable";
}

/**
 * The index's problems as findings under the same rules `learn check` applies (ids, default
 * severities, settings, learn's own notes), so `index` and `status` count what `check` reports.
 */
export function problemFindings(
  problems: readonly IndexProblem[],
  policy: RulePolicy,
  owned: (path: string) => boolean,
): Finding[] {
  const findings = problems.map((p): Finding => {
    const id = problemRule(p);
    const info = ruleInfo(id);
    const severity = id === "unreadable" || id === "too-large" || !info ? p.severity : info.severity;
    return { path: p.path, line: p.line, rule: id, severity, message: p.reason, hint: "" };
  });
  return applyRules(findings, policy, owned);
}

/** One line of `learn check`'s summary: a rule, its severity and how many findings it has. */
export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

/** Findings counted per rule and severity, the most first (then by rule id). */
export function ruleSummary(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.rule}\0${f.severity}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { rule: f.rule, severity: f.severity, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      a.rule.localeCompare(b.rule, "en") ||
      (a.severity === "error" ? -1 : 1) - (b.severity === "error" ? -1 : 1),
  );
}
