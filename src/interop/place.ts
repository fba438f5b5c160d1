import { baseText, toUtf16, type OffsetReading } from './offset-units.js';
import { offsetConverter } from './offsets.js';
import { trimSpan } from '../coding/quote-context.js';
import { normalizeText } from '../sources/normalize.js';

/**
 * Selections of a stored text, placed in the text qia will read. Positions count in the file's
 * reading (offset-units.ts) over the text as stored; qia reads it normalised (CRLF → LF, NFC),
 * so each position goes to a UTF-16 offset of the stored text, then through the normaliser's
 * offset map into the normalised text. A placed selection is trimmed of surrounding white space
 * (as qia trims every coding) and carries 32 characters of context each side, the anchor qia's
 * coder files use to find a quote again.
 */

export interface Placed {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface Placer {
  /** The text qia will read. */
  text: string;
  /** A selection's place, or why it has none. */
  place(start: number, end: number): Placed | 'out-of-range' | 'empty';
}

const CONTEXT = 32;

/** Smallest offset of the normalised text whose original offset is at least `o`. */
function toNormalised(map: { toOriginal(n: number): number }, length: number, o: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.toOriginal(mid) >= o) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Moves an offset off the low half of a surrogate pair, so no slice splits a character. */
function whole(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}

export function placer(stored: string, reading: OffsetReading): Placer {
  const base = baseText(stored, reading);
  const norm = normalizeText(base);
  const text = norm.text;
  const conv = offsetConverter(base);
  const at = (pos: number) => {
    const u = toUtf16(base, pos, reading, conv);
    return u === undefined || text === base ? u : toNormalised(norm.map, text.length, u);
  };
  return {
    text,
    place(start, end) {
      const s0 = at(start);
      const e0 = at(end);
      if (s0 === undefined || e0 === undefined || s0 > e0) return 'out-of-range';
      const { start: s, end: e } = trimSpan(text, { start: s0, end: e0 });
      if (s === e) return 'empty';
      return {
        start: s,
        end: e,
        quote: text.slice(s, e),
        prefix: text.slice(whole(text, Math.max(0, s - CONTEXT)), s),
        suffix: text.slice(e, whole(text, Math.min(text.length, e + CONTEXT))),
      };
    },
  };
}
