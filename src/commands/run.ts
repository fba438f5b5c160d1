import { join, resolve } from 'node:path';
import { colors } from '../cli/color.js';
import { codingsCsvPieces, type RowMaker } from '../code/rows.js';
import type { Coding } from '../model/coding.js';
import type { Lang } from '../model/codebook.js';
import type { Conclusion } from '../model/conclusion.js';
import type { Matrix } from '../model/matrix.js';
import { stableJson } from '../conclude/audit.js';
import { buildDisplay, DISPLAY_TYPES, type DisplayType } from '../display/index.js';
import { renderMatrix } from '../render/index.js';
import { prepareReport } from '../report/prepare.js';
import { renderReport } from '../report/index.js';
import { verdictLabel } from '../report/i18n.js';
import { valenceMarks } from '../display/labels.js';
import { displayPath } from '../study/display-path.js';
import { resolveStudyDir } from '../study/resolve.js';
import { hasErrors } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { jobsOption } from './code.js';
import type { CommandResult } from './result.js';

export interface RunOptions {
  out?: string;
  lang?: Lang;
  jobs?: string;
}

/**
 * `qia run [study] [--out DIR] [--lang id|en]`: the whole pipeline into one folder. Every file
 * is rendered in memory first and only then written (each atomically), so a failure part-way
 * never leaves a mix of old and new outputs.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as RunOptions;
  const { dir, bundled } = resolveStudyDir(args[0]);
  // The bundled sample lives inside the installed package, which may be read-only: its
  // outputs go to ./out in the current folder unless --out says otherwise.
  const outDir = o.out ? resolve(o.out) : bundled ? resolve('out') : join(dir, 'out');
  const jobs = jobsOption(o.jobs);
  const prepared = await prepareReport(dir, { ...(o.lang ? { lang: o.lang } : {}), ...(jobs !== undefined ? { jobs } : {}) });
  const { analysis, index, report, audit } = prepared;

  const files = new Map<string, string | string[]>();
  files.set('codings.csv', [...codingsCsvPieces(rowsOf(analysis.codings, prepared.rows))]);
  const built = new Map<DisplayType, Matrix>(report.displays.map((d) => [d.type, d.matrix]));
  for (const type of DISPLAY_TYPES) {
    const m = built.get(type) ?? buildDisplay(type, analysis, { lang: report.lang, index });
    files.set(`matrix-${type}.md`, renderMatrix('md', m));
    files.set(`matrix-${type}.csv`, renderMatrix('csv', m));
  }
  files.set('report.md', renderReport('md', report));
  files.set('report.html', renderReport('html', report));
  files.set('report.json', renderReport('json', report));
  files.set('audit.json', stableJson(audit));

  const names = [...files.keys()].sort();
  for (const name of names) await writeFileAtomic(join(outDir, name), files.get(name)!);

  const diagnostics = [...prepared.diagnostics];
  return { stdout: summary(report.study.title, dir, outDir, names, report.conclusions, report.lang, report.labels), diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0 };
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
