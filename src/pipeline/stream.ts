import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SegmentIndex, SourceIndex } from '../coding/lookup.js';
import { readCoderFiles, resolveManualRows } from '../coding/manual.js';
import { mergeCodings, sortCodings } from '../coding/merge.js';
import { checkReview, readReview } from '../coding/review-file.js';
import { RowMaker } from '../render/coding-rows.js';
import type { Analysis } from '../model/analysis.js';
import type { Coding } from '../model/coding.js';
import type { Informant } from '../model/informant.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import { claimId, plan, type Planned } from '../sources/read.js';
import { displayPath } from '../util/display-path.js';
import { loadStudyOrThrow } from '../study/open.js';
import { Diagnostics } from '../util/diagnostics.js';
import { lineColAt } from '../util/lines.js';
import type { AnalyseOptions, CodingParts } from './analyse.js';
import { checkedCodebook, mergeModeOf } from '../study/codebook.js';
import type { PassSettings, SourcePass } from './source-pass.js';
import { refKeys } from './source-keys.js';
import { informantMap } from './informant-map.js';
import { runInWorkers, workersAvailable } from './workers.js';
import { PassCache } from '../cache/pass.js';
import type { Codebook, Matcher } from '../model/codebook.js';

/**
 * `qia code` without holding the corpus: every source is read, segmented and auto-coded on its
 * own and its text let go, so memory grows with the codings, not with the sources. Manual
 * codings are read first; the sources they (or the review file) name are the only ones kept
 * whole, so re-anchoring sees their current text exactly as the in-memory pipeline does.
 * Large studies are spread over worker threads; the results are merged in file order, so the
 * output does not depend on the number of threads.
 */

export interface StreamOptions extends AnalyseOptions {
  /** Threads for reading and coding; undefined: one per core on large studies, else 1. */
  jobs?: number;
  /** Keep every source whole (for commands that need the texts after coding). */
  keepAll?: boolean;
  /** Keep the coded segments' text (see PassSettings.codedText). */
  codedText?: boolean;
}

/** Below this many bytes of sources, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2_000_000;

export interface StreamedStudy {
  analysis: Analysis;
  parts: CodingParts;
  rows: RowMaker;
  /** Line starts of the sources whose text was let go (see SourcePass.lines). */
  lines: ReadonlyMap<string, number[]>;
  /**
   * Every source's segments, counted and summed, and who speaks in each source: what the
   * report needs of the segments `analysis.segments` no longer holds (it keeps the coded ones).
   */
  segmentCount: number;
  speakers: ReadonlyMap<string, readonly string[]>;
}

