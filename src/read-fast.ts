import type { Invocation } from "./cli-run.js";

// `learn search WORDS`, `learn list FILTERS`, `learn show SLUG`, `learn index` and `learn status` in their everyday forms, parsed
// without commander: loading it and building the program is about 15 ms of CPU, the largest part
// of these commands' start-up that is not their own work. Only plain words and the options below
// (each flag alone, each value as the next word) are taken; any other command line returns
// undefined and the full program parses it. The options object is exactly the one commander
// gives (tests/e2e/read-fast.test.ts compares them, and the output, form by form), so a new
// option or default in cli-program.ts that is missing here fails that test instead of drifting.

/** A flag: the option key it sets and the value. */
type Flag = readonly [key: string, value: boolean];

/** Global options (cli-program.ts): taken before or after the command. */
const GLOBAL_FLAGS: Record<string, Flag> = {
  "--json": ["json", true],
  "--no-color": ["color", false],
  "--no-input": ["input", false],
};
const GLOBAL_VALUES: Record<string, string> = { "--dir": "dir", "-d": "dir", "--today": "today" };
const GLOBAL_DEFAULTS = { color: true, input: true };

/** What the fast path takes of a command: its flags, value options, defaults and positional arguments. */
interface Shape {
  flags: Record<string, Flag>;
  values: Record<string, string>;
  defaults: Record<string, unknown>;
  /** The key of the positional arguments: a list of words, or exactly one word; none when absent. */
  positional?: { key: string; many: boolean };
}

const NO_REFRESH: Record<string, Flag> = { "--no-refresh": ["refresh", false] };
const COMMANDS: Record<string, Shape> = {
  index: { flags: { "--full": ["full", true] }, values: {}, defaults: {} },
  search: {
    flags: NO_REFRESH,
    values: { "-n": "limit", "--limit": "limit" },
    defaults: { limit: "10", refresh: true },
    positional: { key: "query", many: true },
  },
  list: {
    flags: NO_REFRESH,
    values: { "-n": "limit", "--limit": "limit", "--sort": "sort", "--format": "format" },
    defaults: { sort: "updated", format: "table", refresh: true },
    positional: { key: "filters", many: true },
  },
  show: { flags: NO_REFRESH, values: {}, defaults: { refresh: true }, positional: { key: "slug", many: false } },
  status: { flags: {}, values: {}, defaults: {} },
};

/** The command and options of a plain `index`, `search`, `list`, `show` or `status` command line, or undefined for any other. */
export function readInvocation(argv: readonly string[]): Invocation | undefined {
  const given: Record<string, unknown> = {};
  const words: string[] = [];
  let command: string | undefined;
  let shape: Shape | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (!w.startsWith("-")) {
      if (shape) words.push(w);
      else if ((shape = COMMANDS[w])) command = w;
      else return undefined;
      continue;
    }
    const flag = GLOBAL_FLAGS[w] ?? shape?.flags[w];
    if (flag) {
      given[flag[0]] = flag[1];
      continue;
    }
    const key = GLOBAL_VALUES[w] ?? shape?.values[w];
    const value = argv[i + 1];
    if (!key || value === undefined || value.startsWith("-")) return undefined;
    given[key] = value;
    i++;
  }
  if (!command || !shape) return undefined;
  const options = { ...GLOBAL_DEFAULTS, ...shape.defaults, ...given };
  const wanted = shape.positional;
  if (!wanted) return words.length === 0 ? { command, options } : undefined;
  if (!wanted.many && words.length !== 1) return undefined;
  return { command, options: { ...options, [wanted.key]: wanted.many ? words : words[0] } };
}

/** The everyday form `argv` is, as readInvocation reads it; none when LEARN_FAST_PATH=off sends every line to commander. */
export const fastInvocation = (argv: readonly string[], env: NodeJS.ProcessEnv): Invocation | undefined =>
  env.LEARN_FAST_PATH === "off" ? undefined : readInvocation(argv);
