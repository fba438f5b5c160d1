import { STDIN_NAME, STDIO } from '../util/stdio.js';
import type { CommandResult } from './result.js';
import { loadCodebook } from '../study/codebook.js';
import { compileCodebook } from '../match/compile.js';
import { hasErrors } from '../util/diagnostics.js';

/** `qia codebook check [file]`: every problem with its line and column; exit 1 on errors. */
export async function run(args: string[], _opts: Record<string, unknown>): Promise<CommandResult> {
  const file = args[0] ?? 'builtin:rogers';
  const { codebook, diagnostics } = await loadCodebook(file);
  const failed = hasErrors(diagnostics);
  if (!codebook) return { diagnostics, exitCode: 1 };
  // Compiling proves the matcher can be built from what loaded.
  compileCodebook(codebook);
  const rules = codebook.codes.reduce((n, c) => n + (c.rules?.length ?? 0), 0);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const verdict = failed ? 'has errors' : 'ok';
  return {
    stdout: `${file === STDIO ? STDIN_NAME : file}: ${verdict}: ${count(codebook.codes.length, 'code')}, ${count(rules, 'rule')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
    diagnostics,
    exitCode: failed ? 1 : 0,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
