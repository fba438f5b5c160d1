import type { Shell } from './shells.js';
import { commandPaths, type CompletionCommand, type CompletionOption } from './spec.js';

/**
 * Shell completion scripts for bash, zsh and fish, written from the completion spec (spec.ts).
 * bash and zsh share one shape: small lookup functions made of `case` tables (which command
 * has which subcommands, options, option values and argument values; no associative arrays,
 * so the bash 3.2 of macOS runs it) and one function that walks the words typed so far to
 * find the command and whether the cursor is on an option's value. fish gets its own
 * `complete` lines, each guarded by the command the words name.
 */

/** What an option whose value is free (a file, a name) answers instead of choices. */
const ANY_VALUE = '__file__';

/** A string as one single-quoted sh word. */
function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A description on one line and short: its first clause, as a menu shows it. */
function short(description: string): string {
  const line = description.replace(/\s+/g, ' ').trim();
  // The first clause: up to `; ` or `: ` (a list or an explanation follows), if that leaves a few words.
  const outside = (at: number) => line.slice(0, at).split('(').length === line.slice(0, at).split(')').length;
  const cut = [...line.matchAll(/; |: /g)].find((m) => m.index >= 20 && outside(m.index))?.index ?? -1;
  const first = (cut > 0 ? line.slice(0, cut) : line).trim();
  return first.length > 80 ? `${first.slice(0, 77).trimEnd()}…` : first;
}

function key(path: readonly string[]): string {
  return path.join(' ');
}

/** A `case "$1"` (or `"$1|$2"`) table; each arm prints its lines. */
function caseTable(name: string, subject: string, arms: { patterns: string[]; lines: string[] }[]): string {
  const body = arms
    .filter((a) => a.lines.length > 0)
    .map((a) => `    ${a.patterns.map(sq).join('|')}) printf '%s\\n' ${a.lines.map(sq).join(' ')} ;;`)
    .join('\n');
  return `${name}() {\n  case "${subject}" in\n${body}\n  esac\n}`;
}

/** The lookup functions bash and zsh share; `described` puts `:description` after each name (zsh's _describe). */
function tables(spec: CompletionCommand, described: boolean): string {
  const all = commandPaths(spec);
  const withText = (name: string, description: string) => (described ? `${name.replace(/:/g, '\\:')}:${short(description)}` : name);
  const optionLines = (options: readonly CompletionOption[]) => options.flatMap((o) => o.flags.map((f) => withText(f, o.description)));
  return [
    '# The subcommands of a command (the program itself is the empty name).',
    caseTable(
      '_qia_commands',
      '$1',
      all.map(({ path, command }) => ({ patterns: [key(path)], lines: command.commands.map((c) => withText(c.name, c.description)) })),
    ),
    '# The options of a command.',
    caseTable(
      '_qia_options',
      '$1',
      all.map(({ path, command }) => ({ patterns: [key(path)], lines: optionLines(command.options) })),
    ),
    `# The values of a command's option: its choices, ${ANY_VALUE} for a free value, nothing when it takes none.`,
    caseTable(
      '_qia_values',
      '$1|$2',
      all.flatMap(({ path, command }) =>
        command.options
          .filter((o) => o.takesValue)
          .map((o) => ({ patterns: o.flags.map((f) => `${key(path)}|${f}`), lines: o.choices.length ? o.choices : [ANY_VALUE] })),
      ),
    ),
    "# The values of a command's nth argument (from 0), when commander limits them.",
    caseTable(
      '_qia_args',
      '$1|$2',
      all.flatMap(({ path, command }) => command.args.map((a, i) => ({ patterns: [`${key(path)}|${i}`], lines: a.variadic ? [] : a.choices }))),
    ),
  ].join('\n');
}

function header(shell: Shell, version: string, install: string[]): string {
  return [
    `# ${shell} completion for qia ${version}, written by \`qia completion ${shell}\` from qia's own commands and options.`,
    ...install.map((l) => `# ${l}`),
    '',
  ].join('\n');
}

function bash(spec: CompletionCommand, version: string): string {
  return `${header('bash', version, ['For this shell:  source <(qia completion bash)', 'For good:        qia completion bash > ~/.local/share/bash-completion/completions/qia'])}
${tables(spec, false)}

_qia() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" npos=0 i w vals
  (( COMP_CWORD > 1 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # The command the words so far name, and how many of its arguments are typed.
  for (( i = 1; i < COMP_CWORD; i++ )); do
    w="\${COMP_WORDS[i]}"
    if [[ "$w" == -* ]]; then
      [[ "$w" != *=* && -n "$(_qia_values "$path" "$w")" ]] && (( i++ ))
      continue
    fi
    if (( npos == 0 )) && [[ " $(_qia_commands "$path" | tr '\\n' ' ') " == *" $w "* ]]; then
      path="\${path:+$path }$w"
    else
      (( npos++ ))
    fi
  done
  if [[ "$prev" == -* ]]; then
    vals="$(_qia_values "$path" "$prev")"
    if [[ "$vals" == ${ANY_VALUE} ]]; then COMPREPLY=(); return 0; fi
    if [[ -n "$vals" ]]; then COMPREPLY=( $(compgen -W "$vals" -- "$cur") ); return 0; fi
  fi
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$(_qia_options "$path")" -- "$cur") ); return 0; fi
  if (( npos == 0 )); then
    vals="$(_qia_commands "$path")"
    if [[ -n "$vals" ]]; then COMPREPLY=( $(compgen -W "$vals" -- "$cur") ); return 0; fi
  fi
  vals="$(_qia_args "$path" "$npos")"
  if [[ -n "$vals" ]]; then COMPREPLY=( $(compgen -W "$vals" -- "$cur") ); return 0; fi
  # A study folder or a file: readline's own file names (complete -o default).
  COMPREPLY=()
}
complete -o default -F _qia qia
`;
}

