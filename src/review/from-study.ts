import { ruleIds } from '../render/coding-rows.js';
import { codeLabel } from '../codebook/codes.js';
import { isUnder } from '../coding/merge.js';
import type { Analysis } from '../model/analysis.js';
import { isSuggestion } from '../index/counted.js';
import { LEARNED_CODER } from '../coding/learn.js';
import type { Lang } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { Corpus } from '../pipeline/run.js';
import { lineAt, type LinePlace } from '../segment/lines.js';
import type { CodeChoice, ReviewItem, ReviewProposal, TextRange } from './types.js';

/** Which segments a review walks (`qia review --code … --source … --informant …`). */
export interface ReviewFilter {
  code?: string;
  source?: string;
  informant?: string;
}

/** How much of a neighbouring turn is shown as context. */
const CONTEXT_CHARS = 400;

/**
 * The segments with automatic codings to review, in source and text order, each with its words,
 * who said them, where, the turns around it (the interviewer's question apart) and the codings
 * as the codebook proposed them; the reviewer's own earlier decisions are applied after
 * (replayLog), so a resumed review shows what the log says.
 */
export function reviewItems(proposed: readonly Coding[], corpus: Corpus, analysis: Analysis, filter: ReviewFilter = {}): ReviewItem[] {
  const bySegment = new Map<string, Coding[]>();
  for (const c of proposed) {
    if (filter.code !== undefined && !isUnder(c.code, filter.code)) continue;
    bySegment.set(c.segmentId, [...(bySegment.get(c.segmentId) ?? []), c]);
  }
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const informants = new Map(analysis.informants.map((i) => [i.id, i]));
  const items: ReviewItem[] = [];
  corpus.segments.forEach((seg, i) => {
    const codings = bySegment.get(seg.id);
    const source = sources.get(seg.sourceId);
    if (!codings || !source || !wanted(seg, source, filter)) return;
    const prev = corpus.segments[i - 1]?.sourceId === seg.sourceId ? corpus.segments[i - 1] : undefined;
    const next = corpus.segments[i + 1]?.sourceId === seg.sourceId ? corpus.segments[i + 1] : undefined;
    const who = seg.informant ?? source.informant;
    const item: ReviewItem = {
      id: seg.id,
      source: seg.sourceId,
      sourcePath: source.path,
      kind: source.kind,
      line: seg.line,
      endLine: seg.endLine,
      text: seg.text,
      proposals: codings.map((c) => proposal(c, seg, analysis.counting)),
    };
    if (who !== undefined) item.informant = who;
    const role = (who !== undefined ? informants.get(who)?.role : undefined) ?? source.role;
    if (role) item.role = role;
    if (prev?.interviewer) item.question = clip(prev.text);
    else if (prev) item.before = clip(prev.text);
    if (next) item.after = clip(next.text);
    items.push(item);
  });
  return items;
}

function wanted(seg: Segment, source: Source, filter: ReviewFilter): boolean {
  if (filter.source !== undefined && !sameSource(source, filter.source)) return false;
  if (filter.informant !== undefined && (seg.informant ?? source.informant)?.toLowerCase() !== filter.informant.toLowerCase()) return false;
  return true;
}

/** A source named by its id, its path, or its path without `sources/` or extension. */
export function sameSource(source: Pick<Source, 'id' | 'path'>, ref: string): boolean {
  const clean = ref
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/^sources\//, '');
  const path = source.path.replace(/^sources\//, '');
  return clean === source.id || clean === path || clean === path.replace(/\.[^./]+$/, '');
}

function proposal(c: Coding, seg: Segment, counting: Analysis['counting']): ReviewProposal {
  const p: ReviewProposal = {
    code: c.code,
    valence: c.valence,
    status: 'auto',
    matches: inside(
      c.matches.map((m) => m.span),
      seg,
    ),
    cues: inside(
      c.cues.map((m) => m.span),
      seg,
    ),
    origin: c.coder === LEARNED_CODER ? 'learned' : 'rule',
    coder: c.coder,
    score: c.score,
  };
  const rule = ruleIds(c);
  if (rule) p.rule = rule;
  // Why it was proposed (question, lead-in, prior, learned words): the reviewer judges by it.
  if (c.memo) p.reason = c.memo;
  // Under coding.min_score: shown for review, not counted until accepted.
  if (isSuggestion(c, counting)) p.suggestion = true;
  return p;
}

/** Spans inside the segment, as offsets into its own text (a question-context match lies in the question). */
function inside(spans: readonly TextRange[], seg: Segment): TextRange[] {
  return spans.filter((s) => s.start >= seg.span.start && s.end <= seg.span.end).map((s) => ({ start: s.start - seg.span.start, end: s.end - seg.span.start }));
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > CONTEXT_CHARS ? one.slice(0, CONTEXT_CHARS - 1) + '…' : one;
}

/** The codebook's codes to choose from when changing or adding a code, labelled in the review's language. */
export function codeChoices(analysis: Analysis, lang: Lang): CodeChoice[] {
  return analysis.codebook.codes.map((c) => ({ id: c.id, label: codeLabel(analysis.codebook, c.id, lang), group: c.group }));
}

/** The line a decision about a coding points at: where its words start. */
export function codingLine(source: LinePlace, c: Pick<Coding, 'span'>): number {
  return lineAt(source, c.span.start);
}
