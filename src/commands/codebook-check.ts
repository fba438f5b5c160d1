import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { STDIN_NAME, STDIO } from '../util/stdio.js';
import type { CommandResult } from './result.js';
import { loadCodebook } from '../study/codebook.js';
import { compileCodebook } from '../match/compile.js';
import { hasErrors } from '../util/diagnostics.js';
import { codebookCheckLine } from '../i18n/commands.js';
import { LANGS, type Lang } from '../model/codebook.js';

/** `qia codebook check [file]`: every problem with its line and column; exit 1 on errors. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const file = args[0] ?? 'builtin:rogers';
  const lang = (opts['lang'] as Lang | undefined) ?? studyLanguage(file);
  const { codebook, diagnostics } = await loadCodebook(file);
  const failed = hasErrors(diagnostics);
  if (!codebook) return { diagnostics, exitCode: 1, lang };
  // Compiling proves the matcher can be built from what loaded.
  compileCodebook(codebook);
  const rules = codebook.codes.reduce((n, c) => n + (c.rules?.length ?? 0), 0);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    stdout: codebookCheckLine(file === STDIO ? STDIN_NAME : file, { failed, codes: codebook.codes.length, rules, errors, warnings }, lang),
    diagnostics,
    exitCode: failed ? 1 : 0,
    lang,
  };
}

/**
 * The language of the study a codebook belongs to: the study.yaml beside the file or in the
 * folder above it (a study's codebook.yaml, or one in its codebooks/), or, for the built-in
 * codebook and standard input, the current folder's. English outside a study.
 */
function studyLanguage(file: string): Lang {
  const own = file === STDIO || file.startsWith('builtin:') ? [process.cwd()] : [dirname(resolve(file)), dirname(dirname(resolve(file)))];
  for (const dir of own) {
    const yaml = join(dir, 'study.yaml');
    if (!existsSync(yaml)) continue;
    try {
      const language = (parse(readFileSync(yaml, 'utf8')) as { language?: unknown } | null)?.language;
      // As study.yaml is read (study/load.ts): Indonesian unless it says en.
      return (LANGS as readonly unknown[]).includes(language) ? (language as Lang) : 'id';
    } catch {
      // study.yaml's own problems are for the study commands to report; here it only chooses a language.
      return 'en';
    }
  }
  return 'en';
}
