import { codingSetting } from '../study/coding-setting.js';
import { codingsCsvRun, informantsById, RowMaker } from '../render/coding-rows.js';
import { tallyCodings, type CodingTally } from '../render/coding-tally.js';
import type { CsvDialect } from '../render/csv-write.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { MergeMode } from '../model/study.js';
import { mergeModeOf } from '../study/codebook.js';
import type { OpenedStudy } from '../study/open.js';
import { Diagnostics } from '../util/diagnostics.js';
import { countingPolicy, mergeStage, passAll, passSettings, segmentsHolding, type PipelineOptions } from './run.js';
import type { SourcePass } from './source-pass.js';
import { isStreamed, type StreamSettings } from './streamed-pass.js';
import { OrderedRows, type RowSink } from './ordered-rows.js';
import { boundHeapGrowth } from './heap-growth.js';

/**
 * `qia code` without keeping the codings: each source's rows of codings.csv are written as soon
 * as it and every source before it in the file's order (by source id) are coded, and only its
 * counts are kept. Files are coded in that order, so the few that finish early wait in memory
 * for the ones before them (about as many as the threads have in hand).
 *
 * Sources kept whole (named by a coder file, review.csv or a decision log, or with inline tags)
 * are merged as before, once every file is read, and their rows written then. Rows of sources
 * after the first of them wait in a temporary file (spool.ts), not in memory. The bytes are those
 * codeStudy and codingsCsvChunks give: the same rows in the same order (test/pipeline/streamed-rows.test.ts).
 */

export interface StreamedStudy {
  /** Every coding counted as the summary and the status line need it. */
  tally: CodingTally;
  /** Sources read (each id once). */
  sources: number;
  diagnostics: Diagnostic[];
  mode: MergeMode;
  /** Rows of review.csv. */
  reviewRows: number;
}

export type { RowSink } from './ordered-rows.js';

export async function codeStudyStreamed(opened: OpenedStudy, options: PipelineOptions, dialect: CsvDialect, sink: RowSink): Promise<StreamedStudy> {
  const { study } = opened;
  // What this run keeps alive is nearly flat; without this its heaps grow with the corpus anyway (heap-growth.ts).
  boundHeapGrowth();
  const learn = options.learn ?? codingSetting(study.settings, 'learn') === true;
  // The mode is needed before any file is coded; its warning, if any, is given in its place by mergeStage.
  const mode = mergeModeOf(study, options.merge, new Diagnostics());
  const counting = countingPolicy(opened);
  const stream: StreamSettings = { dialect, mode, counting };
  const settings = { ...passSettings(opened, options, learn), stream };
  const rows = new OrderedRows(sink);
  try {
    const read = await passAll(opened, settings, options.jobs, options.progress, (i, pass, planned) => rows.take(i, pass, planned));
    const whole = read.passes.filter((p): p is SourcePass => !isStreamed(p));
    const merged = mergeStage(opened, whole, read, { merge: options.merge, learn });
    const bySource = groupBySource(merged.codings);
    const maker = new RowMaker({
      sources: whole.map((p) => p.info!),
      segments: segmentsHolding(merged.codings, whole),
      // Rows of sources kept whole only: without any, no map of every informant is made.
      informants: whole.length > 0 ? informantsById(opened.informants) : new Map<string, Informant>(),
    });
    rows.finish((id) => {
      const codings = bySource.get(id) ?? [];
      bySource.delete(id);
      return { rows: codingsCsvRun(codings, maker, dialect), tally: tallyCodings(codings, counting, (c) => maker.roleOf(c)) };
    });
    // Every coding belongs to a source read; one that did not would be a row lost.
    if (bySource.size > 0) throw new Error(`codings of sources that were not read: ${[...bySource.keys()].join(', ')}`);
    return { tally: rows.tally, sources: read.passes.length, diagnostics: merged.diagnostics, mode: merged.parts.mode, reviewRows: merged.parts.review.length };
  } finally {
    rows.close();
  }
}

function groupBySource(codings: readonly Coding[]): Map<string, Coding[]> {
  const m = new Map<string, Coding[]>();
  for (const c of codings) {
    let list = m.get(c.sourceId);
    if (!list) m.set(c.sourceId, (list = []));
    list.push(c);
  }
  return m;
}
