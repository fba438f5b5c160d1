import { dialectOf, type CsvDialect } from '../render/csv-write.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { terminalProgress } from '../util/progress.js';
import { colors } from '../render/color.js';
import { codingsCsvChunks, RowMaker } from '../render/coding-rows.js';
import type { Coding } from '../model/coding.js';
import type { Lang } from '../model/codebook.js';
import type { Conclusion } from '../model/conclusion.js';
import type { Matrix } from '../model/matrix.js';
import { stableJson } from '../util/stable-json.js';
import { buildDisplay, DISPLAY_TYPES, type DisplayType } from '../display/index.js';
import { renderMatrix } from '../render/index.js';
import { assembleReport, type Assembled } from '../report/assemble.js';
import { renderReport } from '../render/report.js';
import { verdictLabel } from '../i18n/report.js';
import { valenceMarks } from '../i18n/labels.js';
import { displayPath } from '../util/display-path.js';
import { hasErrors } from '../util/diagnostics.js';
import { StagedFolder } from '../util/staged-folder.js';
import { codedStudy } from './study.js';
import type { Analysis } from '../model/analysis.js';
import type { CommandResult } from './result.js';
import type { OpenedStudy } from '../study/open.js';
import { tagged } from '../render/json-kinds.js';

export interface RunOptions {
  out?: string;
  lang?: Lang;
  jobs?: string;
  excel?: boolean;
}

/**
 * `qia run [study] [--out DIR] [--lang id|en]`: the whole pipeline into one folder, written into
 * a staging folder and swapped in whole (src/util/staged-folder.ts), so a failure or a kill
 * part-way never leaves a half-written file or a mix of old and new outputs.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  // Several studies, one glob the shell left alone (`qia run 'studies/*'`), or a compare.yaml.
  const one = args[0];
  if (
    args.length > 1 ||
    (one !== undefined && ((isDynamicPattern(one) && !existsSync(one)) || (/\.ya?ml$/i.test(one) && !/(^|[\\/])study\.ya?ml$/i.test(one))))
  ) {
    // Several studies: each one's out/ and their comparison (src/commands/compare.ts).
    const { runSeveral } = await import('./compare.js');
    return runSeveral(args, opts);
  }
  return (await runStudy(args[0], opts as RunOptions, Boolean(opts['quiet']))).result;
}

/**
 * One study's `qia run`: its out/ written, the result to print, and what a comparison needs of
 * it (the opened study and the assembled report), which the caller lets go when done.
 */
export async function runStudy(
  arg: string | undefined,
  o: RunOptions & { allowOutside?: boolean },
  quiet = true,
): Promise<{ result: CommandResult; opened: OpenedStudy; assembled: Assembled; outDir: string }> {
  // A progress line for a study run alone on a terminal; a batch (qia compare, qia run a b) has its own.
  const progress = quiet ? undefined : terminalProgress('qia run', { quiet: false });
  const { dir, bundled, opened, ...coded } = await codedStudy(arg, progress ? { ...o, progress } : o);
  // The bundled sample lives inside the installed package, which may be read-only: its
  // outputs go to ./out in the current folder unless --out says otherwise.
  const outDir = o.out ? resolve(o.out) : bundled ? resolve('out') : join(dir, 'out');
  const staged = new StagedFolder(outDir);
  try {
    await staged.open();
    // codings.csv first and in chunks, as `qia code` writes it: the rows are made and let go
    // while the heap is small, instead of a hundred megabytes of text waiting for the report.
    await staged.write('codings.csv', codingsCsvChunks(rowsOf(coded.analysis.codings, new RowMaker(coded.analysis)), dialectOf(o as Record<string, unknown>)));
    const assembled = assembleReport(opened, coded, o.lang ? { lang: o.lang } : {});
    for (const [name, text] of reportFiles(coded.analysis, assembled, dialectOf(o as Record<string, unknown>))) await staged.write(name, text);
    const names = await staged.commit();
    const { report } = assembled;
    const diagnostics = [...coded.analysis.diagnostics, ...opened.verdictDiagnostics, ...opened.memoDiagnostics];
    const result: CommandResult = {
      stdout: summary(report.study.title, dir, outDir, names, report.conclusions, report.lang, report.labels),
      diagnostics,
      exitCode: hasErrors(diagnostics) ? 1 : 0,
      lang: report.lang,
    };
    return { result, opened, assembled, outDir };
  } finally {
    await staged.discard();
  }
}

/** The files of `qia run` besides codings.csv: each display in md and csv, the report in three forms, the audit. */
export function* reportFiles(analysis: Analysis, assembled: Assembled, csv: CsvDialect = {}): Iterable<[string, string]> {
  const { index, report, audit } = assembled;
  const built = new Map<DisplayType, Matrix>(report.displays.map((d) => [d.type, d.matrix]));
  for (const type of DISPLAY_TYPES) {
    const m = built.get(type) ?? buildDisplay(type, analysis, { lang: report.lang, index });
    yield [`matrix-${type}.md`, renderMatrix('md', m)];
    yield [`matrix-${type}.csv`, renderMatrix('csv', m, { csv })];
  }
  yield ['report.md', renderReport('md', report)];
  yield ['report.html', renderReport('html', report)];
  yield ['report.json', renderReport('json', report)];
  yield ['audit.json', stableJson(tagged('audit', audit))];
}

/** The rows of codings.csv, made one at a time as the file is written. */
function* rowsOf(codings: readonly Coding[], maker: RowMaker) {
  for (const c of codings) yield maker.row(c);
}

function summary(title: string, dir: string, outDir: string, names: string[], conclusions: Conclusion[], lang: Lang, labels: Record<string, string>): string {
  const c = colors();
  const paint = (v: Conclusion['verdict'], s: string) =>
    v === 'favourable' ? c.green(s) : v === 'unfavourable' || v === 'found' ? c.red(s) : v === 'mixed' ? c.yellow(s) : c.dim(s);
  const top = conclusions.filter((x) => x.depth === 0);
  const width = Math.max(...top.map((x) => (labels[x.code] ?? x.code).length), 10);
  const vwidth = Math.max(...top.map((x) => verdictLabel(x.verdict, lang).length), 8);
  const lines = [c.bold(title), `${displayPath(dir)}`, ''];
  for (const x of top) {
    const name = (labels[x.code] ?? x.code).padEnd(width);
    const verdict = verdictLabel(x.verdict, lang).padEnd(vwidth);
    lines.push(`  ${name}  ${paint(x.verdict, verdict)}  ${valenceMarks(x.counts) || '0'}`);
  }
  lines.push('');
  lines.push(`${lang === 'id' ? 'Ditulis ke' : 'Written to'} ${displayPath(outDir)}/: ${names.join(', ')}`);
  return lines.join('\n');
}
