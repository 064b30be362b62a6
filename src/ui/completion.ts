import { DIFFICULTIES, NOTE_TYPES, STATUSES, VISIBILITIES } from "../core/note-model.js";
import { RATINGS } from "../core/revisit-event.js";

/** The shells learn can print completion scripts for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** The part of a commander program completion reads (structural, so only cli.ts knows commander). */
export interface ProgramShape {
  options: readonly { hidden?: boolean; long?: string; short?: string; required?: boolean; optional?: boolean }[];
  commands: readonly ProgramShape[];
  name(): string;
  description(): string;
}

/**
 * A completion script for `shell`. It holds no list of commands or flags: on Tab it asks
 * `learn __complete WORD…`, so an upgraded learn is completed right without reinstalling.
 */
export function completionScript(shell: (typeof SHELLS)[number]): string {
  if (shell === "bash")
    return `# learn completion for bash: learn completion bash --install (or eval "$(learn completion bash)" in ~/.bashrc)
_learn_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out IFS=$'\\n'
  out=$(command learn __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [ "$out" = "${COMPLETE_DIRS}" ]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=( $(compgen -d -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$out" -- "$cur") )
  fi
}
complete -F _learn_complete learn
`;
  if (shell === "zsh")
    return `#compdef learn
# learn completion for zsh: learn completion zsh --install (or save as _learn in a folder on $fpath)
_learn() {
  local -a out
  out=("\${(@f)$(learn __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "$out[1]" == ${COMPLETE_DIRS} ]]; then _files -/; else compadd -a out; fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _learn "$@"; else compdef _learn learn; fi
`;
  return `# learn completion for fish: learn completion fish --install
function __learn_complete
    set -l out (learn __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)
    if test "$out[1]" = ${COMPLETE_DIRS}
        __fish_complete_directories (commandline -ct)
    else
        printf '%s\\n' $out
    end
end
complete -c learn -f -a '(__learn_complete)'
`;
}

/** A program's option as completion reads it: its names, and whether it takes a value. */
interface OptionShape {
  long?: string;
  short?: string;
  required?: boolean;
  optional?: boolean;
}

/** Values from the workspace, read only when the word being completed needs them. */
export interface CompletionValues {
  domains: string[];
  roles: string[];
  tags: string[];
  slugs: string[];
}

/** Printed instead of words when the shell should complete directories itself. */
export const COMPLETE_DIRS = "__dirs__";

const COMMANDS_WITH_SLUG = ["show", "revisit", "used"];
const FIXED_VALUES: Record<string, readonly string[]> = {
  "--rating": RATINGS,
  "--type": [...NOTE_TYPES, "note"],
  "--status": STATUSES,
  "--visibility": VISIBILITIES,
  "--difficulty": DIFFICULTIES,
  "--format": ["table", "json", "paths", "paths0"],
  "--sort": ["updated", "published", "title", "type", "status", "due"],
  "--revisit": ["build"],
};

/**
 * The candidates for the last of `words` (the words after `learn`, the last one being
 * completed, maybe empty): commands, a command's flags (only once a `-` is typed, so Tab never
 * inserts a lone `-`), flag values (ratings, types, statuses, domains, roles, tags), note slugs,
 * or COMPLETE_DIRS for a path option. The shell filters them by the typed prefix.
 */
export function completeWords(
  program: ProgramShape,
  words: readonly string[],
  values: () => CompletionValues,
): string[] {
  const cur = words[words.length - 1] ?? "";
  const optionsOf = (c: ProgramShape | undefined) => [...(c?.options ?? []), ...program.options] as OptionShape[];
  const find = (c: ProgramShape | undefined, word: string) =>
    optionsOf(c).find((o) => o.long === word.split("=")[0] || o.short === word);
  let cmd: ProgramShape | undefined;
  let positional = 0;
  let pending: OptionShape | undefined; // an option whose value is the next word
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (word.startsWith("-")) {
      const o = find(cmd, word);
      if (o?.required && !word.includes("=")) pending = o;
      continue;
    }
    if (!cmd) cmd = program.commands.find((c) => c.name() === word) ?? { ...program, name: () => word };
    else positional++;
  }
  if (pending?.long) return optionValues(pending.long, cmd?.name(), values);
  if (cur.startsWith("-")) {
    const names = optionsOf(cmd).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
    return [...new Set([...names, "--help"])];
  }
  const name = cmd?.name();
  const commands = program.commands.map((c) => c.name());
  if (!name) return [...commands, "help"];
  if (positional > 0) return [];
  if (name === "help") return commands;
  if (name === "new") return [...NOTE_TYPES, "note"];
  if (name === "completion") return [...SHELLS];
  if (name === "init") return [COMPLETE_DIRS];
  if (COMMANDS_WITH_SLUG.includes(name)) return values().slugs;
  return [];
}

function optionValues(flag: string, command: string | undefined, values: () => CompletionValues): string[] {
  if (flag === "--dir" || flag === "--out") return [COMPLETE_DIRS];
  if (flag === "--note") return command === "week" ? values().slugs : [];
  if (flag === "--domain") return values().domains;
  if (flag === "--role" || flag === "--roles") return values().roles;
  if (flag === "--tag" || flag === "--tags") return values().tags;
  return [...(FIXED_VALUES[flag] ?? [])];
}
