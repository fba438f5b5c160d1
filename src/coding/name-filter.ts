import { isAsciiLetter, isLetterAt, letterRunEnd } from '../util/letter-runs.js';

/**
 * Where in a text a name may start, so that the namer's regexes (decide.ts: one of every name,
 * and one of each code's names and of its definitions) are tried there only and not at every
 * position of every segment (with their lookbehind, those passes cost more than the rest of the
 * decision). Same answers, for this reason:
 *
 * The regexes match a name `n` where a run of letters starts (no letter before) and,
 * case-insensitively, `n`'s leading run of letters `L` there; after `L` comes `n`'s next
 * character, not a letter, or (when `n` is `L` alone) an optional "nya" and then no letter. So
 * the text's run of letters starting there is `L`, or `L` + "nya" when `n` is one word. Each run
 * is looked up in that set of words (lower-cased: for ASCII letters, what the regex's case
 * folding does); a run with a letter beyond ASCII is kept without the lookup. The caller tries
 * its regex without the lookbehind, sticky, at each start kept (`matchAt`). There are no sites
 * (undefined: the caller runs its regexes as they are) when a name does not start with ASCII
 * letters followed by an ASCII character or its end, as other characters fold in ways
 * lower-casing does not (the long s folds to "s").
 */
export function nameSites(names: readonly string[]): ((text: string) => readonly number[]) | undefined {
  const words = new Set<string>();
  for (const name of names) {
    let end = 0;
    while (end < name.length && isLowerAscii(name.charCodeAt(end))) end++;
    if (end === 0) return undefined;
    if (end === name.length) {
      words.add(name);
      words.add(`${name}nya`);
      continue;
    }
    const next = name.charCodeAt(end);
    if (next >= 128 || isLowerAscii(next) || (next >= 65 && next <= 90)) return undefined;
    words.add(name.slice(0, end));
  }
  // The words by length, for a comparison in place (no run is cut out or lower-cased).
  const byLength: string[][] = [];
  for (const w of words) (byLength[w.length] ??= []).push(w);
  // The last text's sites: a segment is asked about several times (its names, its definitions).
  let lastText: string | undefined;
  let last: number[] = [];
  return (text: string): readonly number[] => {
    if (text === lastText) return last;
    const out: number[] = [];
    const n = text.length;
    for (let i = 0; i < n;) {
      const c = text.charCodeAt(i);
      if (c < 128 && !isAsciiLetter(c)) {
        i++;
        continue;
      }
      // A run of letters starts at i (what came before was no letter).
      let j = i;
      while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
      if (j === i || (j < n && text.charCodeAt(j) >= 128 && isLetterAt(text, j))) {
        // A letter beyond ASCII: the run (if it is one) is a site without the lookup.
        j = letterRunEnd(text, j);
        if (j > i) out.push(i);
        else j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
      } else if (isWord(byLength[j - i], text, i)) out.push(i);
      i = j;
    }
    lastText = text;
    last = out;
    return out;
  };
}

/** Whether the ASCII letters text[i…] (as many as the words are long), lower-cased, are one of `words`. */
function isWord(words: readonly string[] | undefined, text: string, i: number): boolean {
  if (words === undefined) return false;
  for (const w of words) {
    let k = 0;
    while (k < w.length && (text.charCodeAt(i + k) | 0x20) === w.charCodeAt(k)) k++;
    if (k === w.length) return true;
  }
  return false;
}

/** The first match of `sticky` (a regex with the `y` flag) starting at one of `sites`, in order. */
export function matchAt(sticky: RegExp, text: string, sites: readonly number[]): RegExpExecArray | null {
  for (const s of sites) {
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m) return m;
  }
  return null;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
