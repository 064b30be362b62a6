import yaml from "js-yaml";

// Every YAML document learn reads (note and week-log front matter, templates' front matter,
// learn.config.yaml) is untrusted input and is loaded here, with limits. js-yaml bounds nesting
// (maxDepth) and merge keys itself; it keeps an alias as a reference to its anchor's value, so
// a small "billion laughs" document loads cheaply but explodes in whatever walks it later
// (String() of a week log's field took 30 s and 1.6 GB). The values reachable through aliases
// are counted here, once per distinct value, before anything else sees the document.

/** Limits on one YAML document. */
export const YAML_LIMITS = {
  /** Nesting depth (js-yaml's own default, made explicit). */
  maxDepth: 100,
  /** Merge keys (`<<: *x`) in one document. */
  maxMergeKeys: 10_000,
  /** Values added by expanding aliases, beyond those written in the document. */
  maxAliasExpansion: 100_000,
} as const;

/** The error a limit raises: shaped like js-yaml's (reason, mark.line from 0) so callers report it alike. */
export class YamlLimitError extends Error {
  constructor(
    readonly reason: string,
    readonly mark: { line: number },
  ) {
    super(reason);
  }
}

const isPlain = (v: object): boolean => {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** The 0-based line of the first alias (`*name`) in `text`, for the message. */
function firstAliasLine(text: string): number {
  const m = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m.exec(text);
  if (!m) return 0;
  let line = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < m.index + 1; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Throw YamlLimitError when aliases in `value` expand to more than the limit, or refer to
 * themselves. Each distinct collection is walked once, so this is linear in the document.
 */
function checkAliases(value: unknown, text: string): void {
  const size = new Map<object, number>();
  let expansion = 0;
  const fail = (reason: string): never => {
    throw new YamlLimitError(reason, { line: firstAliasLine(text) });
  };
  const count = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== "object" || !isPlain(v)) return 1;
    const known = size.get(v);
    if (known === -1) fail("an alias refers to the value that holds it (a recursive alias)");
    if (known !== undefined) {
      expansion += known;
      if (expansion > YAML_LIMITS.maxAliasExpansion)
        fail(`aliases expand to more than ${YAML_LIMITS.maxAliasExpansion} values (an alias bomb?)`);
      return known;
    }
    if (depth > YAML_LIMITS.maxDepth) fail(`nesting exceeded maxDepth (${YAML_LIMITS.maxDepth})`);
    size.set(v, -1);
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) n += count(child, depth + 1);
    size.set(v, n);
    return n;
  };
  count(value, 0);
}

// js-yaml's default schema without the timestamp type: `2023-04-02T01:00:00+05:00` stays the
// text its writer wrote (a Date would keep only the UTC instant, the 1st, and lose the offset).
let textDates: yaml.Schema | undefined;
const textDatesSchema = (): yaml.Schema => {
  // js-yaml exports its types at run time; its type declarations do not list them
  const t = (yaml as unknown as { types: Record<"merge" | "binary" | "omap" | "pairs" | "set", yaml.Type> }).types;
  return (textDates ??= yaml.CORE_SCHEMA.extend({ implicit: [t.merge], explicit: [t.binary, t.omap, t.pairs, t.set] }));
};

/**
 * Parse one YAML document with learn's limits on depth, merge keys and alias expansion.
 * Throws js-yaml's YAMLException or a YamlLimitError, both with `reason` and `mark.line`.
 * With `datesAsText`, timestamps are left as the strings written (note front matter).
 */
export function loadYaml(text: string, datesAsText = false): unknown {
  // maxDepth and maxTotalMergeKeys are js-yaml 4.3 options its type declarations do not list yet.
  const options = {
    maxDepth: YAML_LIMITS.maxDepth,
    maxTotalMergeKeys: YAML_LIMITS.maxMergeKeys,
    ...(datesAsText ? { schema: textDatesSchema() } : {}),
  } as yaml.LoadOptions;
  const value = yaml.load(text, options);
  // No `*`, no alias: nothing can expand.
  if (text.includes("*") && value !== null && typeof value === "object") checkAliases(value, text);
  return value;
}
