import type { CodeMatch } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Span } from '../model/span.js';
import { CONTEXT_CHARS, isSpace } from './quote-context.js';

// The Coding constructor of automatic coding, in its own module so both the rule coder
// (auto.ts) and the question-context coder (question-context.ts) can build codings without
// importing each other: auto.ts runs the question context, so the other way round was a loop.

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

export function trimmed(span: Span, text: string, base: number): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start - base))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1 - base))) end--;
  return { start, end };
}
