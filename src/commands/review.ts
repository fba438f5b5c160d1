import type { DecisionAnchor } from '../model/decision.js';
import type { Lang } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import { fingerprint } from '../coding/decision-log.js';
import { placeDecisions } from '../coding/decisions.js';
import { SegmentIndex } from '../coding/lookup.js';
import { colorEnabled } from '../render/color.js';
import { interactiveProblem } from '../review/refuse.js';
import { codeChoices, codingLine, reviewItems, sameSource, type ReviewFilter } from '../review/from-study.js';
import { replayLog } from '../review/replay.js';
import type { DecisionDraft, ReviewItem } from '../review/types.js';
import { coderName } from '../study/coder.js';
import { DecisionLogFile } from '../study/decision-log-file.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';
import type { CommandResult } from './result.js';
import { codedStudyWithTexts } from './study.js';

export interface ReviewOptions {
  allowOutside?: boolean;
  code?: string;
  source?: string;
  informant?: string;
  onlyUnreviewed?: boolean;
  coder?: string;
  lang?: Lang;
}

/**
 * `qia review [study]`: the automatic codings, one segment at a time, in a full-screen loop
 * (src/review/run.ts); every decision is appended to the coder's log at once. Refuses before
 * reading anything when stdin or stdout is not a terminal (exit 2), so it never waits in a pipe.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const problem = interactiveProblem({ input: process.stdin, output: process.stdout });
  if (problem !== undefined) throw new QiaError('review/not-a-terminal', problem);
  const o = opts as ReviewOptions;
  const study = await codedStudyWithTexts(args[0], { allowOutside: Boolean(o.allowOutside) });
  if (study.bundled) {
    throw new QiaError('review/bundled-sample', 'qia review writes your decisions into the study folder, and the bundled sample is part of qia itself', {}, 'copy it first: `qia init my-study` for a new study, or copy samples/lapak-asik, then `qia review my-study`');
  }
  const { opened, analysis, corpus, parts } = study;
  const coder = coderName(o.coder, opened.study);
  const lang = o.lang ?? analysis.study.language;
  const filter: ReviewFilter = {};
  if (o.code !== undefined) filter.code = o.code;
  if (o.source !== undefined) filter.source = o.source;
  if (o.informant !== undefined) filter.informant = o.informant;
  checkFilter(filter, analysis.codebook.codes.map((c) => c.id), corpus.sources);

  // The coder's own log, each decision found again in the current text, applied to the proposals.
  const segments = new SegmentIndex(corpus.segments);
  const mine = opened.decisionLogs.filter((log) => log[0]?.coder === coder);
  const placed = placeDecisions(mine, segments, new Diagnostics()).map((d) => ({ ...d, anchor: { ...d.anchor, segment: d.segment.id } }));
  const replayed = replayLog(reviewItems(parts.auto, corpus, analysis, filter), placed, coder);
  const items = o.onlyUnreviewed ? replayed.items.filter((it) => it.proposals.some((p) => p.status === 'auto')) : replayed.items;
  if (items.length === 0) return { stdout: lang === 'id' ? 'Tidak ada koding otomatis yang perlu ditinjau di sini.' : 'No automatic codings to review here.' };

  const log = new DecisionLogFile(opened.study.root, coder);
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const record = async (d: DecisionDraft): Promise<number> => log.append({ ...withoutItem(d), anchor: anchorFor(d, segments, sources, parts.auto) });
  const { runReview } = await import('../review/run.js');
  const startAt = o.onlyUnreviewed ? 0 : Math.min(replayed.resumeAt, items.length - 1);
  const result = await runReview({ items, codes: codeChoices(analysis, lang), coder, lang, startAt, record, color: colorEnabled() });
  if (result.signal) process.exitCode = 128 + (result.signal === 'SIGINT' ? 2 : result.signal === 'SIGTERM' ? 15 : 1);
  const where = displayPath(log.path);
  return {
    stdout:
      lang === 'id'
        ? `${result.decided} keputusan tersimpan di ${where}. Jalankan \`qia run\` untuk memperbarui matriks dan laporan.`
        : `${result.decided} decision${result.decided === 1 ? '' : 's'} kept in ${where}. Run \`qia run\` to update the matrices and the report.`,
  };
}

function withoutItem(d: DecisionDraft): Omit<DecisionDraft, 'item'> {
  const { item: _, ...rest } = d;
  return rest;
}

/**
 * What a decision keeps to be found again: the segment's fingerprint, and the words it is about
 * (the automatic coding's quote; nothing for an addition to the whole turn, nor for an undo,
 * which names its decision by number).
 */
function anchorFor(d: DecisionDraft, segments: SegmentIndex, sources: Map<string, Source>, proposed: readonly Coding[]): DecisionAnchor {
  const seg = segments.get(d.item) as Segment;
  const anchor: DecisionAnchor = { source: seg.sourceId, segment: seg.id, fingerprint: fingerprint(seg.text), line: seg.line };
  const coding = d.op === 'add' || d.op === 'undo' ? undefined : proposed.find((c) => c.segmentId === seg.id && c.code === d.code);
  if (coding) {
    const source = sources.get(seg.sourceId);
    if (source) anchor.line = codingLine(source, coding);
    anchor.quote = coding.quote;
    anchor.prefix = coding.prefix;
    anchor.suffix = coding.suffix;
  }
  return anchor;
}

function checkFilter(filter: ReviewFilter, codes: readonly string[], sources: readonly Source[]): void {
  if (filter.code !== undefined && !codes.includes(filter.code)) {
    throw new QiaError('review/unknown-code', `no code "${filter.code}" in the codebook`, {}, 'see `qia codebook show` for the code ids');
  }
  const ref = filter.source;
  if (ref !== undefined && !sources.some((s) => sameSource(s, ref))) {
    throw new QiaError('review/unknown-source', `no source "${ref}" in this study`, {}, 'use a source id as `qia sources` lists it, or its path');
  }
}

export type { ReviewItem };
