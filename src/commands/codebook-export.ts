import { dialectOf } from '../render/csv-write.js';
import { resolve } from 'node:path';
import type { CommandResult } from './result.js';
import type { Lang } from '../model/codebook.js';
import { loadCodebook } from '../study/codebook.js';
import { codebookToCsv, codebookToJson, codebookToMarkdown } from '../render/codebook.js';
import { hasErrors } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/write-atomic.js';

/** `qia codebook export [file] --format md|csv|json --lang id|en [-o file]`. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const file = args[0] ?? 'builtin:rogers';
  const lang = (opts['lang'] === 'en' ? 'en' : 'id') as Lang;
  const format = typeof opts['format'] === 'string' ? opts['format'] : 'md';
  const { codebook, diagnostics } = await loadCodebook(file);
  // Never export a codebook with errors: the appendix would silently miss codes or rules.
  if (!codebook || hasErrors(diagnostics)) return { diagnostics, exitCode: 1 };
  const text =
    format === 'csv' ? codebookToCsv(codebook, lang, dialectOf(opts)) : format === 'json' ? codebookToJson(codebook, lang) : codebookToMarkdown(codebook, lang);
  const out = typeof opts['out'] === 'string' ? opts['out'] : undefined;
  if (out && out !== '-') {
    await writeFileAtomic(resolve(out), text);
    return { diagnostics };
  }
  return { stdout: text, diagnostics };
}
