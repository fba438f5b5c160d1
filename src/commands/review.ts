import type { DecisionAnchor } from '../model/decision.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Lang } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import { fingerprint } from '../coding/decision-log.js';
import { placeDecisions } from '../coding/decisions.js';
import { trimSpan } from '../coding/quote-context.js';
import { SegmentIndex } from '../coding/lookup.js';
import { colorEnabled } from '../render/color.js';
import { labels } from '../review/i18n.js';
import { interactiveProblem } from '../review/refuse.js';
import { codeChoices, codingLine, reviewItems, sameSource, type ReviewFilter } from '../review/from-study.js';
import { replayLog } from '../review/replay.js';
import type { DecisionDraft, ReviewItem } from '../review/types.js';
import type { LogLine } from '../review/disagreements.js';
import { LEARNED_CODER } from '../coding/learn.js';
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
  disagreements?: boolean;
  coders?: string;
  learn?: boolean;
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
  const study = await codedStudyWithTexts(args[0], { allowOutside: Boolean(o.allowOutside), ...(o.learn ? { learn: true } : {}) });
  if (study.bundled) {
    throw new QiaError(
      'review/bundled-sample',
      'qia review writes your decisions into the study folder, and the bundled sample is part of qia itself',
      {},
      'copy it first: `qia init my-study` for a new study, or copy samples/lapak-asik, then `qia review my-study`',
    );
  }
  const { opened, analysis, corpus, parts } = study;
  const coder = coderName(o.coder, opened.study);
  const lang = o.lang ?? analysis.study.language;
  const filter: ReviewFilter = {};
  if (o.code !== undefined) filter.code = o.code;
  if (o.source !== undefined) filter.source = o.source;
  if (o.informant !== undefined) filter.informant = o.informant;
  checkFilter(
    filter,
    analysis.codebook.codes.map((c) => c.id),
    corpus.sources,
  );
  if (o.disagreements) return adjudicate(study, o, coder, lang, filter);
  if (o.coders !== undefined) throw new QiaError('review/bad-option', '--coders goes with --disagreements: it names the coders whose disagreements to walk');

  // The coder's own log, each decision found again in the current text, applied to the proposals.
  const segments = new SegmentIndex(corpus.segments);
  const mine = opened.decisionLogs.filter((log) => log[0]?.coder === coder);
  const placed = placeDecisions(mine, segments, new Diagnostics()).map((d) => ({ ...d, anchor: { ...d.anchor, segment: d.segment.id } }));
  // With coding.learn (or --learn) the learned proposals are reviewed beside the rules' codings.
  const learned = analysis.codings.filter((c) => c.coder === LEARNED_CODER);
  const replayed = replayLog(reviewItems([...parts.auto, ...learned], corpus, analysis, filter), placed, coder);
  const items = o.onlyUnreviewed ? replayed.items.filter((it) => it.proposals.some((p) => p.status === 'auto')) : replayed.items;
  // --learn with no coding of a person's to learn from: said on the screen as it opens (a line
  // printed before would vanish under the full screen) and again on stderr once it has closed.
  const unlearned = analysis.diagnostics.filter((d) => d.code === 'code/nothing-to-learn');
  const after = unlearned.length > 0 ? { lang, diagnostics: unlearned } : {};
  if (items.length === 0)
    return { stdout: lang === 'id' ? 'Tidak ada koding otomatis yang perlu ditinjau di sini.' : 'No automatic codings to review here.', ...after };

  const log = new DecisionLogFile(opened.study.root, coder);
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  let record = async (d: DecisionDraft): Promise<number> => log.append({ ...withoutItem(d), anchor: anchorFor(d, segments, sources, parts.auto) });
  if (learned.length > 0) record = await learnedRecorder(learned, items, (line) => log.append(line), segments, sources, parts.auto);
  const { runReview } = await import('../review/run.js');
  const startAt = o.onlyUnreviewed ? 0 : Math.min(replayed.resumeAt, items.length - 1);
  const notice = unlearned.length > 0 ? { notice: labels(lang).nothingToLearn } : {};
  const result = await runReview({ items, codes: codeChoices(analysis, lang), coder, lang, startAt, record, color: colorEnabled(), ...notice });
  if (result.signal) process.exitCode = 128 + (result.signal === 'SIGINT' ? 2 : result.signal === 'SIGTERM' ? 15 : 1);
  const where = displayPath(log.path);
  return {
    stdout:
      lang === 'id'
        ? `${result.decided} keputusan tersimpan di ${where}. Jalankan \`qia run\` untuk memperbarui matriks dan laporan.`
        : `${result.decided} decision${result.decided === 1 ? '' : 's'} kept in ${where}. Run \`qia run\` to update the matrices and the report.`,
    ...after,
  };
}

