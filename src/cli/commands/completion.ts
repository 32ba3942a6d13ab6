// `signaldesk completion bash|zsh|fish`: a completion script for the shell. Commands and options
// come from the argument parser's own tables; briefing ids and actor names are asked of signaldesk
// when completing, from the folder in effect (`--dir` on the line being completed, else the usual
// one), through the tab-separated output of `list` and `actors`.
import { COMMANDS, OPTION_NAMES, PRINT_FORMATS, SHELLS, type Shell } from "../args.js";
import { type CommandContext, EXIT } from "../context.js";

const MARK_ACTIONS = ["read", "unread"];
const words = (list: readonly string[]) => list.join(" ");
const LONG = OPTION_NAMES.map((o) => o.name);
const ALL_OPTIONS = [...LONG, "--help", "--version", "-h", "-V"];
/** Options whose value is free text: nothing to offer. */
const FREE_VALUES = ["--since", "--until", "--query", "--width", "--sections", "--tag"];

function bash(): string {
  return `# signaldesk completion for bash: source <(signaldesk completion bash)
_signaldesk() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local commands="${words(COMMANDS)}"
  local -a dir=()
  local i w cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    case "$w" in
      --dir) dir=(--dir "\${COMP_WORDS[i+1]}") ;;
      --dir=*) dir=("$w") ;;
    esac
    if [[ -z "$cmd" && " $commands " == *" $w "* ]]; then cmd=$w; fi
  done
  case "$prev" in
    --dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "${words(PRINT_FORMATS)}" -- "$cur")); return ;;
    --actor)
      local IFS=$'\\n'
      COMPREPLY=($(compgen -W "$(signaldesk "\${dir[@]}" actors 2>/dev/null | cut -f1)" -- "$cur"))
      return ;;
    ${FREE_VALUES.join("|")}) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "${words(ALL_OPTIONS)}" -- "$cur"))
  elif [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  elif [[ "$cmd" == mark && "$prev" == mark ]]; then
    COMPREPLY=($(compgen -W "${words(MARK_ACTIONS)}" -- "$cur"))
  elif [[ "$cmd" == print || "$cmd" == mark ]]; then
    local IFS=$'\\n'
    COMPREPLY=($(compgen -W "$(signaldesk "\${dir[@]}" list 2>/dev/null | cut -f2)" -- "$cur"))
  elif [[ "$cmd" == completion ]]; then
    COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur"))
  fi
}
complete -F _signaldesk signaldesk
`;
}

function zsh(): string {
  return `#compdef signaldesk
# signaldesk completion for zsh: source <(signaldesk completion zsh)
_signaldesk() {
  local -a commands options dir found
  commands=(${words(COMMANDS)})
  options=(${words(ALL_OPTIONS)})
  local i w cmd=""
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    case $w in
      --dir) dir=(--dir "\${words[i+1]}") ;;
      --dir=*) dir=("$w") ;;
    esac
    if [[ -z $cmd && \${commands[(Ie)$w]} -gt 0 ]]; then cmd=$w; fi
  done
  case \${words[CURRENT-1]} in
    --dir) _files -/; return ;;
    --config) _files; return ;;
    --format) compadd -- ${words(PRINT_FORMATS)}; return ;;
    --actor) found=(\${(f)"$(signaldesk $dir actors 2>/dev/null | cut -f1)"}); compadd -a found; return ;;
    ${FREE_VALUES.join("|")}) return ;;
  esac
  if [[ \${words[CURRENT]} == -* ]]; then
    compadd -a options
  elif [[ -z $cmd ]]; then
    compadd -a commands
  elif [[ $cmd == mark && \${words[CURRENT-1]} == mark ]]; then
    compadd -- ${words(MARK_ACTIONS)}
  elif [[ $cmd == print || $cmd == mark ]]; then
    found=(\${(f)"$(signaldesk $dir list 2>/dev/null | cut -f2)"}); compadd -a found
  elif [[ $cmd == completion ]]; then
    compadd -- ${words(SHELLS)}
  fi
}
compdef _signaldesk signaldesk
`;
}

function fish(): string {
  const options = OPTION_NAMES.filter((o) => !["--dir", "--config", "--format", "--actor"].includes(o.name))
    .map((o) => `complete -c signaldesk -l ${o.name.slice(2)}${o.takesValue ? " -x" : ""}`)
    .join("\n");
  return `# signaldesk completion for fish: signaldesk completion fish | source
function __signaldesk_dir
  set -l tokens (commandline -opc)
  for i in (seq (count $tokens))
    if test "$tokens[$i]" = --dir; and test $i -lt (count $tokens)
      echo --dir; echo $tokens[(math $i + 1)]
    else if string match -q -- '--dir=*' $tokens[$i]
      echo $tokens[$i]
    end
  end
end
complete -c signaldesk -f
complete -c signaldesk -n __fish_use_subcommand -a "${words(COMMANDS)}"
complete -c signaldesk -n "__fish_seen_subcommand_from mark; and not __fish_seen_subcommand_from ${words(MARK_ACTIONS)}" -a "${words(MARK_ACTIONS)}"
complete -c signaldesk -n "__fish_seen_subcommand_from print ${words(MARK_ACTIONS)}" -a "(signaldesk (__signaldesk_dir) list 2>/dev/null | cut -f2)"
complete -c signaldesk -n "__fish_seen_subcommand_from completion" -a "${words(SHELLS)}"
complete -c signaldesk -l actor -x -a "(signaldesk (__signaldesk_dir) actors 2>/dev/null | cut -f1)"
complete -c signaldesk -l dir -x -a "(__fish_complete_directories)"
complete -c signaldesk -l config -r -F
complete -c signaldesk -l format -x -a "${words(PRINT_FORMATS)}"
complete -c signaldesk -s h -l help
complete -c signaldesk -s V -l version
${options}
`;
}

const SCRIPTS: Record<Shell, () => string> = { bash, zsh, fish };

export function completionCommand(ctx: CommandContext, shell: Shell): number {
  ctx.out.write(SCRIPTS[shell]());
  return EXIT.ok;
}