function zsh(spec: CompletionCommand, version: string): string {
  return `#compdef qia
${header('zsh', version, ['For good:        qia completion zsh > "${fpath[1]}/_qia"   (a folder in $fpath; then start a new shell)', 'For this shell:  source <(qia completion zsh)   (after compinit)'])}
${tables(spec, true)}

_qia() {
  local qpath="" npos=0 i w vals
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  local -a lines names
  # The command the words so far name, and how many of its arguments are typed.
  for (( i = 2; i < CURRENT; i++ )); do
    w="\${words[i]}"
    if [[ "$w" == -* ]]; then
      [[ "$w" != *=* && -n "$(_qia_values "$qpath" "$w")" ]] && (( i++ ))
      continue
    fi
    lines=( \${(f)"$(_qia_commands "$qpath")"} )
    names=( \${lines%%:*} )
    if (( npos == 0 && \${names[(Ie)$w]} )); then qpath="\${qpath:+$qpath }$w"; else (( npos++ )); fi
  done
  if [[ "$prev" == -* && CURRENT -gt 2 ]]; then
    vals="$(_qia_values "$qpath" "$prev")"
    if [[ "$vals" == ${ANY_VALUE} ]]; then _files; return; fi
    if [[ -n "$vals" ]]; then compadd -- \${(f)vals}; return; fi
  fi
  if [[ "$cur" == -* ]]; then
    lines=( \${(f)"$(_qia_options "$qpath")"} )
    _describe -t options option lines
    return
  fi
  if (( npos == 0 )); then
    lines=( \${(f)"$(_qia_commands "$qpath")"} )
    if (( \${#lines} )); then _describe -t commands command lines; return; fi
  fi
  vals="$(_qia_args "$qpath" "$npos")"
  if [[ -n "$vals" ]]; then compadd -- \${(f)vals}; return; fi
  _files
}

if [[ "\${funcstack[1]}" == _qia ]]; then
  _qia "$@"
else
  compdef _qia qia
fi
`;
}

/** A string as one single-quoted fish word (fish escapes \\ and ' inside single quotes). */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function fishOption(path: string[], o: CompletionOption): string {
  const parts = ['complete -c qia', `-n ${fq(`__qia_is ${fq(key(path))}`)}`];
  for (const f of o.flags) parts.push(f.startsWith('--') ? `-l ${fq(f.slice(2))}` : `-s ${fq(f.slice(1))}`);
  if (o.takesValue && o.choices.length) parts.push('-x', `-a ${fq(o.choices.join(' '))}`);
  else if (o.takesValue) parts.push('-r', '-F');
  parts.push(`-d ${fq(short(o.description))}`);
  return parts.join(' ');
}

function fish(spec: CompletionCommand, version: string): string {
  const all = commandPaths(spec);
  const lines: string[] = [];
  for (const { path, command } of all) {
    const when = `-n ${fq(`__qia_is ${fq(key(path))}`)}`;
    for (const c of command.commands) lines.push(`complete -c qia ${when} -f -a ${fq(c.name)} -d ${fq(short(c.description))}`);
    for (const o of command.options) lines.push(fishOption(path, o));
    const first = command.args[0];
    if (first && first.choices.length && !first.variadic) lines.push(`complete -c qia ${when} -f -a ${fq(first.choices.join(' '))} -d ${fq(first.name)}`);
  }
  const paths = all.filter(({ path }) => path.length > 0).map(({ path }) => fq(key(path)));
  return `${header('fish', version, ['For good:        qia completion fish > ~/.config/fish/completions/qia.fish', 'For this shell:  qia completion fish | source'])}
# Every command path qia has, to tell a command's name from an argument.
set -g __qia_paths ${paths.join(' ')}

# The command the words typed so far name: '' for qia itself, 'matrix', 'codebook check'.
function __qia_path
    set -l path ''
    for w in (commandline -opc)[2..-1]
        string match -q -- '-*' $w; and continue
        set -l next (string trim -- "$path $w")
        if contains -- $next $__qia_paths
            set path $next
        else
            break
        end
    end
    echo $path
end

function __qia_is
    set -l p (__qia_path)
    test "$p" = "$argv[1]"
end

complete -c qia -e
complete -c qia -n ${fq("__qia_is ''")} -f
${lines.join('\n')}
`;
}

/** The completion script of `shell` for the program `spec` describes. */
export function completionScript(shell: Shell, spec: CompletionCommand, version: string): string {
  return shell === 'bash' ? bash(spec, version) : shell === 'zsh' ? zsh(spec, version) : fish(spec, version);
}