/**
 * The log's accept, recode and valence judge the rules' codings only, and a learned proposal is
 * made afresh on every run (for the sources nobody has read), so a decision on one is written as
 * an adjudicator's decision on a code only persons gave is (AdjudicationRecorder): accepting it,
 * or setting its valence, `add`s the code as the reviewer's own; a change rejects it and adds the
 * new code; a rejection is a `reject`, which the next run applies to the learned proposal. The
 * rules' codings are written as always.
 */
async function learnedRecorder(
  learned: readonly Coding[],
  items: ReviewItem[],
  append: (line: LogLine) => number,
  segments: SegmentIndex,
  sources: Map<string, Source>,
  proposed: readonly Coding[],
): Promise<(d: DecisionDraft) => Promise<number>> {
  const adj = await import('../review/disagreements.js');
  const proposals = new Map(learned.map((c) => [adj.key(c.segmentId, c.code), { item: c.segmentId, code: c.code, disagreement: c.code }]));
  const anchor = (item: string, code: string | undefined, op: DecisionDraft['op']): DecisionAnchor =>
    anchorFor({ item, op, ...(code === undefined ? {} : { code }) }, segments, sources, proposed);
  const recorder = new adj.AdjudicationRecorder({ items, proposals, disagreements: [] }, append, anchor, items);
  return async (d) => recorder.record(d);
}

function withoutItem(d: DecisionDraft): Omit<DecisionDraft, 'item'> {
  const { item: _, ...rest } = d;
  return rest;
}

/**
 * What a decision keeps to be found again: the segment's fingerprint, and the words it is about
 * (the automatic coding's quote; for an addition, and for a memo, valence or removal of one, the
 * turn's words; nothing for an undo, which names its decision by number or for a skip).
 */
export function anchorFor(d: DecisionDraft, segments: SegmentIndex, sources: Map<string, Source>, proposed: readonly Coding[]): DecisionAnchor {
  const seg = segments.get(d.item) as Segment;
  const anchor: DecisionAnchor = { source: seg.sourceId, segment: seg.id, fingerprint: fingerprint(seg.text), line: seg.line };
  if (d.op === 'undo' || d.op === 'skip') return anchor;
  const coding = d.op === 'add' ? undefined : proposed.find((c) => c.segmentId === seg.id && c.code === d.code);
  if (coding) {
    const source = sources.get(seg.sourceId);
    if (source) anchor.line = codingLine(source, coding);
    anchor.quote = coding.quote;
    anchor.prefix = coding.prefix;
    anchor.suffix = coding.suffix;
    return anchor;
  }
  // The turn's words as the quote: when the turn's text changes (a caption cue by the same
  // speaker joins it, a typo is fixed elsewhere in it) the fingerprint fails and the quote finds it.
  const body = trimSpan(seg.text, { start: seg.body.start - seg.span.start, end: seg.body.end - seg.span.start });
  if (body.end > body.start) {
    anchor.quote = seg.text.slice(body.start, body.end);
    anchor.prefix = seg.text.slice(Math.max(0, body.start - 32), body.start);
    anchor.suffix = seg.text.slice(body.end, body.end + 32);
  }
  return anchor;
}

function checkFilter(filter: ReviewFilter, codes: readonly string[], sources: readonly Source[]): void {
  if (filter.code !== undefined && !codes.includes(filter.code)) {
    throw new QiaError(
      'review/unknown-code',
      `no code "${filter.code}" in the codebook`,
      {},
      didYouMean(filter.code, codes, 'see `qia codebook show` for the code ids'),
    );
  }
  const ref = filter.source;
  if (ref !== undefined && !sources.some((s) => sameSource(s, ref))) {
    throw new QiaError('review/unknown-source', `no source "${ref}" in this study`, {}, 'use a source id as `qia sources` lists it, or its path');
  }
}

