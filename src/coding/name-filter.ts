import { forEachLetterRun } from '../util/letter-runs.js';

/**
 * Whether a text names an attribute: the namer's regex of every name (decide.ts) answered
 * without running it at every position of every segment (with its lookbehind, that pass cost
 * more than the rest of the decision). Same answer, for this reason:
 *
 * The regex matches a name `n` where a run of letters starts (no letter before) and,
 * case-insensitively, `n`'s leading run of letters `L` there; after `L` comes `n`'s next
 * character, not a letter, or (when `n` is `L` alone) an optional "nya" and then no letter. So
 * the text's run of letters starting there is `L`, or `L` + "nya" when `n` is one word. The test
 * looks each run up in that set of words (lower-cased: for ASCII letters, what the regex's case
 * folding does) and tries the names only where one is found (`atWord`: the regex without its
 * lookbehind, sticky). A run with a letter beyond ASCII is tried without the lookup. The test is
 * off (undefined: the caller runs the regex) when a name does not start with ASCII letters
 * followed by an ASCII character or its end, as other characters fold in ways lower-casing does
 * not (the long s folds to "s").
 */
export function nameFilter(names: readonly string[], atWord: RegExp): ((text: string) => boolean) | undefined {
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
  // Quick rejections before a run is cut out and lower-cased: its length and first letter.
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const w of words) {
    lengths.add(w.length);
    firsts.add(w.charCodeAt(0));
  }
  const matchesAt = (text: string, start: number): boolean => {
    atWord.lastIndex = start;
    return atWord.test(text);
  };
  return (text: string): boolean =>
    forEachLetterRun(text, (start, end, ascii) => {
      if (!ascii) return matchesAt(text, start);
      if (!lengths.has(end - start) || !firsts.has(text.charCodeAt(start) | 0x20)) return false;
      return words.has(text.slice(start, end).toLowerCase()) && matchesAt(text, start);
    });
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
