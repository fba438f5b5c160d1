import { forEachLetterRun } from '../util/letter-runs.js';

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
  // Quick rejections before a run is cut out and lower-cased: its length and first letter.
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const w of words) {
    lengths.add(w.length);
    firsts.add(w.charCodeAt(0));
  }
  // The last text's sites: a segment is asked about several times (its names, its definitions).
  let lastText: string | undefined;
  let last: number[] = [];
  return (text: string): readonly number[] => {
    if (text === lastText) return last;
    const out: number[] = [];
    forEachLetterRun(text, (start, end, ascii) => {
      if (!ascii || (lengths.has(end - start) && firsts.has(text.charCodeAt(start) | 0x20) && words.has(text.slice(start, end).toLowerCase()))) out.push(start);
    });
    lastText = text;
    last = out;
    return out;
  };
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