export type { ReviewItem };

/**
 * `qia review --disagreements`: the loop on the segments where the coders disagree, the
 * adjudicator's decisions in their own log (docs/agreement.md, "Adjudication").
 */
async function adjudicate(
  study: Awaited<ReturnType<typeof codedStudyWithTexts>>,
  o: ReviewOptions,
  coder: string,
  lang: Lang,
  filter: ReviewFilter,
): Promise<CommandResult> {
  const { opened, analysis, corpus, parts } = study;
  const [{ agreementInput }, { studyAgreement }, { studyCoders }, adj] = await Promise.all([
    import('../conclude/agreement/section.js'),
    import('../conclude/agreement/study.js'),
    import('../conclude/agreement/study-coders.js'),
    import('../review/disagreements.js'),
  ]);
  const names = o.coders
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (names?.includes(coder)) {
    throw new QiaError(
      'review/adjudicator-is-coder',
      `${coder} is one of the coders compared, so cannot adjudicate their disagreements`,
      {},
      'adjudicate under a name of your own (--coder), so the agreement measured stays that of the independent codings',
    );
  }
  const input = agreementInput(opened, { analysis, parts, corpus });
  const options: Parameters<typeof studyAgreement>[1] = { unit: 'segment', bootstrap: false, adjudicator: coder };
  if (names) options.coders = names;
  if (filter.code !== undefined) options.codes = [filter.code];
  const agreement = studyAgreement(input, options);
  const compared = studyCoders(input).filter((c) => agreement.coders.some((x) => x.name === c.name));
  const found = adj.adjudicationItems({ agreement, coders: compared, corpus, analysis, auto: parts.auto, manual: parts.manual, filter, lang });
  const who = agreement.coders.map((c) => c.name).join(', ');
  if (found.items.length === 0) {
    return { stdout: lang === 'id' ? `Tidak ada ketidaksepakatan antara ${who} di sini.` : `No disagreements between ${who} here.` };
  }

  const segments = new SegmentIndex(corpus.segments);
  const mine = opened.decisionLogs.filter((log) => log[0]?.coder === coder);
  const placed = placeDecisions(mine, segments, new Diagnostics());
  const replayed = adj.replayAdjudication(found, placed, coder);
  const items = o.onlyUnreviewed ? replayed.items.filter((it) => it.proposals.some((p) => p.status === 'auto')) : replayed.items;
  if (items.length === 0)
    return { stdout: lang === 'id' ? 'Semua ketidaksepakatan di sini sudah Anda putuskan.' : 'You have decided every disagreement here.' };

  const log = new DecisionLogFile(opened.study.root, coder);
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const anchor = (item: string, code: string | undefined, op: string, person?: Coding): DecisionAnchor => {
    const seg = segments.get(item) as Segment;
    const auto =
      op === 'add' || op === 'undo' || op === 'remove' || code === undefined ? undefined : parts.auto.find((c) => c.segmentId === item && c.code === code);
    return adj.adjudicationAnchor(seg, sources.get(seg.sourceId), person ?? auto);
  };
  const recorder = new adj.AdjudicationRecorder(found, (line) => log.append(line), anchor, replayed.items);
  const { runReview } = await import('../review/run.js');
  const startAt = o.onlyUnreviewed ? 0 : Math.min(replayed.resumeAt, items.length - 1);
  const result = await runReview({
    items,
    codes: codeChoices(analysis, lang),
    coder,
    lang,
    startAt,
    record: async (d) => recorder.record(d),
    color: colorEnabled(),
  });
  if (result.signal) process.exitCode = 128 + (result.signal === 'SIGINT' ? 2 : result.signal === 'SIGTERM' ? 15 : 1);
  const where = displayPath(log.path);
  const { decided, total } = adj.adjudicatedCount(found, coder, recorder.decidedHere());
  return {
    stdout:
      lang === 'id'
        ? `${result.decided} keputusan tersimpan di ${where}. ${decided} dari ${total} ketidaksepakatan (segmen × kode) antara ${who} sudah Anda putuskan.`
        : `${result.decided} decision${result.decided === 1 ? '' : 's'} kept in ${where}. ${decided} of ${total} disagreements (segment × code) between ${who} have your decision.`,
  };
}
