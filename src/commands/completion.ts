import { buildProgram } from '../cli.js';
import { completionScript } from '../completion/scripts.js';
import type { Shell } from '../completion/shells.js';
import { completionSpec } from '../completion/spec.js';
import { toolVersion } from '../study/resolve.js';
import type { CommandResult } from './result.js';

/**
 * `qia completion bash|zsh|fish`: the completion script, from the very program that parses the
 * command line (a program built only to be read, its actions never run), so it names every
 * command, option and choice qia has today.
 */
export async function run(args: string[], _opts: Record<string, unknown>): Promise<CommandResult> {
  const shell = args[0] as Shell;
  const program = buildProgram(async () => {});
  return { stdout: completionScript(shell, completionSpec(program), toolVersion()) };
}
