import type { Span } from '../model/span.js';

/**
 * Words that end in a period without ending the sentence, lower-cased, without the period.
 * Indonesian first (dll. dsb. dst. Bpk. Kab. Rp.), then English. Tokens with an inner period
 * (S.Sos., M.Si., e.g., i.e., a.n.) and single-letter initials are recognised by shape.
 */
const ABBREVIATIONS = new Set([
  'dll',
  'dsb',
  'dst',
  'dkk',
  'dg',
  'dgn',
  'yg',
  'tsb',
  'sbb',
  'spt',
  'krn',
  'utk',
  'tdk',
  'sdh',
  'blm',
  'bpk',
  'bp',
  'ib',
  'sdr',
  'sdri',
  'kab',
  'kec',
  'kel',
  'ds',
  'prov',
  'jl',
  'jln',
  'rt',
  'rw',
  'hal',
  'hlm',
  'tgl',
  'th',
  'thn',
  'rp',
  'pt',
  'cv',
  'tbk',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'hj',
  'kh',
  'st',
  'sp',
  'kep',
  'ttd',
  'lamp',
  'mr',
  'mrs',
  'ms',
  'jr',
  'sr',
  'vs',
  'etc',
  'approx',
  'fig',
  'vol',
  'ed',
  'eds',
  'pp',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'cf',
  'al',
  'ca',
  'min',
  'max',
  'nr',
  'ref',
]);
/** Abbreviations that only hold before a number: "No. 14", "Hal. 5" (but "no." may end an English sentence). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'nomor', 'art', 'ps', 'p']);

const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '«', '*', '_']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** The word that ends right before `dot`, without leading quotes or brackets. */
function tokenBefore(text: string, dot: number, floor: number): { token: string; start: number } {
  let i = dot;
  while (i > floor && !isSpace(text.charCodeAt(i - 1))) i--;
  let start = i;
  while (start < dot && OPENERS.has(text[start]!)) start++;
  return { token: text.slice(start, dot), start };
}

/** True when the period at `dot` belongs to an abbreviation, an initial or a list number. */
function periodIsNotAnEnd(text: string, dot: number, sentenceStart: number, nextChar: string): boolean {
  const { token, start } = tokenBefore(text, dot, sentenceStart);
  if (token === '') return false;
  const lower = token.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower) && isDigit(nextChar)) return true;
  // S.Sos. M.Si. e.g. i.e. a.n. U.S. : an inner period marks an abbreviation.
  if (/^\p{L}{1,4}(?:\.\p{L}{1,4})+$/u.test(token)) return true;
  // An initial: "H. Ahmad", "A. Rahman".
  if (/^\p{Lu}$/u.test(token)) return true;
  // A list number at the start of a sentence or a line: "1. Daftar online".
  if (/^\d{1,3}$/.test(token) && (start === sentenceStart || text.charCodeAt(start - 1) === 10)) return true;
  return false;
}

const CANDIDATE = /[.!?…]|\n[ \t]*\n/g;

/**
 * Sentence spans inside text[start, end), trimmed of white space, in order. Linear: each
 * character is looked at a bounded number of times. A blank line always ends a sentence.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) spans.push({ start: a, end: b });
  };
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  CANDIDATE.lastIndex = s;
  for (let m = CANDIDATE.exec(text); m && m.index < end; m = CANDIDATE.exec(text)) {
    const i = m.index;
    if (m[0].startsWith('\n')) {
      push(s, i);
      s = i + m[0].length;
      continue;
    }
    // The whole run of terminators ("?!", "...") and any closing quotes or brackets after it.
    let j = i;
    while (j < end && '.!?…'.includes(text[j]!)) j++;
    const run = text.slice(i, j);
    while (j < end && CLOSERS.has(text[j]!)) j++;
    CANDIDATE.lastIndex = j;
    if (j >= end) break;
    if (!isSpace(text.charCodeAt(j))) continue; // 3.5, www.example.id, "ok.Lalu" (typo) stay whole
    let k = j;
    while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0xa0)) k++;
    if (k >= end) break;
    const next = text[k]!;
    if (next === '\n') {
      // A single line break: the next line decides, unless it is blank (handled as a candidate).
      let k2 = k + 1;
      while (k2 < end && (text.charCodeAt(k2) === 32 || text.charCodeAt(k2) === 9)) k2++;
      if (k2 >= end || text[k2] === '\n') continue;
      k = k2;
    }
    const c = text[k]!;
    if (isLower(c)) continue;
    if (run === '.' && periodIsNotAnEnd(text, i, s, c)) continue;
    const ellipsis = run.includes('…') || run.startsWith('..');
    if (ellipsis && !/\p{Lu}/u.test(c)) continue;
    push(s, j);
    s = k;
    CANDIDATE.lastIndex = k;
  }
  push(s, end);
  return spans;
}
