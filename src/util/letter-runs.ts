/**
 * The runs of letters (`\p{L}`, by code point) of a text, found by a loop over its char codes:
 * what `text.match(/\p{L}+/gu)` finds, without a regex pass and an array per text. ASCII is told
 * by its code; any other character by the regex, one code point at a time (rare in the texts
 * qia codes, so it costs little).
 */

const LETTER = /\p{L}/u;

/**
 * Calls `f(start, end, ascii)` for each run of letters of `s` in order (`end` exclusive; `ascii`:
 * every letter of the run is ASCII). Stops early when `f` returns true, and then returns true.
 */
export function forEachLetterRun(s: string, f: (start: number, end: number, ascii: boolean) => boolean | void): boolean {
  let start = -1;
  let ascii = true;
  const n = s.length;
  for (let i = 0; i < n;) {
    const c = s.charCodeAt(i);
    let width = 1;
    let letter: boolean;
    if (c < 128) letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      letter = LETTER.test(String.fromCodePoint(cp));
    }
    if (letter) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 128) ascii = false;
    } else if (start >= 0) {
      if (f(start, i, ascii) === true) return true;
      start = -1;
    }
    i += width;
  }
  return start >= 0 && f(start, n, ascii) === true;
}
