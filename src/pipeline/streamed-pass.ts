import { mergeCodings, sortCodings } from '../coding/merge.js';
import type { CountingPolicy } from '../model/analysis.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { Lookup } from '../util/lookup.js';
import type { MergeMode } from '../model/study.js';
import { codingsCsvRun, RowMaker } from '../render/coding-rows.js';
import { tallyCodings, type CodingTally } from '../render/coding-tally.js';
import type { CsvDialect } from '../render/csv-write.js';
import type { SourcePass } from './source-pass.js';

/**
 * A source's pass reduced, where it was made, to what `qia code` still needs of it once its
 * rows are written: its rows of codings.csv as text, its counts for the summary, and what is
 * said about the file. Only a source nobody names (no coder row, review row or decision, no
 * inline tag: not kept whole) is reduced so: its final codings are its automatic ones, as the
 * merge would leave them for a source no person coded, so they are final as soon as it is coded.
 */

export interface StreamSettings {
  dialect: CsvDialect;
  /** The merge mode of the run (a source nobody coded keeps its codings unless `manual-only`). */
  mode: MergeMode;
  counting: CountingPolicy;
}

export interface StreamedPass {
  streamed: true;
  info: { id: string; path: string };
  segmentCount: number;
  readDiagnostics: Diagnostic[];
  inlineDiagnostics: Diagnostic[];
  /** The source's rows of codings.csv, in the file's order. */
  rows: string;
  tally: CodingTally;
}

/** A pass reduced to a StreamedPass, or as it is when it was kept whole or could not be read. */
export function streamedPass(pass: SourcePass, stream: StreamSettings, informants: Lookup<Informant>): SourcePass | StreamedPass {
  if (pass.whole || !pass.info) return pass;
  // What coding/merge.ts does with a source no person coded, review row or decision judged.
  const codings = sortCodings(mergeCodings(pass.auto, pass.inline, stream.mode));
  const maker = new RowMaker({ sources: [pass.info], segments: pass.coded, informants });
  const tally = tallyCodings(codings, stream.counting, (c) => maker.roleOf(c));
  return {
    streamed: true,
    info: { id: pass.info.id, path: pass.info.path },
    segmentCount: pass.segmentCount,
    readDiagnostics: pass.readDiagnostics,
    inlineDiagnostics: pass.inlineDiagnostics,
    rows: codingsCsvRun(codings, maker, stream.dialect),
    tally,
  };
}

export function isStreamed(p: SourcePass | StreamedPass): p is StreamedPass {
  return (p as StreamedPass).streamed === true;
}
