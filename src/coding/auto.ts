import type { CodeMatch, Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Span } from '../model/span.js';
import { CONTEXT_CHARS, isSpace } from './quote-context.js';
import { QuestionContext } from './question-context.js';

export interface AutoOptions {
  /** Also code interviewer turns (normally kept for context only). */
  interviewer?: boolean;
  /**
   * The full text of a source, so prefix/suffix can reach past the segment; without it they
   * stop at the segment's edges.
   */
  sourceText?: (sourceId: string) => string | undefined;
  /** Code answers for the attribute their interviewer question asks about (default true; see question-context.ts). */
  questionContext?: boolean;
}

/**
 * The codebook applied to every codable segment: one Coding per (segment, code) the matcher
 * reports. The coded span runs from the start of the sentence holding the first match to the
 * end of the sentence holding the last one (inside the segment body), so the quote is a
 * readable excerpt rather than a lone keyword or a whole long turn.
 */
export function autoCode(segments: Iterable<Segment>, matcher: Matcher, opts: AutoOptions = {}): Coding[] {
  const out: Coding[] = [];
  let lastSource = '';
  let text: string | undefined;
  const context = opts.questionContext === false ? undefined : new QuestionContext(matcher);
  for (const seg of segments) {
    if (seg.interviewer && !opts.interviewer && !context) continue;
    if (opts.sourceText && seg.sourceId !== lastSource) {
      lastSource = seg.sourceId;
      text = opts.sourceText(seg.sourceId);
    }
    if (seg.interviewer) {
      context?.ask(seg, text);
      if (!opts.interviewer) continue;
    }
    const from = out.length;
    codeSegment(seg, matcher, out, text);
    if (!seg.interviewer) context?.answer(seg, out, from, text);
  }
  return out;
}

/** Codes one segment into `out`. `sourceText` (when known) is the whole text of its source. */
export function codeSegment(seg: Segment, matcher: Matcher, out: Coding[], sourceText?: string): void {
  const off = seg.span.start;
  const body =
    seg.body.start === seg.span.start && seg.body.end === seg.span.end ? seg.text : seg.text.slice(seg.body.start - off, seg.body.end - off);
  if (body.length === 0) return;
  const found = matcher.match(body, seg.body.start, seg.sentences);
  if (found.length === 0) return;
  // Offsets into `text` are absolute when it is the source, relative to the segment otherwise.
  const text = sourceText ?? seg.text;
  const base = sourceText === undefined ? off : 0;
  for (const m of found) {
    out.push(autoCoding(seg, m, excerptSpan(seg, m, text, base), text, base));
  }
}

/**
 * One automatic coding of `seg` over `span`, with its quote and the context either side cut from
 * `text` (the source's text when `base` is 0, else the segment's own text starting at `base`).
 */
export function autoCoding(
  seg: Segment,
  m: Pick<CodeMatch, 'code' | 'valence' | 'matches' | 'cues' | 'score'>,
  span: Span,
  text: string,
  base: number,
): Coding {
  if (span.end - span.start > MAX_QUOTE_CHARS) {
    // Around the first matched word or cue inside the span (a question-context coding's match is
    // the question, before it), else from the span's start.
    const inside = [...m.matches, ...m.cues].map((r) => r.span).filter((r) => r.start >= span.start && r.start < span.end);
    const first = inside.reduce<Span | undefined>((a, r) => (a === undefined || r.start < a.start ? r : a), undefined);
    span = window(span, first ?? { start: span.start, end: span.start }, text, base);
  }
  const s = span.start - base;
  const e = span.end - base;
  return {
    segmentId: seg.id,
    sourceId: seg.sourceId,
    code: m.code,
    valence: m.valence,
    coder: 'auto',
    origin: 'rule',
    status: 'auto',
    span,
    quote: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, Math.min(text.length, e + CONTEXT_CHARS)),
    matches: m.matches,
    cues: m.cues,
    score: m.score,
  };
}

function excerptSpan(seg: Segment, m: CodeMatch, text: string, base: number): Span {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of m.matches) {
    if (r.span.start < lo) lo = r.span.start;
    if (r.span.end > hi) hi = r.span.end;
  }
  if (lo === Infinity) return trimmed(seg.body, text, base);
  const sents = seg.sentences;
  if (sents.length > 0) {
    const first = sentenceAt(sents, lo);
    const last = sentenceAt(sents, Math.max(lo, hi - 1));
    if (first) lo = Math.min(lo, first.start);
    if (last) hi = Math.max(hi, last.end);
  }
  return trimmed({ start: Math.max(lo, seg.body.start), end: Math.min(hi, seg.body.end) }, text, base);
}

/**
 * The longest quote an automatic coding takes. A quote is the sentences around the matched
 * words, but a turn without full stops (a recording transcribed in one line, a pasted document)
 * is one sentence of any length: every coding of a 50 MB line quoted it whole, and writing
 * them ran out of memory. Longer than all but a handful of quotes in the sample studies.
 */
export const MAX_QUOTE_CHARS = 1200;

/**
 * A window of at most MAX_QUOTE_CHARS within `span`, from a third of it before the first matched
 * words, cut at spaces so no word is split where a space is near. A match longer than the window
 * (a regex can match a whole turn) is cut too.
 */
function window(span: Span, first: Span, text: string, base: number): Span {
  let start = Math.max(span.start, first.start - Math.floor(MAX_QUOTE_CHARS / 3));
  let end = Math.min(span.end, start + MAX_QUOTE_CHARS);
  if (start > span.start) {
    let k = start;
    while (k < first.start && !isSpace(text.charCodeAt(k - 1 - base))) k++;
    start = k;
  }
  if (end < span.end) {
    let k = end;
    const floor = Math.max(start + 1, Math.min(first.end, end));
    while (k > floor && !isSpace(text.charCodeAt(k - base))) k--;
    if (k > floor) end = k;
  }
  return trimmed({ start, end }, text, base);
}

function sentenceAt(sents: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sents[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = sents[lo]!;
  return s.start <= offset && offset < s.end ? s : undefined;
}

function trimmed(span: Span, text: string, base: number): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start - base))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1 - base))) end--;
  return { start, end };
}
