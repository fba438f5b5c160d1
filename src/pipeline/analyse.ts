import { join } from 'node:path';
import { autoCode } from '../coding/auto.js';
import { questionContextEnabled } from '../coding/question-context.js';
import { inlineCodings } from '../coding/inline.js';
import { SegmentIndex, SourceIndex } from '../coding/lookup.js';
import { readManualCodings } from '../coding/manual.js';
import { mergeCodings, sortCodings } from '../coding/merge.js';
import { checkReview, readReview, type ReviewDecision } from '../coding/review-file.js';
import { compileCodebook } from '../match/compile.js';
import type { Analysis } from '../model/analysis.js';
import type { Codebook, Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { MergeMode, Study } from '../model/study.js';
import { displayPath } from '../util/display-path.js';
import type { OpenedStudy } from '../study/open.js';
import { Diagnostics } from '../util/diagnostics.js';
import { checkedCodebook, mergeModeOf } from '../study/codebook.js';

/**
 * The pipeline every later command starts from: open the study (read + segment), load and
 * compile its codebook, code automatically, read manual codings (coders' CSV files and inline
 * tags, re-anchored), apply the review file, merge. Each stage is exported on its own so the
 * benchmark can time them separately.
 */

export interface AnalyseOptions {
  /** Overrides study.yaml `coding.merge`. */
  merge?: MergeMode;
  /** Also code interviewer turns. */
  interviewer?: boolean;
}

export interface CodingParts {
  auto: Coding[];
  manual: Coding[];
  review: ReviewDecision[];
  mode: MergeMode;
}

export { checkedCodebook, mergeModeOf } from '../study/codebook.js';

/** The study's codebook, loaded and compiled; a codebook with errors stops the run. */
export async function loadMatcher(study: Study, diags: Diagnostics): Promise<{ codebook: Codebook; matcher: Matcher }> {
  const codebook = await checkedCodebook(study, diags);
  return { codebook, matcher: compileCodebook(codebook) };
}

/** Automatic codings of every codable segment. */
export function autoStage(opened: Pick<OpenedStudy, 'sources' | 'segments'> & { study?: Study }, matcher: Matcher, options: AnalyseOptions = {}): Coding[] {
  const texts = new Map(opened.sources.map((s) => [s.id, s.text]));
  const questionContext = opened.study ? questionContextEnabled(opened.study.settings) : true;
  return autoCode(opened.segments, matcher, { interviewer: options.interviewer ?? false, sourceText: (id) => texts.get(id), questionContext });
}

/** Manual codings (CSV files in codings/ and inline tags) placed in the current text, and the review decisions. */
export async function manualStage(opened: OpenedStudy, codebook: Codebook, diags: Diagnostics): Promise<{ manual: Coding[]; review: ReviewDecision[] }> {
  const root = opened.study.root;
  const codes = new Set(codebook.codes.map((c) => c.id));
  const segments = new SegmentIndex(opened.segments);
  const ctx = { sources: new SourceIndex(opened.sources), segments, codes };
  const fromCsv = await readManualCodings(root, ctx, diags, (abs) => displayPath(abs));
  const fromTags = inlineCodings(opened.sources, segments, codes, diags, (s) => displayPath(join(root, s.path)));
  const review = await readReview(root, diags, (abs) => displayPath(abs));
  checkReview(review, segments, codes, diags);
  return { manual: [...fromTags, ...fromCsv], review };
}

/** Everything up to the merge, with the parts kept apart (for `qia code` and the benchmark). */
export async function codeStudy(opened: OpenedStudy, options: AnalyseOptions = {}): Promise<{ analysis: Analysis; parts: CodingParts }> {
  const diags = new Diagnostics();
  for (const d of opened.diagnostics) diags.add(d);
  const { codebook, matcher } = await loadMatcher(opened.study, diags);
  const auto = autoStage(opened, matcher, options);
  const { manual, review } = await manualStage(opened, codebook, diags);
  const mode = mergeModeOf(opened.study, options.merge, diags);
  const codings = sortCodings(mergeCodings(auto, manual, mode, review, diags));
  const analysis: Analysis = {
    study: opened.study,
    informants: opened.informants,
    sources: opened.sources,
    segments: opened.segments,
    codebook,
    codings,
    diagnostics: diags.items,
  };
  return { analysis, parts: { auto, manual, review, mode } };
}

/**
 * The study in `dir`, read, segmented, coded and merged, with everything kept in memory; large
 * studies are read and coded on worker threads like `qia code`. Every later command starts here.
 */
export async function analyseStudy(dir: string, options: AnalyseOptions & { jobs?: number } = {}): Promise<Analysis> {
  return (await analyseStudyParts(dir, options)).analysis;
}

/** analyseStudy with the parts of the merge kept apart (for the report's audit trail). */
export async function analyseStudyParts(dir: string, options: AnalyseOptions & { jobs?: number } = {}): Promise<{ analysis: Analysis; parts: CodingParts }> {
  const { streamStudy } = await import('./stream.js');
  const { analysis, parts } = await streamStudy(dir, { ...options, keepAll: true });
  return { analysis, parts };
}
