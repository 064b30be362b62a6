/** The shells learn can print completion scripts for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** Commands and flags to complete, taken from the commander program. */
interface CompletionSpec {
  globalFlags: string[];
  commands: { name: string; description: string; flags: string[] }[];
}

/** The part of a commander program completion reads (structural, so only cli.ts knows commander). */
export interface ProgramShape {
  options: readonly { hidden?: boolean; long?: string; short?: string }[];
  commands: readonly ProgramShape[];
  name(): string;
  description(): string;
}

/** The commands and flags of a program, for a completion script. */
export function completionSpec(program: ProgramShape): CompletionSpec {
  const flags = (c: ProgramShape) =>
    c.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  return {
    globalFlags: [...flags(program), "--help"],
    commands: program.commands.map((c) => ({ name: c.name(), description: c.description(), flags: flags(c) })),
  };
}

const NOTE_TYPES_WORDS = "doc note cheatsheet blog log roadmap checklist";

/** Build a completion script: subcommands, their flags, and note types after `learn new`. */
export function completionScript(shell: (typeof SHELLS)[number], spec: CompletionSpec): string {
  const names = spec.commands.map((c) => c.name).join(" ");
  if (shell === "bash") {
    const cases = spec.commands
      .map((c) => `    ${c.name}) flags="${[...c.flags, ...spec.globalFlags].join(" ")}" ;;`)
      .join("\n");
    return `# learn completion for bash: add to ~/.bashrc with  learn completion bash >> ~/.bashrc
_learn_complete() {
  local cur cmd flags
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} ${spec.globalFlags.join(" ")}" -- "$cur") ); return
  fi
  case "$cmd" in
${cases}
    *) flags="${spec.globalFlags.join(" ")}" ;;
  esac
  if [ "$cmd" = new ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=( $(compgen -W "${NOTE_TYPES_WORDS}" -- "$cur") ); return
  fi
  COMPREPLY=( $(compgen -W "$flags" -- "$cur") )
}
complete -o default -F _learn_complete learn
`;
  }
  if (shell === "zsh") {
    const cmds = spec.commands.map((c) => `    '${c.name}:${c.description.replace(/'/g, "")}'`).join("\n");
    const cases = spec.commands
      .map((c) => `    ${c.name}) compadd -- ${[...c.flags, ...spec.globalFlags].join(" ")} ;;`)
      .join("\n");
    return `#compdef learn
# learn completion for zsh: save as _learn in a folder on $fpath, e.g.  learn completion zsh > ~/.zfunc/_learn
_learn() {
  local -a commands
  commands=(
${cmds}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands; return
  fi
  if [[ $words[2] == new && CURRENT == 3 ]]; then
    compadd -- ${NOTE_TYPES_WORDS}; return
  fi
  case $words[2] in
${cases}
  esac
  _files
}
compdef _learn learn
`;
  }
  const lines = [
    "# learn completion for fish: learn completion fish > ~/.config/fish/completions/learn.fish",
    "complete -c learn -f",
    ...spec.commands.map(
      (c) => `complete -c learn -n '__fish_use_subcommand' -a ${c.name} -d '${c.description.replace(/'/g, "")}'`,
    ),
    `complete -c learn -n '__fish_seen_subcommand_from new' -a '${NOTE_TYPES_WORDS}'`,
    ...spec.commands.flatMap((c) =>
      c.flags
        .filter((f) => f.startsWith("--"))
        .map((f) => `complete -c learn -n '__fish_seen_subcommand_from ${c.name}' -l ${f.slice(2)}`),
    ),
    ...spec.globalFlags.filter((f) => f.startsWith("--")).map((f) => `complete -c learn -l ${f.slice(2)}`),
  ];
  return `${lines.join("\n")}\n`;
}
