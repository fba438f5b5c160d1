import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Terminal columns of text. string-width builds an Intl.Segmenter and Unicode-property
 * regexes when it is imported, which was 40 of the loop's first 100 ms of CPU; transcripts are
 * nearly all ASCII and Latin, so this asks East Asian Width per cluster and segments graphemes
 * only for text that has clusters (marks, joiners, emoji modifiers, flags, Hangul jamo).
 */

const ASCII = /^[\u0020-\u007e\n]*$/;
// A class of single code points on purpose (any one of them means the text has clusters).
// eslint-disable-next-line no-misleading-character-class
const CLUSTERING = /[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{e0020}-\u{e007f}]/u;
// Takes no column: combining and enclosing marks, format characters (joiners, selectors, bidi controls), controls.
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const SPACING_MARK = /^\p{Mc}$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const FLAG = /\p{Regional_Indicator}/u;

let segmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of `s`, each to be laid in its cell(s) whole. */
export function graphemes(s: string): string[] {
  if (ASCII.test(s) || !CLUSTERING.test(s)) return Array.from(s);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Columns of one grapheme: its first visible code point's width, as terminals lay clusters. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = 0;
  let base = true;
  for (const ch of g) {
    if (ZERO.test(ch)) continue;
    if (base) {
      w = eastAsianWidth(ch.codePointAt(0)!);
      base = false;
    } else if (SPACING_MARK.test(ch)) w += 1;
  }
  // An emoji asked for in emoji style (VS16), and a flag's pair of letters, take two columns.
  if (w === 1 && ((g.includes('\ufe0f') && PICTOGRAPH.test(g)) || FLAG.test(g))) w = 2;
  return w;
}

export function width(s: string): number {
  if (ASCII.test(s)) return s.length - (s.match(/\n/g)?.length ?? 0);
  let w = 0;
  for (const g of graphemes(s)) w += graphemeWidth(g);
  return w;
}
