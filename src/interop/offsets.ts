/**
 * REFI-QDA counts text positions in Unicode code points (§10.2); JavaScript strings index
 * UTF-16 code units. The two differ by one for every character outside the Basic Multilingual
 * Plane (emoji, some CJK) before the position. A converter is built once per text, so turning
 * thousands of selections costs a binary search each, not a walk over the text.
 */

export interface OffsetConverter {
  /** Length of the text in code points. */
  readonly codePoints: number;
  /** Code-point index of UTF-16 offset `u16`; an offset inside a surrogate pair gives its character's index. */
  toCodePoints(u16: number): number;
  /** UTF-16 offset of code-point index `cp`. */
  toUtf16(cp: number): number;
}

/** Counts elements of the sorted `xs` below `v`. */
function countBelow(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function offsetConverter(text: string): OffsetConverter {
  // UTF-16 offsets of the high half of each well-formed surrogate pair; a lone surrogate is one
  // code point on its own, as the string iterator and a UTF-8 encoder (as U+FFFD) treat it.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  // The code-point index of each pair, for the reverse direction.
  const pairCps = pairs.map((u, k) => u - k);
  return {
    codePoints: text.length - pairs.length,
    toCodePoints: (u16) => u16 - countBelow(pairs, u16),
    toUtf16: (cp) => cp + countBelow(pairCps, cp),
  };
}
