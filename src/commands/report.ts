import { resolve } from 'node:path';
import type { Lang } from '../model/codebook.js';
import { assembleReport } from '../report/assemble.js';
import { codedStudy } from './study.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../render/report.js';
import { displayPath } from '../util/display-path.js';
import { hasErrors, QiaError } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CommandResult } from './result.js';

export interface ReportOptions {
  format?: ReportFormat;
  lang?: Lang;
  out?: string;
}

/** `qia report [study] --format md|html|json --lang id|en [-o file]`: the report alone. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as ReportOptions;
  const format = o.format ?? 'md';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new QiaError('report/unknown-format', `unknown report format "${String(format)}"`, {}, `choose one of ${REPORT_FORMATS.join(', ')}`);
  const { opened, ...coded } = await codedStudy(args[0], { allowOutside: Boolean(opts['allowOutside']) });
  const { report } = assembleReport(opened, coded, o.lang ? { lang: o.lang } : {});
  const text = renderReport(format, report);
  const diagnostics = [...coded.analysis.diagnostics, ...opened.verdictDiagnostics, ...opened.memoDiagnostics];
  const exitCode = hasErrors(diagnostics) ? 1 : 0;
  if (o.out && o.out !== '-') {
    const file = resolve(o.out);
    await writeFileAtomic(file, text);
    return { stdout: `written to ${displayPath(file)}`, diagnostics, exitCode, lang: report.lang };
  }
  return { stdout: text, diagnostics, exitCode, lang: report.lang };
}
