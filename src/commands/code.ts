import { dialectOf } from '../render/csv-write.js';
import { join, resolve } from 'node:path';
import { terminalProgress } from '../util/progress.js';
import { colors } from '../render/color.js';
import { explainCodings, PLAIN_MARKER, type Marker } from '../render/explain-codings.js';
import { codingJson, codingsCsv, codingsCsvChunks, codingsCsvHead } from '../render/coding-rows.js';
import { summaryTable } from '../render/coding-summary.js';
import { LISTING_LINES } from '../i18n/listing.js';
import type { Lang } from '../model/codebook.js';
import { colorEnabled } from '../render/color.js';
import type { MergeMode } from '../model/study.js';
import { codedStudy, openedStudy, pipelineOptions } from './study.js';
import { displayPath } from '../util/display-path.js';
import { hasErrors } from '../util/diagnostics.js';
import { RowMaker } from '../render/coding-rows.js';
import type { CodingTally } from '../render/coding-tally.js';
import { codeStudyStreamed, type StreamedStudy } from '../pipeline/stream.js';
import { boundHeapGrowth } from '../pipeline/heap-growth.js';
import { AtomicFileWriter } from '../util/write-atomic.js';
import type { Progress } from '../util/progress.js';
import type { Coding } from '../model/coding.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CommandResult } from './result.js';
import { tagged } from '../render/json-kinds.js';

export interface CodeOptions {
  format?: 'table' | 'json' | 'csv';
  explain?: boolean;
  interviewer?: boolean;
  merge?: MergeMode;
  out?: string;
  jobs?: string;
  learn?: boolean;
  lang?: Lang;
}

/**
 * `qia code [study]`: auto-code, merge manual codings, write `<study>/out/codings.csv` (or
 * `--out DIR`), print a summary, the codings (json, csv) or, with --explain, why each was made.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as CodeOptions;
  const progress = terminalProgress('qia code', { quiet: Boolean(opts['quiet']) });
  if (o.format !== 'json' && o.format !== 'csv' && !o.explain) return summary(args, progress ? { ...o, progress } : o, opts);
  const { dir, bundled, analysis } = await codedStudy(args[0], progress ? { ...o, progress } : o);
  const maker = new RowMaker(analysis);
  // Rows are made as they are written or printed, not kept: one per coding of a large study.
  const rows = (): Iterable<ReturnType<typeof maker.row>> => maker.rows(analysis.codings);
  const diagnostics = [...analysis.diagnostics];

  // The bundled sample lives inside the installed package: write there only when asked to.
  if (o.out || !bundled) {
    const file = join(o.out ? resolve(o.out) : join(dir, 'out'), 'codings.csv');
    await writeFileAtomic(file, codingsCsvChunks(rows(), dialectOf(opts)));
  } else {
    diagnostics.push({
      severity: 'info',
      code: 'code/not-written',
      message: 'coding the bundled sample; codings.csv was not written',
      hint: 'give --out DIR to write it, or name a study folder',
    });
  }

  let stdout: string;
  if (o.format === 'json') {
    stdout = JSON.stringify(tagged('codings', { codings: analysis.codings.map((c) => codingJson(c, maker.row(c))) }), null, 2);
  } else if (o.format === 'csv') {
    stdout = codingsCsv(rows(), dialectOf(opts));
  } else {
    stdout = explainCodings(analysis.codings, maker, marker());
  }
  return { stdout, diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0, lang: o.lang ?? analysis.study.language };
}

/**
 * The summary (the default): codings.csv written as the sources are coded, file by file
 * (pipeline/stream.ts), and only the counts the table and the status line print kept.
 */
async function summary(args: string[], o: CodeOptions & { progress?: Progress }, opts: Record<string, unknown>): Promise<CommandResult> {
  // Before the study is opened: V8 sets a heap's next limit at each full collection, and the
  // first ones come while informants.csv and the sources' list are read (pipeline/heap-growth.ts).
  boundHeapGrowth();
  const { dir, bundled, opened } = await openedStudy(args[0], o);
  const dialect = dialectOf(opts);
  // The bundled sample lives inside the installed package: write there only when asked to.
  const file = o.out || !bundled ? join(o.out ? resolve(o.out) : join(dir, 'out'), 'codings.csv') : undefined;
  const writer = file ? new AtomicFileWriter(file) : undefined;
  let coded: StreamedStudy;
  try {
    writer?.write(codingsCsvHead(dialect));
    coded = await codeStudyStreamed(opened, pipelineOptions(o), dialect, writer ?? { write: () => undefined });
    writer?.commit();
  } catch (err) {
    writer?.abort();
    throw err;
  }
  const diagnostics = [...coded.diagnostics];
  if (!file)
    diagnostics.push({
      severity: 'info',
      code: 'code/not-written',
      message: 'coding the bundled sample; codings.csv was not written',
      hint: 'give --out DIR to write it, or name a study folder',
    });
  const lang = o.lang ?? opened.study.language;
  const lines = [summaryTable(opened.codebook, coded.tally.counts, lang), statusLine(coded.tally, coded.sources, coded.reviewRows, coded.mode, lang)];
  if (file) lines.push(LISTING_LINES.writtenTo(displayPath(file), lang));
  return { stdout: lines.join('\n'), diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0, lang };
}

/**
 * "212 codings in 140 segments of 15 sources: 180 automatic (150 not reviewed, 20 accepted,
 * 6 changed, 4 rejected), 32 manual; merge: manual-overrides-auto, 9 automatic codings replaced"
 */
function statusLine(t: CodingTally, sources: number, reviewRows: number, mode: MergeMode, lang: Lang): string {
  const by = (s: Coding['status']) => t.status.get(s) ?? 0;
  const manual = by('manual');
  const automatic = t.codings - manual;
  const replaced = t.replaced;
  const segs = t.segments;
  if (lang === 'id') {
    const STATUS = { accepted: 'diterima', changed: 'diubah', rejected: 'ditolak' } as const;
    const judged = (['accepted', 'changed', 'rejected'] as const).map((s) => (by(s) ? `, ${by(s)} ${STATUS[s]}` : '')).join('');
    return (
      `${t.codings} koding dalam ${segs} segmen dari ${sources} sumber: ${automatic} otomatis (${by('auto')} belum ditinjau${judged}), ${manual} manual; ` +
      `penggabungan: ${mode}${replaced ? `, ${replaced} koding otomatis digantikan koding manual (--explain menyebutkannya)` : ''}` +
      `${reviewRows ? `, ${reviewRows} baris review.csv` : ''}`
    );
  }
  const judged = (['accepted', 'changed', 'rejected'] as const).map((s) => (by(s) ? `, ${by(s)} ${s}` : '')).join('');
  return (
    `${t.codings} codings in ${segs} segments of ${sources} sources: ${automatic} automatic (${by('auto')} not reviewed${judged}), ${manual} manual; ` +
    `merge: ${mode}${replaced ? `, ${replaced} automatic coding${replaced === 1 ? '' : 's'} replaced by manual ones (--explain says which)` : ''}` +
    `${reviewRows ? `, ${reviewRows} review.csv row${reviewRows === 1 ? '' : 's'}` : ''}`
  );
}

function marker(): Marker {
  if (!colorEnabled()) return PLAIN_MARKER;
  const c = colors();
  return { match: (s) => c.bold.yellow(s), cue: (s) => c.cyan(s), dim: (s) => c.dim(s), bold: (s) => c.bold(s) };
}
