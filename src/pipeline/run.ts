import { codingSetting } from '../study/coding-setting.js';
import { stat } from 'node:fs/promises';
import type { Progress } from '../util/progress.js';
import { availableParallelism } from 'node:os';
import { DEFAULT_MIN_SCORE } from '../index/counted.js';
import { join } from 'node:path';
import { SegmentIndex, SourceIndex } from '../coding/lookup.js';
import { resolveManualRows } from '../coding/manual.js';
import { mergeCodings, sortCodings } from '../coding/merge.js';
import { learnCodings } from '../coding/learn.js';
import { rejectLearned, rejectsOfNoRuleCoding } from '../coding/learned-decisions.js';
import { checkReview, type ReviewDecision } from '../coding/review-file.js';
import { applyDecisions, placeDecisions } from '../coding/decisions.js';
import type { Analysis, CountingPolicy } from '../model/analysis.js';
import type { Codebook, Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { CodedSegment, Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { MergeMode } from '../model/study.js';
import { claimId, plan, sourceIdOf, type Planned } from '../sources/read.js';
import { mergeModeOf } from '../study/codebook.js';
import type { OpenedStudy } from '../study/open.js';
import { Diagnostics } from '../util/diagnostics.js';
import { PassCache } from '../cache/pass.js';
import { SharedPeople, sharedPeopleData } from './shared-people.js';
import { compactPass } from './compact.js';
import type { PassSettings, SourcePass } from './source-pass.js';
import { keptWhole, refKeys } from './source-keys.js';
import { runInWorkers, workersAvailable } from './workers.js';
import { streamedPass, type StreamedPass } from './streamed-pass.js';

/**
 * The pipeline every study command runs, once: each source is read, segmented and auto-coded on
 * its own and its text let go, so memory grows with the codings, not with the sources; then the
 * coders' codings and the review decisions are placed in the sources they name (kept whole for
 * that), and everything is merged. Large studies are spread over worker threads; the results
 * are merged in file order, so the output does not depend on the number of threads.
 */

export interface PipelineOptions {
  /** Overrides study.yaml `coding.merge`. */
  merge?: MergeMode;
  /** Also code interviewer turns. */
  interviewer?: boolean;
  /** Threads for reading and coding; undefined: one per core on large studies, else 1. */
  jobs?: number;
  /**
   * Learn from the researcher (coding/learn.ts): propose codes for the segments nobody has read,
   * from the ones a person coded or judged. Undefined: study.yaml `coding.learn`.
   */
  learn?: boolean;
  /** Told of each file read and coded (a terminal's progress line). */
  progress?: Progress;
}

/** Every source read and segmented, with its text: for the commands that show or search the texts. */
export interface Corpus {
  sources: Source[];
  segments: Segment[];
}

export interface CodingParts {
  /** The automatic codings as the codebook proposed them, before any decision. */
  auto: Coding[];
  /** Every person's coding: coder files, inline tags, decision logs' additions. */
  manual: Coding[];
  review: ReviewDecision[];
  mode: MergeMode;
  /**
   * Every segment of the sources kept whole: those the coder files, the review file and the
   * decision logs name, and those with inline tags (every source with `texts`). What inter-coder
   * agreement compares a study's coders on, uncoded segments included.
   */
  segments: Segment[];
}

export interface CodedStudy {
  analysis: Analysis;
  parts: CodingParts;
}

/** Below this many bytes of sources, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2_000_000;

/** The study coded and merged; with `texts`, every source's text and segments too. */
export async function codeStudy(opened: OpenedStudy, options: PipelineOptions & { texts: true }): Promise<CodedStudy & { corpus: Corpus }>;
export async function codeStudy(opened: OpenedStudy, options?: PipelineOptions): Promise<CodedStudy>;
export async function codeStudy(opened: OpenedStudy, options: PipelineOptions & { texts?: boolean } = {}): Promise<CodedStudy & { corpus?: Corpus }> {
  const { study, codebook } = opened;
  const learn = options.learn ?? codingSetting(study.settings, 'learn') === true;
  const settings = passSettings(opened, options, (options.texts ?? false) || learn);
  const read = await passAll(opened, settings, options.jobs, options.progress);
  const passes = read.passes as SourcePass[];
  const { codings, parts, diagnostics } = mergeStage(opened, passes, read, { ...options, learn });
  const analysis: Analysis = {
    study,
    informants: opened.informants,
    sources: passes.map((p) => p.info!),
    segments: segmentsHolding(codings, passes),
    segmentCount: passes.reduce((n, p) => n + p.segmentCount, 0),
    speakers: new Map(passes.filter((p) => p.speakers.length > 0).map((p) => [p.info!.id, p.speakers])),
    codebook,
    codings,
    counting: countingPolicy(opened),
    diagnostics,
  };
  const out: CodedStudy & { corpus?: Corpus } = { analysis, parts };
  if (options.texts) out.corpus = corpusOf(passes);
  return out;
}

/** What every file's pass is told: `keepAll` keeps every source whole (texts wanted, or learning). */
export function passSettings(opened: OpenedStudy, options: Pick<PipelineOptions, 'interviewer'>, keepAll: boolean): PassSettings {
  const codes = new Set(opened.codebook.codes.map((c) => c.id));
  return {
    study: opened.study,
    informants: opened.informants,
    codes,
    interviewer: options.interviewer ?? false,
    keep: namedSources(opened),
    keepAll,
    code: true,
  };
}

/**
 * The coders' codings and the review decisions placed in the sources kept whole, the decision
 * logs applied, and everything merged, sorted, and (with `learn`) the learned proposals added.
 * `passes`: every accepted source's pass, or (in a streamed run) those kept whole: a source
 * nobody names takes no part in any of this but for its automatic codings, which the merge keeps
 * as they are (streamed-pass.ts).
 */
export function mergeStage(
  opened: OpenedStudy,
  passes: readonly SourcePass[],
  read: Pick<ReadPasses, 'diagnostics' | 'inlineDiagnostics'>,
  options: Pick<PipelineOptions, 'merge'> & { learn: boolean },
): { codings: Coding[]; parts: CodingParts; diagnostics: Diagnostic[] } {
  const { study, codebook, coderFiles, review } = opened;
  const codes = new Set(codebook.codes.map((c) => c.id));
  // Manual codings and review decisions only reach whole sources, so only their segments are indexed.
  const wholeSegments = passes.flatMap((p) => p.whole?.segments ?? []);
  const segIndex = new SegmentIndex(wholeSegments);
  const placed = new Diagnostics();
  const ctx = { sources: new SourceIndex(passes.flatMap((p) => (p.whole ? [p.whole.source] : []))), segments: segIndex, codes };
  const fromCsv = coderFiles.flatMap((f) => resolveManualRows(f.rows, ctx, placed));
  const decisions = review.map((d) => ({ ...d }));
  checkReview(decisions, segIndex, codes, placed);
  // The coders' decision logs: each decision found again in the current text, then applied.
  const proposed = passes.flatMap((p) => p.auto);
  const placedDecisions = placeDecisions(opened.decisionLogs, segIndex, placed);
  // With learning on, a rejection naming no rule coding may be of a learned proposal, made below.
  const onLearned = options.learn ? new Set(rejectsOfNoRuleCoding(placedDecisions, proposed)) : new Set<(typeof placedDecisions)[number]>();
  const judged = applyDecisions(
    proposed,
    placedDecisions.filter((d) => !onLearned.has(d)),
    codes,
    placed,
  );
  const manual = [...passes.flatMap((p) => p.inline), ...fromCsv, ...judged.added];

  const diags = new Diagnostics();
  for (const part of [opened.diagnostics, read.diagnostics, placed.items, read.inlineDiagnostics]) for (const d of part) diags.add(d);
  const mode = mergeModeOf(study, options.merge, diags);
  let codings = sortCodings(mergeCodings(judged.auto, manual, mode, decisions, diags));
  if (options.learn) {
    const all = passes.flatMap((p) => p.whole?.segments ?? []);
    const learned = learnCodings(all, codings, proposed, codebook.languages);
    if (learned.trained === 0)
      diags.warn(
        'code/nothing-to-learn',
        'coding.learn: no segment has a coding a person made or judged, so there is nothing to learn from',
        {},
        'code or review some segments first (qia review, qia tag, a coder CSV)',
      );
    else
      diags.info(
        'code/learned',
        `learned from ${learned.trained} segments a person coded or judged (codes: ${learned.codes.join(', ')}): ${learned.proposals.length} codings proposed for segments nobody has read, coder "learned"`,
      );
    codings = sortCodings([...codings, ...rejectLearned(learned.proposals, [...onLearned], diags)]);
  }
  return { codings, parts: { auto: proposed, manual, review: decisions, mode, segments: wholeSegments }, diagnostics: diags.items };
}

/**
 * Every source read and segmented, not coded: what `qia sources` and `qia kwic` show. Its
 * diagnostics are those of reading the sources (the opened study has its own).
 */
export async function readCorpus(opened: OpenedStudy, options: Pick<PipelineOptions, 'jobs'> = {}): Promise<Corpus & { diagnostics: Diagnostic[] }> {
  const settings: PassSettings = {
    study: opened.study,
    informants: opened.informants,
    codes: new Set(opened.codebook.codes.map((c) => c.id)),
    interviewer: false,
    keep: new Set(),
    keepAll: true,
    code: false,
  };
  const read = await passAll(opened, settings, options.jobs);
  return { ...corpusOf(read.passes as SourcePass[]), diagnostics: read.diagnostics };
}

export interface ReadPasses {
  /** The passes of the sources that were read and kept their id, sorted by source id. */
  passes: (SourcePass | StreamedPass)[];
  /** Planning and reading problems, in file order. */
  diagnostics: Diagnostic[];
  inlineDiagnostics: Diagnostic[];
}

/**
 * Plan the files, pass each (here, in workers or from the cache), keep the first of each id.
 * Files are passed in the order of the output (outputOrder); `onPass` is told of each pass as
 * it comes, with its index in `planned` (a streamed run writes its rows as soon as it can).
 */
export async function passAll(
  opened: OpenedStudy,
  settings: PassSettings,
  jobsWanted: number | undefined,
  progress?: Progress,
  onPass?: (i: number, pass: SourcePass | StreamedPass, planned: readonly Planned[]) => void,
): Promise<ReadPasses> {
  const readDiags = new Diagnostics();
  const planned = await plan(opened.study, readDiags);
  const small = (await plannedBytes(opened.study.root, planned, PARALLEL_MIN_BYTES)) <= PARALLEL_MIN_BYTES;
  const jobs = jobsWanted ?? (small ? 1 : defaultJobs(planned));
  // The per-file cache is for small studies, whose runs are start-up: on a large corpus it
  // would double the disk a study takes and make the benchmarks measure the cache.
  const cache = small ? passCache(settings, opened) : undefined;
  // Sizes only when someone is watching: a stat per file is cheap, but not free on 10,000 files.
  const sizes = progress ? await fileSizes(opened.study.root, planned) : undefined;
  progress?.start(planned.length, sizes ? sizes.reduce((a, b) => a + b, 0) : 0);
  const onDone = sizes && progress ? (i: number) => progress.done(sizes[i] ?? 0) : undefined;
  const passes = new Array<SourcePass | StreamedPass>(planned.length);
  const deliver = (i: number, pass: SourcePass | StreamedPass) => {
    passes[i] = pass;
    onDone?.(i);
    onPass?.(i, pass, planned);
  };
  const order = outputOrder(planned);
  try {
    if (jobs > 1 && planned.length > 1 && workersAvailable())
      await runInWorkers(settings, { ...opened.codebookSource, parsed: opened.codebook }, planned, order, jobs, deliver);
    else await runHere(settings, planned, order, opened.codebook, cache, deliver);
  } finally {
    progress?.end();
  }
  const ids = new Map<string, string>();
  const accepted: (SourcePass | StreamedPass)[] = [];
  const inline = new Diagnostics();
  for (const p of passes) {
    // A file left out for taking another's id is that one error; what its words lack goes unsaid.
    const clash = p.info !== undefined && ids.has(p.info.id);
    for (const d of p.readDiagnostics) if (!(clash && d.code === 'source/no-informant')) readDiags.add(d);
    if (p.info && claimId(ids, p.info, opened.study.root, readDiags)) accepted.push(p);
  }
  // Files were read in path order; everything downstream lists sources (and their segments) by id.
  accepted.sort((a, b) => byId(a.info!, b.info!));
  for (const p of accepted) for (const d of p.inlineDiagnostics) inline.add(d);
  return { passes: accepted, diagnostics: readDiags.items, inlineDiagnostics: inline.items };
}

/**
 * The order files are passed in: the order of codings.csv, by source id (a file's id is its path
 * without extension, sourceIdOf), then by path, so that of two files with one id the one kept
 * (the first by path, claimId) comes first. `planned` is sorted by path.
 */
export function outputOrder(planned: readonly Planned[]): number[] {
  const ids = planned.map((p) => sourceIdOf(p.rel));
  return planned.map((_, i) => i).sort((a, b) => byId({ id: ids[a]! }, { id: ids[b]! }) || a - b);
}

/** How codings are counted (study.yaml `coding.count`, `verdicts.require_review`, `coding.min_score`). */
export function countingPolicy(opened: OpenedStudy): CountingPolicy {
  return {
    perEvidence: codingSetting(opened.study.settings, 'count') !== 'coder',
    requireReview: opened.verdicts.requireReview,
    minScore: minScoreSetting(opened.study),
  };
}

/** `coding.min_score` (load.ts checked it is a number in [0, 1]), else the default. */
function minScoreSetting(study: OpenedStudy['study']): number {
  const v = codingSetting(study.settings, 'min_score');
  return typeof v === 'number' ? v : DEFAULT_MIN_SCORE;
}

/** The sources the coders' files, the review file and the decision logs name: those are kept whole. */
function namedSources(opened: OpenedStudy): Set<string> {
  const keep = new Set<string>();
  for (const f of opened.coderFiles) {
    for (const r of f.rows) {
      if (r.source) for (const k of refKeys(r.source)) keep.add(k);
      if (r.segment) for (const k of refKeys(r.segment.slice(0, r.segment.lastIndexOf(':')))) keep.add(k);
    }
  }
  for (const d of opened.review) keep.add(d.segment.slice(0, d.segment.lastIndexOf(':')));
  for (const log of opened.decisionLogs) for (const d of log) keep.add(d.anchor.source);
  return keep;
}

/** The segments that hold one of the final codings, in source and text order. */
export function segmentsHolding(codings: readonly Coding[], passes: readonly SourcePass[]): CodedSegment[] {
  const held = new Set<string>();
  for (const c of codings) held.add(c.segmentId);
  const out: CodedSegment[] = [];
  for (const p of passes) {
    if (p.whole) {
      for (const { sentences: _, ...s } of p.whole.segments) if (held.has(s.id)) out.push(s);
    } else for (const s of p.coded) if (held.has(s.id)) out.push(s);
  }
  return out;
}

function corpusOf(passes: readonly SourcePass[]): Corpus {
  return { sources: passes.map((p) => p.whole!.source), segments: passes.flatMap((p) => p.whole!.segments) };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The size of each planned file (0 when it cannot be read: its pass says why). */
async function fileSizes(root: string, planned: readonly Planned[]): Promise<number[]> {
  const { stat } = await import('node:fs/promises');
  return Promise.all(
    planned.map((p) =>
      stat(join(root, p.rel)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
}

/** The bytes of the planned files, counted until they pass `limit`. */
async function plannedBytes(root: string, planned: readonly Planned[], limit: number): Promise<number> {
  let bytes = 0;
  for (const p of planned) {
    try {
      bytes += (await stat(join(root, p.rel))).size;
    } catch {
      // An unreadable file is reported when it is read.
    }
    if (bytes > limit) break;
  }
  return bytes;
}

/** One thread per core on a study large enough to repay the workers' start-up. */
function defaultJobs(planned: readonly Planned[]): number {
  const cores = availableParallelism();
  return cores < 2 || planned.length < 2 ? 1 : cores;
}

/**
 * In this thread, a few files read ahead while one is coded; results in file order. The
 * codebook is compiled when the first file needs coding, which with the cache may be never.
 */
async function runHere(
  settings: PassSettings,
  planned: readonly Planned[],
  order: readonly number[],
  codebook: Codebook,
  cache: PassCache<SourcePass> | undefined,
  deliver: (i: number, pass: SourcePass | StreamedPass) => void,
): Promise<void> {
  // The table the workers share (shared-people.ts), here too: a few buffers in place of three
  // Maps of every informant, which with one informant per transcript grew with the corpus.
  const byInformant = new SharedPeople(sharedPeopleData(settings.informants));
  const informants = byInformant.byExactId;
  let matcher: Matcher | undefined;
  // The readers, the segmenter and the coder are loaded with the first file that needs them.
  const make = (p: Planned) => async (bytes?: Uint8Array) => {
    const [{ passSource }, { compileShared }] = await Promise.all([import('./source-pass.js'), import('../match/compile.js')]);
    if (settings.code) matcher ??= compileShared(codebook);
    return passSource(settings, matcher, p, byInformant, bytes);
  };
  let next = 0;
  const lane = async () => {
    while (next < order.length) {
      const i = order[next++]!;
      const p = planned[i]!;
      const pass = cache ? await cachedPass(cache, settings, p, make(p)) : await make(p)();
      deliver(i, settings.stream ? streamedPass(pass, settings.stream, informants) : compactPass(pass));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, planned.length) }, lane));
}

/** The pass cache of a small study: every pass depends on the study, its informants, codebook and options. */
function passCache(settings: PassSettings, opened: OpenedStudy): PassCache<SourcePass> | undefined {
  const { study, informants, interviewer, code } = settings;
  return PassCache.open<SourcePass>(study.root, [study, informants, opened.codebook, interviewer, code]);
}

/**
 * A file's pass from the cache. One slot per kind of pass: coded or only read (`qia sources`),
 * kept whole (for manual codings) or not, interviewer turns coded or not, so running one command
 * after another does not throw the other's entry away. A file that could not be read is not
 * kept: the next run should try it again.
 */
function cachedPass(
  cache: PassCache<SourcePass>,
  settings: PassSettings,
  planned: Planned,
  make: (bytes?: Uint8Array) => Promise<SourcePass>,
): Promise<SourcePass> {
  const whole = keptWhole(settings, { id: sourceIdOf(planned.rel), path: planned.rel });
  const slot = `${settings.code ? 'c' : '-'}${whole ? 'w' : '-'}${settings.interviewer ? 'i' : '-'}`;
  return cache.pass(planned.rel, slot, [planned, whole], make, (p) => p.info !== undefined, isPass);
}

function isPass(v: unknown): v is SourcePass {
  return typeof v === 'object' && v !== null && Array.isArray((v as SourcePass).auto) && Array.isArray((v as SourcePass).coded);
}
