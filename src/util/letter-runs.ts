/**
 * The runs of letters (`\p{L}`, by code point) of a text, found by a loop over its char codes:
 * what `text.match(/\p{L}+/gu)` finds, without a regex pass and an array per text. ASCII is told
 * by its code; any other character by the regex, one code point at a time (rare in the texts
 * qia codes, so it costs little).
 */

const LETTER = /\p{L}/u;

/** Whether the code unit is an ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isLetterCodePoint(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp));
}

/** Whether the code point at `i` of `text` is a letter (`\p{L}`). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiLetter(c) : isLetterCodePoint(text.codePointAt(i)!);
}

/** Where the run of letters from `i` ends (`i` itself when no letter is there). */
export function letterRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && isLetterAt(text, i)) i += text.charCodeAt(i) < 128 || text.codePointAt(i)! <= 0xffff ? 1 : 2;
  return i;
}

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
    if (c < 128) letter = isAsciiLetter(c);
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      letter = isLetterCodePoint(cp);
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
