import Table from 'cli-table3';
import type { CommandResult } from './result.js';
import type { Lang } from '../model/codebook.js';
import { loadCodebook } from '../study/codebook.js';
import { pick } from '../render/codebook.js';
import { hasErrors } from '../util/diagnostics.js';
import { colors } from '../render/color.js';

/** `qia codebook show [file] --lang id|en`: the codes as a readable table. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const file = args[0] ?? 'builtin:rogers';
  const lang = (opts['lang'] === 'en' ? 'en' : 'id') as Lang;
  const { codebook, diagnostics } = await loadCodebook(file);
  if (!codebook) return { diagnostics, exitCode: 1 };
  const c = colors();
  const head = lang === 'id' ? ['kode', 'kelompok', 'label', 'aturan'] : ['code', 'group', 'label', 'rules'];
  // No rule between rows: a codebook of 40 codes should fit a screen, as the other listings do.
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const code of codebook.codes) {
    const depth = code.id.split('.').length - 1;
    table.push(['  '.repeat(depth) + code.id, code.group, pick(code.label, lang), String(code.rules?.length ?? 0)]);
  }
  return { stdout: table.toString(), diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0 };
}
