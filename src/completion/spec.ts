import type { Command, Option } from 'commander';

/**
 * What a shell needs to complete `qia`, read from the commander program itself (its commands,
 * options, choices and arguments), so the completion scripts cannot drift from the CLI: a new
 * command, option or choice is in the next `qia completion` without anyone editing a list.
 */
export interface CompletionOption {
  /** `--type` and `-t`: every spelling of the option. */
  flags: string[];
  description: string;
  /** Whether the option takes a value (`--type <type>`); its value is then not a command or argument. */
  takesValue: boolean;
  /** The values commander accepts (`.choices()`); none: any value, completed as a file name. */
  choices: string[];
}

export interface CompletionArgument {
  name: string;
  /** The values commander accepts, e.g. `qia export <format>`'s qdc and qdpx; none: a file name. */
  choices: string[];
  variadic: boolean;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  args: CompletionArgument[];
  commands: CompletionCommand[];
}

function optionSpec(o: Option): CompletionOption {
  return {
    flags: [o.long, o.short].filter((f): f is string => typeof f === 'string'),
    description: o.description,
    takesValue: o.required || o.optional,
    choices: [...(o.argChoices ?? [])],
  };
}

/**
 * The completion spec of `cmd` and its subcommands. `inherited` are the options of the commands
 * above it that are valid after its name too (qia's --verbose, --quiet, --no-color, read with
 * optsWithGlobals); commander's help and version options come from its own Help, as `--help` shows them.
 */
export function completionSpec(cmd: Command, inherited: readonly CompletionOption[] = []): CompletionCommand {
  const help = cmd.createHelp();
  const own = help.visibleOptions(cmd).map(optionSpec);
  const seen = new Set(own.flatMap((o) => o.flags));
  const options = [...own, ...inherited.filter((o) => !o.flags.some((f) => seen.has(f)))];
  // What a subcommand inherits: this command's options but its help and version, which each command has or has not itself.
  const passed = options.filter((o) => !o.flags.includes('--help') && !o.flags.includes('--version'));
  return {
    name: cmd.name(),
    description: cmd.description(),
    options,
    args: help.visibleArguments(cmd).map((a) => ({ name: a.name(), choices: [...(a.argChoices ?? [])], variadic: a.variadic })),
    commands: help
      .visibleCommands(cmd)
      .map((sub) => (sub.name() === 'help' && sub.commands.length === 0 && !cmd.commands.includes(sub) ? helpCommand(sub, cmd) : completionSpec(sub, passed))),
  };
}

/** Commander's own `help [command]`: its argument is one of the commands beside it. */
function helpCommand(sub: Command, parent: Command): CompletionCommand {
  return {
    name: 'help',
    description: sub.description(),
    options: [],
    args: [{ name: 'command', choices: parent.commands.map((c) => c.name()), variadic: false }],
    commands: [],
  };
}

/** Every command with the words that lead to it (`['codebook', 'check']`), the program first with `[]`. */
export function commandPaths(spec: CompletionCommand, path: string[] = []): { path: string[]; command: CompletionCommand }[] {
  return [{ path, command: spec }, ...spec.commands.flatMap((c) => commandPaths(c, [...path, c.name]))];
}
