/**
 * Word tokens with offsets. A word is a run of Unicode letters, marks and digits; a hyphen or
 * an apostrophe between two word characters joins (`M-Paspor`, `buku-buku`, `covid-19`,
 * `don't`), so reduplicated Indonesian words and English contractions stay one token.
 *
 * The scanner works on UTF-16 code units with an ASCII fast path and a per-code-unit class
 * cache for the rest of the BMP: this is the innermost loop of automatic coding.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Case-folded form of `text`. */
  norm: string;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// 0 = unknown, 1 = word character, 2 = not a word character (BMP code units only).
const classCache = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  classCache[c] = word ? 1 : 2;
}

export function isJoiner(c: number): boolean {
  return c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 0x2010; /* ‐ */
}

/** Width in code units of the word character at i (1 or 2), or 0 when it is not one. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let k = classCache[c]!;
  if (k === 1) return 1;
  if (k === 2) return 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    classCache[c] = 2;
    return 0;
  }
  k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  classCache[c] = k;
  return k === 1 ? 1 : 0;
}

/**
 * Call `emit(start, end)` for each word of `text` (offsets relative to `text`), in order.
 * The matcher uses this directly to avoid allocating Token objects.
 */
export function scanWords(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, i);
    emit(start, i);
  }
}

/** End of the word that starts at `start` (which must be a word character). */
export function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  let w: number;
  for (;;) {
    while (i < n && (w = wordCharAt(text, i)) !== 0) i += w;
    // A joiner continues the word only when a word character follows it.
    if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1) !== 0) {
      i += 1;
      continue;
    }
    return i;
  }
}

/** Case folding used everywhere a word is compared: locale-independent lower case. */
export function foldCase(s: string): string {
  return s.toLowerCase();
}

/** Tokens of `text`; `base` is added to every offset so spans can be absolute in the source. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  scanWords(text, (start, end) => {
    const t = text.slice(start, end);
    out.push({ start: start + base, end: end + base, text: t, norm: foldCase(t) });
  });
  return out;
}
