import type { Span } from '../model/span.js';

/** Characters kept on each side of a quote so it can be found again after the text is edited. */
export const CONTEXT_CHARS = 32;

export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
}

/** The quote at `span` with up to CONTEXT_CHARS of text before and after it (a TextQuoteSelector). */
export function quoteContext(text: string, span: Span, width: number = CONTEXT_CHARS): QuoteContext {
  return {
    quote: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - width), span.start),
    suffix: text.slice(span.end, Math.min(text.length, span.end + width)),
  };
}

/** Shrinks a span so it neither starts nor ends on whitespace (an empty span stays where it is). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0x2007 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000
  );
}