export async function streamStudy(dir: string, options: StreamOptions = {}): Promise<StreamedStudy> {
  const { study, informants, diagnostics: studyDiags } = await loadStudyOrThrow(dir);
  const diags = new Diagnostics();
  for (const d of studyDiags) diags.add(d);
  const readDiags = new Diagnostics();
  const codebookDiags = new Diagnostics();
  const codebook = await checkedCodebook(study, codebookDiags);
  const codes = new Set(codebook.codes.map((c) => c.id));

  // Coders' files and the review file first: they say which sources must stay whole.
  // Per coder file, its rows and its diagnostics (placing the rows adds to them later).
  const coderFiles = await readCoderFiles(study.root, displayPath);
  const rows = coderFiles.flatMap((f) => f.rows);
  const reviewDiags = new Diagnostics();
  const review = await readReview(study.root, reviewDiags, (abs) => displayPath(abs));
  const keep = new Set<string>();
  for (const r of rows) {
    if (r.source) for (const k of refKeys(r.source)) keep.add(k);
    if (r.segment) for (const k of refKeys(r.segment.slice(0, r.segment.lastIndexOf(':')))) keep.add(k);
  }
  for (const d of review) keep.add(d.segment.slice(0, d.segment.lastIndexOf(':')));

  const planned = await plan(study, readDiags);
  const settings: PassSettings = { study, informants, codes, interviewer: options.interviewer ?? false, keep, keepAll: options.keepAll ?? false, codedText: options.codedText ?? false };
  const small = (await plannedBytes(study.root, planned, PARALLEL_MIN_BYTES)) <= PARALLEL_MIN_BYTES;
  const jobs = options.jobs ?? (small ? 1 : defaultJobs(planned));
  // The per-file cache is for small studies, whose runs are start-up: on a large corpus it
  // would double the disk a study takes and make the benchmarks measure the cache.
  const cache = small ? PassCache.open(settings, codebook) : undefined;
  const passes =
    jobs > 1 && planned.length > 1 && workersAvailable() ? await runInWorkers(settings, planned, jobs) : await runHere(settings, planned, codebook, cache);

  // The same rules as readSources: the first file with an id wins; sources sorted by id.
  const sources: Source[] = [];
  const segments: Segment[] = [];
  const wholeSegments: Segment[] = [];
  const auto: Coding[] = [];
  const inlineBySource: { id: string; codings: Coding[] }[] = [];
  const lines = new Map<string, number[]>();
  const speakers = new Map<string, readonly string[]>();
  let segmentCount = 0;
  const ids = new Map<string, string>();
  const inlineDiags = new Diagnostics();
  const accepted: SourcePass[] = [];
  for (const p of passes) {
    for (const d of p.readDiagnostics) readDiags.add(d);
    if (p.source && claimId(ids, p.source, study.root, readDiags)) accepted.push(p);
  }
  // Files were read in path order; everything downstream lists sources (and their segments) by id.
  accepted.sort((a, b) => byId(a.source!, b.source!));
  for (const p of accepted) {
    const source = p.source!;
    sources.push(source);
    for (const s of p.segments) segments.push(s);
    if (p.whole) for (const s of p.segments) wholeSegments.push(s);
    for (const c of p.auto) auto.push(c);
    if (p.inline.length) inlineBySource.push({ id: source.id, codings: p.inline });
    for (const d of p.inlineDiagnostics) inlineDiags.add(d);
    if (p.lines) lines.set(source.id, p.lines);
    segmentCount += p.segmentCount;
    if (p.speakers.length) speakers.set(source.id, p.speakers);
  }

  // Manual codings and review decisions only reach whole sources (see `keep`), so only their
  // segments need indexing.
  const segIndex = new SegmentIndex(wholeSegments);
  const ctx = { sources: new SourceIndex(sources), segments: segIndex, codes };
  const fromCsv = coderFiles.flatMap((f) => resolveManualRows(f.rows, ctx, f.diags));
  const manualDiags = coderFiles.flatMap((f) => f.diags.items);
  const manual = [...inlineBySource.flatMap((x) => x.codings), ...fromCsv];
  checkReview(review, segIndex, codes, reviewDiags);

  // Diagnostics in the order the in-memory pipeline gives them.
  for (const part of [readDiags.items, codebookDiags.items, manualDiags, inlineDiags.items, reviewDiags.items]) for (const d of part) diags.add(d);
  const mode = mergeModeOf(study, options.merge, diags);
  const codings = sortCodings(mergeCodings(auto, manual, mode, review, diags));
  const analysis: Analysis = { study, informants, sources, segments, codebook, codings, diagnostics: diags.items };
  return { analysis, parts: { auto, manual, review, mode }, rows: new StreamRows(analysis, lines), lines, segmentCount, speakers };
}

/** Line numbers from line starts kept when the text was let go. */
class StreamRows extends RowMaker {
  constructor(
    data: { sources: Iterable<Source>; segments: Iterable<Segment>; informants: Iterable<Informant> },
    private readonly lines: ReadonlyMap<string, number[]>,
  ) {
    super(data);
  }

  override lineOf(src: Source | undefined, offset: number): number {
    const starts = src ? this.lines.get(src.id) : undefined;
    if (!src || !starts) return super.lineOf(src, offset);
    return src.bodyLine + lineColAt(starts, offset).line - 1;
  }
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
async function runHere(settings: PassSettings, planned: readonly Planned[], codebook: Codebook, cache: PassCache | undefined): Promise<SourcePass[]> {
  const byInformant = informantMap(settings.informants);
  let matcher: Matcher | undefined;
  // The readers, the segmenter and the coder are loaded with the first file that needs them.
  const make = (p: Planned) => async (bytes?: Uint8Array) => {
    const [{ passSource }, { compileCodebook }] = await Promise.all([import('./source-pass.js'), import('../match/compile.js')]);
    return passSource(settings, (matcher ??= compileCodebook(codebook)), p, byInformant, bytes);
  };
  const out = new Array<SourcePass>(planned.length);
  let next = 0;
  const lane = async () => {
    while (next < planned.length) {
      const i = next++;
      const p = planned[i]!;
      out[i] = cache ? await cache.pass(p, make(p)) : await make(p)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, planned.length) }, lane));
  return out;
}
