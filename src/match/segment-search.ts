import type { Span } from '../model/span.js';
import type { TokenBuffer } from './patterns.js';

// Binary searches of the segment matcher, each over data already sorted by position.

/** Index of the sentence holding a relative offset (0 when the caller gave no sentences). */
export function sentenceLocator(sentences: readonly Span[], base: number): (rel: number) => number {
  if (sentences.length === 0) return () => 0;
  return (rel) => {
    const abs = base + rel;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= abs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** Whether a match lies wholly within [from, to] (matches sorted by start). */
export function matchBetween(matches: readonly { start: number; end: number }[], from: number, to: number): boolean {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < matches.length && matches[j]!.start <= to; j++) if (matches[j]!.end <= to) return true;
  return false;
}

/** Index in [lo, hi) of the first entry of `firsts` (sorted) at or after `token`. */
export function firstFrom(firsts: Int32Array, lo: number, hi: number, token: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firsts[mid]! < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token starting at or after a relative offset. */
export function firstTokenFrom(buf: TokenBuffer, rel: number): number {
  let lo = 0;
  let hi = buf.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buf.starts[mid]! < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether sorted `list` holds `x`. */
export function holds(list: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}
