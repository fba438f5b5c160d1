import { dialectOf } from '../render/csv-write.js';
import type { Lang } from '../model/codebook.js';
import type { Matrix } from '../model/matrix.js';
import { colorEnabled, colors } from '../render/color.js';
import { indexAnalysis } from '../index/analysis-index.js';
import { buildDisplay, DISPLAY_TYPES, evidenceMatrix, findCell, type DisplayType } from '../display/index.js';
import { renderMatrix, type MatrixFormat, type RenderOptions } from '../render/index.js';
import { renderCsvLong } from '../render/csv.js';
import { QiaError } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { codedStudy } from './study.js';
import type { CommandResult } from './result.js';

export interface MatrixOptions {
  type?: DisplayType;
  format?: MatrixFormat;
  cell?: string;
  lang?: Lang;
  by?: 'role' | 'group';
  period?: 'day' | 'month' | 'year';
  out?: string;
  long?: boolean;
}

function describe(m: Matrix): string {
  return `rows: ${m.rows.map((r) => r.id).join(', ') || '(none)'}; columns: ${m.columns.map((c) => c.id).join(', ')}`;
}

/** `--cell row,column`: split at the first comma; each side is an id or a label. */
export function parseCellArg(arg: string): [string, string] {
  const comma = arg.indexOf(',');
  if (comma <= 0 || comma === arg.length - 1) {
    throw new QiaError('matrix/bad-cell', `--cell expects <row>,<column>, got "${arg}"`, {}, 'for example: --cell staff,complexity');
  }
  return [arg.slice(0, comma), arg.slice(comma + 1)];
}

/** `qia matrix [study] --type T`: one display, or with --cell the codings behind one cell. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as MatrixOptions;
  const type = o.type ?? 'role';
  if (!DISPLAY_TYPES.includes(type))
    throw new QiaError('matrix/unknown-type', `unknown display type "${type}"`, {}, `choose one of ${DISPLAY_TYPES.join(', ')}`);
  const cellArg = o.cell ? parseCellArg(o.cell) : undefined;
  const { analysis } = await codedStudy(args[0], { allowOutside: Boolean(opts['allowOutside']) });
  const index = indexAnalysis(analysis);
  const lang = o.lang ?? analysis.study.language;
  const displayOpts: Parameters<typeof buildDisplay>[2] = { lang, index };
  if (o.by) displayOpts.by = o.by;
  if (o.period) displayOpts.period = o.period;
  let m = buildDisplay(type, analysis, displayOpts);
  if (cellArg) {
    const cell = findCell(m, cellArg[0], cellArg[1]);
    if (!cell) {
      throw new QiaError('matrix/unknown-cell', `the ${type} matrix has no cell "${cellArg[0]},${cellArg[1]}"`, {}, describe(m));
    }
    m = evidenceMatrix(analysis, m, cell, { index });
  }
  const format = o.format ?? 'table';
  const renderOpts: RenderOptions = { width: process.stdout.columns || 100, csv: dialectOf(opts) };
  if (format === 'table' && colorEnabled()) {
    const c = colors();
    renderOpts.paint = { positive: (s) => c.green(s), negative: (s) => c.red(s) };
  }
  if (o.long && format !== 'csv') throw new QiaError('matrix/long-needs-csv', '--long is a form of the CSV output', {}, 'add --format csv');
  const text = o.long ? renderCsvLong(m, dialectOf(opts)) : renderMatrix(format, m, renderOpts);
  const diagnostics = [...analysis.diagnostics];
  if (index.dangling.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'matrix/dangling-coding',
      message: `${index.dangling.length} coding(s) name a segment the study does not have (first: ${index.dangling[0]!.segmentId}); they are left out`,
      hint: 'check the segment ids in codings/*.csv, or give a quote so the coding can be re-anchored',
    });
  }
  // `-o -` is standard output, as everywhere in qia.
  if (o.out && o.out !== '-') {
    await writeFileAtomic(o.out, text);
    return { diagnostics, lang };
  }
  return { stdout: text, diagnostics, lang };
}
